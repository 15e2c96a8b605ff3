#include "cli/lsp/names.hpp"

#include <fmt/format.h>

namespace clause::cli::lsp {

void NameIndex::add(const dsl::Ident& name, bool definition) { add(std::string(name.text), name.span, definition); }

void NameIndex::add(std::string key, dsl::Span span, bool definition) {
  if (key.empty() || span.end <= span.begin) return;  // a part the parser never reached
  occurrences_.push_back({std::move(key), span, definition});
}

void NameIndex::add(const dsl::ActorRef& actor) {
  add(actor.party, false);
  if (actor.body && !actor.party.text.empty()) add(fmt::format("{}.{}", actor.party.text, actor.body->text), actor.body->span, false);
}

const Occurrence* NameIndex::at(std::uint32_t offset) const {
  for (const Occurrence& o : occurrences_) {
    if (o.span.begin <= offset && offset <= o.span.end) return &o;
  }
  return nullptr;
}

const Occurrence* NameIndex::definition_of(std::string_view key) const {
  for (const Occurrence& o : occurrences_) {
    if (o.definition && o.key == key) return &o;
  }
  return nullptr;
}

std::vector<Occurrence> NameIndex::of(std::string_view key) const {
  std::vector<Occurrence> out;
  for (const Occurrence& o : occurrences_) {
    if (o.key == key) out.push_back(o);
  }
  return out;
}

namespace {

void add_amount(NameIndex& index, const std::optional<dsl::AmountRef>& a) {
  if (!a) return;
  if (const auto* name = std::get_if<dsl::Ident>(&a->value)) index.add(*name, false);
}

void add_statement(NameIndex& index, const dsl::Statement& statement) {
  std::visit(
      [&](const auto& s) {
        using S = std::decay_t<decltype(s)>;
        if constexpr (std::is_same_v<S, dsl::TriggerStmt>) {
          std::visit(
              [&](const auto& p) {
                using P = std::decay_t<decltype(p)>;
                if constexpr (std::is_same_v<P, dsl::ActorDeclaresPattern> || std::is_same_v<P, dsl::DoesPattern>) {
                  index.add(p.actor);
                } else if constexpr (std::is_same_v<P, dsl::BuysPattern>) {
                  index.add(p.buyer);
                  index.add(p.vendor);
                }
              },
              s.pattern);
          for (const dsl::Effect& e : s.effects) index.add(e.target, false);
        } else {
          index.add(s.buyer);
          index.add(s.vendor);
          if constexpr (std::is_same_v<S, dsl::ExclusivityStmt>) {
            for (const dsl::ActorRef& v : s.more_vendors) index.add(v);
          }
        }
      },
      statement);
}

void add_declaration(NameIndex& index, const dsl::Declaration& d) {
  std::visit(
      [&](const auto& n) {
        using N = std::decay_t<decltype(n)>;
        index.add(n.name, true);
        if constexpr (std::is_same_v<N, dsl::PartyDecl>) {
          for (const dsl::Ident& b : n.bodies) index.add(fmt::format("{}.{}", n.name.text, b.text), b.span, true);
        } else if constexpr (std::is_same_v<N, dsl::LicenceDecl>) {
          index.add(n.grantor);
          index.add(n.grantee);
        } else if constexpr (std::is_same_v<N, dsl::ClauseDecl>) {
          add_statement(index, n.statement);
        } else if constexpr (std::is_same_v<N, dsl::ExceptionDecl>) {
          index.add(n.clause, false);
          index.add(n.buyer);
          index.add(n.vendor);
          for (const dsl::Condition& c : n.conditions) {
            if (const auto* consent = std::get_if<dsl::ConsentCondition>(&c.value)) index.add(consent->party);
            if (const auto* limit = std::get_if<dsl::LimitCondition>(&c.value)) add_amount(index, limit->limit);
          }
        } else if constexpr (std::is_same_v<N, dsl::PowerDecl>) {
          index.add(n.holder);
        } else if constexpr (std::is_same_v<N, dsl::WaterfallDecl>) {
          index.add(n.of);
          for (const dsl::Tier& t : n.tiers) {
            add_amount(index, t.amount);
            for (const dsl::Share& s : t.shares) {
              index.add(s.party);
              if (const auto* name = std::get_if<dsl::Ident>(&s.percent.value)) index.add(*name, false);
              add_amount(index, s.cap);
            }
            if (t.overflow) index.add(*t.overflow);
          }
        }
      },
      d.node);
}

}  // namespace

NameIndex index_contract(const dsl::ContractSyntax& contract) {
  NameIndex index;
  for (const dsl::Declaration& d : contract.declarations) add_declaration(index, d);
  return index;
}

NameIndex index_scenario(const dsl::ScenarioSyntax& scenario) {
  NameIndex index;
  for (const dsl::ScenarioAssume& a : scenario.assumes) index.add(a.name, false);
  for (const dsl::ScenarioEvent& line : scenario.events) {
    std::visit(
        [&](const auto& e) {
          using E = std::decay_t<decltype(e)>;
          if constexpr (std::is_same_v<E, dsl::DeclaresEvent> || std::is_same_v<E, dsl::DoesEvent>) {
            index.add(e.actor);
          } else if constexpr (std::is_same_v<E, dsl::ConsentsEvent>) {
            index.add(e.party);
            index.add(e.exception, false);
          } else if constexpr (std::is_same_v<E, dsl::BuysEvent>) {
            index.add(e.buyer);
            index.add(e.vendor);
          } else if constexpr (std::is_same_v<E, dsl::UsesEvent>) {
            index.add(e.actor);
            index.add(e.licence, false);
          } else if constexpr (std::is_same_v<E, dsl::EarnsEvent>) {
            index.add(e.party);
          }
        },
        line.event.node);
  }
  for (const dsl::Expectation& x : scenario.expectations) {
    std::visit(
        [&](const auto& e) {
          using X = std::decay_t<decltype(e)>;
          if constexpr (std::is_same_v<X, dsl::BreachExpectation>) {
            index.add(e.name, false);
            if (e.by) index.add(*e.by);
          } else if constexpr (std::is_same_v<X, dsl::EndedExpectation> || std::is_same_v<X, dsl::LiveExpectation>) {
            index.add(e.name, false);
          } else if constexpr (std::is_same_v<X, dsl::ReceivesExpectation>) {
            index.add(e.party);
          }
        },
        x.node);
  }
  return index;
}

}  // namespace clause::cli::lsp
