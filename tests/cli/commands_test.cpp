// The commands' failure paths and output: what a user sees when something is wrong.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "support.hpp"

namespace commands_test {

using clause::test::repo_path;
using clause::test::run_clause;

namespace {
const std::string kFlagship = repo_path("contracts/microsoft-openai/2024-06.clause");

std::string last_line(const std::string& s) {
  std::string t = s;
  while (!t.empty() && t.back() == '\n') t.pop_back();
  return t.substr(t.rfind('\n') == std::string::npos ? 0 : t.rfind('\n') + 1);
}
}  // namespace

TEST_CASE("clause test passes every example and ends with the count", "[test-command]") {
  const auto r = run_clause({"test", repo_path("examples")});
  INFO(r.out << r.err);
  CHECK(r.exit == 0);
  CHECK_THAT(last_line(r.out), Catch::Matches(R"(\d+ passed, 0 failed)"));
}

TEST_CASE("a wrong expectation fails with its place, what was expected and what happened", "[test-command]") {
  const std::string file = repo_path("tests/scenarios/wrong-expectation.scenario");
  const auto r = run_clause({"test", file});
  CHECK(r.exit == 1);
  CHECK_THAT(r.err, Catch::Contains(file + ":7:1: error[E0409]: expected breach of exclusivity by OpenAI on 2024-07-01"));
  CHECK_THAT(r.err, Catch::Contains("but on 2024-07-01: permitted OpenAI buys compute from Oracle (`oracle_capacity`)"));
  CHECK_THAT(r.err, Catch::Contains(file + ":8:1: error[E0409]: expected Microsoft receives $1B"));
  CHECK_THAT(r.err, Catch::Contains("but Microsoft received $0.00 ($1,000,000,000.00 less than expected)"));
  CHECK(last_line(r.out) == "0 passed, 2 failed");
}

TEST_CASE("an expectation naming nothing in the contract is an error with a place", "[test-command]") {
  const std::string file = repo_path("tests/scenarios/unknown-name-in-expectation.scenario");
  const auto r = run_clause({"check", file});
  CHECK(r.exit == 1);
  CHECK_THAT(r.err, Catch::Contains(file + ":6:8: error[E0206]: the contract has no licence, clause, exception or "
                                           "waterfall `consented_twice`"));
}

TEST_CASE("a scenario that does not parse counts its expectations as failed", "[test-command]") {
  const std::string file = repo_path("tests/scenarios/does-not-parse.scenario");
  const auto r = run_clause({"test", file});
  CHECK(r.exit == 1);
  CHECK_THAT(r.err, Catch::Contains(file + ":4:15: error[E0101]: expected `:` after the event's date"));
  CHECK(last_line(r.out) == "0 passed, 2 failed");
}

TEST_CASE("clause test on a path that does not exist is a usage error", "[test-command]") {
  const auto r = run_clause({"test", repo_path("no/such/folder")});
  CHECK(r.exit == 2);
  CHECK_THAT(r.err, Catch::Contains("no such file or directory"));
}

TEST_CASE("clause run prints events, outcomes with places, payouts and expectations", "[run-command]") {
  const auto r = run_clause({"run", repo_path("examples/oracle-limit-straddle.scenario")});
  INFO(r.err);
  REQUIRE(r.exit == 0);
  CHECK_THAT(r.out, Catch::Contains("on 2024-09-01: OpenAI buys compute from Oracle for $0.01"));
  CHECK_THAT(r.out, Catch::Contains("over the $10B limit by $0.01"));
  CHECK_THAT(r.out, Catch::Contains("clause `exclusivity`, " + kFlagship + ":"));
  CHECK_THAT(r.out, Catch::Contains("expectations"));
}

TEST_CASE("clause run --json has the section 6 keys and the payouts", "[run-command]") {
  const auto r = run_clause({"run", repo_path("examples/caps-reached.scenario"), "--json"});
  REQUIRE(r.exit == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j.contains("contract"));
  CHECK(j["events"].size() == 2);
  CHECK(j["payouts"]["Microsoft"] == "130000000000.00");
  CHECK(j["payouts"]["Nonprofit"] == "790000000000.00");
  CHECK(j["expectations"].size() == 4);
}

TEST_CASE("clause run --contract overrides the scenario's contract", "[run-command]") {
  const auto r = run_clause({"run", repo_path("examples/before-the-oracle-exception.scenario"), "--contract",
                             repo_path("contracts/microsoft-openai/2024-06.clause"), "--json"});
  INFO(r.err);
  REQUIRE(r.exit == 0);
  // Under the 2024-06 terms the 2023 purchases are before the contract takes effect.
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["events"][0]["outcomes"][0]["kind"] == "uncovered");
}

TEST_CASE("an event that does not parse gets a caret under the event text", "[ask-command]") {
  const auto r = run_clause({"ask", kFlagship, "OpenAI purchases compute from Oracle"});
  CHECK(r.exit == 1);
  CHECK_THAT(r.err, Catch::Contains("<event 1>:1:8: error[E0101]: expected what happens:"));
  CHECK_THAT(r.err, Catch::Contains("found `purchases`"));
  CHECK_THAT(r.err, Catch::Contains(" 1 | OpenAI purchases compute from Oracle\n   |        ^~~~~~~~~"));
  CHECK(r.out.empty());
}

TEST_CASE("unknown licence and exception names get a suggestion, and outsiders are fine", "[ask-command]") {
  const auto lic = run_clause({"ask", kFlagship, "Microsoft uses technolgy"});
  CHECK(lic.exit == 1);
  CHECK_THAT(lic.err, Catch::Contains("the contract has no licence `technolgy` (did you mean `technology`?)"));
  const auto exc = run_clause({"ask", kFlagship, "Microsoft consents to oracle"});
  CHECK(exc.exit == 1);
  CHECK_THAT(exc.err, Catch::Contains("the contract has no exception `oracle`"));
  const auto body = run_clause({"ask", kFlagship, "OpenAI.bored declares agi"});
  CHECK(body.exit == 1);
  CHECK_THAT(body.err, Catch::Contains("party `OpenAI` has no body `bored` (did you mean `board`?)"));
  const auto outsider = run_clause({"ask", kFlagship, "Google declares agi", "--json"});
  CHECK(outsider.exit == 0);
  const auto j = nlohmann::json::parse(outsider.out);
  CHECK(j["events"][0]["outcomes"][0]["kind"] == "ineffective");
  CHECK(j["events"][0]["outcomes"][0]["by"] == "Google");
}

TEST_CASE("questions may be written as they are said", "[ask-command]") {
  const auto r = run_clause({"ask", kFlagship, "What if AGI is declared?", "--json"});
  REQUIRE(r.exit == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["events"][0]["event"] == "agi is declared");
  CHECK(j["events"][0]["outcomes"].size() == 2);
  const auto plain_if = run_clause({"ask", kFlagship, "if OpenAI buys COMPUTE from Oracle for $2B ?", "--json"});
  REQUIRE(plain_if.exit == 0);
  CHECK(nlohmann::json::parse(plain_if.out)["events"][0]["event"] == "OpenAI buys compute from Oracle for $2B");
}

TEST_CASE("ask --on dates the events, and before the effective date nothing is in force", "[ask-command]") {
  const auto r = run_clause({"ask", kFlagship, "OpenAI buys compute from Oracle for $1B", "--on", "2024-01-01",
                             "--json"});
  REQUIRE(r.exit == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["events"][0]["on"] == "2024-01-01");
  CHECK(j["events"][0]["outcomes"][0]["kind"] == "uncovered");
  CHECK_THAT(j["events"][0]["outcomes"][0]["because"].get<std::string>(),
             Catch::Contains("takes effect on 2024-06-01"));
  const auto bad = run_clause({"ask", kFlagship, "agi is declared", "--on", "2024-02-30"});
  CHECK(bad.exit == 1);
  CHECK_THAT(bad.err, Catch::Contains("February 2024 has 29 days"));
}

TEST_CASE("an assumption is overridden by --set, type-checked", "[ask-command]") {
  const auto r = run_clause({"ask", kFlagship, "OpenAI earns $1T", "--set", "microsoft_cap=$100B", "--json"});
  REQUIRE(r.exit == 0);
  CHECK(nlohmann::json::parse(r.out)["payouts"]["Microsoft"] == "100000000000.00");
  const auto wrong = run_clause({"ask", kFlagship, "OpenAI earns $1T", "--set", "microsoft_cap=49%"});
  CHECK(wrong.exit == 1);
  CHECK_THAT(wrong.err, Catch::Contains("`microsoft_cap` is money ($130B)"));
  CHECK(wrong.out.empty());
  const auto unknown = run_clause({"ask", kFlagship, "OpenAI earns $1T", "--set", "microsoft_capp=$1B"});
  CHECK(unknown.exit == 1);
  CHECK_THAT(unknown.err, Catch::Contains("no assumption `microsoft_capp` (did you mean `microsoft_cap`?)"));
  const auto malformed = run_clause({"ask", kFlagship, "OpenAI earns $1T", "--set", "microsoft_cap"});
  CHECK(malformed.exit == 1);
  CHECK_THAT(malformed.err, Catch::Contains("expected `NAME=VALUE`"));
}

TEST_CASE("a zero profit or purchase is an error at the amount", "[ask-command]") {
  const auto r = run_clause({"ask", kFlagship, "OpenAI earns $0"});
  CHECK(r.exit == 1);
  CHECK_THAT(r.err, Catch::Contains("<event 1>:1:14: error[E0408]: a profit must be more than $0"));
}

TEST_CASE("check: a missing file is an I/O problem (exit 2)", "[check-command]") {
  const auto missing = run_clause({"check", repo_path("no-such.clause")});
  CHECK(missing.exit == 2);
  CHECK_THAT(missing.err, Catch::Contains("no-such.clause: error[E0003]: cannot read the file: it does not exist"));
}

TEST_CASE("check: a folder checks every contract and scenario below it", "[check-command]") {
  const auto dir = run_clause({"check", repo_path("contracts")});
  CHECK(dir.exit == 0);
  CHECK_THAT(dir.out, Catch::Contains("6 files checked: 0 errors, 0 warnings"));
  const auto examples = run_clause({"check", repo_path("examples"), "--json"});
  CHECK(examples.exit == 0);
  CHECK_THAT(examples.out, Catch::Contains("v2-features.clause") && Catch::Contains("v2-features.scenario") &&
                               Catch::Contains("profits.scenario"));
}

TEST_CASE("run of a contract and ask of a scenario say which command fits", "[check-command]") {
  const auto run = run_clause({"run", kFlagship});
  CHECK(run.exit == 2);
  CHECK_THAT(run.err, Catch::Contains("error[E0534]: this is a contract, but `clause run` takes a scenario") &&
                          Catch::Contains("clause ask"));
  const auto ask = run_clause({"ask", repo_path("examples/profits.scenario"), "agi is declared"});
  CHECK(ask.exit == 2);
  CHECK_THAT(ask.err, Catch::Contains("error[E0534]: this is a scenario, but `clause ask` takes a contract") &&
                          Catch::Contains("clause run"));
}

TEST_CASE("money options take amounts without `$`, and say when the shell ate one", "[check-command]") {
  const auto plain = run_clause({"payout", kFlagship, "--set", "microsoft_cap=100B", "--profit", "50B", "--json"});
  CHECK(plain.exit == 0);
  const auto eaten = run_clause({"payout", kFlagship, "--set", "microsoft_cap=00B", "--profit", "0B"});
  CHECK(eaten.exit == 1);
  CHECK_THAT(eaten.err, Catch::Contains("--set:1:15: error[E0533]: `00B` looks like an amount whose `$` and first digit "
                                        "the shell replaced") &&
                            Catch::Contains("--profit:1:1: error[E0533]: `0B`") && Catch::Contains("'$100B'"));
}

TEST_CASE("test --json gives each scenario's expectations", "[check-command]") {
  const auto r = run_clause({"test", repo_path("examples/v2-features"), "--json"});
  CHECK(r.exit == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["passed"] == 20);
  CHECK(j["failed"] == 0);
  REQUIRE(j["scenarios"].size() == 1);
  CHECK(j["scenarios"][0]["expectations"].size() == 20);
  CHECK(j["scenarios"][0]["expectations"][0]["passed"] == true);
}

TEST_CASE("check: both flagship contracts and the variant are clean", "[check-command]") {
  const auto r = run_clause({"check", repo_path("contracts/microsoft-openai/2019-07.clause"), kFlagship,
                             repo_path("contracts/microsoft-openai/2024-06-oracle-window.clause")});
  CHECK(r.exit == 0);
  CHECK(r.err.empty());
  CHECK_THAT(r.out, Catch::Contains("3 files checked: 0 errors, 0 warnings"));
}

TEST_CASE("usage errors exit 2", "[usage]") {
  CHECK(run_clause({}).exit == 2);
  CHECK(run_clause({"frobnicate"}).exit == 2);
  CHECK(run_clause({"ask", kFlagship}).exit == 2);
  CHECK(run_clause({"--help"}).exit == 0);
}

}  // namespace commands_test
