// Fuzzes values given on the command line: the input as `--set NAME=VALUE` applied to the
// flagship contract (which is then asked the probe events), and as `--profit` and `--on`.
#include "fuzz_support.hpp"

#include "cli/context.hpp"

using namespace clause;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input = fuzz::as_text(data, size);
  dsl::DiagnosticList problems;
  (void)cli::parse_money_option("--profit", input, problems);
  (void)cli::parse_date_option("--on", input, problems);
  const auto overrides = cli::parse_overrides({input}, problems);
  fuzz::render(problems);

  const engine::LoadedContract loaded = engine::check_contract_source(fuzz::flagship().source, overrides);
  fuzz::render(loaded.diagnostics);
  if (!loaded.contract) return 0;
  const engine::Contract& contract = *loaded.contract;
  engine::Outsiders outsiders;
  const auto events = fuzz::parse_events(contract, fuzz::probe_events(contract), outsiders);
  fuzz::evaluate_and_render(contract, events, outsiders.names(),
                            std::vector<dsl::Date>(events.size(), *contract.effective));
  return 0;
}
