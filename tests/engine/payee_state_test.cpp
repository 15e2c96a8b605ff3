// The evaluator and sweeps count a waterfall's running totals by payee (PayeeState); the
// schedule and payout count them by party (WaterfallState). Both go through one template
// body; this pins that they pay the same lines, cent for cent, on random waterfalls and
// random sequences of profits (cumulative, so caps and filled tiers carry over).
#include <catch2/catch.hpp>

#include "waterfall_cases.hpp"

namespace {

using namespace clause::test::waterfall;

}  // namespace

TEST_CASE("a payee-counted state pays exactly what a party-counted one does", "[waterfall]") {
  std::mt19937_64 rng(20240601);
  for (int round = 0; round < 2'000; ++round) {
    const std::size_t parties = 2 + rng() % 6;
    Waterfall w = random_waterfall(rng, parties, Shape{});
    clause::engine::index_payees(w);
    INFO(describe(w));
    clause::engine::WaterfallState by_party;
    by_party.reset(w, parties);
    clause::engine::PayeeState by_payee;
    by_payee.reset(w);
    REQUIRE(by_payee.received.size() <= parties);
    for (const std::int64_t cents : random_profits(rng, 1 + rng() % 6)) {
      std::vector<clause::engine::PayoutLine> a, b;
      const Money profit = Money::from_cents(cents);
      const auto left_a = clause::engine::distribute(w, by_party, profit, a);
      const auto left_b = clause::engine::distribute(w, by_payee, profit, b);
      REQUIRE(left_a.has_value() == left_b.has_value());
      if (!left_a) break;
      CHECK(*left_a == *left_b);
      REQUIRE(a.size() == b.size());
      for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].tier == b[i].tier);
        CHECK(a[i].party == b[i].party);
        CHECK(a[i].amount == b[i].amount);
      }
      for (std::size_t slot = 0; slot < w.payees.size(); ++slot) {
        CHECK(by_payee.received[slot] == by_party.received[w.payees[slot]]);
      }
    }
  }
}

TEST_CASE("a state reset after its tiers are complete pays from the first tier again", "[waterfall]") {
  // distribute starts at the first tier not yet complete; reset must start it over.
  std::mt19937_64 rng(20261129);
  for (int round = 0; round < 1'000; ++round) {
    const std::size_t parties = 2 + rng() % 6;
    Waterfall w = random_waterfall(rng, parties, Shape{});
    clause::engine::index_payees(w);
    INFO(describe(w));
    clause::engine::WaterfallState by_party;
    by_party.reset(w, parties);
    clause::engine::PayeeState by_payee;
    by_payee.reset(w);
    std::vector<clause::engine::PayoutLine> ignored;
    // Twice: the second finds every tier the first filled complete and starts past them.
    const Money everything = Money::from_cents(Money::kLimitCents / 4);
    for (int twice = 0; twice < 2; ++twice) {
      REQUIRE(clause::engine::distribute(w, by_party, everything, ignored));
      REQUIRE(clause::engine::distribute(w, by_payee, everything, ignored));
    }
    by_party.reset(w, parties);
    by_payee.reset(w);
    clause::engine::WaterfallState fresh_by_party;
    fresh_by_party.reset(w, parties);
    clause::engine::PayeeState fresh_by_payee;
    fresh_by_payee.reset(w);
    for (const std::int64_t cents : random_profits(rng, 1 + rng() % 4)) {
      const Money profit = Money::from_cents(cents);
      std::vector<clause::engine::PayoutLine> a, b, c, d;
      const auto left_a = clause::engine::distribute(w, by_party, profit, a);
      const auto left_b = clause::engine::distribute(w, fresh_by_party, profit, b);
      const auto left_c = clause::engine::distribute(w, by_payee, profit, c);
      const auto left_d = clause::engine::distribute(w, fresh_by_payee, profit, d);
      REQUIRE(left_a == left_b);
      REQUIRE(left_c == left_d);
      REQUIRE(a.size() == b.size());
      REQUIRE(c.size() == d.size());
      for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].tier == b[i].tier);
        CHECK(a[i].amount == b[i].amount);
      }
      for (std::size_t i = 0; i < c.size(); ++i) {
        CHECK(c[i].tier == d[i].tier);
        CHECK(c[i].amount == d[i].amount);
      }
    }
  }
}
