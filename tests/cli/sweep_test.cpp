// `clause sweep`: one row per profit (or scenario), as CSV or JSON lines, the same bytes
// whatever the number of threads.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <sstream>

#include "support.hpp"

namespace sweep_test {

using clause::test::run_clause;
using Json = nlohmann::json;

namespace {

const std::string kFlagship = clause::test::repo_path("contracts/microsoft-openai/2024-06.clause");

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::vector<std::string> split(const std::string& line) {
  std::vector<std::string> out;
  std::istringstream in(line);
  for (std::string field; std::getline(in, field, ',');) out.push_back(field);
  return out;
}

// Cents from "28902940000.00".
long long cents(const std::string& decimal) {
  const std::size_t dot = decimal.find('.');
  return std::stoll(decimal.substr(0, dot)) * 100 + std::stoll(decimal.substr(dot + 1));
}

}  // namespace

TEST_CASE("sweep --profits prints one CSV row per profit with each payee's payout", "[sweep]") {
  const auto r = run_clause({"sweep", kFlagship, "--profits", "10B..50B", "--step", "10B"});
  INFO(r.err);
  REQUIRE(r.exit == 0);
  const auto lines = lines_of(r.out);
  REQUIRE(lines.size() == 6);
  CHECK(lines[0] == "profit,FirstInvestors,Microsoft,Employees,Nonprofit,undistributed");
  CHECK(lines[1].rfind("10000000000.00,", 0) == 0);
  // The $50B row of LANGUAGE.md section 8.
  CHECK(lines[5] == "50000000000.00,4956980000.00,28902940000.00,15489960000.00,650120000.00,0.00");
}

TEST_CASE("sweep --profits --format jsonl prints the same figures as JSON lines", "[sweep]") {
  const auto r = run_clause({"sweep", kFlagship, "--profits", "$50B..$1T", "--step", "$950B", "--format", "jsonl"});
  INFO(r.err);
  REQUIRE(r.exit == 0);
  const auto lines = lines_of(r.out);
  REQUIRE(lines.size() == 2);
  const Json fifty = Json::parse(lines[0]);
  CHECK(fifty["profit"] == "50000000000.00");
  CHECK(fifty["payouts"]["Microsoft"] == "28902940000.00");
  CHECK(fifty["payouts"]["Employees"] == "15489960000.00");
  CHECK(fifty["undistributed"] == "0.00");
  // The $1T row of section 8.
  const Json trillion = Json::parse(lines[1]);
  CHECK(trillion["profit"] == "1000000000000.00");
  CHECK(trillion["payouts"]["Microsoft"] == "130000000000.00");
  CHECK(trillion["payouts"]["Nonprofit"] == "790000000000.00");
}

TEST_CASE("sweep --profits rows account for every cent and stop at the last step within the range", "[sweep]") {
  const auto r = run_clause({"sweep", kFlagship, "--profits", "0.01..200B", "--step", "7,777,777.77"});
  REQUIRE(r.exit == 0);
  const auto lines = lines_of(r.out);
  REQUIRE(lines.size() == 1 + 25'715);
  for (std::size_t i = 1; i < lines.size(); i += 997) {
    const auto fields = split(lines[i]);
    REQUIRE(fields.size() == 6);
    long long paid = 0;
    for (std::size_t k = 1; k < fields.size(); ++k) paid += cents(fields[k]);
    CHECK(paid == cents(fields[0]));
  }
  CHECK(split(lines.back())[0] == "199997777577.79");
}

TEST_CASE("sweep output is the same with one thread and with two", "[sweep]") {
  for (const char* format : {"csv", "jsonl"}) {
    const std::vector<std::string> args{"sweep", kFlagship, "--profits", "1M..60B", "--step", "3M", "--format", format};
    auto one = args;
    one.insert(one.end(), {"--threads", "1"});
    auto two = args;
    two.insert(two.end(), {"--threads", "2"});
    const auto a = run_clause(one);
    const auto b = run_clause(two);
    REQUIRE(a.exit == 0);
    REQUIRE(b.exit == 0);
    CHECK(lines_of(a.out).size() >= 20'000);  // several chunks, so both threads work
    CHECK(a.out == b.out);
  }
}

TEST_CASE("sweep --scenarios prints one row per scenario, the same with one thread and with two", "[sweep]") {
  if (!clause::test::have_spec()) return;
  const std::string dir = clause::test::spec_path("examples");
  const auto one = run_clause({"sweep", kFlagship, "--scenarios", dir, "--threads", "1"});
  const auto two = run_clause({"sweep", kFlagship, "--scenarios", dir, "--threads", "2"});
  INFO(one.err);
  REQUIRE(one.exit == 0);
  CHECK(one.out == two.out);
  const auto lines = lines_of(one.out);
  REQUIRE(lines.size() == 1 + clause::test::files_below(dir, ".scenario").size());
  CHECK(lines[0] == "scenario,ran,passed,failed,Microsoft,OpenAI,Nonprofit,FirstInvestors,Employees,Oracle");
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const auto fields = split(lines[i]);
    CHECK(fields[1] == "true");
    CHECK(fields[3] == "0");
  }

  const auto json = run_clause({"sweep", kFlagship, "--scenarios", dir, "--format", "jsonl", "--threads", "2"});
  REQUIRE(json.exit == 0);
  bool saw_profits = false;
  for (const std::string& line : lines_of(json.out)) {
    const Json row = Json::parse(line);
    CHECK(row["ran"] == true);
    if (row["scenario"].get<std::string>().find("profits.scenario") != std::string::npos) {
      saw_profits = true;
      CHECK(row["payouts"]["Microsoft"] == "28902940000.00");
    }
  }
  CHECK(saw_profits);
}

TEST_CASE("sweep --scenarios counts a scenario that does not run as failed and exits 1", "[sweep]") {
  const auto r = run_clause({"sweep", kFlagship, "--scenarios",
                             clause::test::repo_path("tests/cli/sweep_test.cpp"), "--format", "jsonl"});
  REQUIRE(r.exit == 1);
  const Json row = Json::parse(lines_of(r.out).at(0));
  CHECK(row["ran"] == false);
  CHECK(row["failed"] == 1);
  CHECK(row["error"].get<std::string>().find("expected `scenario") != std::string::npos);
}

TEST_CASE("sweep reports a missing step, an empty range and a double choice as usage errors", "[sweep]") {
  CHECK(run_clause({"sweep", kFlagship, "--profits", "1B..2B"}).exit == 2);
  CHECK(run_clause({"sweep", kFlagship, "--profits", "2B..1B", "--step", "1M"}).exit == 2);
  CHECK(run_clause({"sweep", kFlagship, "--profits", "1B-2B", "--step", "1M"}).exit == 2);
  CHECK(run_clause({"sweep", kFlagship, "--profits", "1B..2B", "--step", "0"}).exit == 2);
  CHECK(run_clause({"sweep", kFlagship}).exit == 2);
  CHECK(run_clause({"sweep", kFlagship, "--profits", "1B..2B", "--step", "1B", "--scenarios", "x"}).exit == 2);
  const auto r = run_clause({"sweep", kFlagship, "--profits", "0.01..1T", "--step", "0.01"});
  CHECK(r.exit == 2);
  CHECK(r.err.find("take a larger step") != std::string::npos);
}

TEST_CASE("sweep --scenarios warns about a word close to one the contract uses, as test does", "[sweep]") {
  const auto r = clause::test::run_clause({"sweep", clause::test::repo_path("contracts/microsoft-openai/2024-06.clause"),
                                           "--scenarios", clause::test::repo_path("tests/scenarios/sweep-warning"),
                                           "--format", "jsonl"});
  CHECK_THAT(r.out, Catch::Contains("\"warnings\":[") && Catch::Contains("(did you mean `Microsoft`?)"));
  CHECK_THAT(r.err, Catch::Contains("warning[W0113]: `Microsfot` is not a party of the contract"));
}

}  // namespace sweep_test
