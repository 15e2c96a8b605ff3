// Applying events to a contract's state (LANGUAGE.md sections 4 and 9).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/model/contract.hpp"
#include "engine/evaluate/event.hpp"
#include "engine/evaluate/outcome.hpp"
#include "engine/payout/waterfall.hpp"

namespace clause::engine {

struct Ending {
  bool ended = false;
  Date on;
  DeclRef by;  // the trigger clause that ended it
};

// An exception's state: whether it ended, who has consented, what was bought under it.
struct ExceptionState {
  Ending ending;
  std::uint32_t consents = 0;  // bit i set when the exception's consents[i] has consented
  Money bought;                // the total it has permitted
};

// A contract's state: what has ended, who has consented, what was bought under each
// exception, what each waterfall has paid and what each party has received.
struct State {
  std::vector<Ending> licences;
  std::vector<Ending> clauses;
  std::vector<ExceptionState> exceptions;
  // By waterfall. A waterfall that has paid nothing since the fresh state has empty
  // totals: its totals by party are made when it first pays, so a contract of many
  // waterfalls and parties costs memory only for the waterfalls an event pays through.
  std::vector<WaterfallState> waterfalls;
  std::vector<Money> received;  // by party: from every waterfall

  const Ending& ending(DeclRef ref) const;
};

// Limits on one run from a fresh state (docs/limits.md): what the log may hold (outcomes,
// exception checks and payout lines together) and how much work the events may take (a
// step is one clause, exception, trigger, effect or share looked at). Past either, the
// event that passes it is an error and changes nothing.
inline constexpr std::size_t kMaxLogEntries = 1'000'000;
inline constexpr std::uint64_t kMaxSteps = 200'000'000;

struct RunLimits {
  std::size_t log_entries = kMaxLogEntries;
  std::uint64_t steps = kMaxSteps;

  // For callers that bound the work themselves: the benchmarks, which replay a million
  // pre-resolved events from a fresh state (more than a million log entries) and clear the
  // log between runs.
  static RunLimits none() { return {SIZE_MAX, UINT64_MAX}; }
};

class Evaluator {
 public:
  explicit Evaluator(const Contract& contract, RunLimits limits = {});

  // Back to a fresh state: nothing ended, consented, bought or paid.
  void reset();
  // Applies one event dated `on`, appending its outcomes to `log`. Returns an error
  // message, and changes nothing, when a running total would leave the money range.
  // Past the run limits (log entries or steps) it returns an error too; the run stops there.
  std::optional<std::string> apply(const Event& event, Date on, OutcomeLog& log, Index event_id = kNone);

  const State& state() const { return state_; }
  const Contract& contract() const { return c_; }

 private:
  void declaration(const Event& e, Actor by, Date on, OutcomeLog& log);
  void consent(const Event& e, OutcomeLog& log);
  std::optional<std::string> purchase(const Event& e, Date on, OutcomeLog& log);
  void use(const Event& e, OutcomeLog& log);
  std::optional<std::string> earning(const Event& e, OutcomeLog& log);
  void deed(const Event& e, Date on, OutcomeLog& log);
  void fire(Date on, OutcomeLog& log);

  Ending* ending(DeclRef ref);  // of a licence, clause or exception; nullptr for any other kind

  const Contract& c_;
  State state_;
  RunLimits limits_;
  std::uint64_t steps_ = 0;  // since the fresh state
  std::vector<Index> firing_;  // trigger clauses that fire on the current event
};

}  // namespace clause::engine
