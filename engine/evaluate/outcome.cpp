#include "engine/evaluate/outcome.hpp"

namespace clause::engine {

const char* outcome_kind_name(OutcomeKind kind) {
  switch (kind) {
    case OutcomeKind::permitted: return "permitted";
    case OutcomeKind::breach: return "breach";
    case OutcomeKind::declared: return "declared";
    case OutcomeKind::ineffective: return "ineffective";
    case OutcomeKind::consented: return "consented";
    case OutcomeKind::ended: return "ended";
    case OutcomeKind::payout: return "payout";
    case OutcomeKind::uncovered: return "uncovered";
  }
  return "";
}

namespace {

struct RuleOf {
  DeclRef operator()(const Permitted& o) const { return o.rule; }
  DeclRef operator()(const Breach& o) const { return o.rule; }
  DeclRef operator()(const Declared& o) const { return o.power; }
  DeclRef operator()(const Ineffective& o) const { return o.power; }
  DeclRef operator()(const Consented& o) const { return o.exception; }
  DeclRef operator()(const Ended& o) const { return o.trigger; }
  DeclRef operator()(const Payout& o) const { return o.waterfall; }
  DeclRef operator()(const Uncovered&) const { return {}; }
};

}  // namespace

DeclRef rule_of(const Outcome& o) { return std::visit(RuleOf{}, o); }

}  // namespace clause::engine
