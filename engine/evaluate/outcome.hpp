// What happens when an event is applied: outcomes as plain data, one type per kind, each
// holding only its own facts (the deciding declaration, who, amounts, dates). Sentences,
// places and labels are written by the renderers in cli/.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <variant>
#include <vector>

#include "engine/model/contract.hpp"
#include "engine/payout/waterfall.hpp"

namespace clause::engine {

// Why one exception did not permit a purchase.
struct ExceptionCheck {
  Index exception = kNone;
  bool ended = false;
  Date ended_on;
  DeclRef ended_by;
  bool wrong_buyer = false;
  bool wrong_good = false;
  bool wrong_vendor = false;
  std::uint32_t missing_consents = 0;  // bit i: exception.consents[i] has not consented
  bool over_limit = false;
  Money would_total;                   // the total with this purchase
  bool too_early = false;              // before `from`
  bool too_late = false;               // after `until`
};

// A purchase or a use the contract allows.
struct Permitted {
  enum class Why : std::uint8_t {
    clause_allows,      // the exclusivity names the vendor / the prohibition names another
    exception_applies,  // an exception's conditions all hold
    grantor_uses,       // the grantor uses what it licensed
    grantee_uses,       // the grantee uses a live licence
  };
  Why why = Why::clause_allows;
  DeclRef rule;       // the clause, the exception or the licence
  Actor party;        // who buys or uses
  DeclRef overrides;  // exception_applies: the clause the exception is to
  Money total;        // exception_applies: what the exception has permitted, this purchase included
};

// A purchase or a use the contract forbids.
struct Breach {
  enum class Why : std::uint8_t {
    purchase_forbidden,  // no exception applies (see `checks`)
    licence_ended,       // the grantee uses a licence that has ended
    holds_no_licence,    // someone other than grantor and grantee uses it
  };
  Why why = Why::purchase_forbidden;
  DeclRef rule;  // the clause or the licence
  Actor party;   // who
  // purchase_forbidden: why each exception to the clause did not apply, a run of
  // OutcomeLog::checks (OutcomeLog::checks_of)
  Index first_check = 0;
  Index check_count = 0;
  Date ended_on;                       // licence_ended: when it ended
  DeclRef ended_by;                    // licence_ended: the trigger clause that ended it
};

// The holder of a power declared its status.
struct Declared {
  DeclRef power;
  Actor party;
};

// Someone other than the holder of a power declared its status.
struct Ineffective {
  DeclRef power;
  Actor party;
};

// A party consented to an exception.
struct Consented {
  enum class Why : std::uint8_t {
    asked,      // the exception asks this party's consent
    not_asked,  // recorded, satisfies nothing
  };
  Why why = Why::asked;
  DeclRef exception;
  Actor party;
};

// A trigger ended a licence, clause or exception.
struct Ended {
  DeclRef trigger;  // the trigger clause
  DeclRef subject;  // what ended
};

// A profit distributed through a waterfall.
struct Payout {
  DeclRef waterfall;
  Actor party;                     // whose profit
  // One line per tier and party paid, in order: a run of OutcomeLog::lines (OutcomeLog::lines_of)
  Index first_line = 0;
  Index line_count = 0;
  Money undistributed;             // what no tier took
};

// The contract says nothing about the event.
struct Uncovered {
  enum class Why : std::uint8_t {
    not_in_force,  // dated before the contract's effective date
    no_power,      // no power names the status
    no_clause,     // no live clause on this buyer buying this good
    duty_ended,    // the clauses on it have all ended (see ended_duty, ended_on)
    no_waterfall,  // nothing distributes this party's profit
    no_trigger,    // no trigger matches the deed
  };
  Why why = Why::no_trigger;
  Actor party;         // who acted, where the event names someone
  DeclRef ended_duty;  // duty_ended: the last clause on it that ended
  Date ended_on;       // duty_ended: when
};

using Outcome = std::variant<Permitted, Breach, Declared, Ineffective, Consented, Ended, Payout, Uncovered>;

// The kinds, in the order of Outcome's alternatives.
enum class OutcomeKind : std::uint8_t { permitted, breach, declared, ineffective, consented, ended, payout, uncovered };

inline OutcomeKind kind_of(const Outcome& o) { return static_cast<OutcomeKind>(o.index()); }
const char* outcome_kind_name(OutcomeKind kind);  // "permitted", "breach", ...
inline const char* kind_name(const Outcome& o) { return outcome_kind_name(kind_of(o)); }

// The declaration that decided the outcome; invalid for an uncovered one.
DeclRef rule_of(const Outcome& o);

struct EventRecord {
  Date on;
  Index event = kNone;  // the caller's index of the event
  Index first = 0;      // its outcomes
  Index count = 0;
};

// Everything that happened, in order. Reused across runs: clear() keeps the capacity.
// Breaches' exception checks and payouts' lines are kept here, in runs, so that a run
// allocates nothing per outcome.
struct OutcomeLog {
  std::vector<EventRecord> events;
  std::vector<Outcome> outcomes;
  std::vector<ExceptionCheck> checks;
  std::vector<PayoutLine> lines;

  std::span<const Outcome> outcomes_of(const EventRecord& r) const {
    return std::span<const Outcome>(outcomes).subspan(r.first, r.count);
  }
  std::span<const ExceptionCheck> checks_of(const Breach& b) const {
    return std::span<const ExceptionCheck>(checks).subspan(b.first_check, b.check_count);
  }
  std::span<const PayoutLine> lines_of(const Payout& p) const {
    return std::span<const PayoutLine>(lines).subspan(p.first_line, p.line_count);
  }
  // What RunLimits::log_entries counts.
  std::size_t entries() const { return outcomes.size() + checks.size() + lines.size(); }
  void clear() {
    events.clear();
    outcomes.clear();
    checks.clear();
    lines.clear();
  }
};

}  // namespace clause::engine
