#include "engine/evaluate/evaluate.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace clause::engine {

const Ending& State::ending(DeclRef ref) const {
  static const Ending live;
  switch (ref.kind) {
    case DeclKind::licence: return licences[ref.index];
    case DeclKind::clause: return clauses[ref.index].ending;
    case DeclKind::exception: return exceptions[ref.index].ending;
    case DeclKind::waterfall: return waterfall_endings[ref.index];
    default: return live;
  }
}

bool State::live(const Contract& c, DeclRef ref, Date on) const {
  if (ending(ref).ended) return false;
  if (ref.kind == DeclKind::exception) {
    const Exception& x = c.exceptions[ref.index];
    return (!x.from || *x.from <= on) && (!x.until || on <= *x.until);
  }
  return c.term_of(ref).in_force(on);
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

// The power over the event's status; kNone when no power names it.
Index power_of(const Contract& c, const Event& e) {
  return e.word < c.power_of_status.size() ? c.power_of_status[e.word] : kNone;
}

std::string past_range(std::string_view what, std::string_view name) {
  return fmt::format("the total {} `{}` would pass the money range ($1000T)", what, name);
}

}  // namespace

Evaluator::Evaluator(const Contract& contract, RunLimits limits) : c_(contract), limits_(limits) {
  state_.licences.resize(c_.licences.size());
  state_.clauses.resize(c_.clauses.size());
  state_.exceptions.resize(c_.exceptions.size());
  state_.powers.resize(c_.powers.size());
  state_.waterfalls.resize(c_.waterfalls.size());
  state_.waterfall_endings.resize(c_.waterfalls.size());
  state_.received.resize(c_.parties.size());
}

void Evaluator::reset() {
  std::fill(state_.licences.begin(), state_.licences.end(), Ending{});
  std::fill(state_.clauses.begin(), state_.clauses.end(), ClauseState{});
  std::fill(state_.exceptions.begin(), state_.exceptions.end(), ExceptionState{});
  std::fill(state_.powers.begin(), state_.powers.end(), PowerState{});
  for (WaterfallState& w : state_.waterfalls) forget(w);
  std::fill(state_.waterfall_endings.begin(), state_.waterfall_endings.end(), Ending{});
  std::fill(state_.received.begin(), state_.received.end(), Money{});
  steps_ = 0;
  next_deadline_ = 0;
}

Ending* Evaluator::ending(DeclRef ref) {
  switch (ref.kind) {
    case DeclKind::licence: return &state_.licences[ref.index];
    case DeclKind::clause: return &state_.clauses[ref.index].ending;
    case DeclKind::exception: return &state_.exceptions[ref.index].ending;
    case DeclKind::waterfall: return &state_.waterfall_endings[ref.index];
    default: return nullptr;
  }
}

std::optional<std::string> Evaluator::apply(const Event& e, Date on, OutcomeLog& log, Index event_id) {
  EventRecord record_of_event{on, event_id, static_cast<Index>(log.outcomes.size()), 0};
  const std::size_t checks_before = log.checks.size();
  const std::size_t lines_before = log.lines.size();
  const std::uint64_t steps_before = steps_;
  std::optional<std::string> error;
  pass_time(on, log);
  if (c_.effective && on < *c_.effective && e.kind != EventKind::nothing_happens) {
    record(Uncovered{Uncovered::Why::not_in_force, {}, {}, {}}, log);
  } else {
    switch (e.kind) {
      case EventKind::declares: declaration(e, e.actor, on, log); break;
      case EventKind::is_declared: {
        const Index power = power_of(c_, e);
        if (power == kNone) {
          record(Uncovered{Uncovered::Why::no_power, {}, {}, {}}, log);
        } else {
          declaration(e, c_.powers[power].holder, on, log);
        }
        break;
      }
      case EventKind::verifies: verification(e, e.actor, true, on, log); break;
      case EventKind::rejects: verification(e, e.actor, false, on, log); break;
      case EventKind::is_verified: {
        const Index power = power_of(c_, e);
        if (power == kNone) {
          record(Uncovered{Uncovered::Why::no_power, {}, {}, {}}, log);
        } else {
          verification(e, c_.powers[power].verifier.value_or(Actor{}), true, on, log);
        }
        break;
      }
      case EventKind::consents: consent(e, log); break;
      case EventKind::buys: error = purchase(e, on, log); break;
      case EventKind::declines: error = decline(e, on, log); break;
      case EventKind::uses: use(e, on, log); break;
      case EventKind::earns: error = earning(e, on, log); break;
      case EventKind::does: deed(e, on, log); break;
      case EventKind::nothing_happens: break;
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

// Every term whose last day is before `on` expires, and every commitment whose `by` date
// is before it is judged, in date order, then file order.
void Evaluator::pass_time(Date on, OutcomeLog& log) {
  while (next_deadline_ < c_.deadlines.size() && c_.deadlines[next_deadline_].until < on) {
    const Contract::Deadline& d = c_.deadlines[next_deadline_++];
    ++steps_;
    Ending* end = ending(d.subject);
    if (end == nullptr || end->ended) continue;
    const Date after = d.until.plus_days(1);
    *end = Ending{true, after, {}, true};
    if (d.subject.kind == DeclKind::clause && c_.clauses[d.subject.index].kind == ClauseKind::commitment) {
      const Clause& cl = c_.clauses[d.subject.index];
      const ClauseState& cs = state_.clauses[d.subject.index];
      if (cs.fulfilled) continue;  // a fulfilled commitment records nothing at its deadline
      Breach b;
      b.why = Breach::Why::commitment_short;
      b.rule = d.subject;
      b.party = cl.buyer;
      b.ended_on = after;
      b.commitment = {cs.bought, cl.amount};
      record(b, log);
      continue;
    }
    record(Expired{d.subject, after}, log);
  }
}

void Evaluator::declaration(const Event& e, Actor by, Date on, OutcomeLog& log) {
  const Index power = power_of(c_, e);
  if (power == kNone) {
    record(Uncovered{Uncovered::Why::no_power, by, {}, {}}, log);
    return;
  }
  const Power& p = c_.powers[power];
  const DeclRef rule{DeclKind::power, power};
  if (by != p.holder) {
    record(Ineffective{Ineffective::Why::not_holder, rule, by, {}}, log);
    return;
  }
  PowerState& ps = state_.powers[power];
  if (p.verifier) {
    if (ps.stage == PowerState::Stage::pending) {
      record(Ineffective{Ineffective::Why::already_pending, rule, by, {}}, log);
      return;
    }
    if (ps.stage == PowerState::Stage::verified) {
      record(Ineffective{Ineffective::Why::already_verified, rule, by, ps.verified_on}, log);
      return;
    }
    ps.stage = PowerState::Stage::pending;
  }
  record(Declared{rule, by, p.verifier.has_value()}, log);

  firing_.clear();
  if (e.word < c_.status_triggers.size()) {
    const std::span<const Index> triggers = c_.status_triggers[e.word];
    steps_ += triggers.size();
    for (const Index t : triggers) {
      if (!state_.live(c_, {DeclKind::clause, t}, on)) continue;
      const TriggerPattern& pat = c_.clauses[t].pattern;
      if (pat.kind == PatternKind::actor_declares && pat.actor != by) continue;
      firing_.push_back(t);
    }
  }
  fire(on, log);
}

void Evaluator::verification(const Event& e, Actor by, bool verifies, Date on, OutcomeLog& log) {
  const Index power = power_of(c_, e);
  if (power == kNone) {
    record(Uncovered{Uncovered::Why::no_power, by, {}, {}}, log);
    return;
  }
  const Power& p = c_.powers[power];
  const DeclRef rule{DeclKind::power, power};
  PowerState& ps = state_.powers[power];
  const auto ineffective = [&](Ineffective::Why why) { record(Ineffective{why, rule, by, ps.verified_on}, log); };
  if (!p.verifier) return ineffective(Ineffective::Why::no_verification);
  if (by != *p.verifier) return ineffective(Ineffective::Why::not_verifier);
  if (ps.stage == PowerState::Stage::verified) return ineffective(Ineffective::Why::already_verified);
  if (ps.stage == PowerState::Stage::none) return ineffective(Ineffective::Why::nothing_pending);
  if (!verifies) {
    ps.stage = PowerState::Stage::none;
    record(Rejected{rule, by}, log);
    return;
  }
  ps.stage = PowerState::Stage::verified;
  ps.verified_on = on;
  record(Verified{rule, by}, log);
  firing_.clear();
  if (e.word < c_.verified_triggers.size()) {
    const std::span<const Index> triggers = c_.verified_triggers[e.word];
    steps_ += triggers.size();
    for (const Index t : triggers) {
      if (state_.live(c_, {DeclKind::clause, t}, on)) firing_.push_back(t);
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

Uncovered Evaluator::not_live(Uncovered::Why otherwise, Actor party, std::span<const Index> clauses, Date on) const {
  Uncovered u{otherwise, party, {}, {}};
  for (const Index ci : clauses) {
    const ClauseState& cs = state_.clauses[ci];
    const DeclRef ref{DeclKind::clause, ci};
    if (cs.ending.ended) {
      u = Uncovered{cs.ending.expired ? Uncovered::Why::expired : Uncovered::Why::duty_ended, party, ref, cs.ending.on};
    } else if (!c_.clauses[ci].term.in_force(on)) {
      u = Uncovered{Uncovered::Why::not_yet, party, ref, {}};
    }
  }
  return u;
}

std::optional<std::string> Evaluator::purchase(const Event& e, Date on, OutcomeLog& log) {
  const std::size_t before = log.outcomes.size();
  std::span<const Index> duties;
  if (e.word != kNone) {
    duties = c_.duties_on(e.actor, e.word);
    steps_ += duties.size();
    for (const Index ci : duties) {
      const Clause& cl = c_.clauses[ci];
      ClauseState& cs = state_.clauses[ci];
      const DeclRef clause_ref{DeclKind::clause, ci};
      if (!state_.live(c_, clause_ref, on)) continue;
      switch (cl.kind) {
        case ClauseKind::freedom:
          if (cl.any_vendor || cl.vendor == e.vendor) {
            record(Permitted{Permitted::Why::freedom, clause_ref, e.actor, {}, {}, {}, {}}, log);
          }
          continue;
        case ClauseKind::commitment: {
          if (cl.vendor != e.vendor) continue;
          const auto total = cs.bought.plus(e.amount);
          if (!total) return past_range("bought under commitment", cl.name);
          cs.bought = *total;
          Permitted p{Permitted::Why::counts_toward, clause_ref, e.actor, {}, {}, {}, {cs.bought, cl.amount}};
          record(p, log);
          if (!cs.fulfilled && cs.bought >= cl.amount) {
            cs.fulfilled = true;
            record(Fulfilled{clause_ref, {cs.bought, cl.amount}}, log);
          }
          continue;
        }
        case ClauseKind::first_refusal:
          if (cl.vendor == e.vendor) {
            record(Permitted{Permitted::Why::bought_from_holder, clause_ref, e.actor, {}, {}, {}, {}}, log);
            continue;
          }
          if (e.amount <= cs.allowance) {
            cs.allowance = *cs.allowance.minus(e.amount);
            record(Permitted{Permitted::Why::allowance_used, clause_ref, e.actor, {}, {}, cs.allowance, {}}, log);
            continue;
          }
          break;
        case ClauseKind::exclusivity:
          if (cl.names_vendor(e.vendor)) {
            record(Permitted{Permitted::Why::clause_allows, clause_ref, e.actor, {}, {}, {}, {}}, log);
            continue;
          }
          break;
        case ClauseKind::prohibition:
          if (e.vendor != cl.vendor) {
            record(Permitted{Permitted::Why::clause_allows, clause_ref, e.actor, {}, {}, {}, {}}, log);
            continue;
          }
          break;
        case ClauseKind::trigger:
        case ClauseKind::deed: continue;
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
        check.wrong_vendor = !ex.any_vendor && ex.vendor != e.vendor;
        check.missing_consents = all_consents(ex) & ~xs.consents;
        if (ex.limit) {
          const auto total = xs.bought.plus(e.amount);
          if (!total) return past_range("bought under exception", ex.name);
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
        if (!total) return past_range("bought under exception", c_.exceptions[permitting].name);
        xs.bought = *total;
        record(Permitted{Permitted::Why::exception_applies, DeclRef{DeclKind::exception, permitting}, e.actor,
                         clause_ref, *total, {}, {}},
               log);
        continue;
      }
      Breach b;
      b.why = cl.kind == ClauseKind::first_refusal ? Breach::Why::refusal_short : Breach::Why::purchase_forbidden;
      b.rule = clause_ref;
      b.party = e.actor;
      b.first_check = static_cast<Index>(checks_before);
      b.check_count = static_cast<Index>(log.checks.size() - checks_before);
      b.declined = cs.declined;
      b.left = cs.allowance;
      record(b, log);
    }
  }
  const bool clause_outcome = log.outcomes.size() != before;

  firing_.clear();
  if (e.word != kNone && e.word < c_.purchase_triggers.size()) {
    const std::span<const Index> triggers = c_.purchase_triggers[e.word];
    steps_ += triggers.size();
    for (const Index t : triggers) {
      if (!state_.live(c_, {DeclKind::clause, t}, on)) continue;
      const TriggerPattern& p = c_.clauses[t].pattern;
      if (p.actor == e.actor && p.vendor == e.vendor) firing_.push_back(t);
    }
  }
  const bool fired = !firing_.empty();
  fire(on, log);
  if (!clause_outcome && !fired) {
    // Only what would have governed this purchase, had it been live, explains the silence.
    std::vector<Index> would_govern;
    for (const Index ci : duties) {
      const Clause& cl = c_.clauses[ci];
      const bool applies = cl.kind == ClauseKind::freedom      ? cl.any_vendor || cl.vendor == e.vendor
                           : cl.kind == ClauseKind::commitment ? cl.vendor == e.vendor
                                                               : true;
      if (applies) would_govern.push_back(ci);
    }
    record(not_live(Uncovered::Why::no_clause, e.actor, would_govern, on), log);
  }
  return std::nullopt;
}

std::optional<std::string> Evaluator::decline(const Event& e, Date on, OutcomeLog& log) {
  const std::span<const Index> refusals =
      e.word < c_.refusals_of.size() ? std::span<const Index>(c_.refusals_of[e.word]) : std::span<const Index>();
  steps_ += refusals.size();
  std::vector<Index> live;
  bool holds_one = false;
  for (const Index ci : refusals) {
    if (!state_.live(c_, {DeclKind::clause, ci}, on)) continue;
    live.push_back(ci);
    holds_one = holds_one || c_.clauses[ci].vendor == e.actor;
  }
  if (live.empty()) {
    record(not_live(Uncovered::Why::no_refusal, e.actor, refusals, on), log);
    return std::nullopt;
  }
  for (const Index ci : live) {
    const Clause& cl = c_.clauses[ci];
    ClauseState& cs = state_.clauses[ci];
    const DeclRef ref{DeclKind::clause, ci};
    if (!holds_one) {
      record(Ineffective{Ineffective::Why::not_refusal_holder, ref, e.actor, {}}, log);
      continue;
    }
    if (cl.vendor != e.actor) continue;
    const auto declined = cs.declined.plus(e.amount);
    const auto allowance = cs.allowance.plus(e.amount);
    if (!declined || !allowance) return past_range("declined under", cl.name);
    cs.declined = *declined;
    cs.allowance = *allowance;
    record(Declined{ref, e.actor, e.amount, cs.allowance}, log);
  }
  return std::nullopt;
}

void Evaluator::use(const Event& e, Date on, OutcomeLog& log) {
  const Licence& l = c_.licences[e.target];
  const DeclRef rule{DeclKind::licence, e.target};
  Permitted permitted{Permitted::Why::grantor_uses, rule, e.actor, {}, {}, {}, {}};
  if (e.actor == l.grantor) {
    record(permitted, log);
    return;
  }
  Breach b;
  b.rule = rule;
  b.party = e.actor;
  if (e.actor != l.grantee) {
    b.why = Breach::Why::holds_no_licence;
    record(b, log);
    return;
  }
  const Ending& end = state_.licences[e.target];
  if (end.ended) {
    b.why = end.expired ? Breach::Why::licence_expired : Breach::Why::licence_ended;
    b.ended_on = end.on;
    b.ended_by = end.by;
    record(b, log);
  } else if (l.term.from && on < *l.term.from) {
    b.why = Breach::Why::licence_not_yet;
    record(b, log);
  } else {
    permitted.why = Permitted::Why::grantee_uses;
    record(permitted, log);
  }
}

std::optional<std::string> Evaluator::earning(const Event& e, Date on, OutcomeLog& log) {
  const std::span<const Index> all = e.actor.is_party() && e.actor.party < c_.waterfalls_of.size()
                                         ? c_.waterfalls_of[e.actor.party]
                                         : std::span<const Index>();
  std::vector<Index>& mine = paying_;  // live, of this stream
  mine.clear();
  Uncovered silent{Uncovered::Why::no_waterfall, e.actor, {}, {}};
  for (const Index wi : all) {
    const Waterfall& w = c_.waterfalls[wi];
    if (w.stream != e.stream) continue;
    const DeclRef ref{DeclKind::waterfall, wi};
    const Ending& end = state_.waterfall_endings[wi];
    if (end.ended) {
      silent = Uncovered{end.expired ? Uncovered::Why::expired : Uncovered::Why::waterfall_ended, e.actor, ref, end.on};
    } else if (!w.term.in_force(on)) {
      silent = Uncovered{Uncovered::Why::not_yet, e.actor, ref, {}};
    } else {
      mine.push_back(wi);
    }
  }
  if (mine.empty()) {
    record(silent, log);
    return std::nullopt;
  }
  // Check every running total first, so that an overflow changes nothing.
  for (const Index wi : mine) {
    if (!state_.waterfalls[wi].total.plus(e.amount)) {
      return fmt::format("the {} paid through waterfall `{}` would pass the money range ($1000T)", e.stream,
                         c_.waterfalls[wi].name);
    }
  }
  // A payee of several of these waterfalls can receive the whole income from each, so each
  // payee's total is checked against the income once per waterfall.
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
  bool governed = false;
  if (const auto clauses = c_.deed_clauses.find(e.text); clauses != c_.deed_clauses.end()) {
    steps_ += clauses->second.size();
    for (const Index ci : clauses->second) {
      const Clause& cl = c_.clauses[ci];
      const DeclRef ref{DeclKind::clause, ci};
      if (cl.buyer != e.actor || !state_.live(c_, ref, on)) continue;
      governed = true;
      if (cl.forbidden) {
        Breach b;
        b.why = Breach::Why::deed_forbidden;
        b.rule = ref;
        b.party = e.actor;
        record(b, log);
      } else {
        record(Permitted{Permitted::Why::deed_allowed, ref, e.actor, {}, {}, {}, {}}, log);
      }
    }
  }
  firing_.clear();
  if (const auto triggers = c_.deed_triggers.find(e.text); triggers != c_.deed_triggers.end()) {
    steps_ += triggers->second.size();
    for (const Index t : triggers->second) {
      if (state_.live(c_, {DeclKind::clause, t}, on) && c_.clauses[t].pattern.actor == e.actor) firing_.push_back(t);
    }
  }
  if (firing_.empty() && !governed) {
    record(Uncovered{Uncovered::Why::no_trigger, e.actor, {}, {}}, log);
    return;
  }
  fire(on, log);
}

// Applies the effects of the triggers in `firing_` (decided before any of them applies),
// in file order, each trigger's effects as written. Ending what has ended or expired
// records nothing.
void Evaluator::fire(Date on, OutcomeLog& log) {
  for (const Index t : firing_) {
    const std::vector<DeclRef>& ends = c_.clauses[t].ends;
    steps_ += ends.size();
    const DeclRef by{DeclKind::clause, t};
    for (const DeclRef target : ends) {
      Ending* end = ending(target);
      if (end == nullptr || end->ended) continue;
      *end = Ending{true, on, by, false};
      record(Ended{by, target}, log);
    }
  }
}

}  // namespace clause::engine
