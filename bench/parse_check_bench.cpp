// Parsing and checking generated contracts of 1,000, 10,000 and 100,000 declarations
// (about 0.1, 1 and 10 MB): throughput in bytes per second must stay flat.
#include <benchmark/benchmark.h>

#include "bench/support.hpp"
#include "dsl/parse.hpp"
#include "dsl/read_source.hpp"
#include "engine/model/check.hpp"

namespace clause::bench {
namespace {

dsl::SourcePtr source_of(std::size_t declarations) {
  return dsl::source_from_bytes("generated.clause", contract_text(declarations)).source;
}

void count(benchmark::State& state, std::size_t declarations) {
  const auto iterations = static_cast<std::int64_t>(state.iterations());
  state.SetBytesProcessed(iterations * static_cast<std::int64_t>(contract_text(declarations).size()));
  state.SetItemsProcessed(iterations * static_cast<std::int64_t>(declarations));
  state.counters["megabytes"] = static_cast<double>(contract_text(declarations).size()) / 1e6;
}

// Text to syntax tree: UTF-8 validation and the line index are in `read`, not here.
void parse(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const dsl::SourcePtr source = source_of(n);
  for (auto _ : state) {
    dsl::ContractParse parsed = dsl::parse_contract(source);
    benchmark::DoNotOptimize(parsed.syntax.declarations.data());
  }
  count(state, n);
}

// Syntax tree to checked contract.
void check(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const dsl::SourcePtr source = source_of(n);
  const dsl::ContractParse parsed = dsl::parse_contract(source);
  for (auto _ : state) {
    engine::CheckResult checked = engine::check_contract(parsed.syntax, source);
    benchmark::DoNotOptimize(checked.contract->clauses.data());
  }
  count(state, n);
}

// What `clause check` does after reading the file: validate, index lines, parse, check,
// sort the diagnostics.
void parse_check(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const std::string& text = contract_text(n);
  for (auto _ : state) {
    engine::LoadedContract loaded = engine::load_contract_from_bytes("generated.clause", text);
    if (!loaded.contract) state.SkipWithError("the generated contract does not check");
    benchmark::DoNotOptimize(loaded.contract->clauses.data());
  }
  count(state, n);
}

BENCHMARK(parse)->Name("parse")->Arg(1'000)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(check)->Name("check")->Arg(1'000)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);
BENCHMARK(parse_check)->Name("parse_check")->Arg(1'000)->Arg(10'000)->Arg(100'000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace clause::bench
