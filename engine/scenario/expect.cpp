// Judging a scenario's expectations against what happened (LANGUAGE.md sections 5 and 9).
#include <algorithm>

#include "engine/scenario/scenario.hpp"

namespace clause::engine {
namespace {

class Judge {
 public:
  explicit Judge(const ScenarioRun& run) : run_(run), c_(*run.contract.contract), log_(run.log) {}

  ExpectationResult judge(const dsl::Expectation& x) const {
    ExpectationResult r;
    r.where = {run_.source, x.span, {}};
    const std::string_view text = run_.source->text().substr(x.span.begin, x.span.end - x.span.begin);
    r.expected = std::string(text.substr(std::min<std::size_t>(text.size(), text.find_first_of(" \t") + 1)));
    std::visit([&](const auto& e) { check(e, r); }, x.node);
    return r;
  }

 private:
  // Calls f(record, outcome, ref) for every outcome, in order.
  template <typename F>
  void each(F&& f) const {
    for (Index r = 0; r < log_.events.size(); ++r) {
      const EventRecord& rec = log_.events[r];
      for (Index i = rec.first; i < rec.first + rec.count; ++i) f(rec, log_.outcomes[i], OutcomeRef{r, i});
    }
  }

  bool has_events_on(Date d) const {
    return std::any_of(log_.events.begin(), log_.events.end(), [&](const EventRecord& r) { return r.on == d; });
  }

  // Outcomes are on their own date (time's outcomes) or their event's.
  happened::OutcomesOn what_happened_on(Date d) const {
    bool any = has_events_on(d);
    happened::OutcomesOn out{d, any, {}};
    each([&](const EventRecord& rec, const Outcome& o, OutcomeRef ref) {
      if (date_of(o, rec.on) == d) {
        out.any_event = true;
        out.outcomes.add(ref);
      }
    });
    return out;
  }

  bool actor_matches(const dsl::ActorRef& a, Actor actual) const {
    return c_.actor_name(actual, &run_.outsiders.names()) == a.to_string();
  }

  void check(const dsl::BreachExpectation& e, ExpectationResult& r) const {
    bool found = false;
    ListedOutcomes breaches;
    each([&](const EventRecord& rec, const Outcome& o, OutcomeRef ref) {
      const auto* breach = std::get_if<Breach>(&o);
      if (breach == nullptr) return;
      const bool match = c_.name_of(breach->rule) == e.name.text && (!e.by || actor_matches(*e.by, breach->party)) &&
                         (!e.on || date_of(o, rec.on) == e.on->value);
      found = found || match;
      breaches.add(ref);
    });
    r.passed = found;
    if (found) return;
    if (e.on) {
      r.actual = what_happened_on(e.on->value);
    } else {
      r.actual = happened::Breaches{std::move(breaches)};
    }
  }

  void check(const dsl::NoBreachExpectation&, ExpectationResult& r) const {
    ListedOutcomes breaches;
    each([&](const EventRecord&, const Outcome& o, OutcomeRef ref) {
      if (std::holds_alternative<Breach>(o)) breaches.add(ref);
    });
    r.passed = breaches.empty();
    if (!r.passed) r.actual = happened::UnexpectedBreaches{std::move(breaches)};
  }

  void check(const dsl::OutcomeOnExpectation& e, ExpectationResult& r) const {
    const Date d = e.on.value;
    bool some = false;
    bool breach = false;
    const OutcomeKind want = want_kind(e.kind);
    each([&](const EventRecord& rec, const Outcome& o, OutcomeRef) {
      if (date_of(o, rec.on) != d) return;
      some = some || kind_of(o) == want;
      breach = breach || std::holds_alternative<Breach>(o);
    });
    r.passed = some && (want != OutcomeKind::permitted || !breach);
    if (!r.passed) r.actual = what_happened_on(d);
  }

  void check(const dsl::EndedExpectation& e, ExpectationResult& r) const {
    std::optional<Date> ended_on;
    each([&](const EventRecord& rec, const Outcome& o, OutcomeRef) {
      const auto* ended = std::get_if<Ended>(&o);
      if (ended != nullptr && c_.name_of(ended->subject) == e.name.text && !ended_on) ended_on = rec.on;
    });
    r.passed = ended_on && (!e.on || *ended_on == e.on->value);
    if (!r.passed) r.actual = happened::EndedOn{std::string(e.name.text), ended_on};
  }

  static OutcomeKind want_kind(dsl::OutcomeOnKind k) {
    switch (k) {
      case dsl::OutcomeOnKind::permitted: return OutcomeKind::permitted;
      case dsl::OutcomeOnKind::ineffective: return OutcomeKind::ineffective;
      case dsl::OutcomeOnKind::uncovered: return OutcomeKind::uncovered;
      case dsl::OutcomeOnKind::declined: return OutcomeKind::declined;
      case dsl::OutcomeOnKind::verified: return OutcomeKind::verified;
      case dsl::OutcomeOnKind::rejected: return OutcomeKind::rejected;
    }
    return OutcomeKind::uncovered;
  }

  void check(const dsl::ExpiredExpectation& e, ExpectationResult& r) const {
    std::optional<Date> expired_on;
    each([&](const EventRecord&, const Outcome& o, OutcomeRef) {
      const auto* x = std::get_if<Expired>(&o);
      if (x != nullptr && c_.name_of(x->subject) == e.name.text && !expired_on) expired_on = x->on;
    });
    r.passed = expired_on && (!e.on || *expired_on == e.on->value);
    if (!r.passed) r.actual = happened::ExpiredOn{std::string(e.name.text), expired_on};
  }

  void check(const dsl::FulfilledExpectation& e, ExpectationResult& r) const {
    const auto ref = c_.find(e.name.text);
    const ClauseState& cs = run_.final_state->clauses[ref->index];
    r.passed = cs.fulfilled;
    if (!r.passed) {
      r.actual = happened::Unfulfilled{std::string(e.name.text), cs.bought, c_.clauses[ref->index].amount};
    }
  }

  // Live on the last event's date: in force (an exception: inside its window), and
  // neither ended nor expired.
  void check(const dsl::LiveExpectation& e, ExpectationResult& r) const {
    const auto ref = c_.find(e.name.text);
    const Ending& end = run_.final_state->ending(*ref);
    const std::optional<Date> last = run_.dates.empty() ? std::nullopt : std::optional<Date>(run_.dates.back());
    r.passed = !end.ended && (!last || run_.final_state->live(c_, *ref, *last));
    if (!r.passed) {
      happened::NotLive not_live{std::string(e.name.text), end, {}, {}};
      if (!end.ended && last) {
        not_live.on = *last;
        if (ref->kind == DeclKind::exception) {
          const Exception& x = c_.exceptions[ref->index];
          not_live.window = Term{x.from, x.until};
        } else {
          not_live.window = c_.term_of(*ref);
        }
      }
      r.actual = not_live;
    }
  }

  void check(const dsl::ReceivesExpectation& e, ExpectationResult& r) const {
    Money got;
    const auto ref = c_.find(e.party.party.text);
    if (ref && ref->kind == DeclKind::party && !e.party.body) got = run_.final_state->received[ref->index];
    r.passed = e.amount.valid && got == e.amount.value;
    if (!r.passed) r.actual = happened::Received{e.party.to_string(), got, e.amount.value};
  }

  const ScenarioRun& run_;
  const Contract& c_;
  const OutcomeLog& log_;
};

}  // namespace

std::vector<ExpectationResult> judge_expectations(const ScenarioRun& run) {
  std::vector<ExpectationResult> results;
  if (!run.final_state) return results;
  const Judge judge(run);
  for (const dsl::Expectation& x : run.syntax.expectations) results.push_back(judge.judge(x));
  return results;
}

}  // namespace clause::engine
