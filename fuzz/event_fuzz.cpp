// Fuzzes the event-text parser as `ask` uses it: each line of the input is one event (an
// optional `what if` before it, `?` after it), resolved against the flagship contract and
// applied in order from a fresh state; the canonical text of each must read back the same.
// Each input is tried on the version 1 flagship and on the version 2 one (2025-10), so the
// version 2 events (verifies, rejects, declines, earns in, nothing happens) meet a contract
// that has what they act on.
#include "fuzz_support.hpp"

using namespace clause;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input = fuzz::as_text(data, size);
  std::vector<std::string> texts;
  std::size_t start = 0;
  while (start <= input.size() && texts.size() < 64) {
    const std::size_t end = std::min(input.find('\n', start), input.size());
    texts.push_back(input.substr(start, end - start));
    start = end + 1;
  }
  for (const engine::LoadedContract* loaded : {&fuzz::flagship(), &fuzz::flagship_v2()}) {
    const engine::Contract& contract = *loaded->contract;
    engine::Outsiders outsiders;
    const auto events = fuzz::parse_events(contract, texts, outsiders);
    fuzz::evaluate_and_render(contract, events, outsiders.names(),
                              std::vector<dsl::Date>(events.size(), *contract.effective));
  }
  return 0;
}
