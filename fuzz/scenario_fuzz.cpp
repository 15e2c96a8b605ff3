// Fuzzes the scenario parser and runner: any bytes as a `.scenario` file, run against the
// flagship contract (its `contract` line is overridden, its `assume` lines apply). Every
// expectation is judged and the run rendered as text and JSON.
#include "fuzz_support.hpp"

#include "cli/scenario_text.hpp"
#include "dsl/read_source.hpp"
#include "engine/scenario/scenario.hpp"

using namespace clause;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  dsl::ReadResult read = dsl::source_from_bytes("fuzz.scenario", fuzz::as_text(data, size));
  if (!read.source) {
    fuzz::render(read.diagnostics);
    return 0;
  }
  engine::ScenarioOptions options;
  options.contract_path = fuzz::flagship_path();
  engine::ScenarioRun run = engine::prepare_scenario_source(read.source, clause::dsl::read_source_file, options);
  engine::run_scenario(run);
  fuzz::render(run.diagnostics);
  for (const engine::ExpectationResult& r : run.results) {
    fuzz::require(r.passed || !cli::what_happened(run, r.actual).empty(), "a failed expectation says what happened");
  }
  if (run.ran) fuzz::evaluate_and_render(*run.contract.contract, run.events, run.outsiders.names(), run.dates);
  return 0;
}
