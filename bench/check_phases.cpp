// Times each phase of what `clause check` does with a generated contract: read (UTF-8
// validation, line index), parse, check, sort the diagnostics, free the model, free the
// tree. Prints the best and the median of each over many runs.
//
// Why a program of its own: Google Benchmark times the whole of parse + check, and on this
// shared host a whole run moves by a third from minute to minute; the best of a phase over
// ten runs moves by two or three percent, enough to tell a change of 2% in one phase from
// noise when two binaries are run alternately (docs/performance.md, "Parse + check").
//
//   check_phases [DECLARATIONS [RUNS]]     (100000 and 10 unless given)
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "bench/median.hpp"
#include "bench/support.hpp"
#include "dsl/parse.hpp"
#include "dsl/read_source.hpp"
#include "engine/check.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double millis(Clock::time_point from, Clock::time_point to) {
  return std::chrono::duration<double, std::milli>(to - from).count();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace clause;
  std::size_t declarations = 100'000;
  std::size_t runs = 10;
  CLI::App app{"Times each phase of clause check on a generated contract: best and median of many runs"};
  app.add_option("declarations", declarations, "declarations in the generated contract")
      ->check(CLI::Range(std::size_t{1}, std::size_t{10'000'000}));
  app.add_option("runs", runs, "runs of each phase")->check(CLI::Range(std::size_t{1}, std::size_t{100'000}));
  CLI11_PARSE(app, argc, argv);
  const std::string& text = bench::contract_text(declarations);

  constexpr std::array<const char*, 7> kPhases{"read", "parse", "check", "sort", "free model", "free tree", "all"};
  std::array<std::vector<double>, kPhases.size()> times;
  for (std::size_t run = 0; run < runs; ++run) {
    std::array<Clock::time_point, kPhases.size()> at;
    at[0] = Clock::now();
    dsl::ReadResult read = dsl::source_from_bytes("generated.clause", text);
    at[1] = Clock::now();
    // Held in an optional so that reset() frees the tree as a phase of its own.
    std::optional<dsl::ContractParse> parsed = dsl::parse_contract(read.source);
    at[2] = Clock::now();
    engine::CheckResult checked = engine::check_contract(parsed->syntax, read.source, {}, false);
    at[3] = Clock::now();
    checked.diagnostics.sort();
    at[4] = Clock::now();
    if (!checked.contract || checked.diagnostics.has_errors()) {
      std::fprintf(stderr, "check_phases: the generated contract does not check\n");
      return 1;
    }
    checked.contract.reset();
    at[5] = Clock::now();
    parsed.reset();
    at[6] = Clock::now();
    for (std::size_t p = 0; p + 1 < kPhases.size(); ++p) times[p].push_back(millis(at[p], at[p + 1]));
    times.back().push_back(millis(at[0], at[6]));
  }

  std::printf("%zu declarations (%.2f MB), %zu runs, milliseconds\n", declarations, static_cast<double>(text.size()) / 1e6,
              runs);
  std::printf("%-11s %9s %9s\n", "phase", "best", "median");
  for (std::size_t p = 0; p < kPhases.size(); ++p) {
    std::vector<double>& t = times[p];
    std::sort(t.begin(), t.end());
    std::printf("%-11s %9.3f %9.3f\n", kPhases[p], t.front(), bench::median_of_sorted(t));
  }
  return 0;
}
