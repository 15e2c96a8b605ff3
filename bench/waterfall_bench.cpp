// Distributing random profits through the flagship's waterfall, each from a fresh state
// (engine::FreshPayout: one at a time, and many at once as `clause sweep --profits` does);
// the general distribute() from a fresh state, for comparison; and profits one after
// another into one state.
#include <benchmark/benchmark.h>

#include "bench/generate.hpp"
#include "bench/support.hpp"
#include "engine/payout/waterfall.hpp"

namespace clause::bench {
namespace {

// The flagship's waterfall and the benchmark's random profits ($1 to $1T, log-uniform).
struct Setup {
  explicit Setup(const benchmark::State& state)
      : w(flagship().waterfalls.front()), profits(random_profits(static_cast<std::size_t>(state.range(0)), kSeed)) {}
  const engine::Waterfall& w;
  std::vector<dsl::Money> profits;
};

void count_profits(benchmark::State& state, std::size_t profits) {
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(profits));
}

// Pays every profit on its own, each iteration; `pay(profit)` returns a part of a checksum
// so that nothing is optimised away.
template <typename Pay>
void time_each_profit(benchmark::State& state, const std::vector<dsl::Money>& profits, Pay&& pay) {
  std::int64_t checksum = 0;
  for (auto _ : state) {
    for (const dsl::Money profit : profits) checksum += pay(profit);
    benchmark::DoNotOptimize(checksum);
  }
  count_profits(state, profits.size());
}

void distribute_fresh(benchmark::State& state) {
  const Setup s(state);
  const engine::FreshPayout plan(s.w);
  std::vector<engine::PayoutLine> lines;
  time_each_profit(state, s.profits, [&](dsl::Money profit) {
    lines.clear();
    return plan.distribute(profit, lines).cents() + lines.back().amount.cents();
  });
}

// The same, answered as what each party receives (FreshPayout::pay), without the lines per
// tier.
void distribute_fresh_totals(benchmark::State& state) {
  const Setup s(state);
  const engine::FreshPayout plan(s.w);
  std::vector<dsl::Money> by_payee(s.w.payees.size());
  time_each_profit(state, s.profits,
                   [&](dsl::Money profit) { return plan.pay(profit, by_payee).cents() + by_payee.back().cents(); });
}

// The same many at a time (FreshPayout::pay_many: grouped by the tier where they run
// out), in chunks of 8,192 answered into one reused buffer, as `clause sweep` does.
void distribute_fresh_batch(benchmark::State& state) {
  const Setup s(state);
  const engine::FreshPayout plan(s.w);
  constexpr std::size_t kChunk = 8192;
  const std::size_t payees = s.w.payees.size();
  std::vector<dsl::Money> by_payee(kChunk * payees);
  std::vector<dsl::Money> undistributed(kChunk);
  std::int64_t checksum = 0;
  for (auto _ : state) {
    for (std::size_t first = 0; first < s.profits.size(); first += kChunk) {
      const std::size_t n = std::min(kChunk, s.profits.size() - first);
      plan.pay_many(std::span(s.profits).subspan(first, n), by_payee, undistributed);
      checksum += undistributed[n - 1].cents() + by_payee[(n - 1) * payees].cents();
    }
    benchmark::DoNotOptimize(checksum);
  }
  count_profits(state, s.profits.size());
}

// The same through the general distribute(), resetting a state for every profit: what
// FreshPayout saves.
void distribute_fresh_general(benchmark::State& state) {
  const Setup s(state);
  engine::PayeeState ps;
  std::vector<engine::PayoutLine> lines;
  time_each_profit(state, s.profits, [&](dsl::Money profit) {
    ps.reset(s.w);
    lines.clear();
    return engine::distribute(s.w, ps, profit, lines)->cents() + lines.back().amount.cents();
  });
}

// The same profits paid one after another into one state: later profits reach the later
// tiers, and caps fill.
void distribute_cumulative(benchmark::State& state) {
  Setup s(state);
  for (dsl::Money& p : s.profits) p = dsl::Money::from_cents(p.cents() / 1000 + 1);  // keeps the total in range
  engine::WaterfallState ws;
  std::vector<engine::PayoutLine> lines;
  for (auto _ : state) {
    ws.reset(s.w, flagship().parties.size());
    for (const dsl::Money profit : s.profits) {
      lines.clear();
      benchmark::DoNotOptimize(engine::distribute(s.w, ws, profit, lines));
    }
  }
  count_profits(state, s.profits.size());
}

BENCHMARK(distribute_fresh)->Name("distribute_fresh")->Arg(10'000)->Arg(100'000)->Arg(1'000'000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(distribute_fresh_totals)->Name("distribute_fresh_totals")->Arg(10'000)->Arg(100'000)->Arg(1'000'000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(distribute_fresh_batch)->Name("distribute_fresh_batch")->Arg(10'000)->Arg(100'000)->Arg(1'000'000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(distribute_fresh_general)->Name("distribute_fresh_general")->Arg(1'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(distribute_cumulative)->Name("distribute_cumulative")->Arg(1'000'000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace clause::bench
