#include "engine/evaluate/evaluate.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace clause::engine {

const char* outcome_kind_name(OutcomeKind kind) {
  switch (kind) {
    case OutcomeKind::permitted: return "permitted";
    case OutcomeKind::breach: return "breach";
    case OutcomeKind::declared: return "declared";
    case OutcomeKind::ineffective: return "ineffective";
    case OutcomeKind::consented: return "consented";
    case OutcomeKind::ended: return "ended";
    case OutcomeKind::payout: return "payout";
    case OutcomeKind::uncovered: return "uncovered";
  }
  return "";
}

const Ending& State::ending(DeclRef ref) const {
  static const Ending live;
  switch (ref.kind) {
    case DeclKind::licence: return licences[ref.index];
    case DeclKind::clause: return clauses[ref.index];
    case DeclKind::exception: return exceptions[ref.index].ending;
    default: return live;
  }
}

Evaluator::Evaluator(const Contract& contract, RunLimits limits)
    : c_(contract), live_(contract), waterfalls_(contract), limits_(limits) {
  reset();
}

void Evaluator::reset() {
  live_.reset();
  waterfalls_.reset();
  received_.assign(c_.parties.size(), Money{});
  steps_ = 0;
}

namespace {

Ending snapshot(LiveEnding e) {
  return e.ended() ? Ending{true, e.on, DeclRef{DeclKind::clause, e.by}} : Ending{};
}

}  // namespace

State Evaluator::state() const {
  State s;
  s.licences.reserve(live_.licences.size());
  for (const LiveLicence& l : live_.licences) s.licences.push_back(snapshot(l.ending));
  s.clauses.reserve(live_.clauses.size());
  for (const LiveClause& c : live_.clauses) s.clauses.push_back(snapshot(c.ending));
  s.exceptions.reserve(live_.exceptions.size());
  for (const LiveException& x : live_.exceptions) {
    s.exceptions.push_back(ExceptionState{snapshot(x.ending), x.consented, x.bought});
  }
  s.waterfalls.reserve(c_.waterfalls.size());
  for (std::size_t i = 0; i < c_.waterfalls.size(); ++i) {
    s.waterfalls.push_back(waterfalls_.snapshot(static_cast<Index>(i)));
  }
  s.received = received_;
  return s;
}

void Evaluator::reset_after(const OutcomeLog& log) {
  steps_ = 0;
  for (const Outcome& o : log.outcomes) {
    switch (o.kind) {
      case OutcomeKind::consented: live_.exceptions[o.rule.index].consented = 0; break;
      case OutcomeKind::permitted:
        if (o.why == Why::exception_applies) live_.exceptions[o.rule.index].bought = Money{};
        break;
      case OutcomeKind::ended:
        if (LiveEnding* end = live_.ending(o.subject)) *end = LiveEnding{};
        break;
      case OutcomeKind::payout: {
        waterfalls_.reset(o.rule.index);
        for (Index i = o.first; i < o.first + o.count; ++i) received_[log.lines[i].party] = Money{};
        break;
      }
      default: break;
    }
  }
}

namespace {

const LiveStatus kNoStatus{};

Outcome make(OutcomeKind kind, Why why, DeclRef rule = {}) {
  Outcome o;
  o.kind = kind;
  o.why = why;
  o.rule = rule;
  return o;
}

}  // namespace

std::optional<std::string> Evaluator::apply(const Event& e, Date on, OutcomeLog& log, Index event_id) {
  EventRecord record{on, event_id, static_cast<Index>(log.outcomes.size()), 0};
  const std::size_t checks_before = log.checks.size();
  const std::size_t lines_before = log.lines.size();
  const std::uint64_t steps_before = steps_;
  std::optional<std::string> error;
  if (c_.effective && on < *c_.effective) {
    log.outcomes.push_back(make(OutcomeKind::uncovered, Why::not_in_force));
  } else {
    switch (e.kind) {
      case EventKind::declares: declaration(e, e.actor, on, log); break;
      case EventKind::is_declared: {
        if (e.word == kNone || live_.statuses[e.word].power == kNone) {
          log.outcomes.push_back(make(OutcomeKind::uncovered, Why::no_power));
        } else {
          declaration(e, live_.statuses[e.word].holder, on, log);
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
  if (!error && log.outcomes.size() + log.checks.size() + log.lines.size() > limits_.log_entries) {
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
    log.outcomes.resize(record.first);
    log.checks.resize(checks_before);
    log.lines.resize(lines_before);
    steps_ = steps_before;
    return error;
  }
  record.count = static_cast<Index>(log.outcomes.size()) - record.first;
  log.events.push_back(record);
  return std::nullopt;
}

void Evaluator::declaration(const Event& e, Actor by, Date on, OutcomeLog& log) {
  const LiveStatus& status = e.word == kNone ? kNoStatus : live_.statuses[e.word];
  if (status.power == kNone) {
    Outcome o = make(OutcomeKind::uncovered, Why::no_power);
    o.party = by;
    log.outcomes.push_back(o);
    return;
  }
  const DeclRef rule{DeclKind::power, status.power};
  if (by != status.holder) {
    Outcome o = make(OutcomeKind::ineffective, Why::not_the_holder, rule);
    o.party = by;
    log.outcomes.push_back(o);
    return;
  }
  Outcome o = make(OutcomeKind::declared, Why::holder_declares, rule);
  o.party = by;
  log.outcomes.push_back(o);

  firing_.clear();
  const std::span<const Index> triggers = live_.triggers(status);
  steps_ += triggers.size();
  for (const Index t : triggers) {
    const LiveClause& cl = live_.clauses[t];
    if (cl.ending.ended()) continue;
    if (cl.pattern() == PatternKind::actor_declares && cl.pattern_actor != by) continue;
    firing_.push_back(t);
  }
  fire(on, log);
}

void Evaluator::consent(const Event& e, OutcomeLog& log) {
  LiveException& ex = live_.exceptions[e.target];
  const std::span<const Actor> consents = live_.consents(ex);
  const auto it = std::find(consents.begin(), consents.end(), e.actor);
  Outcome o = make(OutcomeKind::consented, it == consents.end() ? Why::consent_not_asked : Why::consent_asked,
                   DeclRef{DeclKind::exception, e.target});
  o.party = e.actor;
  if (it != consents.end()) ex.consented |= 1u << (it - consents.begin());
  log.outcomes.push_back(o);
}

std::optional<std::string> Evaluator::purchase(const Event& e, Date on, OutcomeLog& log) {
  const std::size_t before = log.outcomes.size();
  DeclRef ended_duty;
  Date ended_on;
  if (e.word != kNone) {
    const std::span<const Index> duties = c_.duties_on(e.actor, e.word);
    steps_ += duties.size();
    for (const Index ci : duties) {
      const LiveClause& cl = live_.clauses[ci];
      const DeclRef clause_ref{DeclKind::clause, ci};
      if (cl.ending.ended()) {
        ended_duty = clause_ref;
        ended_on = cl.ending.on;
        continue;
      }
      const bool allowed =
          cl.clause_kind() == ClauseKind::exclusivity ? live_.names_vendor(cl, e.vendor) : e.vendor != cl.vendor;
      if (allowed) {
        Outcome o = make(OutcomeKind::permitted, Why::clause_allows, clause_ref);
        o.party = e.actor;
        log.outcomes.push_back(o);
        continue;
      }
      // The first live exception, in file order, whose permission matches and whose
      // conditions all hold permits the purchase; otherwise each says why not.
      const std::size_t checks_before = log.checks.size();
      Index permitting = kNone;
      for (const Index xi : live_.exceptions_of(cl)) {
        ++steps_;
        const LiveException& ex = live_.exceptions[xi];
        ExceptionCheck check;
        check.exception = xi;
        const Ending end = snapshot(ex.ending);
        check.ended = end.ended;
        check.ended_on = end.on;
        check.ended_by = end.by;
        check.wrong_buyer = ex.buyer != e.actor;
        check.wrong_good = ex.good != e.word;
        check.wrong_vendor = ex.vendor != e.vendor;
        check.missing_consents = ex.all_consents() & ~ex.consented;
        if (ex.has_limit) {
          const auto total = ex.bought.plus(e.amount);
          if (!total) {
            return fmt::format("the total bought under exception `{}` would pass the money range ($1000T)",
                               c_.exceptions[xi].name);
          }
          check.would_total = *total;
          check.over_limit = *total > ex.limit;
        }
        check.too_early = ex.has_from && on < ex.from;
        check.too_late = ex.has_until && on > ex.until;
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
        const auto total = live_.exceptions[permitting].bought.plus(e.amount);
        if (!total) {
          return fmt::format("the total bought under exception `{}` would pass the money range ($1000T)",
                             c_.exceptions[permitting].name);
        }
        live_.exceptions[permitting].bought = *total;
        Outcome o = make(OutcomeKind::permitted, Why::exception_applies, DeclRef{DeclKind::exception, permitting});
        o.party = e.actor;
        o.subject = clause_ref;
        o.amount = *total;
        log.outcomes.push_back(o);
        continue;
      }
      Outcome o = make(OutcomeKind::breach, Why::purchase_forbidden, clause_ref);
      o.party = e.actor;
      o.first = static_cast<Index>(checks_before);
      o.count = static_cast<Index>(log.checks.size() - checks_before);
      log.outcomes.push_back(o);
    }
  }
  const bool clause_outcome = log.outcomes.size() != before;

  firing_.clear();
  if (e.word != kNone) {
    steps_ += c_.purchase_triggers[e.word].size();
    for (const Index t : c_.purchase_triggers[e.word]) {
      const LiveClause& cl = live_.clauses[t];
      if (cl.ending.ended()) continue;
      if (cl.pattern_actor == e.actor && cl.pattern_vendor == e.vendor) firing_.push_back(t);
    }
  }
  const bool fired = !firing_.empty();
  fire(on, log);
  if (!clause_outcome && !fired) {
    Outcome o = make(OutcomeKind::uncovered, ended_duty.valid() ? Why::duty_ended : Why::no_clause);
    o.party = e.actor;
    o.cause = ended_duty;
    o.date = ended_on;
    log.outcomes.push_back(o);
  }
  return std::nullopt;
}

void Evaluator::use(const Event& e, OutcomeLog& log) {
  const LiveLicence& l = live_.licences[e.target];
  const DeclRef rule{DeclKind::licence, e.target};
  Outcome o;
  if (e.actor == l.grantor) {
    o = make(OutcomeKind::permitted, Why::grantor_uses, rule);
  } else if (e.actor == l.grantee) {
    const Ending end = snapshot(l.ending);
    if (end.ended) {
      o = make(OutcomeKind::breach, Why::licence_ended, rule);
      o.date = end.on;
      o.cause = end.by;
    } else {
      o = make(OutcomeKind::permitted, Why::grantee_uses, rule);
    }
  } else {
    o = make(OutcomeKind::breach, Why::holds_no_licence, rule);
  }
  o.party = e.actor;
  log.outcomes.push_back(o);
}

std::optional<std::string> Evaluator::earning(const Event& e, OutcomeLog& log) {
  const std::span<const LiveWaterfalls::Entry> mine =
      e.actor.is_party() ? waterfalls_.of(e.actor.party) : std::span<const LiveWaterfalls::Entry>();
  if (mine.empty()) {
    Outcome o = make(OutcomeKind::uncovered, Why::no_waterfall);
    o.party = e.actor;
    log.outcomes.push_back(o);
    return std::nullopt;
  }
  // Check every running total first, so that an overflow changes nothing.
  for (const LiveWaterfalls::Entry& w : mine) {
    if (!waterfalls_.total(w.block).plus(e.amount)) {
      return fmt::format("the profit paid through waterfall `{}` would pass the money range ($1000T)",
                         c_.waterfalls[w.waterfall].name);
    }
  }
  // Only the waterfalls' payees can receive anything: checking them is enough, and keeps
  // an earning's cost independent of how many parties the contract has. A payee of several
  // of these waterfalls can receive the whole profit from each, so each payee's total is
  // checked against the profit once per waterfall.
  constexpr const char* kPayoutPastRange = "a party's total payout would pass the money range ($1000T)";
  std::optional<Money> most_paid = e.amount;  // the profit once per waterfall
  for (std::size_t k = 1; k < mine.size() && most_paid; ++k) most_paid = most_paid->plus(e.amount);
  if (!most_paid) return kPayoutPastRange;
  for (const LiveWaterfalls::Entry& w : mine) {
    steps_ += waterfalls_.steps(w.block);
    for (const Index p : waterfalls_.payees(w.block)) {
      if (!received_[p].plus(*most_paid)) return kPayoutPastRange;
    }
  }
  for (const LiveWaterfalls::Entry& w : mine) {
    const std::size_t first_line = log.lines.size();
    const auto undistributed = distribute(waterfalls_.rules(w.block), waterfalls_.totals(w.block), e.amount, log.lines);
    if (!undistributed) {
      return fmt::format("a payout of waterfall `{}` would pass the money range ($1000T)",
                         c_.waterfalls[w.waterfall].name);
    }
    for (std::size_t i = first_line; i < log.lines.size(); ++i) {
      const PayoutLine& line = log.lines[i];
      received_[line.party] = *received_[line.party].plus(line.amount);
    }
    Outcome o = make(OutcomeKind::payout, Why::distributed, DeclRef{DeclKind::waterfall, w.waterfall});
    o.party = e.actor;
    o.first = static_cast<Index>(first_line);
    o.count = static_cast<Index>(log.lines.size() - first_line);
    o.amount = *undistributed;
    log.outcomes.push_back(o);
  }
  return std::nullopt;
}

void Evaluator::deed(const Event& e, Date on, OutcomeLog& log) {
  firing_.clear();
  if (const auto triggers = c_.deed_triggers.find(e.text); triggers != c_.deed_triggers.end()) {
    steps_ += triggers->second.size();
    for (const Index t : triggers->second) {
      const LiveClause& cl = live_.clauses[t];
      if (!cl.ending.ended() && cl.pattern_actor == e.actor) firing_.push_back(t);
    }
  }
  if (firing_.empty()) {
    Outcome o = make(OutcomeKind::uncovered, Why::no_trigger);
    o.party = e.actor;
    log.outcomes.push_back(o);
    return;
  }
  fire(on, log);
}

// Applies the effects of the triggers in `firing_` (decided before any of them applies),
// in file order, each trigger's effects as written. Ending what has ended records nothing.
void Evaluator::fire(Date on, OutcomeLog& log) {
  for (const Index t : firing_) {
    const std::span<const DeclRef> ends = live_.ends(live_.clauses[t]);
    steps_ += ends.size();
    const DeclRef by{DeclKind::clause, t};
    for (const DeclRef target : ends) {
      LiveEnding* end = live_.ending(target);
      if (end == nullptr || end->ended()) continue;
      *end = LiveEnding{on, t};
      Outcome o = make(OutcomeKind::ended, Why::trigger_fired, by);
      o.subject = target;
      log.outcomes.push_back(o);
    }
  }
}

}  // namespace clause::engine
