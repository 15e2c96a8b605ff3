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
