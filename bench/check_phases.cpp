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

#include "bench/support.hpp"
#include "dsl/parse.hpp"
#include "dsl/read_source.hpp"
#include "engine/check.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double millis(Clock::time_point from, Clock::time_point to) {
  return std::chrono::duration<double, std::milli>(to - from).count();
}

// A positive count from the command line, or `fallback` when absent; 0 when malformed.
std::size_t count_argument(int argc, char** argv, int index, std::size_t fallback) {
  if (argc <= index) return fallback;
  const std::string text = argv[index];
  if (text.empty() || text.size() > 9 || !std::all_of(text.begin(), text.end(), [](char c) {
        return c >= '0' && c <= '9';
      })) {
    return 0;
  }
  return std::stoul(text);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace clause;
  const std::size_t declarations = count_argument(argc, argv, 1, 100'000);
  const std::size_t runs = count_argument(argc, argv, 2, 10);
  if (declarations == 0 || runs == 0 || argc > 3) {
    std::fprintf(stderr, "usage: check_phases [DECLARATIONS [RUNS]]  (positive whole numbers)\n");
    return 2;
  }
  const std::string& text = bench::contract_text(declarations);

  constexpr std::array<const char*, 7> kPhases{"read", "parse", "check", "sort", "free model", "free tree", "all"};
  std::array<std::vector<double>, kPhases.size()> times;
  for (std::size_t run = 0; run < runs; ++run) {
    std::array<Clock::time_point, kPhases.size()> at;
    at[0] = Clock::now();
    dsl::ReadResult read = dsl::source_from_bytes("generated.clause", text);
    at[1] = Clock::now();
    // Destroyed by reset(), members in reverse order: move-assigning a parse would free its
    // arena before the lists in it.
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
    const double median = t.size() % 2 == 1 ? t[t.size() / 2] : (t[t.size() / 2 - 1] + t[t.size() / 2]) / 2;
    std::printf("%-11s %9.3f %9.3f\n", kPhases[p], t.front(), median);
  }
  return 0;
}
