// Diff: what a renegotiation changed between two checked contracts (LANGUAGE.md section 7).
// Four parts, each plain data that cli/diff_text.cpp and cli/diff_json.cpp render:
// - terms: declarations matched by kind and name, each change spelled out to the figure;
// - behaviour: probe events run against both contracts from a fresh state; every probe
//   whose outcomes differ is a witness, and witnesses that show the same change form a group;
// - payouts: per waterfall and party, the profit ranges where the exact payouts differ;
// - scenarios: saved scenarios rerun against both (`clause diff --scenarios DIR`).
// docs/diff.md says how probes are chosen and when two outcomes count as the same.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/model/contract.hpp"
#include "engine/evaluate/event.hpp"
#include "engine/evaluate/outcome.hpp"
#include "engine/payout/rational.hpp"
#include "engine/scenario/scenario.hpp"

namespace clause::engine {

// ----- names ------------------------------------------------------------------------------

// Which declaration of the new contract is which of the old: the same kind and name, or a
// rename — a declaration only in the old and one only in the new, of the same kind and with
// the same content once every name it mentions is read through the renames found so far.
class NameMap {
 public:
  // The new contract's name for the old contract's `name`: itself unless it was renamed.
  std::string_view to_new(std::string_view old_name) const;
  // The old contract's name for the new contract's `name`.
  std::string_view to_old(std::string_view new_name) const;
  // Every rename, old name then new name, in the old contract's order.
  const std::vector<std::pair<std::string, std::string>>& renames() const { return renames_; }

  void add_rename(std::string_view old_name, std::string_view new_name);

 private:
  // Looked up by a view, with no string built for the key.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> to_new_;
  std::unordered_map<std::string, std::string, Hash, std::equal_to<>> to_old_;
  std::vector<std::pair<std::string, std::string>> renames_;
};

NameMap match_names(const Contract& old_contract, const Contract& new_contract);

// ----- terms ------------------------------------------------------------------------------

enum class TermChangeKind : std::uint8_t { added, removed, changed };

const char* term_change_name(TermChangeKind change);  // "added", "removed", "changed"

// One changed part of a declaration. `what` names the part (empty when the values say it:
// `only from Microsoft`); a part only one side has leaves the other value empty.
struct TermDetail {
  std::string what;
  std::string old_value;
  std::string new_value;
};

struct TermChange {
  TermChangeKind change = TermChangeKind::changed;
  std::string kind;  // "contract" (title, version, effective), "party", "clause", ...
  std::string name;  // empty for "contract"
  // changed: the parts that differ; added or removed: what the declaration says, one part
  // per detail (as new_value or old_value), and for a rename which name it had or took.
  std::vector<TermDetail> details;
};

// In the old contract's declaration order, then what the new one adds in its order.
// Reordering declarations, comments and layout change nothing here.
std::vector<TermChange> diff_terms(const Contract& old_contract, const Contract& new_contract,
                                   const NameMap& names);

// ----- behaviour --------------------------------------------------------------------------

// How one contract answered a probe. `events[i]` is the probe's i-th event resolved against
// this contract (with its canonical text); `missing[i]` is non-empty when the event did not
// happen: it names something this contract does not have ("the contract has no exception
// `oracle_capacity`"), or a running total would have left the money range. `log` records every event that did happen, its EventRecord's
// `event` being the index into `events`.
struct ProbeAnswer {
  std::vector<Event> events;
  std::vector<std::string> missing;
  OutcomeLog log;
};

struct Witness {
  Date on;                          // the date of the probe (of its first event)
  std::vector<std::string> events;  // the probe's events, written for the old contract
  std::vector<Date> dates;          // by event: its date (a later step of a sequence may have its own)
  ProbeAnswer old_answer;
  ProbeAnswer new_answer;
  std::vector<bool> differs;        // by event: its outcomes differ between the contracts
  Index shows = 0;                  // the last event that differs: the change the witness shows
  std::size_t size_events = 0;      // what "smallest" sorts by: events, then total amount
  Money size_amount;
};

// Witnesses that show the same change: the same last differing event (but for amounts) with
// the same outcomes on each side, or events naming the same thing one contract lacks.
// Smallest first: fewest events, then the least total amount.
struct WitnessGroup {
  std::vector<Witness> witnesses;
};

struct BehaviourDiff {
  Date on;                           // the later of the two effective dates: most probes' date
  std::size_t probes = 0;            // how many probes ran against each contract
  std::size_t dated_probes = 0;      // how many of them were dated other than `on`
  std::vector<WitnessGroup> groups;  // the group with the smallest witness first
  // Names probe events gave that a contract does not declare (engine::Outsiders of each).
  std::vector<std::string> old_outsiders;
  std::vector<std::string> new_outsiders;

  std::size_t witness_count() const;
};

// `default_date` dates the probes when neither contract has an `effective` date.
BehaviourDiff diff_behaviour(const Contract& old_contract, const Contract& new_contract, const NameMap& names,
                             Date default_date);

// ----- payouts ----------------------------------------------------------------------------

// A range of profit (one profit event from a fresh state, in cents) over which a party's
// old and new payouts differ everywhere but perhaps at single points. Exact.
struct PayoutRange {
  Rational from;
  std::optional<Rational> to;  // nullopt: the difference goes on for ever
  Rational old_at_from, new_at_from;
  std::optional<Rational> old_at_to, new_at_to;
  // The largest difference (new - old, the sign kept) and the least profit where it is
  // reached; nullopt when the difference grows without bound (then `slope` says how fast).
  std::optional<Rational> largest;
  std::optional<Rational> largest_at;
  bool largest_from_on = false;  // the difference stays `largest` at every profit above `largest_at`
  Rational slope;  // d(new - old)/d(profit) at the end of the range: nonzero only when unbounded
  int direction = 0;  // -1: the new payout is never above the old here; +1: never below; 0: both
};

// A party's old and new payout at one round profit.
struct PayoutSample {
  Rational profit;
  Rational old_paid, new_paid;
};

struct PartyPayoutDiff {
  std::string party;  // the new contract's name (the old one's when only the old has it)
  std::vector<PayoutRange> ranges;
  // At a few round profits — powers of ten from a hundredth of the profit where either
  // schedule last bends to ten times it ($1B, $10B, $100B, $1T for $256B) — whether or not
  // they differ there: the memo's "at typical profits".
  std::vector<PayoutSample> samples;
};

struct WaterfallPayoutDiff {
  TermChangeKind change = TermChangeKind::changed;  // added or removed: only one side pays
  std::string name;                                 // the new contract's name
  std::string of;                                   // whose profit it distributes
  std::vector<PartyPayoutDiff> parties;             // parties whose payouts differ, in tier order
  std::string error;                                // a schedule could not be built (money range)
};

std::vector<WaterfallPayoutDiff> diff_payouts(const Contract& old_contract, const Contract& new_contract,
                                              const NameMap& names);

// ----- scenarios --------------------------------------------------------------------------

enum class ScenarioImpactKind : std::uint8_t { unchanged, outcomes_changed, payouts_moved, cannot_run };

struct ScenarioRun;  // engine/scenario/scenario.hpp

// An event whose outcomes differ: its records in each run's log (ScenarioImpact's runs).
struct ScenarioEventChange {
  Date on;
  std::string event;  // canonical text
  Index old_record = kNone;
  Index new_record = kNone;
};

struct ScenarioPayoutChange {
  std::string party;
  Money old_amount;
  Money new_amount;
};

struct ScenarioImpact {
  std::string path;
  ScenarioImpactKind kind = ScenarioImpactKind::unchanged;
  std::vector<ScenarioEventChange> events;    // events whose outcomes differ
  // The runs the changes refer to (outcomes_changed).
  std::shared_ptr<const ScenarioRun> old_run;
  std::shared_ptr<const ScenarioRun> new_run;
  std::vector<ScenarioPayoutChange> payouts;  // parties whose totals differ
  std::size_t old_passed = 0, old_failed = 0, new_passed = 0, new_failed = 0;  // expectations
  // cannot_run: against which contract and why (the first error); a scenario that runs
  // against neither says so for both.
  std::string old_problem;
  std::string new_problem;
  // The renames the terms found that this scenario mentions (old name, new name): against
  // the new contract it ran with these names read as the new contract writes them.
  std::vector<std::pair<std::string, std::string>> renamed;
};

const char* scenario_impact_name(ScenarioImpactKind kind);  // "unchanged", "outcomes changed", ...

// Reruns every scenario file against both contracts (each file's `contract` line
// replaced), the files and contracts read by `read`.
std::vector<ScenarioImpact> diff_scenarios(const std::vector<std::string>& scenario_files,
                                           const std::string& old_path, const std::string& new_path,
                                           const NameMap& names, const ReadSource& read);

// ----- everything -------------------------------------------------------------------------

struct ContractDiff {
  const Contract* old_contract = nullptr;
  const Contract* new_contract = nullptr;
  NameMap names;
  std::vector<TermChange> terms;
  BehaviourDiff behaviour;
  std::vector<WaterfallPayoutDiff> payouts;
  std::optional<std::vector<ScenarioImpact>> scenarios;  // with `--scenarios DIR`

  // No witness, no payout difference and no scenario affected: the contracts behave the
  // same, whatever their wording (LANGUAGE.md section 7: `diff` then exits 0).
  bool behaves_the_same() const;
};

ContractDiff diff_contracts(const Contract& old_contract, const Contract& new_contract, Date default_date);

}  // namespace clause::engine
