// Distributing random profits through the flagship's waterfall: each from a fresh state
// (one state reset in place, as `clause sweep --profits` pays), and one after another
// into one state.
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

void distribute_fresh(benchmark::State& state) {
  const Setup s(state);
  engine::WaterfallState ws;
  std::vector<engine::PayoutLine> lines;
  std::int64_t checksum = 0;  // so that nothing is optimised away
  for (auto _ : state) {
    for (const dsl::Money profit : s.profits) {
      ws.reset(s.w, flagship().parties.size());
      lines.clear();
      checksum += engine::distribute(s.w, ws, profit, lines)->cents() + lines.back().amount.cents();
    }
    benchmark::DoNotOptimize(checksum);
  }
  count_profits(state, s.profits.size());
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
BENCHMARK(distribute_cumulative)->Name("distribute_cumulative")->Arg(1'000'000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace clause::bench
