#include "engine/evaluate/evaluate.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace clause::engine {

const Ending& State::ending(DeclRef ref) const {
  static const Ending live;
  switch (ref.kind) {
    case DeclKind::licence: return licences[ref.index];
    case DeclKind::clause: return clauses[ref.index];
    case DeclKind::exception: return exceptions[ref.index].ending;
    default: return live;
  }
}

namespace {

void record(const Outcome& o, OutcomeLog& log) { log.outcomes.push_back(o); }

// Every consent an exception asks, as a set of bits.
std::uint32_t all_consents(const Exception& x) {
  return x.consents.empty() ? 0u : 0xFFFF'FFFFu >> (32 - x.consents.size());
}

// A waterfall's totals back to nothing paid, keeping their memory for the next run.
void forget(WaterfallState& w) {
  w.tier_taken.clear();
  w.received.clear();
  w.total = Money{};
  w.complete_tiers = 0;
}

// What an earning counts for a waterfall: its payees and every share of every tier.
std::uint64_t steps_of(const Waterfall& w) {
  std::uint64_t n = w.payees.size();
  for (const Tier& t : w.tiers) n += t.shares.size();
  return n;
}

}  // namespace

Evaluator::Evaluator(const Contract& contract, RunLimits limits) : c_(contract), limits_(limits) {
  state_.licences.resize(c_.licences.size());
  state_.clauses.resize(c_.clauses.size());
  state_.exceptions.resize(c_.exceptions.size());
  state_.waterfalls.resize(c_.waterfalls.size());
  state_.received.resize(c_.parties.size());
}

void Evaluator::reset() {
  std::fill(state_.licences.begin(), state_.licences.end(), Ending{});
  std::fill(state_.clauses.begin(), state_.clauses.end(), Ending{});
  std::fill(state_.exceptions.begin(), state_.exceptions.end(), ExceptionState{});
  for (WaterfallState& w : state_.waterfalls) forget(w);
  std::fill(state_.received.begin(), state_.received.end(), Money{});
  steps_ = 0;
}

Ending* Evaluator::ending(DeclRef ref) {
  switch (ref.kind) {
    case DeclKind::licence: return &state_.licences[ref.index];
    case DeclKind::clause: return &state_.clauses[ref.index];
    case DeclKind::exception: return &state_.exceptions[ref.index].ending;
    default: return nullptr;
  }
}

std::optional<std::string> Evaluator::apply(const Event& e, Date on, OutcomeLog& log, Index event_id) {
  EventRecord record_of_event{on, event_id, static_cast<Index>(log.outcomes.size()), 0};
  const std::size_t checks_before = log.checks.size();
  const std::size_t lines_before = log.lines.size();
  const std::uint64_t steps_before = steps_;
  std::optional<std::string> error;
  if (c_.effective && on < *c_.effective) {
    record(Uncovered{Uncovered::Why::not_in_force, {}, {}, {}}, log);
  } else {
    switch (e.kind) {
      case EventKind::declares: declaration(e, e.actor, on, log); break;
      case EventKind::is_declared: {
        const Index power = e.word < c_.power_of_status.size() ? c_.power_of_status[e.word] : kNone;
        if (power == kNone) {
          record(Uncovered{Uncovered::Why::no_power, {}, {}, {}}, log);
        } else {
          declaration(e, c_.powers[power].holder, on, log);
        }
        break;
      }
      case EventKind::consents: consent(e, log); break;
      case EventKind::buys: error = purchase(e, on, log); break;
      case EventKind::uses: use(e, log); break;
      case EventKind::earns: error = earning(e, log); break;
      case EventKind::does: deed(e, on, log); break;
    }
  }
  ++steps_;
  if (!error && log.entries() > limits_.log_entries) {
    error = fmt::format("evaluation stops at this event: the events so far record more than {} outcomes, exception "
                        "checks and payout lines, the most Clause keeps for one run (docs/limits.md)",
                        limits_.log_entries);
  }
  if (!error && steps_ > limits_.steps) {
    error = fmt::format("evaluation stops at this event: the events so far take more than {} steps (clauses, "
                        "exceptions, triggers and shares looked at), the most Clause takes for one run "
                        "(docs/limits.md)",
                        limits_.steps);
  }
  if (error) {
    log.outcomes.resize(record_of_event.first);
    log.checks.resize(checks_before);
    log.lines.resize(lines_before);
    steps_ = steps_before;
    return error;
  }
  record_of_event.count = static_cast<Index>(log.outcomes.size()) - record_of_event.first;
  log.events.push_back(record_of_event);
  return std::nullopt;
}

void Evaluator::declaration(const Event& e, Actor by, Date on, OutcomeLog& log) {
  const Index power = e.word < c_.power_of_status.size() ? c_.power_of_status[e.word] : kNone;
  if (power == kNone) {
    record(Uncovered{Uncovered::Why::no_power, by, {}, {}}, log);
    return;
  }
  const DeclRef rule{DeclKind::power, power};
  if (by != c_.powers[power].holder) {
    record(Ineffective{rule, by}, log);
    return;
  }
  record(Declared{rule, by}, log);

  firing_.clear();
  if (e.word < c_.status_triggers.size()) {
    const std::span<const Index> triggers = c_.status_triggers[e.word];
    steps_ += triggers.size();
    for (const Index t : triggers) {
      if (state_.clauses[t].ended) continue;
      const TriggerPattern& p = c_.clauses[t].pattern;
      if (p.kind == PatternKind::actor_declares && p.actor != by) continue;
      firing_.push_back(t);
    }
  }
  fire(on, log);
}

void Evaluator::consent(const Event& e, OutcomeLog& log) {
  const std::vector<Actor>& asked = c_.exceptions[e.target].consents;
  const auto it = std::find(asked.begin(), asked.end(), e.actor);
  const bool is_asked = it != asked.end();
  if (is_asked) state_.exceptions[e.target].consents |= 1u << (it - asked.begin());
  record(Consented{is_asked ? Consented::Why::asked : Consented::Why::not_asked, DeclRef{DeclKind::exception, e.target},
                   e.actor},
         log);
}

std::optional<std::string> Evaluator::purchase(const Event& e, Date on, OutcomeLog& log) {
  const std::size_t before = log.outcomes.size();
  DeclRef ended_duty;
  Date ended_on;
  if (e.word != kNone) {
    const std::span<const Index> duties = c_.duties_on(e.actor, e.word);
    steps_ += duties.size();
    for (const Index ci : duties) {
      const Clause& cl = c_.clauses[ci];
      const Ending& clause_end = state_.clauses[ci];
      const DeclRef clause_ref{DeclKind::clause, ci};
      if (clause_end.ended) {
        ended_duty = clause_ref;
        ended_on = clause_end.on;
        continue;
      }
      const bool allowed = cl.kind == ClauseKind::exclusivity ? cl.names_vendor(e.vendor) : e.vendor != cl.vendor;
      if (allowed) {
        record(Permitted{Permitted::Why::clause_allows, clause_ref, e.actor, {}, {}}, log);
        continue;
      }
      // The first live exception, in file order, whose permission matches and whose
      // conditions all hold permits the purchase; otherwise each says why not.
      const std::size_t checks_before = log.checks.size();
      Index permitting = kNone;
      for (const Index xi : cl.exceptions) {
        ++steps_;
        const Exception& ex = c_.exceptions[xi];
        const ExceptionState& xs = state_.exceptions[xi];
        ExceptionCheck check;
        check.exception = xi;
        check.ended = xs.ending.ended;
        check.ended_on = xs.ending.on;
        check.ended_by = xs.ending.by;
        check.wrong_buyer = ex.buyer != e.actor;
        check.wrong_good = ex.good != e.word;
        check.wrong_vendor = ex.vendor != e.vendor;
        check.missing_consents = all_consents(ex) & ~xs.consents;
        if (ex.limit) {
          const auto total = xs.bought.plus(e.amount);
          if (!total) {
            return fmt::format("the total bought under exception `{}` would pass the money range ($1000T)", ex.name);
          }
          check.would_total = *total;
          check.over_limit = *total > *ex.limit;
        }
        check.too_early = ex.from && on < *ex.from;
        check.too_late = ex.until && on > *ex.until;
        const bool holds = !check.ended && !check.wrong_buyer && !check.wrong_good && !check.wrong_vendor &&
                           check.missing_consents == 0 && !check.over_limit && !check.too_early && !check.too_late;
        if (holds) {
          permitting = xi;
          break;
        }
        log.checks.push_back(check);
      }
      if (permitting != kNone) {
        log.checks.resize(checks_before);
        ExceptionState& xs = state_.exceptions[permitting];
        const auto total = xs.bought.plus(e.amount);
        if (!total) {
          return fmt::format("the total bought under exception `{}` would pass the money range ($1000T)",
                             c_.exceptions[permitting].name);
        }
        xs.bought = *total;
        record(Permitted{Permitted::Why::exception_applies, DeclRef{DeclKind::exception, permitting}, e.actor,
                         clause_ref, *total},
               log);
        continue;
      }
      record(Breach{Breach::Why::purchase_forbidden, clause_ref, e.actor, static_cast<Index>(checks_before),
                    static_cast<Index>(log.checks.size() - checks_before), {}, {}},
             log);
    }
  }
  const bool clause_outcome = log.outcomes.size() != before;

  firing_.clear();
  if (e.word != kNone && e.word < c_.purchase_triggers.size()) {
    const std::span<const Index> triggers = c_.purchase_triggers[e.word];
    steps_ += triggers.size();
    for (const Index t : triggers) {
      if (state_.clauses[t].ended) continue;
      const TriggerPattern& p = c_.clauses[t].pattern;
      if (p.actor == e.actor && p.vendor == e.vendor) firing_.push_back(t);
    }
  }
  const bool fired = !firing_.empty();
  fire(on, log);
  if (!clause_outcome && !fired) {
    record(Uncovered{ended_duty.valid() ? Uncovered::Why::duty_ended : Uncovered::Why::no_clause, e.actor, ended_duty,
                     ended_on},
           log);
  }
  return std::nullopt;
}

void Evaluator::use(const Event& e, OutcomeLog& log) {
  const Licence& l = c_.licences[e.target];
  const DeclRef rule{DeclKind::licence, e.target};
  if (e.actor == l.grantor) {
    record(Permitted{Permitted::Why::grantor_uses, rule, e.actor, {}, {}}, log);
  } else if (e.actor == l.grantee) {
    const Ending& end = state_.licences[e.target];
    if (end.ended) {
      record(Breach{Breach::Why::licence_ended, rule, e.actor, 0, 0, end.on, end.by}, log);
    } else {
      record(Permitted{Permitted::Why::grantee_uses, rule, e.actor, {}, {}}, log);
    }
  } else {
    record(Breach{Breach::Why::holds_no_licence, rule, e.actor, 0, 0, {}, {}}, log);
  }
}

std::optional<std::string> Evaluator::earning(const Event& e, OutcomeLog& log) {
  const std::span<const Index> mine = e.actor.is_party() && e.actor.party < c_.waterfalls_of.size()
                                          ? c_.waterfalls_of[e.actor.party]
                                          : std::span<const Index>();
  if (mine.empty()) {
    record(Uncovered{Uncovered::Why::no_waterfall, e.actor, {}, {}}, log);
    return std::nullopt;
  }
  // Check every running total first, so that an overflow changes nothing.
  for (const Index wi : mine) {
    if (!state_.waterfalls[wi].total.plus(e.amount)) {
      return fmt::format("the profit paid through waterfall `{}` would pass the money range ($1000T)",
                         c_.waterfalls[wi].name);
    }
  }
  // A payee of several of these waterfalls can receive the whole profit from each, so each
  // payee's total is checked against the profit once per waterfall.
  constexpr const char* kPayoutPastRange = "a party's total payout would pass the money range ($1000T)";
  std::optional<Money> most_paid = e.amount;
  for (std::size_t k = 1; k < mine.size() && most_paid; ++k) most_paid = most_paid->plus(e.amount);
  if (!most_paid) return kPayoutPastRange;
  for (const Index wi : mine) {
    steps_ += steps_of(c_.waterfalls[wi]);
    for (const Index p : c_.waterfalls[wi].payees) {
      if (!state_.received[p].plus(*most_paid)) return kPayoutPastRange;
    }
  }
  for (const Index wi : mine) {
    const Waterfall& w = c_.waterfalls[wi];
    WaterfallState& ws = state_.waterfalls[wi];
    if (ws.received.empty()) ws.reset(w, c_.parties.size());
    const std::size_t first_line = log.lines.size();
    const auto undistributed = distribute(w, ws, e.amount, log.lines);
    if (!undistributed) {
      return fmt::format("a payout of waterfall `{}` would pass the money range ($1000T)", w.name);
    }
    for (std::size_t i = first_line; i < log.lines.size(); ++i) {
      const PayoutLine& line = log.lines[i];
      state_.received[line.party] = *state_.received[line.party].plus(line.amount);
    }
    record(Payout{DeclRef{DeclKind::waterfall, wi}, e.actor, static_cast<Index>(first_line),
                  static_cast<Index>(log.lines.size() - first_line), *undistributed},
           log);
  }
  return std::nullopt;
}

void Evaluator::deed(const Event& e, Date on, OutcomeLog& log) {
  firing_.clear();
  if (const auto triggers = c_.deed_triggers.find(e.text); triggers != c_.deed_triggers.end()) {
    steps_ += triggers->second.size();
    for (const Index t : triggers->second) {
      if (!state_.clauses[t].ended && c_.clauses[t].pattern.actor == e.actor) firing_.push_back(t);
    }
  }
  if (firing_.empty()) {
    record(Uncovered{Uncovered::Why::no_trigger, e.actor, {}, {}}, log);
    return;
  }
  fire(on, log);
}

// Applies the effects of the triggers in `firing_` (decided before any of them applies),
// in file order, each trigger's effects as written. Ending what has ended records nothing.
void Evaluator::fire(Date on, OutcomeLog& log) {
  for (const Index t : firing_) {
    const std::vector<DeclRef>& ends = c_.clauses[t].ends;
    steps_ += ends.size();
    const DeclRef by{DeclKind::clause, t};
    for (const DeclRef target : ends) {
      Ending* end = ending(target);
      if (end == nullptr || end->ended) continue;
      *end = Ending{true, on, by};
      record(Ended{by, target}, log);
    }
  }
}

}  // namespace clause::engine
