// Helpers shared by the tests: running the `clause` command in-process, finding files.
#pragma once

#include <string>
#include <vector>

namespace clause::test {

struct CliResult {
  int exit = -1;
  std::string out;
  std::string err;
};

// Runs `clause ARGS...` in this process, with no terminal and a fixed date (2026-01-01).
CliResult run_clause(const std::vector<std::string>& args);
// The same as if stdout and stderr were terminals 80 columns wide, with or without NO_COLOR set.
CliResult run_clause_on_terminal(const std::vector<std::string>& args, bool no_color);

// A path in the repository, or in the shared spec folder ("" when it was not found).
std::string repo_path(const std::string& relative);
std::string spec_path(const std::string& relative);
bool have_spec();

std::string read_file(const std::string& path);
std::vector<std::string> files_below(const std::string& dir, const std::string& extension);

}  // namespace clause::test
