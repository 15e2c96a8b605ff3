// The `clause` command.
#include <exception>
#include <iostream>

#include "cli/cli.hpp"

int main(int argc, char** argv) {
  try {
    return clause::cli::run(argc, argv, std::cout, std::cerr, clause::cli::environment_from_process());
  } catch (const std::bad_alloc&) {
    std::cerr << "clause: error: out of memory\n";
  } catch (const std::exception& e) {
    // Only a bug gets here: user errors are diagnostics.
    std::cerr << "clause: internal error: " << e.what() << "\n";
  }
  return 2;
}
