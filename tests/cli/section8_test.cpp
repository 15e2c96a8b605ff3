// Every row of LANGUAGE.md section 8, the flagship's normative results, as `ask --json`
// runs checked key by key — on the spec's example file and on contracts/.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "support.hpp"

namespace section8_test {

using clause::test::run_clause;
using Json = nlohmann::json;

namespace {

std::vector<std::string> flagships() {
  std::vector<std::string> out{clause::test::repo_path("contracts/microsoft-openai/2024-06.clause")};
  if (clause::test::have_spec()) out.push_back(clause::test::spec_path("examples/microsoft-openai-2024-06.clause"));
  return out;
}

Json ask(const std::string& contract, std::vector<std::string> events) {
  std::vector<std::string> args{"ask", contract};
  args.insert(args.end(), events.begin(), events.end());
  args.push_back("--json");
  const auto r = run_clause(args);
  INFO(r.err);
  REQUIRE(r.exit == 0);
  return Json::parse(r.out);
}

const Json& outcomes(const Json& j, std::size_t event) { return j.at("events").at(event).at("outcomes"); }

void require_place(const Json& outcome, const std::string& contract) {
  const std::string at = outcome.at("at");
  CHECK(at.rfind(contract + ":", 0) == 0);
}

}  // namespace

TEST_CASE("section 8: agi is declared", "[section8]") {
  for (const auto& c : flagships()) {
    const Json j = ask(c, {"agi is declared"});
    const Json& o = outcomes(j, 0);
    REQUIRE(o.size() == 2);
    CHECK(o[0]["kind"] == "declared");
    CHECK(o[0]["rule"] == "agi_definition");
    CHECK(o[0]["status"] == "agi");
    CHECK(o[0]["by"] == "OpenAI.board");
    require_place(o[0], c);
    CHECK(o[1]["kind"] == "ended");
    CHECK(o[1]["name"] == "technology");
    CHECK(o[1]["rule"] == "agi_termination");
    require_place(o[1], c);
    CHECK(j["events"][0]["event"] == "agi is declared");
  }
}

TEST_CASE("section 8: Microsoft declares agi", "[section8]") {
  for (const auto& c : flagships()) {
    const Json o = outcomes(ask(c, {"Microsoft declares agi"}), 0);
    REQUIRE(o.size() == 1);
    CHECK(o[0]["kind"] == "ineffective");
    CHECK(o[0]["rule"] == "agi_definition");
    CHECK(o[0]["by"] == "Microsoft");
    CHECK(o[0]["status"] == "agi");
  }
}

TEST_CASE("section 8: OpenAI buys compute from Microsoft for $5B", "[section8]") {
  for (const auto& c : flagships()) {
    const Json o = outcomes(ask(c, {"OpenAI buys compute from Microsoft for $5B"}), 0);
    REQUIRE(o.size() == 1);
    CHECK(o[0]["kind"] == "permitted");
    CHECK(o[0]["rule"] == "exclusivity");
  }
}

TEST_CASE("section 8: OpenAI buys compute from Oracle for $2B", "[section8]") {
  for (const auto& c : flagships()) {
    const Json o = outcomes(ask(c, {"OpenAI buys compute from Oracle for $2B"}), 0);
    REQUIRE(o.size() == 1);
    CHECK(o[0]["kind"] == "breach");
    CHECK(o[0]["rule"] == "exclusivity");
    CHECK(o[0]["party"] == "OpenAI");
    CHECK_THAT(o[0]["because"].get<std::string>(), Catch::Contains("Microsoft has not consented"));
  }
}

TEST_CASE("section 8: consent, then $6B and $5B from Oracle", "[section8]") {
  for (const auto& c : flagships()) {
    const Json j = ask(c, {"Microsoft consents to oracle_capacity", "OpenAI buys compute from Oracle for $6B",
                           "OpenAI buys compute from Oracle for $5B"});
    REQUIRE(j["events"].size() == 3);
    CHECK(outcomes(j, 0)[0]["kind"] == "consented");
    CHECK(outcomes(j, 0)[0]["rule"] == "oracle_capacity");
    CHECK(outcomes(j, 1)[0]["kind"] == "permitted");
    CHECK(outcomes(j, 1)[0]["rule"] == "oracle_capacity");
    const Json& breach = outcomes(j, 2)[0];
    CHECK(breach["kind"] == "breach");
    CHECK(breach["rule"] == "exclusivity");
    CHECK_THAT(breach["because"].get<std::string>(), Catch::Contains("over the $10B limit by $1B"));
  }
}

TEST_CASE("section 8: OpenAI buys compute from Google for $1B", "[section8]") {
  for (const auto& c : flagships()) {
    const Json o = outcomes(ask(c, {"OpenAI buys compute from Google for $1B"}), 0);
    REQUIRE(o.size() == 1);
    CHECK(o[0]["kind"] == "breach");
    CHECK(o[0]["rule"] == "exclusivity");
    CHECK(o[0]["party"] == "OpenAI");
  }
}

TEST_CASE("section 8: agi is declared, then Microsoft uses technology", "[section8]") {
  for (const auto& c : flagships()) {
    const Json j = ask(c, {"agi is declared", "Microsoft uses technology"});
    CHECK(outcomes(j, 0)[0]["kind"] == "declared");
    CHECK(outcomes(j, 0)[1]["kind"] == "ended");
    CHECK(outcomes(j, 0)[1]["name"] == "technology");
    const Json& use = outcomes(j, 1);
    REQUIRE(use.size() == 1);
    CHECK(use[0]["kind"] == "breach");
    CHECK(use[0]["rule"] == "technology");
    CHECK(use[0]["party"] == "Microsoft");
  }
}

TEST_CASE("section 8: OpenAI does \"convert to a for-profit company\"", "[section8]") {
  for (const auto& c : flagships()) {
    const Json o = outcomes(ask(c, {"OpenAI does \"convert to a for-profit company\""}), 0);
    REQUIRE(o.size() == 1);
    CHECK(o[0]["kind"] == "uncovered");
    CHECK(o[0]["rule"].is_null());
    CHECK(o[0]["at"].is_null());
  }
}

TEST_CASE("section 8: OpenAI earns $50B and $1T", "[section8]") {
  for (const auto& c : flagships()) {
    const Json fifty = outcomes(ask(c, {"OpenAI earns $50B"}), 0);
    REQUIRE(fifty.size() == 1);
    CHECK(fifty[0]["kind"] == "payout");
    CHECK(fifty[0]["rule"] == "profits");
    CHECK(fifty[0]["amounts"] == Json{{"Microsoft", "28902940000.00"},
                                      {"Employees", "15489960000.00"},
                                      {"FirstInvestors", "4956980000.00"},
                                      {"Nonprofit", "650120000.00"}});
    CHECK_FALSE(fifty[0].contains("undistributed"));
    const Json trillion = outcomes(ask(c, {"OpenAI earns $1T"}), 0);
    CHECK(trillion[0]["amounts"] == Json{{"Microsoft", "130000000000.00"},
                                         {"Employees", "60000000000.00"},
                                         {"FirstInvestors", "20000000000.00"},
                                         {"Nonprofit", "790000000000.00"}});
  }
}

TEST_CASE("section 8: $10B then $40B pays what $50B pays", "[section8]") {
  for (const auto& c : flagships()) {
    const Json j = ask(c, {"OpenAI earns $10B", "OpenAI earns $40B"});
    CHECK(j["events"].size() == 2);
    CHECK(outcomes(j, 0)[0]["kind"] == "payout");
    CHECK(outcomes(j, 1)[0]["kind"] == "payout");
    CHECK(j["payouts"] == Json{{"Microsoft", "28902940000.00"},
                               {"Nonprofit", "650120000.00"},
                               {"FirstInvestors", "4956980000.00"},
                               {"Employees", "15489960000.00"}});
  }
}

TEST_CASE("section 8 rows read the same in text", "[section8]") {
  const std::string c = clause::test::repo_path("contracts/microsoft-openai/2024-06.clause");
  const auto text = [&](std::vector<std::string> events) {
    std::vector<std::string> args{"ask", c};
    args.insert(args.end(), events.begin(), events.end());
    const auto r = run_clause(args);
    INFO(r.err);
    REQUIRE(r.exit == 0);
    return r.out;
  };
  CHECK_THAT(text({"agi is declared"}),
             Catch::Contains("declared    agi by OpenAI.board") && Catch::Contains("power `agi_definition`, " + c) &&
                 Catch::Contains("ended       licence `technology`") &&
                 Catch::Contains("clause `agi_termination`, " + c));
  CHECK_THAT(text({"Microsoft declares agi"}),
             Catch::Contains("ineffective Microsoft declares agi") && Catch::Contains("only OpenAI.board may"));
  CHECK_THAT(text({"OpenAI buys compute from Microsoft for $5B"}),
             Catch::Contains("permitted   OpenAI buys compute from Microsoft (`exclusivity`)"));
  CHECK_THAT(text({"OpenAI buys compute from Oracle for $2B"}),
             Catch::Contains("breach      of `exclusivity` by OpenAI") &&
                 Catch::Contains("exception `oracle_capacity` does not apply: Microsoft has not consented"));
  CHECK_THAT(text({"Microsoft consents to oracle_capacity", "OpenAI buys compute from Oracle for $6B",
                   "OpenAI buys compute from Oracle for $5B"}),
             Catch::Contains("consented   Microsoft to `oracle_capacity`") &&
                 Catch::Contains("permitted   OpenAI buys compute from Oracle (`oracle_capacity`)") &&
                 Catch::Contains("over the $10B limit by $1B"));
  CHECK_THAT(text({"OpenAI buys compute from Google for $1B"}),
             Catch::Contains("breach      of `exclusivity` by OpenAI"));
  CHECK_THAT(text({"agi is declared", "Microsoft uses technology"}),
             Catch::Contains("breach      of `technology` by Microsoft") &&
                 Catch::Contains("after the licence ended on 2024-06-01 under `agi_termination`"));
  CHECK_THAT(text({"OpenAI does \"convert to a for-profit company\""}),
             Catch::Contains("uncovered   OpenAI does \"convert to a for-profit company\"") &&
                 Catch::Contains("the contract is silent"));
  CHECK_THAT(text({"OpenAI earns $50B"}),
             Catch::Contains("$28,902,940,000.00") && Catch::Contains("$15,489,960,000.00") &&
                 Catch::Contains("$4,956,980,000.00") && Catch::Contains("$650,120,000.00"));
  CHECK_THAT(text({"OpenAI earns $1T"}),
             Catch::Contains("$130,000,000,000.00") && Catch::Contains("$60,000,000,000.00") &&
                 Catch::Contains("$20,000,000,000.00") && Catch::Contains("$790,000,000,000.00"));
  CHECK_THAT(text({"OpenAI earns $10B", "OpenAI earns $40B"}),
             Catch::Contains("on 2024-06-01: OpenAI earns $10B") && Catch::Contains("on 2024-06-01: OpenAI earns $40B"));
}

}  // namespace section8_test
