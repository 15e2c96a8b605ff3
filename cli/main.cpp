// The `clause` command.
#include <exception>
#include <iostream>

#include "cli/cli.hpp"
#include "dsl/diagnostic.hpp"

int main(int argc, char** argv) {
  try {
    return clause::cli::run(argc, argv, std::cout, std::cerr, clause::cli::environment_from_process());
  } catch (const std::bad_alloc&) {
    // Written without building a diagnostic: there may be no memory left for one.
    const clause::dsl::DiagKind& kind = clause::dsl::kind_of(clause::dsl::DiagId::out_of_memory);
    std::cerr << "clause: error[" << kind.code << "]: " << kind.format << "\n";
  } catch (const std::exception& e) {
    // Only a bug gets here: user errors are diagnostics.
    clause::dsl::DiagnosticList bug;
    bug.report<clause::dsl::DiagId::uncaught_exception>({nullptr, {}, {}}, e.what());
    std::cerr << clause::dsl::render_diagnostics(bug, {});
  }
  return 2;
}
