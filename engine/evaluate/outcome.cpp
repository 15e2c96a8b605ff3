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
    case OutcomeKind::verified: return "verified";
    case OutcomeKind::rejected: return "rejected";
    case OutcomeKind::declined: return "declined";
    case OutcomeKind::expired: return "expired";
    case OutcomeKind::fulfilled: return "fulfilled";
  }
  return "";
}

namespace {

struct RuleOf {
  DeclRef operator()(const Permitted& o) const { return o.rule; }
  DeclRef operator()(const Breach& o) const { return o.rule; }
  DeclRef operator()(const Declared& o) const { return o.power; }
  DeclRef operator()(const Ineffective& o) const { return o.rule; }
  DeclRef operator()(const Consented& o) const { return o.exception; }
  DeclRef operator()(const Ended& o) const { return o.trigger; }
  DeclRef operator()(const Payout& o) const { return o.waterfall; }
  DeclRef operator()(const Uncovered&) const { return {}; }
  DeclRef operator()(const Verified& o) const { return o.power; }
  DeclRef operator()(const Rejected& o) const { return o.power; }
  DeclRef operator()(const Declined& o) const { return o.clause; }
  DeclRef operator()(const Expired& o) const { return o.subject; }
  DeclRef operator()(const Fulfilled& o) const { return o.commitment; }
};

}  // namespace

DeclRef rule_of(const Outcome& o) { return std::visit(RuleOf{}, o); }

Date date_of(const Outcome& o, Date event_date) {
  if (const auto* x = std::get_if<Expired>(&o)) return x->on;
  if (const auto* b = std::get_if<Breach>(&o); b && b->why == Breach::Why::commitment_short) return b->ended_on;
  return event_date;
}

}  // namespace clause::engine
