// The diff's reading of its examples as data, shared by the memo (diff_text.cpp) and the
// report's renegotiation section: what each contract made of an example's event, and what
// each party may now do, or may no longer do.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/diff/diff.hpp"

namespace clause::cli {

// One outcome of a witness's event, as the memo shows it.
struct ShownOutcome {
  std::optional<engine::OutcomeKind> kind;  // none: the event did not happen in this contract
  std::string headline;
  std::string reason;
  friend bool operator==(const ShownOutcome& a, const ShownOutcome& b) {
    return a.kind == b.kind && a.headline == b.headline;
  }
};

std::vector<ShownOutcome> shown_outcomes(const engine::Contract& c, const std::vector<std::string>& outsiders,
                                         const engine::ProbeAnswer& a, engine::Index event, dsl::Date on);

// "on 2031-01-01: Microsoft uses research": a witness's events, each run of them dated
// other than `on` (the probes' usual date) led by its date.
std::string witness_events(const engine::Witness& w, dsl::Date on);

// A change in what a party may do, read from the simplest example of a group: an event
// that was a breach or of no effect and no longer is, or the other way round.
struct MayChange {
  std::string actor;                // as the old contract names it
  bool outsider = false;            // neither contract declares the actor
  bool now_may = false;             // true: it may now; false: it may no longer
  std::string deed;                 // "buy compute from Oracle": the event without its actor
  std::vector<std::string> before;  // the example's earlier events ("once …, then …")
  std::optional<dsl::Date> as_on;   // the example's date, when not the probes' usual one
  std::string verdict;              // "of `exclusivity` by OpenAI": the breach; empty: of no effect
};

struct SummaryChanges {
  std::vector<MayChange> changes;  // by actor, in the order first met; no two alike
  std::size_t other_changes = 0;   // groups that change which term decides, or coverage
};

SummaryChanges summary_changes(const engine::ContractDiff& d);

// `text` with every name neither contract declares (the examples' `Outsider`) read as
// `replacement` ("someone outside the contract").
std::string outsiders_read(const engine::BehaviourDiff& b, const std::string& text, const std::string& replacement);

}  // namespace clause::cli
