// The machinery under the behaviour diff: probes grow with the contracts, and the reset
// between probes leaves the evaluator as fresh as a new one.
#include <algorithm>

#include <fmt/format.h>

#include "engine/diff_support.hpp"
#include "engine/evaluate/evaluate.hpp"

namespace diff_probes_test {

namespace {

using clause::engine::Evaluator;
using clause::engine::State;

// n of each kind of declaration, every figure different, so that nothing is deduplicated away.
std::string generated(int n) {
  std::string out = "contract \"Generated\"\neffective 2024-01-01\n";
  for (int i = 0; i < n; ++i) {
    const int j = (i + 1) % n;
    out += fmt::format("party P{} {{ body board }}\n", i);
    out += fmt::format("licence L{}: P{} grants P{}\n", i, i, j);
    out += fmt::format("clause C{}: P{} must buy good{} only from P{}\n", i, i, i, j);
    out += fmt::format("exception X{} to C{}: P{} may buy good{} from P{} if P{} consents up to ${}M in total\n", i,
                       i, i, i, (i + 2) % n, j, i + 1);
    out += fmt::format("power W{}: only P{}.board may declare status{}\n", i, i, i);
    out += fmt::format("clause T{}: when status{} is declared then L{} ends\n", i, i, i);
    out += fmt::format("waterfall F{} of P{}:\n  tier first ${}M: P{} 100%\n  tier rest: P{} 100%\n", i, i, i + 1, j, i);
  }
  return out;
}

std::size_t probes_for(int n) {
  const auto loaded = clause::engine::load_contract_from_bytes("generated.clause", generated(n));
  REQUIRE(loaded.contract);
  const auto d = clause::engine::diff_contracts(*loaded.contract, *loaded.contract, clause::dsl::Date::from_ymd(2026, 1, 1));
  CHECK(d.behaviour.groups.empty());
  return d.behaviour.probes;
}

void check_fresh(const State& s, const State& fresh) {
  REQUIRE(s.licences.size() == fresh.licences.size());
  for (std::size_t i = 0; i < s.licences.size(); ++i) CHECK(s.licences[i].ended == fresh.licences[i].ended);
  for (std::size_t i = 0; i < s.clauses.size(); ++i) {
    CHECK(s.clauses[i].ending.ended == fresh.clauses[i].ending.ended);
    CHECK(s.clauses[i].allowance == fresh.clauses[i].allowance);
    CHECK(s.clauses[i].bought == fresh.clauses[i].bought);
  }
  REQUIRE(s.exceptions.size() == fresh.exceptions.size());
  for (std::size_t i = 0; i < s.exceptions.size(); ++i) {
    CHECK(s.exceptions[i].ending.ended == fresh.exceptions[i].ending.ended);
    CHECK(s.exceptions[i].consents == fresh.exceptions[i].consents);
    CHECK(s.exceptions[i].bought == fresh.exceptions[i].bought);
  }
  CHECK(s.received == fresh.received);
  REQUIRE(s.waterfalls.size() == fresh.waterfalls.size());
  for (std::size_t i = 0; i < s.waterfalls.size(); ++i) {
    CHECK(s.waterfalls[i].total == fresh.waterfalls[i].total);
    CHECK(s.waterfalls[i].tier_taken == fresh.waterfalls[i].tier_taken);
    CHECK(s.waterfalls[i].received == fresh.waterfalls[i].received);
    CHECK(s.waterfalls[i].complete_tiers == fresh.waterfalls[i].complete_tiers);
  }
}

}  // namespace

TEST_CASE("the number of probes grows in proportion to the contracts", "[diff][probes]") {
  const std::size_t small = probes_for(20);
  const std::size_t large = probes_for(40);
  CHECK(small > 20 * 5);  // every kind of declaration is probed
  CHECK(large == 2 * small);
}

namespace {

// A consent, a purchase under an exception, a declaration that ends things and an earning:
// every part of the state changes.
std::vector<clause::engine::Event> changing_events(const clause::engine::Contract& c) {
  clause::engine::Outsiders outsiders;
  clause::dsl::DiagnosticList diags;
  std::vector<clause::engine::Event> events;
  for (const std::string text : {"Microsoft consents to oracle_capacity", "OpenAI buys compute from Oracle for $6B",
                                 "agi is declared", "OpenAI earns $300B"}) {
    auto source = std::make_shared<const clause::dsl::SourceFile>("<event>", text);
    const auto parsed = clause::dsl::parse_event(source);
    REQUIRE(parsed.event);
    auto e = clause::engine::resolve_event(c, *parsed.event, source, outsiders, diags);
    REQUIRE(e);
    events.push_back(std::move(*e));
  }
  return events;
}

}  // namespace

TEST_CASE("a reset forgets every ending, consent, total bought and payout, and pays as a fresh evaluator does",
          "[evaluate][probes]") {
  const clause::test::DiffOf d(clause::test::k2024, clause::test::k2024);
  const auto& c = *d.old_loaded.contract;
  const std::vector<clause::engine::Event> events = changing_events(c);
  Evaluator used(c);
  const Evaluator fresh(c);
  clause::engine::OutcomeLog log;
  for (const auto& e : events) REQUIRE_FALSE(used.apply(e, *c.effective, log));
  const clause::engine::State probed = used.state();
  CHECK(std::any_of(probed.exceptions.begin(), probed.exceptions.end(),
                    [](const clause::engine::ExceptionState& x) { return x.consents != 0 && x.bought != clause::dsl::Money{}; }));
  CHECK(used.state().received != fresh.state().received);
  // A second $300B finds the first three tiers complete (the first filled them) and starts
  // at the fourth.
  REQUIRE_FALSE(used.apply(events.back(), *c.effective, log));
  CHECK(used.state().waterfalls.at(0).complete_tiers == 3);
  used.reset();
  check_fresh(used.state(), fresh.state());

  // And it pays as a fresh one does: a small profit from the first tier again.
  Evaluator again(c);
  clause::engine::OutcomeLog after_reset, from_fresh;
  REQUIRE_FALSE(used.apply(events.back(), *c.effective, after_reset));
  REQUIRE_FALSE(again.apply(events.back(), *c.effective, from_fresh));
  REQUIRE(after_reset.outcomes.size() == 1);
  REQUIRE(from_fresh.outcomes.size() == 1);
  const auto paid_after_reset = after_reset.lines_of(std::get<clause::engine::Payout>(after_reset.outcomes[0]));
  const auto paid_from_fresh = from_fresh.lines_of(std::get<clause::engine::Payout>(from_fresh.outcomes[0]));
  REQUIRE(paid_after_reset.size() == paid_from_fresh.size());
  for (std::size_t i = 0; i < paid_from_fresh.size(); ++i) {
    CHECK(paid_after_reset[i].tier == paid_from_fresh[i].tier);
    CHECK(paid_after_reset[i].party == paid_from_fresh[i].party);
    CHECK(paid_after_reset[i].amount == paid_from_fresh[i].amount);
  }
}

}  // namespace diff_probes_test
