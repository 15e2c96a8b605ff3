#include "support.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/cli.hpp"

namespace clause::test {

namespace {

CliResult run_with(const std::vector<std::string>& args, cli::Environment env) {
  std::vector<const char*> argv{"clause"};
  for (const std::string& a : args) argv.push_back(a.c_str());
  std::ostringstream out;
  std::ostringstream err;
  env.today = dsl::Date::from_ymd(2026, 1, 1);
  CliResult r;
  r.exit = cli::run(static_cast<int>(argv.size()), argv.data(), out, err, env);
  r.out = out.str();
  r.err = err.str();
  return r;
}

}  // namespace

CliResult run_clause(const std::vector<std::string>& args) { return run_with(args, cli::Environment{}); }

CliResult run_clause_on_terminal(const std::vector<std::string>& args, bool no_color) {
  cli::Environment env;
  env.stdout_is_terminal = true;
  env.stderr_is_terminal = true;
  env.no_color = no_color;
  env.terminal_width = 80;
  return run_with(args, env);
}

std::string repo_path(const std::string& relative) { return std::string(CLAUSE_SOURCE_DIR) + "/" + relative; }

std::string spec_path(const std::string& relative) {
  const std::string dir = CLAUSE_SPEC_DIR;
  return dir.empty() ? std::string() : dir + "/" + relative;
}

bool have_spec() { return !std::string(CLAUSE_SPEC_DIR).empty(); }

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::string> files_below(const std::string& dir, const std::string& extension) {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == extension) out.push_back(entry.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace clause::test
