// Asks the flagship contract "what if AGI is declared?" through Clause's library API:
//   embed [CONTRACT]   (default: contracts/microsoft-openai/2024-06.clause)
#include <iostream>

#include <clause/clause.hpp>

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : "contracts/microsoft-openai/2024-06.clause";
  const clause::Result<clause::Contract> contract = clause::load_file(path);
  if (!contract) {
    for (const clause::Diagnostic& d : contract.diagnostics) std::cerr << d.rendered;
    return 1;
  }
  const clause::Result<clause::Answer> answer = contract->ask({"agi is declared"});
  if (!answer) {
    for (const clause::Diagnostic& d : answer.diagnostics) std::cerr << d.rendered;
    return 1;
  }
  std::cout << contract->title() << "\n";
  for (const clause::EventAnswer& event : answer->events) {
    std::cout << "on " << event.on << ": " << event.event << "\n";
    for (const clause::Outcome& o : event.outcomes) {
      std::cout << "  " << o.kind << (o.rule.empty() ? "" : " " + o.rule) << " ("
                << (o.place ? o.place->text() : "no place") << ")\n    " << o.because << "\n";
    }
  }
  return 0;
}
