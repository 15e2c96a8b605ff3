// Judging a scenario's expectations against what happened (LANGUAGE.md sections 5 and 9).
#include <algorithm>

#include <fmt/format.h>

#include "engine/evaluate/explain.hpp"
#include "engine/scenario/scenario.hpp"

namespace clause::engine {
namespace {

// What a failed expectation says happened lists at most this many outcomes, then how
// many more: a scenario of many events keeps short messages (docs/limits.md).
constexpr std::size_t kMaxListed = 10;

class Listing {
 public:
  template <typename Describe>
  void add(Describe&& describe) {
    if (items_.size() < kMaxListed) items_.push_back(describe());
    ++total_;
  }
  bool empty() const { return total_ == 0; }
  std::string text() const {
    std::vector<std::string> items = items_;
    if (total_ > items.size()) items.push_back(fmt::format("{} more", total_ - items.size()));
    return join_and(items);
  }

 private:
  std::vector<std::string> items_;
  std::size_t total_ = 0;
};

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
  template <typename F>
  void each(F&& f) const {
    for (const EventRecord& rec : log_.events) {
      for (const Outcome& o : log_.outcomes_of(rec)) f(rec, o);
    }
  }

  bool has_events_on(Date d) const {
    return std::any_of(log_.events.begin(), log_.events.end(), [&](const EventRecord& r) { return r.on == d; });
  }

  std::string describe(const EventRecord& rec, const Outcome& o) const {
    const ExplainContext ctx{c_, &run_.outsiders.names()};
    return fmt::format("{} {}", kind_name(o), headline(ctx, run_.events[rec.event], o));
  }

  // "on 2024-06-10: permitted OpenAI buys compute from ..." or "nothing happened on D".
  std::string what_happened_on(Date d) const {
    if (!has_events_on(d)) return fmt::format("no event happens on {}", d.to_string());
    Listing parts;
    each([&](const EventRecord& rec, const Outcome& o) {
      if (rec.on == d) parts.add([&] { return describe(rec, o); });
    });
    return fmt::format("on {}: {}", d.to_string(), parts.empty() ? std::string("no outcome") : parts.text());
  }

  bool actor_matches(const dsl::ActorRef& a, Actor actual) const {
    return c_.actor_name(actual, &run_.outsiders.names()) == a.to_string();
  }

  void check(const dsl::BreachExpectation& e, ExpectationResult& r) const {
    bool found = false;
    Listing breaches;
    each([&](const EventRecord& rec, const Outcome& o) {
      const auto* breach = std::get_if<Breach>(&o);
      if (breach == nullptr) return;
      const bool match = c_.name_of(breach->rule) == e.name.text && (!e.by || actor_matches(*e.by, breach->party)) &&
                         (!e.on || rec.on == e.on->value);
      found = found || match;
      breaches.add([&] { return fmt::format("{} on {}", describe(rec, o), rec.on.to_string()); });
    });
    r.passed = found;
    if (found) return;
    if (e.on) {
      r.actual = what_happened_on(e.on->value);
    } else {
      r.actual = breaches.empty() ? "no breach happened" : "the breaches were: " + breaches.text();
    }
  }

  void check(const dsl::NoBreachExpectation&, ExpectationResult& r) const {
    Listing breaches;
    each([&](const EventRecord& rec, const Outcome& o) {
      if (std::holds_alternative<Breach>(o)) {
        breaches.add([&] { return fmt::format("{} on {}", describe(rec, o), rec.on.to_string()); });
      }
    });
    r.passed = breaches.empty();
    if (!r.passed) r.actual = breaches.text();
  }

  void check(const dsl::OutcomeOnExpectation& e, ExpectationResult& r) const {
    const Date d = e.on.value;
    bool some = false;
    bool breach = false;
    const OutcomeKind want = e.kind == dsl::OutcomeOnKind::permitted     ? OutcomeKind::permitted
                             : e.kind == dsl::OutcomeOnKind::ineffective ? OutcomeKind::ineffective
                                                                         : OutcomeKind::uncovered;
    each([&](const EventRecord& rec, const Outcome& o) {
      if (rec.on != d) return;
      some = some || kind_of(o) == want;
      breach = breach || std::holds_alternative<Breach>(o);
    });
    r.passed = some && (want != OutcomeKind::permitted || !breach);
    if (!r.passed) r.actual = what_happened_on(d);
  }

  void check(const dsl::EndedExpectation& e, ExpectationResult& r) const {
    std::optional<Date> ended_on;
    each([&](const EventRecord& rec, const Outcome& o) {
      const auto* ended = std::get_if<Ended>(&o);
      if (ended != nullptr && c_.name_of(ended->subject) == e.name.text && !ended_on) ended_on = rec.on;
    });
    r.passed = ended_on && (!e.on || *ended_on == e.on->value);
    if (r.passed) return;
    r.actual = ended_on ? fmt::format("`{}` ended on {}", e.name.text, ended_on->to_string())
                        : fmt::format("`{}` did not end", e.name.text);
  }

  void check(const dsl::LiveExpectation& e, ExpectationResult& r) const {
    const auto ref = c_.find(e.name.text);
    const Ending& end = run_.final_state->ending(*ref);
    r.passed = !end.ended;
    if (!r.passed) {
      r.actual = fmt::format("`{}` ended on {} under `{}`", e.name.text, end.on.to_string(), c_.name_of(end.by));
    }
  }

  void check(const dsl::ReceivesExpectation& e, ExpectationResult& r) const {
    Money got;
    const auto ref = c_.find(e.party.party.text);
    if (ref && ref->kind == DeclKind::party && !e.party.body) got = run_.final_state->received[ref->index];
    r.passed = e.amount.valid && got == e.amount.value;
    if (!r.passed) {
      const auto diff = got.minus(e.amount.value);
      r.actual = fmt::format("{} received {} ({} {} than expected)", e.party.to_string(), got.to_display(),
                             diff ? (diff->is_negative() ? (-*diff).to_display() : diff->to_display()) : "?",
                             diff && diff->is_negative() ? "less" : "more");
    }
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
