// Distributing random profits through the flagship's waterfall, each from a fresh state
// (what `clause payout` and `clause sweep --profits` do per profit).
#include <benchmark/benchmark.h>

#include "bench/generate.hpp"
#include "bench/support.hpp"
#include "engine/waterfall.hpp"

namespace clause::bench {
namespace {

void distribute_fresh(benchmark::State& state) {
  const engine::Contract& c = flagship();
  const engine::Waterfall& w = c.waterfalls.front();
  const std::vector<dsl::Money> profits = random_profits(static_cast<std::size_t>(state.range(0)), kSeed);
  engine::WaterfallState ws;
  std::vector<engine::PayoutLine> lines;
  std::int64_t checksum = 0;
  for (auto _ : state) {
    for (const dsl::Money profit : profits) {
      ws.reset(w, c.parties.size());
      lines.clear();
      const auto undistributed = engine::distribute(w, ws, profit, lines);
      checksum += undistributed->cents() + lines.back().amount.cents();
    }
    benchmark::DoNotOptimize(checksum);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(profits.size()));
}

// The same profits paid one after another into one state: later profits reach the later
// tiers, and caps fill.
void distribute_cumulative(benchmark::State& state) {
  const engine::Contract& c = flagship();
  const engine::Waterfall& w = c.waterfalls.front();
  std::vector<dsl::Money> profits = random_profits(static_cast<std::size_t>(state.range(0)), kSeed);
  for (dsl::Money& p : profits) p = dsl::Money::from_cents(p.cents() / 1000 + 1);  // keeps the total in range
  engine::WaterfallState ws;
  std::vector<engine::PayoutLine> lines;
  for (auto _ : state) {
    ws.reset(w, c.parties.size());
    for (const dsl::Money profit : profits) {
      lines.clear();
      benchmark::DoNotOptimize(engine::distribute(w, ws, profit, lines));
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(profits.size()));
}

BENCHMARK(distribute_fresh)->Name("distribute_fresh")->Arg(10'000)->Arg(100'000)->Arg(1'000'000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(distribute_cumulative)->Name("distribute_cumulative")->Arg(1'000'000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace clause::bench
