// FreshPayout answers a profit from a fresh state by reusing the lines of the tiers the
// profit fills completely. This pins that it pays exactly what distribute() from a fresh
// state pays, line for line, on random waterfalls (with and without caps, overflow parties
// and `rest`), at random profits and at every tier's boundary and one cent either side.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "engine/model/contract.hpp"
#include "engine/payout/load.hpp"
#include "support.hpp"
#include "waterfall_cases.hpp"
#include "cli/files.hpp"

namespace {

using namespace clause::test::waterfall;
using clause::engine::FreshPayout;
using clause::engine::PayeeState;
using clause::engine::PayoutLine;

// Every tier's end from a fresh state: the cumulative take of the tiers up to it, read
// from the lines of the largest profit there is.
std::vector<std::int64_t> tier_ends(const Waterfall& w) {
  PayeeState s;
  s.reset(w);
  std::vector<PayoutLine> lines;
  (void)clause::engine::distribute(w, s, Money::max(), lines);
  std::vector<std::int64_t> ends;
  std::int64_t sum = 0;
  for (std::size_t t = 0; t < w.tiers.size(); ++t) {
    sum += s.tier_taken[t].cents();
    ends.push_back(sum);
  }
  return ends;
}

void require_same(const Waterfall& w, const FreshPayout& plan, std::int64_t cents) {
  if (cents < 0 || cents > Money::kLimitCents) return;
  INFO("profit " << cents << " cents");
  const Money profit = Money::from_cents(cents);
  PayeeState s;
  s.reset(w);
  std::vector<PayoutLine> expected;
  std::optional<Money> left_expected = Money{};
  if (cents > 0) left_expected = clause::engine::distribute(w, s, profit, expected);
  REQUIRE(left_expected);

  std::vector<PayoutLine> got;
  const Money left = plan.distribute(profit, got);
  CHECK(left == *left_expected);
  REQUIRE(got.size() == expected.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    CHECK(got[i].tier == expected[i].tier);
    CHECK(got[i].party == expected[i].party);
    CHECK(got[i].amount == expected[i].amount);
  }

  std::vector<Money> by_payee(w.payees.size());
  CHECK(plan.pay(profit, by_payee) == *left_expected);
  for (std::size_t slot = 0; slot < w.payees.size(); ++slot) CHECK(by_payee[slot] == s.received[slot]);
}

// pay_many over `profits` gives every row what pay() gives for its profit alone.
void require_many_as_alone(const Waterfall& w, const FreshPayout& plan, const std::vector<Money>& profits) {
  const std::size_t payees = w.payees.size();
  std::vector<Money> rows(profits.size() * payees);
  std::vector<Money> undistributed(profits.size());
  plan.pay_many(profits, rows, undistributed);
  std::vector<Money> alone(payees);
  for (std::size_t r = 0; r < profits.size(); ++r) {
    INFO("profit " << profits[r].cents() << " cents");
    REQUIRE(undistributed[r] == plan.pay(profits[r], alone));
    for (std::size_t p = 0; p < payees; ++p) REQUIRE(rows[r * payees + p] == alone[p]);
  }
}

// A random waterfall of 2 to 7 parties, with caps in two rounds of three, its payees indexed.
Waterfall random_payee_waterfall(std::mt19937_64& rng, int round) {
  const std::size_t parties = 2 + rng() % 6;
  Shape shape;
  shape.caps = round % 3 != 0;
  Waterfall w = random_waterfall(rng, parties, shape);
  clause::engine::index_payees(w);
  return w;
}

}  // namespace

TEST_CASE("a fresh payout pays what distribute pays from a fresh state, at random profits and every boundary",
          "[waterfall]") {
  std::mt19937_64 rng(20241002);
  for (int round = 0; round < 1'500; ++round) {
    const Waterfall w = random_payee_waterfall(rng, round);
    INFO(describe(w));
    const FreshPayout plan(w);
    for (const std::int64_t cents : random_profits(rng, 8)) require_same(w, plan, cents);
    for (const std::int64_t end : tier_ends(w)) {
      for (const std::int64_t delta : {-1, 0, 1}) require_same(w, plan, end + delta);
    }
    for (const std::int64_t cents : {std::int64_t{0}, std::int64_t{1}, Money::kLimitCents - 1, Money::kLimitCents}) {
      require_same(w, plan, cents);
    }
  }
}

TEST_CASE("a fresh payout of the flagship pays what distribute pays, across its tiers", "[waterfall]") {
  const auto loaded = clause::cli::load_contract_file(clause::test::repo_path("contracts/microsoft-openai/2024-06.clause"));
  REQUIRE(loaded.contract);
  const Waterfall& w = loaded.contract->waterfalls.front();
  const FreshPayout plan(w);
  for (const std::int64_t dollars : {1'000'000LL, 194'000'000LL, 1'000'000'000LL, 17'494'000'000LL, 50'000'000'000LL,
                                     1'000'000'000'000LL}) {
    require_same(w, plan, dollars * 100);
  }
}

// pay_many groups the profits of a block by the tier where they run out: whatever the
// order and however many blocks, every row is what pay() gives for its profit.
TEST_CASE("paying many profits at once gives every profit what paying it alone gives", "[waterfall]") {
  std::mt19937_64 rng(20241129);
  for (int round = 0; round < 300; ++round) {
    const Waterfall w = random_payee_waterfall(rng, round);
    INFO(describe(w));
    const FreshPayout plan(w);
    // Random profits, every tier's end and a cent either side, 0 and the range's end, in
    // a shuffled order; past one block of 4,096 every tenth round.
    std::vector<Money> profits;
    for (const std::int64_t cents : random_profits(rng, round % 10 == 0 ? 5'000 : 40)) {
      if (cents >= 0 && cents <= Money::kLimitCents) profits.push_back(Money::from_cents(cents));
    }
    for (const std::int64_t end : tier_ends(w)) {
      for (const std::int64_t delta : {-1, 0, 1}) {
        if (end + delta >= 0 && end + delta <= Money::kLimitCents) profits.push_back(Money::from_cents(end + delta));
      }
    }
    profits.push_back(Money{});
    profits.push_back(Money::from_cents(Money::kLimitCents));
    std::shuffle(profits.begin(), profits.end(), rng);

    require_many_as_alone(w, plan, profits);
  }
}

// The same past the usual shapes pay_many specialises: one payee, more payees than it has a
// specialisation for, tiers of more shares than a split holds inline, and more tiers than a
// byte counts.
TEST_CASE("paying many profits at once matches paying alone with one payee, many payees, wide tiers and 300 tiers",
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
      Waterfall w = random_waterfall(rng, c.parties, shape);
      clause::engine::index_payees(w);
      INFO(describe(w));
      const FreshPayout plan(w);
      std::vector<Money> profits;
      for (const std::int64_t cents : random_profits(rng, 6'000)) profits.push_back(Money::from_cents(cents));
      for (const std::int64_t end : tier_ends(w)) {
        if (end + 1 <= Money::kLimitCents) profits.push_back(Money::from_cents(end + 1));
      }
      require_many_as_alone(w, plan, profits);
    }
  }
}

TEST_CASE("paying no profits at once writes nothing", "[waterfall]") {
  const auto loaded = clause::cli::load_contract_file(clause::test::repo_path("contracts/microsoft-openai/2024-06.clause"));
  REQUIRE(loaded.contract);
  const FreshPayout plan(loaded.contract->waterfalls.front());
  plan.pay_many({}, {}, {});
}
