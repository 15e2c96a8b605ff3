// Distributing random profits through the flagship's waterfall, each from a fresh state
// (what `clause sweep --profits` does per profit, with engine::FreshPayout); and the
// general distribute() from a fresh state, for comparison.
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
  const engine::FreshPayout plan(w);
  std::vector<engine::PayoutLine> lines;
  std::int64_t checksum = 0;
  for (auto _ : state) {
    for (const dsl::Money profit : profits) {
      lines.clear();
      const dsl::Money undistributed = plan.distribute(profit, lines);
      checksum += undistributed.cents() + lines.back().amount.cents();
    }
    benchmark::DoNotOptimize(checksum);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(profits.size()));
}

// The same, answered as what each party receives (FreshPayout::pay), without the lines per
// tier: what `clause sweep --profits` computes for every row.
void distribute_fresh_totals(benchmark::State& state) {
  const engine::Contract& c = flagship();
  const engine::Waterfall& w = c.waterfalls.front();
  const std::vector<dsl::Money> profits = random_profits(static_cast<std::size_t>(state.range(0)), kSeed);
  const engine::FreshPayout plan(w);
  std::vector<dsl::Money> by_payee(w.payees.size());
  std::int64_t checksum = 0;
  for (auto _ : state) {
    for (const dsl::Money profit : profits) {
      const dsl::Money undistributed = plan.pay(profit, by_payee);
      checksum += undistributed.cents() + by_payee.back().cents();
    }
    benchmark::DoNotOptimize(checksum);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(profits.size()));
}

// The same many at a time (FreshPayout::pay_many: grouped by the tier where they run
// out), in chunks of 8,192 answered into one reused buffer, as `clause sweep` does.
void distribute_fresh_batch(benchmark::State& state) {
  const engine::Contract& c = flagship();
  const engine::Waterfall& w = c.waterfalls.front();
  const std::vector<dsl::Money> profits = random_profits(static_cast<std::size_t>(state.range(0)), kSeed);
  const engine::FreshPayout plan(w);
  constexpr std::size_t kChunk = 8192;
  std::vector<dsl::Money> by_payee(kChunk * w.payees.size());
  std::vector<dsl::Money> undistributed(kChunk);
  std::int64_t checksum = 0;
  for (auto _ : state) {
    for (std::size_t first = 0; first < profits.size(); first += kChunk) {
      const std::size_t n = std::min(kChunk, profits.size() - first);
      plan.pay_many(std::span(profits).subspan(first, n), by_payee, undistributed);
      checksum += undistributed[n - 1].cents() + by_payee[(n - 1) * w.payees.size()].cents();
    }
    benchmark::DoNotOptimize(checksum);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(profits.size()));
}

// The same through the general distribute(), resetting a state for every profit: what
// FreshPayout saves.
void distribute_fresh_general(benchmark::State& state) {
  const engine::Contract& c = flagship();
  const engine::Waterfall& w = c.waterfalls.front();
  const std::vector<dsl::Money> profits = random_profits(static_cast<std::size_t>(state.range(0)), kSeed);
  engine::PayeeState ps;
  std::vector<engine::PayoutLine> lines;
  std::int64_t checksum = 0;
  for (auto _ : state) {
    for (const dsl::Money profit : profits) {
      ps.reset(w);
      lines.clear();
      const auto undistributed = engine::distribute(w, ps, profit, lines);
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
BENCHMARK(distribute_fresh_totals)->Name("distribute_fresh_totals")->Arg(10'000)->Arg(100'000)->Arg(1'000'000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(distribute_fresh_batch)->Name("distribute_fresh_batch")->Arg(10'000)->Arg(100'000)->Arg(1'000'000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(distribute_fresh_general)->Name("distribute_fresh_general")->Arg(1'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(distribute_cumulative)->Name("distribute_cumulative")->Arg(1'000'000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace clause::bench
