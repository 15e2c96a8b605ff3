// Applying events to a contract's state (LANGUAGE.md sections 4, 9 and 10).
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

// Whether a licence, clause, exception or waterfall has stopped: ended by a trigger (`by`),
// or expired when its term's last day passed (`expired`; `on` is the day after).
struct Ending {
  bool ended = false;
  Date on;
  DeclRef by;  // the trigger clause that ended it; invalid when it expired
  bool expired = false;
};

// An exception's state: whether it ended, who has consented, what was bought under it.
struct ExceptionState {
  Ending ending;
  std::uint32_t consents = 0;  // bit i set when the exception's consents[i] has consented
  Money bought;                // the total it has permitted
};

// A power's declaration, when the power asks verification.
struct PowerState {
  enum class Stage : std::uint8_t { none, pending, verified };
  Stage stage = Stage::none;
  Date verified_on;
};

// A clause's running figures: a first refusal's allowance, a commitment's total.
struct ClauseState {
  Ending ending;
  Money declined;   // first refusal: declined in all
  Money allowance;  // first refusal: declined and not yet used
  Money bought;     // commitment: bought in its term
  bool fulfilled = false;
};

// A contract's state: what has ended or expired, who has consented, what was bought under
// each exception, what each power's declaration waits for, what each clause counts, what
// each waterfall has paid and what each party has received.
struct State {
  std::vector<Ending> licences;
  std::vector<ClauseState> clauses;
  std::vector<ExceptionState> exceptions;
  std::vector<PowerState> powers;
  // By waterfall. A waterfall that has paid nothing since the fresh state has empty
  // totals: its totals by party are made when it first pays, so a contract of many
  // waterfalls and parties costs memory only for the waterfalls an event pays through.
  std::vector<WaterfallState> waterfalls;
  std::vector<Ending> waterfall_endings;
  std::vector<Money> received;  // by party: from every waterfall

  const Ending& ending(DeclRef ref) const;
  // Whether a licence, clause, exception or waterfall applies on `on`: in force (an
  // exception: inside its window) and neither ended nor expired.
  bool live(const Contract& c, DeclRef ref, Date on) const;
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

  // Back to a fresh state: nothing ended, expired, consented, declared, bought or paid.
  void reset();
  // Applies one event dated `on`, appending its outcomes to `log`: first what time has
  // expired or judged since the previous event, then the event's own. Returns an error
  // message, and records nothing for the event, when a running total would leave the money
  // range; what time expired before it stays expired, and the run stops there.
  // Past the run limits (log entries or steps) it returns an error too; the run stops there.
  std::optional<std::string> apply(const Event& event, Date on, OutcomeLog& log, Index event_id = kNone);

  const State& state() const { return state_; }
  const Contract& contract() const { return c_; }

 private:
  void pass_time(Date on, OutcomeLog& log);
  void declaration(const Event& e, Actor by, Date on, OutcomeLog& log);
  void verification(const Event& e, Actor by, bool verifies, Date on, OutcomeLog& log);
  void consent(const Event& e, OutcomeLog& log);
  std::optional<std::string> purchase(const Event& e, Date on, OutcomeLog& log);
  std::optional<std::string> decline(const Event& e, Date on, OutcomeLog& log);
  void use(const Event& e, Date on, OutcomeLog& log);
  std::optional<std::string> earning(const Event& e, Date on, OutcomeLog& log);
  void deed(const Event& e, Date on, OutcomeLog& log);
  void collect_triggers(std::span<const Index> triggers, Date on);
  void fire(Date on, OutcomeLog& log);
  // Why nothing governs: the last of `clauses` that would have, had it been live.
  Uncovered not_live(Uncovered::Why otherwise, Actor party, std::span<const Index> clauses, Date on) const;

  Ending* ending(DeclRef ref);  // of a licence, clause, exception or waterfall; nullptr for any other kind

  const Contract& c_;
  State state_;
  RunLimits limits_;
  std::uint64_t steps_ = 0;       // since the fresh state
  std::size_t next_deadline_ = 0; // the first of Contract::deadlines time has not yet passed
  std::vector<Index> firing_;     // trigger clauses that fire on the current event
  std::vector<Index> paying_;     // waterfalls that distribute the current earning
};

}  // namespace clause::engine
