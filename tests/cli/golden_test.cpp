// Whole command output compared with reviewed golden files in tests/golden: a change in
// wording, alignment or places shows up here. Each NAME.args holds the arguments, one per
// line (paths relative to the repository root); NAME.out and NAME.err the expected output
// and NAME.exit the exit status. On a mismatch the actual output is printed, so updating
// a baseline is one copy (or run with CLAUSE_UPDATE_GOLDEN=1 and review the diff).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "support.hpp"

namespace golden_test {

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

void write(const std::string& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

}  // namespace

TEST_CASE("command output matches the golden files", "[golden]") {
  const bool update = std::getenv("CLAUSE_UPDATE_GOLDEN") != nullptr;
  const auto cases = clause::test::files_below(clause::test::repo_path("tests/golden"), ".args");
  REQUIRE_FALSE(cases.empty());
  const auto cwd = std::filesystem::current_path();
  std::filesystem::current_path(clause::test::repo_path(""));
  for (const std::string& args_file : cases) {
    const std::string base = args_file.substr(0, args_file.size() - 5);
    INFO("golden: " << base);
    const auto r = clause::test::run_clause(lines_of(clause::test::read_file(args_file)));
    if (update) {
      write(base + ".out", r.out);
      write(base + ".err", r.err);
      write(base + ".exit", std::to_string(r.exit) + "\n");
      continue;
    }
    CHECK(r.out == clause::test::read_file(base + ".out"));
    CHECK(r.err == clause::test::read_file(base + ".err"));
    CHECK(std::to_string(r.exit) + "\n" == clause::test::read_file(base + ".exit"));
  }
  std::filesystem::current_path(cwd);
}

TEST_CASE("colour only on a terminal, and never with NO_COLOR", "[colour]") {
  const std::string c = clause::test::repo_path("contracts/microsoft-openai/2024-06.clause");
  const std::string bad = clause::test::repo_path("tests/bad/keyword-as-name.clause");
  CHECK(clause::test::run_clause({"ask", c, "agi is declared"}).out.find("\x1b[") == std::string::npos);
  CHECK(clause::test::run_clause({"check", bad}).err.find("\x1b[") == std::string::npos);
  CHECK(clause::test::run_clause_on_terminal({"ask", c, "agi is declared"}, false).out.find("\x1b[") !=
        std::string::npos);
  CHECK(clause::test::run_clause_on_terminal({"check", bad}, false).err.find("\x1b[") != std::string::npos);
  CHECK(clause::test::run_clause_on_terminal({"ask", c, "agi is declared"}, true).out.find("\x1b[") ==
        std::string::npos);
  CHECK(clause::test::run_clause_on_terminal({"check", bad}, true).err.find("\x1b[") == std::string::npos);
  CHECK(clause::test::run_clause({"--color", "always", "check", bad}).err.find("\x1b[") != std::string::npos);
}

TEST_CASE("on a terminal, long reasons wrap to its width under their outcome", "[colour]") {
  const std::string c = clause::test::repo_path("contracts/microsoft-openai/2024-06.clause");
  const auto r = clause::test::run_clause_on_terminal({"ask", c, "OpenAI buys compute from Google for $1B"}, true);
  std::istringstream lines(r.out);
  std::string line;
  int reason_lines = 0;
  while (std::getline(lines, line)) {
    if (line.find("2024-06.clause:") != std::string::npos) continue;  // a place is never broken
    CHECK(line.size() <= 80 + 4);                                      // bytes: the symbols are multi-byte
    if (line.rfind("                ", 0) == 0) ++reason_lines;
  }
  CHECK(reason_lines >= 3);
  const auto piped = clause::test::run_clause({"ask", c, "OpenAI buys compute from Google for $1B"});
  CHECK_THAT(piped.out, Catch::Contains("allows compute only from Microsoft; exception `oracle_capacity` does not"));
}

}  // namespace golden_test
