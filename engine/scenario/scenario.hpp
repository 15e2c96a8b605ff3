// Scenarios: a contract, dated events and expectations. Preparing one reads and checks
// everything it names; running it applies the events and judges the expectations.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "dsl/parse.hpp"
#include "dsl/read_source.hpp"
#include "engine/evaluate/evaluate.hpp"
#include "engine/payout/load.hpp"

namespace clause::engine {

// Limits on what one scenario may hold (docs/limits.md). Past one, a clear error and
// nothing runs: every expectation is judged against every outcome.
inline constexpr std::size_t kMaxEvents = 100'000;
inline constexpr std::size_t kMaxExpectations = 1'000;

struct ScenarioOptions {
  std::optional<std::string> contract_path;  // overrides the scenario's `contract` line
  std::vector<Override> overrides;           // `--set`, applied after the scenario's `assume` lines
};

// A failed expectation lists at most this many outcomes, then how many more: a scenario
// of many events keeps short messages (docs/limits.md).
inline constexpr std::size_t kMaxListed = 10;

// One outcome of a run: indexes into its log.
struct OutcomeRef {
  Index record = kNone;   // the event's record, in log.events
  Index outcome = kNone;  // in log.outcomes
};

// The outcomes a failed expectation lists: the first kMaxListed, and how many there were.
struct ListedOutcomes {
  std::vector<OutcomeRef> shown;
  std::size_t total = 0;

  void add(OutcomeRef ref) {
    if (shown.size() < kMaxListed) shown.push_back(ref);
    ++total;
  }
  bool empty() const { return total == 0; }
};

// What happened instead of what a failed expectation expected, as data; the renderers in
// cli/ put it in words.
namespace happened {
struct Breaches {  // a breach was expected: the breaches there were (none, perhaps)
  ListedOutcomes breaches;
};
struct UnexpectedBreaches {  // no breach was expected
  ListedOutcomes breaches;
};
struct OutcomesOn {  // something was expected on a date: what happened that day
  Date on;
  bool any_event = false;
  ListedOutcomes outcomes;
};
struct EndedOn {  // an ending was expected: when it ended, if it did
  std::string name;
  std::optional<Date> on;
};
struct NotLive {  // a declaration was expected live on the last event's date
  std::string name;
  Ending ending;  // when it ended or expired
  Date on;        // else: the last event's date, outside `window`
  Term window;
};
struct ExpiredOn {  // an expiry was expected: when it expired, if it did
  std::string name;
  std::optional<Date> on;
};
struct Unfulfilled {  // a commitment was expected fulfilled
  std::string name;
  Money bought;
  Money amount;
};
struct Received {  // a party was expected to receive `expected` in all
  std::string party;
  Money got;
  Money expected;
};
}  // namespace happened

using WhatHappened = std::variant<std::monostate, happened::Breaches, happened::UnexpectedBreaches,
                                  happened::OutcomesOn, happened::EndedOn, happened::NotLive, happened::Received,
                                  happened::ExpiredOn, happened::Unfulfilled>;

struct ExpectationResult {
  dsl::Location where;   // the `expect` line
  std::string expected;  // the expectation as written
  bool passed = false;
  WhatHappened actual;   // what happened instead, when it failed
};

struct ScenarioRun {
  std::string path;
  dsl::SourcePtr source;
  dsl::ScenarioSyntax syntax;
  std::string contract_path;
  LoadedContract contract;
  Outsiders outsiders;
  std::vector<Event> events;  // resolved, in order
  std::vector<Date> dates;    // one per event
  dsl::DiagnosticList diagnostics;
  bool io_error = false;
  bool ran = false;

  OutcomeLog log;
  std::optional<State> final_state;
  std::vector<ExpectationResult> results;

  bool ready() const { return source && contract.contract && !diagnostics.has_errors(); }
  std::size_t passed() const;
  std::size_t failed() const;
};

// Reads a file's text for the engine, which reads none itself: the caller's (from disk, in cli/).
using ReadSource = std::function<dsl::ReadResult(const std::string& path)>;

// Checks the scenario, as its caller read it, and its contract (read by `read_contract`)
// and resolves every name. Nothing runs yet.
ScenarioRun prepare_scenario(dsl::ReadResult read, const ReadSource& read_contract, const ScenarioOptions& options = {});
ScenarioRun prepare_scenario_source(const dsl::SourcePtr& source, const ReadSource& read_contract,
                                    const ScenarioOptions& options = {});

// Applies the events in order and judges every expectation. Does nothing unless ready().
void run_scenario(ScenarioRun& run);

// Judges the expectations against the log and final state (run_scenario calls this).
std::vector<ExpectationResult> judge_expectations(const ScenarioRun& run);

}  // namespace clause::engine
