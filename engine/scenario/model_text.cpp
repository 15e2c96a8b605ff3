#include "engine/scenario/model_text.hpp"

#include <fmt/format.h>

namespace clause::engine {
namespace {

class ModelPrinter {
 public:
  explicit ModelPrinter(const Contract& c, const std::vector<std::string>* outsiders = nullptr)
      : c_(c), outsiders_(outsiders) {}

  std::string actor(Actor a) const { return c_.actor_name(a, outsiders_); }
  std::string party(Index i) const { return i == kNone || i >= c_.parties.size() ? "-" : std::string(c_.parties[i].name); }
  std::string word(Index i) const { return i == kNone || i >= c_.words.size() ? "-" : c_.words[i]; }
  std::string ref(DeclRef r) const {
    return r.valid() ? fmt::format("{} {}", decl_kind_name(r.kind), c_.name_of(r)) : std::string("-");
  }
  static std::string money(Money m) { return fmt::format("{}c", m.cents()); }
  static std::string money(const std::optional<Money>& m) { return m ? money(*m) : std::string("-"); }
  static std::string date(const std::optional<Date>& d) { return d ? d->to_string() : std::string("-"); }
  static std::string term(const Term& t) { return fmt::format("from {} until {}", date(t.from), date(t.until)); }
  static std::string value(const dsl::Value& v) {
    if (const auto* m = std::get_if<Money>(&v)) return money(*m);
    return fmt::format("{}u", std::get<Percent>(v).units());
  }

 private:
  const Contract& c_;
  const std::vector<std::string>* outsiders_;
};

const char* tier_kind(TierKind k) {
  switch (k) {
    case TierKind::first: return "first";
    case TierKind::next: return "next";
    case TierKind::until_capped: return "until capped";
    case TierKind::rest: return "rest";
  }
  return "?";
}

const char* clause_kind(ClauseKind k) {
  switch (k) {
    case ClauseKind::exclusivity: return "exclusivity";
    case ClauseKind::prohibition: return "prohibition";
    case ClauseKind::trigger: return "trigger";
    case ClauseKind::first_refusal: return "first refusal";
    case ClauseKind::commitment: return "commitment";
    case ClauseKind::freedom: return "freedom";
    case ClauseKind::deed: return "deed";
  }
  return "?";
}

const char* pattern_kind(PatternKind k) {
  switch (k) {
    case PatternKind::status_declared: return "status declared";
    case PatternKind::actor_declares: return "actor declares";
    case PatternKind::buys: return "buys";
    case PatternKind::does: return "does";
    case PatternKind::status_verified: return "status verified";
  }
  return "?";
}

}  // namespace

std::string model_text(const Contract& c) {
  const ModelPrinter p(c);
  std::string out = fmt::format("contract {:?} version {:?} effective {}\n", c.title, c.version.value_or("-"),
                                ModelPrinter::date(c.effective));
  for (const Party& x : c.parties) {
    out += fmt::format("party {} {:?} bodies [{}]\n", x.name, x.description, fmt::join(x.bodies, ", "));
  }
  for (const Assumption& x : c.assumptions) {
    out += fmt::format("assume {} = {} {:?}{}\n", x.name, ModelPrinter::value(x.value), x.description,
                       x.overridden ? " overridden" : "");
  }
  for (const Licence& x : c.licences) {
    out += fmt::format("licence {} {:?}: {} grants {} {}\n", x.name, x.description, p.actor(x.grantor), p.actor(x.grantee),
                       ModelPrinter::term(x.term));
  }
  for (const Clause& x : c.clauses) {
    out += fmt::format("clause {} {:?} {}: buyer {} good {} vendor {}", x.name, x.title, clause_kind(x.kind),
                       p.actor(x.buyer), p.word(x.good), p.actor(x.vendor));
    for (const Actor v : x.more_vendors) out += " or " + p.actor(v);
    out += fmt::format("{} amount {} deed {:?}{} {}", x.any_vendor ? " anyone" : "", ModelPrinter::money(x.amount),
                       x.deed, x.forbidden ? " forbidden" : "", ModelPrinter::term(x.term));
    out += fmt::format(" pattern {} {} {} {} {:?} ends [", pattern_kind(x.pattern.kind), p.actor(x.pattern.actor),
                       p.word(x.pattern.word), p.actor(x.pattern.vendor), x.pattern.text);
    for (const DeclRef r : x.ends) out += p.ref(r) + ";";
    out += "] exceptions [";
    for (const Index e : x.exceptions) out += fmt::format("{};", e < c.exceptions.size() ? c.exceptions[e].name : "-");
    out += "]\n";
  }
  for (const Exception& x : c.exceptions) {
    out += fmt::format("exception {} to {} {:?}: {} may buy {} from {} consents [", x.name,
                       x.clause < c.clauses.size() ? c.clauses[x.clause].name : "-", x.title, p.actor(x.buyer),
                       p.word(x.good), x.any_vendor ? std::string("anyone") : p.actor(x.vendor));
    for (const Actor a : x.consents) out += p.actor(a) + ";";
    out += fmt::format("] limit {} from {} until {}\n", ModelPrinter::money(x.limit), ModelPrinter::date(x.from),
                       ModelPrinter::date(x.until));
  }
  for (const Power& x : c.powers) {
    out += fmt::format("power {} {:?}: only {} may declare {} verified by {}\n", x.name, x.title, p.actor(x.holder),
                       p.word(x.status), x.verifier ? p.actor(*x.verifier) : std::string("-"));
  }
  for (const Waterfall& w : c.waterfalls) {
    out += fmt::format("waterfall {} {:?} of {} {} {}\n", w.name, w.title, p.party(w.of), w.stream,
                       ModelPrinter::term(w.term));
    for (const Tier& t : w.tiers) {
      out += fmt::format("  tier {:?} {} {}:", t.name.value_or("-"), tier_kind(t.kind), ModelPrinter::money(t.amount));
      for (const Share& s : t.shares) {
        out += fmt::format(" {} {}u cap {};", p.party(s.party), s.percent.units(), ModelPrinter::money(s.cap));
      }
      out += fmt::format(" overflow {}\n", p.party(t.overflow));
    }
  }
  return out;
}

std::string model_text(const ScenarioRun& run) {
  std::string out = fmt::format("scenario {:?} contract {:?}\n", run.syntax.title.value,
                                run.syntax.contract_path ? run.syntax.contract_path->value : std::string("-"));
  for (const dsl::ScenarioAssume& a : run.syntax.assumes) {
    out += fmt::format("assume {} = {}\n", a.name.text,
                       std::visit([](const auto& lit) { return ModelPrinter::value(dsl::Value{lit.value}); }, a.value));
  }
  if (!run.contract.contract) return out + "(the contract did not check)\n";
  const ModelPrinter p(*run.contract.contract, &run.outsiders.names());
  for (std::size_t i = 0; i < run.events.size(); ++i) {
    const Event& e = run.events[i];
    out += fmt::format("on {}: kind {} actor {} vendor {} word {} target {} amount {} text {:?} stream {}\n",
                       run.dates[i].to_string(), static_cast<int>(e.kind), p.actor(e.actor), p.actor(e.vendor),
                       p.word(e.word), e.target, ModelPrinter::money(e.amount), e.text, e.stream);
  }
  for (const dsl::Expectation& x : run.syntax.expectations) {
    const auto on = [](const std::optional<dsl::DateLit>& d) {
      return d ? d->value.to_string() : std::string("-");
    };
    out += std::visit(
        [&](const auto& e) -> std::string {
          using X = std::decay_t<decltype(e)>;
          if constexpr (std::is_same_v<X, dsl::BreachExpectation>) {
            return fmt::format("expect breach of {} by {} on {}\n", e.name.text, e.by ? e.by->to_string() : "-", on(e.on));
          } else if constexpr (std::is_same_v<X, dsl::NoBreachExpectation>) {
            return "expect no breach\n";
          } else if constexpr (std::is_same_v<X, dsl::OutcomeOnExpectation>) {
            return fmt::format("expect outcome {} on {}\n", static_cast<int>(e.kind), e.on.value.to_string());
          } else if constexpr (std::is_same_v<X, dsl::EndedExpectation>) {
            return fmt::format("expect {} ended on {}\n", e.name.text, on(e.on));
          } else if constexpr (std::is_same_v<X, dsl::LiveExpectation>) {
            return fmt::format("expect {} live\n", e.name.text);
          } else if constexpr (std::is_same_v<X, dsl::ExpiredExpectation>) {
            return fmt::format("expect {} expired on {}\n", e.name.text, on(e.on));
          } else if constexpr (std::is_same_v<X, dsl::FulfilledExpectation>) {
            return fmt::format("expect {} fulfilled\n", e.name.text);
          } else {
            return fmt::format("expect {} receives {}\n", e.party.to_string(), ModelPrinter::money(e.amount.value));
          }
        },
        x.node);
  }
  return out;
}

}  // namespace clause::engine
