// Fuzzes the contract parser and checker: any bytes as a `.clause` file. A contract that checks
// clean is then asked the probe events (every power, consent, purchase, licence, deed and
// earning it names), and the answers are rendered as text and JSON.
#include "fuzz_support.hpp"

using namespace clause;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const engine::LoadedContract loaded = engine::load_contract_from_bytes("fuzz.clause", fuzz::as_text(data, size));
  fuzz::render(loaded.diagnostics);
  if (!loaded.contract) return 0;
  const engine::Contract& contract = *loaded.contract;
  engine::Outsiders outsiders;
  const auto events = fuzz::parse_events(contract, fuzz::probe_events(contract), outsiders);
  const dsl::Date on = contract.effective ? *contract.effective : dsl::Date::from_ymd(2026, 1, 1);
  fuzz::evaluate_and_render(contract, events, outsiders.names(), std::vector<dsl::Date>(events.size(), on));
  return 0;
}
