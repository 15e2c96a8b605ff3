// Every running total is checked: a sum that would pass the money range ($1000T) is an
// error at the event that would pass it, never a wrapped value; at the range it is exact.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "scratch.hpp"
#include "support.hpp"

namespace arithmetic_test {

using clause::test::run_clause;
using Json = nlohmann::json;

namespace {

const std::string kTwoWaterfalls =
    "contract \"two waterfalls\"\n"
    "party A\n"
    "party B\n"
    "waterfall first_split of A: tier rest: B 100%\n"
    "waterfall second_split of A: tier rest: B 100%\n";

const std::string kLimitedException =
    "contract \"a large exception\"\n"
    "party Buyer\n"
    "party Usual\n"
    "party Other\n"
    "clause exclusivity: Buyer must buy compute only from Usual\n"
    "exception large to exclusivity: Buyer may buy compute from Other up to $1000T in total\n";

// Runs a scenario written next to its contract.
clause::test::CliResult run_scenario(const clause::test::Scratch& scratch, const std::string& contract,
                                     const std::string& events, bool json = false) {
  scratch.write("c.clause", contract);
  const std::string path =
      scratch.write("s.scenario", "scenario \"sums\"\ncontract \"c.clause\"\n" + events);
  std::vector<std::string> args{"run", path};
  if (json) args.push_back("--json");
  return run_clause(args);
}

// The sum of `{PARTY: "123.45"}` in cents.
std::int64_t total_cents(const Json& amounts) {
  std::int64_t cents = 0;
  for (const auto& [party, amount] : amounts.items()) {
    const std::string a = amount;
    cents += std::stoll(a.substr(0, a.size() - 3)) * 100 + std::stoll(a.substr(a.size() - 2));
  }
  return cents;
}

}  // namespace

TEST_CASE("purchases under an exception that would total past $1000T are an error at that purchase", "[arithmetic]") {
  const clause::test::Scratch scratch;
  const auto at = run_scenario(scratch, kLimitedException,
                               "on 2025-01-01: Buyer buys compute from Other for $600T\n"
                               "on 2025-01-02: Buyer buys compute from Other for $400T\n",
                               true);
  INFO(at.err);
  REQUIRE(at.exit == 0);
  const Json j = Json::parse(at.out);
  CHECK(j["events"][1]["outcomes"][0]["kind"] == "permitted");
  CHECK(j["events"][1]["outcomes"][0]["rule"] == "large");

  const auto past = run_scenario(scratch, kLimitedException,
                                 "on 2025-01-01: Buyer buys compute from Other for $600T\n"
                                 "on 2025-01-02: Buyer buys compute from Other for $400.00000000001T\n");
  CHECK(past.exit == 1);
  CHECK(past.out.empty());
  CHECK_THAT(past.err, Catch::Contains("s.scenario:4:16: error[E0407]: the total bought under exception `large` would pass "
                                       "the money range ($1000T)"));
}

TEST_CASE("profits that would total past $1000T through a waterfall are an error at that earning", "[arithmetic]") {
  const clause::test::Scratch scratch;
  const std::string flagship = clause::test::read_file(clause::test::repo_path("contracts/microsoft-openai/2024-06.clause"));
  const auto at = run_scenario(scratch, flagship,
                               "on 2025-01-01: OpenAI earns $999T\non 2025-01-02: OpenAI earns $1T\n", true);
  INFO(at.err);
  REQUIRE(at.exit == 0);
  CHECK(total_cents(Json::parse(at.out)["payouts"]) == 100'000'000'000'000'000);  // every cent of $1000T paid, none wrapped

  const auto past = run_scenario(scratch, flagship,
                                 "on 2025-01-01: OpenAI earns $999T\non 2025-01-02: OpenAI earns $1.00000000001T\n");
  CHECK(past.exit == 1);
  CHECK_THAT(past.err, Catch::Contains("s.scenario:4:16: error[E0407]: the profit paid through waterfall `profits` would "
                                       "pass the money range ($1000T)"));
}

TEST_CASE("a party paid by two waterfalls of one earner is checked against both payments", "[arithmetic]") {
  const clause::test::Scratch scratch;
  // Each waterfall pays the whole profit to B: $500T twice is exactly the range.
  const auto at = run_scenario(scratch, kTwoWaterfalls, "on 2025-01-01: A earns $500T\nexpect B receives $1000T\n",
                               true);
  INFO(at.err);
  REQUIRE(at.exit == 0);
  const Json j = Json::parse(at.out);
  CHECK(j["payouts"]["B"] == "1000000000000000.00");
  CHECK(j["expectations"][0]["passed"] == true);

  // A cent more would pay B past the range: an error, not a wrapped total.
  const auto past = run_scenario(scratch, kTwoWaterfalls, "on 2025-01-01: A earns $500,000,000,000,000.01\n");
  CHECK(past.exit == 1);
  CHECK(past.out.empty());
  CHECK_THAT(past.err, Catch::Contains("s.scenario:3:16: error[E0407]: a party's total payout would pass the money range "
                                       "($1000T)"));
}

TEST_CASE("an amount past the range in an event is an error at the amount, naming the range", "[arithmetic]") {
  const std::string flagship = clause::test::repo_path("contracts/microsoft-openai/2024-06.clause");
  const auto r = run_clause({"ask", flagship, "OpenAI earns $1000.00000000001T"});
  CHECK(r.exit == 1);
  CHECK_THAT(r.err, Catch::Contains("<event 1>:1:14: error[E0117]: `$1000.00000000001T` is beyond the money range: at most "
                                    "$1,000,000,000,000,000 ($1000T)"));
}

TEST_CASE("payout of the whole range pays every cent exactly", "[arithmetic]") {
  const std::string flagship = clause::test::repo_path("contracts/microsoft-openai/2024-06.clause");
  const auto r = run_clause({"payout", flagship, "--profit", "1000T", "--json"});
  REQUIRE(r.exit == 0);
  const Json j = Json::parse(r.out);
  CHECK(j["undistributed"] == "0.00");
  CHECK(total_cents(j["parties"]) == 100'000'000'000'000'000);
}

}  // namespace arithmetic_test
