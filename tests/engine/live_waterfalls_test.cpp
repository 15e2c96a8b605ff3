// The evaluator pays through each waterfall's block (LiveWaterfalls), not through the
// model's Waterfall and a PayeeState. This pins that the two pay the same lines, cent for
// cent, on random waterfalls and cumulative profits (caps, filled tiers and overflow carry
// over), with several waterfalls of one party side by side in the storage, and that
// resetting one block leaves its neighbours as they were.
#include <catch2/catch.hpp>

#include "engine/model/internal/index_lists.hpp"
#include "engine/evaluate/internal/live_waterfalls.hpp"
#include "waterfall_cases.hpp"

namespace {

using namespace clause::test::waterfall;
using clause::engine::Contract;
using clause::engine::IndexLists;
using clause::engine::LiveWaterfalls;
using clause::engine::PayeeState;
using clause::engine::PayoutLine;

// Random waterfalls of random parties: a party may have none, one or several.
Contract random_contract(std::mt19937_64& rng) {
  Contract c;
  const std::size_t parties = 2 + rng() % 6;
  c.parties.resize(parties);
  const std::size_t count = rng() % 5;
  std::vector<std::pair<IndexLists::Index, IndexLists::Index>> of;
  for (std::size_t i = 0; i < count; ++i) {
    Waterfall w = random_waterfall(rng, parties, Shape{});
    w.of = static_cast<Index>(rng() % parties);
    clause::engine::index_payees(w);
    of.emplace_back(w.of, static_cast<Index>(i));
    c.waterfalls.push_back(std::move(w));
  }
  c.waterfalls_of = IndexLists(parties, of);
  return c;
}

void require_same(const PayeeState& live, const PayeeState& model) {
  CHECK(live.total == model.total);
  CHECK(live.complete_tiers == model.complete_tiers);
  CHECK(live.tier_taken == model.tier_taken);
  CHECK(live.received == model.received);
}

void require_all_same(const LiveWaterfalls& live, const std::vector<PayeeState>& model) {
  for (std::size_t k = 0; k < model.size(); ++k) require_same(live.snapshot(static_cast<Index>(k)), model[k]);
}

}  // namespace

TEST_CASE("a waterfall's block pays exactly what its model and a payee state do", "[waterfall]") {
  std::mt19937_64 rng(20261129);
  for (int round = 0; round < 1'000; ++round) {
    const Contract c = random_contract(rng);
    LiveWaterfalls live(c);
    std::vector<PayeeState> model(c.waterfalls.size());
    for (std::size_t wi = 0; wi < c.waterfalls.size(); ++wi) model[wi].reset(c.waterfalls[wi]);

    for (std::size_t p = 0; p < c.parties.size(); ++p) {
      const auto entries = live.of(static_cast<Index>(p));
      const auto expected = c.waterfalls_of[p];
      REQUIRE(entries.size() == expected.size());
      for (std::size_t k = 0; k < entries.size(); ++k) {
        const Waterfall& w = c.waterfalls[expected[k]];
        REQUIRE(entries[k].waterfall == expected[k]);
        const auto payees = live.payees(entries[k].block);
        CHECK(std::vector<Index>(payees.begin(), payees.end()) == w.payees);
        std::uint64_t steps = w.payees.size();
        for (const Tier& t : w.tiers) steps += t.shares.size();
        CHECK(live.steps(entries[k].block) == steps);
      }
    }

    for (const std::int64_t cents : random_profits(rng, 1 + rng() % 8)) {
      if (c.waterfalls.empty()) break;
      const auto wi = static_cast<Index>(rng() % c.waterfalls.size());
      const Waterfall& w = c.waterfalls[wi];
      INFO(describe(w));
      const auto entry = live.of(w.of);
      const auto it = std::find_if(entry.begin(), entry.end(), [&](const auto& e) { return e.waterfall == wi; });
      REQUIRE(it != entry.end());
      const Money profit = Money::from_cents(cents);
      std::vector<PayoutLine> a, b;
      const auto left_live = clause::engine::distribute(live.rules(it->block), live.totals(it->block), profit, a);
      const auto left_model = clause::engine::distribute(w, model[wi], profit, b);
      REQUIRE(left_live.has_value() == left_model.has_value());
      if (!left_live) break;
      CHECK(*left_live == *left_model);
      REQUIRE(a.size() == b.size());
      for (std::size_t i = 0; i < a.size(); ++i) {
        CHECK(a[i].tier == b[i].tier);
        CHECK(a[i].party == b[i].party);
        CHECK(a[i].amount == b[i].amount);
      }
      CHECK(live.total(it->block) == model[wi].total);
      // Every block, not only the one paid: a write past its end would show in the next.
      require_all_same(live, model);
    }

    // Resetting one waterfall resets it alone; resetting all resets every one.
    if (!c.waterfalls.empty()) {
      const auto wi = static_cast<Index>(rng() % c.waterfalls.size());
      live.reset(wi);
      model[wi].reset(c.waterfalls[wi]);
      require_all_same(live, model);
    }
    live.reset();
    for (std::size_t k = 0; k < c.waterfalls.size(); ++k) {
      PayeeState fresh;
      fresh.reset(c.waterfalls[k]);
      require_same(live.snapshot(static_cast<Index>(k)), fresh);
    }
  }
}

TEST_CASE("a party without waterfalls has none in the live layout", "[waterfall]") {
  Contract c;
  c.parties.resize(3);
  const LiveWaterfalls live(c);  // no waterfalls_of at all: a contract built by hand
  for (Index p = 0; p < 3; ++p) CHECK(live.of(p).empty());
}
