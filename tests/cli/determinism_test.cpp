// The same input gives byte-identical output, text and JSON, run after run: nothing
// depends on hash order, addresses or what ran before.
#include <catch2/catch.hpp>

#include "support.hpp"

namespace determinism_test {

using clause::test::run_clause;

namespace {

const std::string kContract = clause::test::repo_path("contracts/microsoft-openai/2024-06.clause");

// Every command of the suite, text and JSON, with warnings and errors among them.
std::vector<std::vector<std::string>> commands() {
  const std::string scenario = clause::test::repo_path("examples/oracle-limit-straddle.scenario");
  return {
      {"ask", kContract, "what if AGI is declared?", "Microsoft uses technology", "OpenAI buys compute from Google for $1B"},
      {"ask", kContract, "Microsoft consents to oracle_capacity", "OpenAI buys compute from Oracle for $6B",
       "OpenAI buys compute from Oracle for $5B", "OpenAI earns $50B", "--json"},
      {"ask", kContract, "OpenAI earns $10B", "OpenAI earns $40B", "--set", "microsoft_cap=$100B", "--json"},
      {"ask", kContract, "Microsft declares agi", "OpenAI uses technolgy"},
      {"run", scenario},
      {"run", scenario, "--json"},
      {"payout", kContract, "--profit", "50B"},
      {"payout", kContract, "--profit", "1T", "--json"},
      {"check", kContract, clause::test::repo_path("contracts/microsoft-openai/2019-07.clause")},
      {"check", clause::test::repo_path("tests/bad/several-errors-in-one-file.clause"),
       clause::test::repo_path("tests/bad/warnings-only.clause")},
      {"test", clause::test::repo_path("examples")},
  };
}

std::string joined(const std::vector<std::string>& args) {
  std::string out;
  for (const auto& a : args) out += a + " ";
  return out;
}

}  // namespace

TEST_CASE("every command prints byte-identical output, text and JSON, run after run", "[determinism]") {
  std::vector<clause::test::CliResult> first;
  for (const auto& args : commands()) first.push_back(run_clause(args));
  // Again, in the opposite order, so that nothing left over from one command shapes the next.
  const auto all = commands();
  for (std::size_t i = all.size(); i-- > 0;) {
    INFO(joined(all[i]));
    const auto again = run_clause(all[i]);
    CHECK(again.exit == first[i].exit);
    CHECK(again.out == first[i].out);
    CHECK(again.err == first[i].err);
    CHECK_FALSE((first[i].out.empty() && first[i].err.empty()));
  }
}

TEST_CASE("a run repeated a hundred times gives one output", "[determinism]") {
  const std::vector<std::string> args{"ask", kContract, "OpenAI earns $123,456,789.01", "agi is declared",
                                      "OpenAI earns $333,333,333,333.33", "--json"};
  const auto first = run_clause(args);
  REQUIRE(first.exit == 0);
  for (int i = 0; i < 100; ++i) {
    const auto again = run_clause(args);
    REQUIRE(again.out == first.out);
  }
}

}  // namespace determinism_test
