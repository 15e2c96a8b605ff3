// What the benchmark programs share: the flagship, generated contracts kept for the
// run, and running the `clause` binary as a separate process.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/payout/load.hpp"

namespace clause::bench {

inline constexpr std::uint64_t kSeed = 20240601;

std::string repo_path(const std::string& relative);  // in the source tree
std::string clause_binary();                         // the `clause` built beside the benchmarks

// The flagship, read and checked once; aborts the run if it does not check.
const engine::Contract& flagship();
// A generated contract's text (generate_contract with kSeed), made once per size.
const std::string& contract_text(std::size_t declarations);
// The same, checked once per size.
const engine::Contract& generated_contract(std::size_t declarations);
// The text written to a file under the system's temporary folder, once per size.
const std::string& contract_file(std::size_t declarations, unsigned changed_per_mille = 0);

struct ProcessResult {
  int status = -1;            // exit status, or -1 when it did not exit normally
  double seconds = 0;         // wall time from spawn to exit
  long peak_rss_bytes = 0;    // the child's maximum resident set size
};
// Runs a program with standard output and error sent to /dev/null.
ProcessResult run_process(const std::vector<std::string>& argv);

}  // namespace clause::bench
