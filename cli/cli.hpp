// The `clause` command as a library: main() is a thin wrapper, so tests can run any
// command in-process and read what it prints.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>

#include "dsl/date.hpp"

namespace clause::cli {

struct Environment {
  bool stdout_is_terminal = false;
  bool stderr_is_terminal = false;
  bool no_color = false;                // NO_COLOR is set (to anything but "")
  std::optional<dsl::Date> today;       // for tests; otherwise the system date
  int terminal_width = 0;              // 0: do not wrap (not a terminal)
};

// Exit status: 0 success, 1 problems found in the input (errors, failed expectations,
// differences), 2 usage or I/O problems.
int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err, const Environment& env);

Environment environment_from_process();

}  // namespace clause::cli
