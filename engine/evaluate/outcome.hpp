// What happens when an event is applied: outcomes as plain data. Each keeps the
// declaration that decided it and enough facts to say why; the sentences themselves are
// written by explain.hpp, and text or JSON by the renderers.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/model/contract.hpp"
#include "engine/evaluate/internal/log_array.hpp"
#include "engine/payout/waterfall.hpp"

namespace clause::engine {

enum class OutcomeKind : std::uint8_t { permitted, breach, declared, ineffective, consented, ended, payout, uncovered };

const char* outcome_kind_name(OutcomeKind kind);  // "permitted", "breach", ...

// Which sentence explains the outcome.
enum class Why : std::uint8_t {
  clause_allows,      // permitted: the exclusivity names the vendor / the prohibition names another
  exception_applies,  // permitted: an exception's conditions all hold
  grantor_uses,       // permitted: the grantor uses what it licensed
  grantee_uses,       // permitted: the grantee uses a live licence
  purchase_forbidden, // breach: no exception applies (see the exception checks)
  licence_ended,      // breach: the grantee uses a licence that has ended
  holds_no_licence,   // breach: someone other than grantor and grantee uses it
  holder_declares,    // declared
  not_the_holder,     // ineffective
  consent_asked,      // consented: the exception asks this party
  consent_not_asked,  // consented: recorded, satisfies nothing
  trigger_fired,      // ended
  distributed,        // payout
  not_in_force,       // uncovered: dated before the contract's effective date
  no_power,           // uncovered: no power names the status
  no_clause,          // uncovered: no live clause on this buyer buying this good
  duty_ended,         // uncovered: the clauses on it have all ended
  no_waterfall,       // uncovered: nothing distributes this party's profit
  no_trigger,         // uncovered: no trigger matches the deed
  already_ended,      // (no kind of its own) a trigger fired but what it ends had ended
};

struct Outcome {
  OutcomeKind kind = OutcomeKind::uncovered;
  Why why = Why::no_trigger;
  DeclRef rule;       // the deciding declaration; invalid when none (uncovered)
  Actor party;        // breach: who; declared, ineffective, consented: who
  DeclRef subject;    // ended: what ended; permitted by an exception: the clause it overrides
  Index first = 0;    // breach of a clause: its exception checks; payout: its lines
  Index count = 0;
  Money amount;       // permitted by an exception: its running total; payout: undistributed
  Date date;          // licence_ended: when it ended
  DeclRef cause;      // licence_ended / duty_ended: the clause that ended it
};

// One cache line: past its first megabyte the log writes each outcome in one streaming
// store of the line (log_array.hpp). Pinned so that growing it is a decision: an outcome
// of another size would be written through the cache, and a large run would slow again.
static_assert(sizeof(Outcome) == 64);

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

struct EventRecord {
  Date on;
  Index event = kNone;  // the caller's index of the event
  Index first = 0;      // its outcomes
  Index count = 0;
};

// Everything that happened, in order. Reused across runs: clear() keeps the capacity.
struct OutcomeLog {
  std::vector<EventRecord> events;
  LogArray<Outcome> outcomes;  // past its first megabyte, written around the cache (log_array.hpp)
  std::vector<ExceptionCheck> checks;
  std::vector<PayoutLine> lines;

  void clear() {
    events.clear();
    outcomes.clear();
    checks.clear();
    lines.clear();
  }
};

}  // namespace clause::engine
