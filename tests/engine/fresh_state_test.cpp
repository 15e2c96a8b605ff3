// `clause sweep --profits` and the benchmarks pay each profit from one state reset in
// place, not a new one. This pins that a reset state pays what a new state pays, line for
// line and cent for cent, whatever it paid before: on random waterfalls (with and without
// caps, overflow parties and `rest`; one party, wide tiers, 300 tiers), at random profits
// and at every tier's end and a cent either side, in a shuffled order.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "waterfall_cases.hpp"

namespace fresh_state_test {

namespace {

using namespace clause::test::waterfall;
using clause::engine::PayoutLine;
using clause::engine::WaterfallState;

// Every tier's end from a fresh state: the cumulative take of the tiers up to it, read
// from what the largest profit there is leaves in them.
std::vector<std::int64_t> tier_ends(const Waterfall& w, std::size_t parties) {
  WaterfallState s;
  s.reset(w, parties);
  std::vector<PayoutLine> lines;
  (void)clause::engine::distribute(w, s, Money::max(), lines);
  std::vector<std::int64_t> ends;
  std::int64_t sum = 0;
  for (const Money taken : s.tier_taken) {
    sum += taken.cents();
    ends.push_back(sum);
  }
  return ends;
}

// Random profits, every tier's end and a cent either side, in a shuffled order: each
// more than $0 and within the money range.
std::vector<Money> profits_for(std::mt19937_64& rng, const Waterfall& w, std::size_t parties, std::size_t random) {
  std::vector<std::int64_t> cents = random_profits(rng, random);
  for (const std::int64_t end : tier_ends(w, parties)) {
    for (const std::int64_t delta : {-1, 0, 1}) cents.push_back(end + delta);
  }
  cents.push_back(1);
  cents.push_back(Money::kLimitCents);
  std::vector<Money> out;
  for (const std::int64_t c : cents) {
    if (c > 0 && c <= Money::kLimitCents) out.push_back(Money::from_cents(c));
  }
  std::shuffle(out.begin(), out.end(), rng);
  return out;
}

// Pays every profit from `reused`, reset in place, and from a new state: the same.
void require_reset_as_new(const Waterfall& w, std::size_t parties, const std::vector<Money>& profits) {
  WaterfallState reused;
  std::vector<PayoutLine> got;
  for (const Money profit : profits) {
    INFO("profit " << profit.cents() << " cents");
    reused.reset(w, parties);
    got.clear();
    const auto left_got = clause::engine::distribute(w, reused, profit, got);

    WaterfallState fresh;
    fresh.reset(w, parties);
    std::vector<PayoutLine> want;
    const auto left_want = clause::engine::distribute(w, fresh, profit, want);
    REQUIRE(left_want);
    REQUIRE(left_got == left_want);
    REQUIRE(got.size() == want.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
      CHECK(got[i].tier == want[i].tier);
      CHECK(got[i].party == want[i].party);
      CHECK(got[i].amount == want[i].amount);
    }
    CHECK(reused.received == fresh.received);
    CHECK(reused.tier_taken == fresh.tier_taken);
  }
}

}  // namespace

TEST_CASE("a state reset in place pays every profit what a new state pays", "[waterfall]") {
  std::mt19937_64 rng(20241002);
  for (int round = 0; round < 1'500; ++round) {
    const std::size_t parties = 2 + rng() % 6;
    Shape shape;
    shape.caps = round % 3 != 0;
    const Waterfall w = random_waterfall(rng, parties, shape);
    INFO(describe(w));
    require_reset_as_new(w, parties, profits_for(rng, w, parties, round % 10 == 0 ? 500 : 8));
  }
}

TEST_CASE("a state reset in place pays what a new state pays with one party, wide tiers and 300 tiers",
          "[waterfall]") {
  std::mt19937_64 rng(20261129);
  struct Case {
    std::size_t parties;
    std::size_t tiers;
    std::size_t max_shares;
  };
  for (const Case c : {Case{1, 3, 1}, Case{12, 6, 12}, Case{24, 4, 24}, Case{9, 300, 4}}) {
    for (int round = 0; round < 4; ++round) {
      Shape shape;
      shape.caps = round % 2 == 1 && c.parties >= 2;  // an `until capped` tier needs a second party
      shape.tiers = c.tiers;
      shape.max_shares = c.max_shares;
      const Waterfall w = random_waterfall(rng, c.parties, shape);
      INFO(describe(w));
      require_reset_as_new(w, c.parties, profits_for(rng, w, c.parties, 600));
    }
  }
}

}  // namespace fresh_state_test
