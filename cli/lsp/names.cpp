#include "cli/lsp/names.hpp"

namespace clause::cli::lsp {

std::vector<Occurrence> contract_names(const std::vector<engine::Reference>& references) {
  std::vector<Occurrence> out;
  out.reserve(references.size());
  for (const engine::Reference& r : references) out.push_back({r.span, {r.to, r.body}, r.declares});
  return out;
}

namespace {

// Collects the names a scenario writes, each looked up in the contract.
class ScenarioNames {
 public:
  explicit ScenarioNames(const engine::Contract* contract) : contract_(contract) {}

  void name(const dsl::Ident& name) {
    if (name.text.empty() || name.span.end <= name.span.begin) return;  // a part the parser never reached
    Target t;
    if (contract_ != nullptr) {
      if (const auto ref = contract_->find(name.text)) t.decl = *ref;
    }
    out_.push_back({name.span, t, false});
  }

  void actor(const dsl::ActorRef& a) {
    name(a.party);
    if (!a.body || a.party.text.empty() || a.body->span.end <= a.body->span.begin) return;
    Target t;
    if (contract_ != nullptr) {
      const auto ref = contract_->find(a.party.text);
      if (ref && ref->kind == engine::DeclKind::party) {
        const engine::Index body = contract_->find_body(ref->index, a.body->text);
        if (body != engine::kNone) t = {*ref, body};
      }
    }
    out_.push_back({a.body->span, t, false});
  }

  std::vector<Occurrence> take() { return std::move(out_); }

 private:
  const engine::Contract* contract_;
  std::vector<Occurrence> out_;
};

}  // namespace

std::vector<Occurrence> scenario_names(const dsl::ScenarioSyntax& scenario, const engine::Contract* contract) {
  ScenarioNames names(contract);
  for (const dsl::ScenarioAssume& a : scenario.assumes) names.name(a.name);
  for (const dsl::ScenarioEvent& line : scenario.events) {
    std::visit(
        [&](const auto& e) {
          using E = std::decay_t<decltype(e)>;
          if constexpr (std::is_same_v<E, dsl::DeclaresEvent> || std::is_same_v<E, dsl::DoesEvent> ||
                        std::is_same_v<E, dsl::VerifiesEvent> || std::is_same_v<E, dsl::RejectsEvent>) {
            names.actor(e.actor);
          } else if constexpr (std::is_same_v<E, dsl::ConsentsEvent>) {
            names.actor(e.party);
            names.name(e.exception);
          } else if constexpr (std::is_same_v<E, dsl::BuysEvent>) {
            names.actor(e.buyer);
            names.actor(e.vendor);
          } else if constexpr (std::is_same_v<E, dsl::UsesEvent>) {
            names.actor(e.actor);
            names.name(e.licence);
          } else if constexpr (std::is_same_v<E, dsl::EarnsEvent> || std::is_same_v<E, dsl::DeclinesEvent>) {
            names.actor(e.party);
          }
        },
        line.event.node);
  }
  for (const dsl::Expectation& x : scenario.expectations) {
    std::visit(
        [&](const auto& e) {
          using X = std::decay_t<decltype(e)>;
          if constexpr (std::is_same_v<X, dsl::BreachExpectation>) {
            names.name(e.name);
            if (e.by) names.actor(*e.by);
          } else if constexpr (std::is_same_v<X, dsl::EndedExpectation> || std::is_same_v<X, dsl::LiveExpectation> ||
                               std::is_same_v<X, dsl::ExpiredExpectation> ||
                               std::is_same_v<X, dsl::FulfilledExpectation>) {
            names.name(e.name);
          } else if constexpr (std::is_same_v<X, dsl::ReceivesExpectation>) {
            names.actor(e.party);
          }
        },
        x.node);
  }
  return names.take();
}

const Occurrence* occurrence_at(const std::vector<Occurrence>& names, std::uint32_t offset) {
  for (const Occurrence& o : names) {
    if (o.span.begin <= offset && offset <= o.span.end) return &o;
  }
  return nullptr;
}

}  // namespace clause::cli::lsp
