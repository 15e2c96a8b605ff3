// The evaluator and sweeps count a waterfall's running totals by payee (PayeeState); the
// schedule and payout count them by party (WaterfallState). Both go through one template
// body; this pins that they pay the same lines, cent for cent, on random waterfalls and
// random sequences of profits (cumulative, so caps and filled tiers carry over).
#include <catch2/catch.hpp>

#include "waterfall_cases.hpp"

namespace {

using namespace clause::test::waterfall;
using clause::engine::PayoutLine;

// A random waterfall with its payees indexed, and a fresh state of each kind for it.
struct Case {
  std::size_t parties;
  Waterfall w;
  clause::engine::WaterfallState by_party;
  clause::engine::PayeeState by_payee;

  explicit Case(std::mt19937_64& rng) : parties(2 + rng() % 6), w(random_waterfall(rng, parties, Shape{})) {
    clause::engine::index_payees(w);
    reset();
  }
  void reset() {
    by_party.reset(w, parties);
    by_payee.reset(w);
  }
};

void require_same_lines(const std::vector<PayoutLine>& a, const std::vector<PayoutLine>& b) {
  REQUIRE(a.size() == b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    CHECK(a[i].tier == b[i].tier);
    CHECK(a[i].party == b[i].party);
    CHECK(a[i].amount == b[i].amount);
  }
}

}  // namespace

TEST_CASE("a payee-counted state pays exactly what a party-counted one does", "[waterfall]") {
  std::mt19937_64 rng(20240601);
  for (int round = 0; round < 2'000; ++round) {
    Case k(rng);
    INFO(describe(k.w));
    REQUIRE(k.by_payee.received.size() <= k.parties);
    for (const std::int64_t cents : random_profits(rng, 1 + rng() % 6)) {
      std::vector<PayoutLine> a, b;
      const Money profit = Money::from_cents(cents);
      const auto left_a = clause::engine::distribute(k.w, k.by_party, profit, a);
      const auto left_b = clause::engine::distribute(k.w, k.by_payee, profit, b);
      REQUIRE(left_a.has_value() == left_b.has_value());
      if (!left_a) break;
      CHECK(*left_a == *left_b);
      require_same_lines(a, b);
      for (std::size_t slot = 0; slot < k.w.payees.size(); ++slot) {
        CHECK(k.by_payee.received[slot] == k.by_party.received[k.w.payees[slot]]);
      }
    }
  }
}

TEST_CASE("a state reset after its tiers are complete pays from the first tier again", "[waterfall]") {
  // distribute starts at the first tier not yet complete; reset must start it over.
  std::mt19937_64 rng(20261129);
  for (int round = 0; round < 1'000; ++round) {
    Case used(rng);
    INFO(describe(used.w));
    std::vector<PayoutLine> ignored;
    // Twice: the second finds every tier the first filled complete and starts past them.
    const Money everything = Money::from_cents(Money::kLimitCents / 4);
    for (int twice = 0; twice < 2; ++twice) {
      REQUIRE(clause::engine::distribute(used.w, used.by_party, everything, ignored));
      REQUIRE(clause::engine::distribute(used.w, used.by_payee, everything, ignored));
    }
    used.reset();
    Case fresh = used;  // the same waterfall, reset as it was never used
    fresh.by_party = clause::engine::WaterfallState{};
    fresh.by_payee = clause::engine::PayeeState{};
    fresh.reset();
    for (const std::int64_t cents : random_profits(rng, 1 + rng() % 4)) {
      const Money profit = Money::from_cents(cents);
      std::vector<PayoutLine> a, b, c, d;
      REQUIRE(clause::engine::distribute(used.w, used.by_party, profit, a) ==
              clause::engine::distribute(fresh.w, fresh.by_party, profit, b));
      REQUIRE(clause::engine::distribute(used.w, used.by_payee, profit, c) ==
              clause::engine::distribute(fresh.w, fresh.by_payee, profit, d));
      require_same_lines(a, b);
      require_same_lines(c, d);
    }
  }
}
