// Fuzzes the event-text parser as `ask` uses it: each line of the input is one event (an
// optional `what if` before it, `?` after it), resolved against the flagship contract and
// applied in order from a fresh state; the canonical text of each must read back the same.
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
  const engine::Contract& contract = *fuzz::flagship().contract;
  engine::Outsiders outsiders;
  const auto events = fuzz::parse_events(contract, texts, outsiders);
  fuzz::evaluate_and_render(contract, events, outsiders.names(),
                            std::vector<dsl::Date>(events.size(), *contract.effective));
  return 0;
}
