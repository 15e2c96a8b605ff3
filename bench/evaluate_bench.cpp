// Evaluating streams of mixed, pre-resolved events from a fresh state: against the
// flagship with 10,000, 100,000 and 1,000,000 events, and 1,000,000 events against
// generated contracts of 1,000, 10,000 and 100,000 declarations. Against the flagship,
// events per second stay flat with the stream. Against the generated contracts they fall
// as the contract grows: an earning keeps and checks a total for every party of the
// contract in each waterfall it pays through (WaterfallState), and the largest size needs
// about 2 GB for those totals.
#include <benchmark/benchmark.h>

#include "bench/generate.hpp"
#include "bench/support.hpp"
#include "engine/evaluate/evaluate.hpp"

namespace clause::bench {
namespace {

void run_stream(benchmark::State& state, const engine::Contract& contract, const EventStream& stream) {
  const dsl::Date on = *contract.effective;
  engine::Evaluator evaluator(contract, engine::RunLimits::none());
  engine::OutcomeLog log;
  const auto apply_stream = [&] {
    for (const std::uint32_t i : stream.order) {
      if (evaluator.apply(stream.pool[i], on, log)) state.SkipWithError("an event left the money range");
    }
  };
  // One pass untimed, so the log has its full capacity and its pages before the first
  // timed one: otherwise the first iteration alone grows it (about 80 MB, reallocated and
  // faulted in), and a size that runs fewer iterations (the largest contract) pays a
  // larger share of that.
  apply_stream();
  std::size_t outcomes = 0;
  for (auto _ : state) {
    evaluator.reset();
    log.clear();
    apply_stream();
    outcomes = log.outcomes.size();
    benchmark::DoNotOptimize(log.outcomes.data());
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(stream.order.size()));
  state.counters["outcomes_per_event"] = static_cast<double>(outcomes) / static_cast<double>(stream.order.size());
}

void evaluate_flagship(benchmark::State& state) {
  const EventStream stream = flagship_events(flagship(), static_cast<std::size_t>(state.range(0)), kSeed);
  run_stream(state, flagship(), stream);
}

void evaluate_generated(benchmark::State& state) {
  const engine::Contract& contract = generated_contract(static_cast<std::size_t>(state.range(0)));
  const EventStream stream = generated_events(contract, 1'000'000, kSeed);
  run_stream(state, contract, stream);
}

BENCHMARK(evaluate_flagship)->Name("evaluate_flagship")->Arg(10'000)->Arg(100'000)->Arg(1'000'000)
    ->Unit(benchmark::kMillisecond);
BENCHMARK(evaluate_generated)->Name("evaluate_generated")->Arg(1'000)->Arg(10'000)->Arg(100'000)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace clause::bench
