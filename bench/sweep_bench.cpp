// `clause sweep --profits` on the flagship, in process, its output discarded: a million
// profits ($1M to $1T by $1M) with one worker thread and with two.
#include <benchmark/benchmark.h>

#include <ostream>
#include <streambuf>

#include "bench/support.hpp"
#include "cli/cli.hpp"

namespace clause::bench {
namespace {

// Takes everything, keeps nothing: the rows are formatted and written, not stored.
class Discard : public std::streambuf {
 protected:
  int overflow(int c) override { return c; }
  std::streamsize xsputn(const char* /*s*/, std::streamsize n) override { return n; }
};

void sweep_profits(benchmark::State& state) {
  const std::string threads = std::to_string(state.range(0));
  const std::string contract = repo_path("contracts/microsoft-openai/2024-06.clause");
  const std::vector<const char*> argv{"clause",  "sweep",   contract.c_str(), "--profits", "1M..1,000,000M",
                                      "--step",  "1M",      "--threads",      threads.c_str()};
  Discard discard;
  std::ostream out(&discard);
  std::ostream err(&discard);
  for (auto _ : state) {
    if (cli::run(static_cast<int>(argv.size()), argv.data(), out, err, cli::Environment{}) != 0) {
      state.SkipWithError("clause sweep failed");
    }
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * 1'000'000);
}

BENCHMARK(sweep_profits)->Name("sweep_profits")->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace clause::bench
