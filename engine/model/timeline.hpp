// `clause timeline`: every dated boundary of a contract in date order (LANGUAGE.md 10.7) —
// the effective date, each `from` and `until` of a licence, clause or waterfall, each
// commitment's `by` date and each exception's window. Plain data: cli/timeline_command.cpp
// says it in words and JSON.
#pragma once

#include <vector>

#include "engine/model/contract.hpp"

namespace clause::engine {

enum class BoundaryKind {
  takes_effect,    // the contract's `effective` date (no subject)
  starts,          // the first day of a licence's, clause's or waterfall's term (`from`)
  last_day,        // the last day of a term (`until`); it expires the day after
  counting_starts, // a commitment's `from`: purchases count from this day
  falls_due,       // a commitment's `by` date: the total must be reached by the end of it
  window_opens,    // an exception's `from`
  window_closes,   // an exception's `until`: the last day it can apply
};

struct Boundary {
  Date on;
  BoundaryKind kind = BoundaryKind::takes_effect;
  DeclRef subject;  // invalid for takes_effect
};

// Every boundary, ordered by date; on one date the effective date first, then file order
// (a declaration's start before its end).
std::vector<Boundary> timeline(const Contract& contract);

// The day after a last day or a due date: when the term has expired, when an unfulfilled
// commitment is judged (LANGUAGE.md 10.9).
inline Date day_after(Date d) { return d.plus_days(1); }

}  // namespace clause::engine
