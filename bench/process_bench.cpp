// The `clause` command as a user runs it, as a separate process each time: `ask` on the
// flagship (wall time, warm cache) and `check` of generated contracts (peak memory
// against the file's size, and wall time).
#include <benchmark/benchmark.h>

#include <filesystem>

#include "bench/support.hpp"

namespace clause::bench {
namespace {

void ask_flagship(benchmark::State& state) {
  const std::vector<std::string> argv{clause_binary(), "ask", repo_path("contracts/microsoft-openai/2024-06.clause"),
                                      "what if AGI is declared?"};
  run_process(argv);  // warms the page cache
  for (auto _ : state) {
    const ProcessResult r = run_process(argv);
    if (r.status != 0) state.SkipWithError("clause ask failed");
    state.SetIterationTime(r.seconds);
  }
}

// The floor under any process figure on this machine: spawning /bin/true and waiting.
void spawn_floor(benchmark::State& state) {
  const std::vector<std::string> argv{"/bin/true"};
  for (auto _ : state) {
    const ProcessResult r = run_process(argv);
    if (r.status != 0) state.SkipWithError("/bin/true failed");
    state.SetIterationTime(r.seconds);
  }
}

void check_file(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const std::string& file = contract_file(n);
  const auto bytes = static_cast<double>(std::filesystem::file_size(file));
  const std::vector<std::string> argv{clause_binary(), "check", file};
  long peak = 0;
  for (auto _ : state) {
    const ProcessResult r = run_process(argv);
    if (r.status != 0) state.SkipWithError("clause check found problems in a generated contract");
    state.SetIterationTime(r.seconds);
    peak = std::max(peak, r.peak_rss_bytes);
  }
  state.counters["megabytes"] = bytes / 1e6;
  state.counters["peak_rss_mb"] = static_cast<double>(peak) / 1e6;
  state.counters["peak_rss_per_byte"] = static_cast<double>(peak) / bytes;
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(bytes));
}

// `clause diff` of a generated contract and its renegotiated version with 1% of its
// declarations changed (exit 1: they differ).
void diff_files(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const std::vector<std::string> argv{clause_binary(), "diff", contract_file(n), contract_file(n, 10)};
  for (auto _ : state) {
    const ProcessResult r = run_process(argv);
    if (r.status != 1) state.SkipWithError("clause diff did not report the differences");
    state.SetIterationTime(r.seconds);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(n));
}

BENCHMARK(spawn_floor)->Name("spawn_floor")->UseManualTime()->Iterations(200)->Unit(benchmark::kMillisecond);
BENCHMARK(ask_flagship)->Name("ask_process")->UseManualTime()->Iterations(200)->Unit(benchmark::kMillisecond);
BENCHMARK(check_file)->Name("check_process")->Arg(1'000)->Arg(100'000)->UseManualTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(diff_files)->Name("diff_process")->Arg(1'000)->UseManualTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace clause::bench
