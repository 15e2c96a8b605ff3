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

// A commitment's progress: what the buyer has bought from the vendor in its term.
struct CommitmentTotals {
  Money total;   // bought so far
  Money amount;  // the commitment's amount
};

// A purchase or a use the contract allows.
struct Permitted {
  enum class Why : std::uint8_t {
    clause_allows,      // the exclusivity names the vendor / the prohibition names another
    exception_applies,  // an exception's conditions all hold
    grantor_uses,       // the grantor uses what it licensed
    grantee_uses,       // the grantee uses a live licence
    bought_from_holder, // a first refusal: the purchase is from the holder
    allowance_used,     // a first refusal: the holder has declined enough (`left` is what remains)
    counts_toward,      // a commitment: the purchase counts (`commitment`)
    freedom,            // `may buy ... from PARTY|anyone`
    deed_allowed,       // `may do "TEXT"`
  };
  Why why = Why::clause_allows;
  DeclRef rule;       // the clause, the exception or the licence
  Actor party;        // who buys, uses or does
  DeclRef overrides;  // exception_applies: the clause the exception is to
  Money total;        // exception_applies: what the exception has permitted, this purchase included
  Money left;         // allowance_used: the allowance left after this purchase
  CommitmentTotals commitment;  // counts_toward
};

// A purchase or a use the contract forbids.
struct Breach {
  enum class Why : std::uint8_t {
    purchase_forbidden,  // no exception applies (see `checks`)
    licence_ended,       // the grantee uses a licence that has ended
    holds_no_licence,    // someone other than grantor and grantee uses it
    licence_not_yet,     // the grantee uses a licence before its `from`
    licence_expired,     // the grantee uses a licence after its `until` (ended_on: the day after)
    refusal_short,       // a first refusal: the holder has not declined enough (see `declined`, `left`)
    deed_forbidden,      // `must not do "TEXT"`
    commitment_short,    // a commitment's `by` date passed unfulfilled (dated `ended_on`)
  };
  Why why = Why::purchase_forbidden;
  DeclRef rule;  // the clause or the licence
  Actor party;   // who
  // purchase_forbidden: why each exception to the clause did not apply, a run of
  // OutcomeLog::checks (OutcomeLog::checks_of)
  Index first_check = 0;
  Index check_count = 0;
  Date ended_on;                       // licence_ended: when it ended; licence_expired, commitment_short: the day after the term
  DeclRef ended_by;                    // licence_ended: the trigger clause that ended it
  Money declined;                      // refusal_short: what the holder has declined in all
  Money left;                          // refusal_short: what is left of it
  CommitmentTotals commitment;         // commitment_short
};

// The holder of a power declared its status.
struct Declared {
  DeclRef power;
  Actor party;
  bool pending = false;  // the power asks verification: it waits for the verifier
};

// A declaration, verification, rejection or decline that changes nothing.
struct Ineffective {
  enum class Why : std::uint8_t {
    not_holder,         // someone other than the holder declared
    not_verifier,       // someone other than the verifier verified or rejected
    no_verification,    // the power asks no verification
    nothing_pending,    // nothing was declared to verify or reject
    already_pending,    // a declaration while one waits for verification
    already_verified,   // after the status was verified (on `on`)
    not_refusal_holder, // a decline by someone who holds no first refusal on the good (rule: the clause)
  };
  Why why = Why::not_holder;
  DeclRef rule;  // the power; the first-refusal clause for not_refusal_holder
  Actor party;
  Date on;       // already_verified: when
};

// The verifier of a power confirmed a pending declaration.
struct Verified {
  DeclRef power;
  Actor party;
};

// The verifier of a power turned a pending declaration down.
struct Rejected {
  DeclRef power;
  Actor party;
};

// The holder of a first refusal declined an amount of the good.
struct Declined {
  DeclRef clause;  // the first-refusal clause
  Actor party;
  Money amount;     // declined by this event
  Money allowance;  // what buying elsewhere may now use
};

// A term's `until` (or a fulfilled commitment's `by`) passed: dated the day after.
struct Expired {
  DeclRef subject;  // the licence, clause or waterfall
  Date on;
};

// A commitment's total reached its amount.
struct Fulfilled {
  DeclRef commitment;
  CommitmentTotals totals;
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
    no_trigger,    // no trigger or clause matches the deed
    not_yet,       // what would govern it is not in force until its `from` (see subject)
    expired,       // what would govern it expired (see subject, ended_on: the day after its term)
    no_refusal,    // a decline where no first refusal is on the good
    waterfall_ended,  // the waterfalls of the stream have ended (see subject, ended_on)
  };
  Why why = Why::no_trigger;
  Actor party;         // who acted, where the event names someone
  DeclRef subject;     // duty_ended, not_yet, expired, waterfall_ended: the last declaration that would have governed it
  Date ended_on;       // duty_ended, waterfall_ended: when it ended; expired: the day after its term
};

using Outcome = std::variant<Permitted, Breach, Declared, Ineffective, Consented, Ended, Payout, Uncovered, Verified,
                             Rejected, Declined, Expired, Fulfilled>;

// The kinds, in the order of Outcome's alternatives.
enum class OutcomeKind : std::uint8_t {
  permitted,
  breach,
  declared,
  ineffective,
  consented,
  ended,
  payout,
  uncovered,
  verified,
  rejected,
  declined,
  expired,
  fulfilled
};

inline OutcomeKind kind_of(const Outcome& o) { return static_cast<OutcomeKind>(o.index()); }
const char* outcome_kind_name(OutcomeKind kind);  // "permitted", "breach", ...
inline const char* kind_name(const Outcome& o) { return outcome_kind_name(kind_of(o)); }

// The declaration that decided the outcome; invalid for an uncovered one.
DeclRef rule_of(const Outcome& o);

// The date an outcome is about: its event's, or its own for what time reveals (an expiry,
// a commitment's deadline).
Date date_of(const Outcome& o, Date event_date);

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
