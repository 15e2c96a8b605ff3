// `clause ask --help` lists every event form, version 1 and 2, each with an example that
// can be pasted into a shell and runs against the 2025-10 contract as written.
#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <sstream>

#include "support.hpp"

namespace ask_help_test {

TEST_CASE("ask --help lists every event form with a pasteable example that parses", "[ask][help]") {
  const auto help = clause::test::run_clause({"ask", "--help"});
  REQUIRE(help.exit == 0);
  for (const char* form : {"ACTOR declares STATUS", "STATUS is declared", "ACTOR verifies STATUS",
                           "ACTOR rejects STATUS", "STATUS is verified", "PARTY consents to EXCEPTION",
                           "PARTY buys GOOD from VENDOR for MONEY", "PARTY declines GOOD for MONEY",
                           "PARTY uses LICENCE", "PARTY earns MONEY", "PARTY earns MONEY in STREAM",
                           "ACTOR does \"TEXT\"", "nothing happens"}) {
    INFO(form);
    CHECK(help.out.find(std::string("  ") + form + " ") != std::string::npos);
  }
  // Every example is in single quotes (a `$` inside stays as it is in a shell), and runs.
  const std::string contract = clause::test::repo_path("contracts/microsoft-openai/2025-10.clause");
  // The example is the single-quoted text that ends each line of the list.
  const std::regex example_line(R"(^  [A-Za-z].*\s'([^']+)'$)");
  std::set<std::string> examples;
  std::istringstream lines(help.out.substr(help.out.find("Events")));
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (std::regex_match(line, m, example_line)) examples.insert(m[1].str());
  }
  CHECK(examples.size() >= 14);
  for (const std::string& e : examples) {
    INFO(e);
    const auto r = clause::test::run_clause({"ask", contract, e});
    CHECK(r.exit == 0);
    // A word the flagship never mentions (`compute` has no first refusal in 2025-10) is
    // warned about; nothing else may be said.
    CHECK(r.err.find("error[") == std::string::npos);
    CHECK(r.err.find("warning[W01") == r.err.find("warning[W011"));
  }
  // Nothing with a `$` is left unquoted or in double quotes, where a shell would expand it.
  for (const std::string& line : {std::string("\"OpenAI buys"), std::string("\"OpenAI earns")}) {
    CHECK(help.out.find(line) == std::string::npos);
  }
}

}  // namespace ask_help_test
