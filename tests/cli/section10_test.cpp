// Every row of LANGUAGE.md section 10.10, version 2's normative results, as `ask --json`
// runs checked key by key — on the worked example (examples/v2-features, a copy of the
// spec's; and the spec's own when the shared folder is there).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "support.hpp"

namespace section10_test {

using clause::test::run_clause;
using Json = nlohmann::json;

namespace {

std::vector<std::string> examples() {
  std::vector<std::string> out{clause::test::repo_path("examples/v2-features/v2-features.clause")};
  if (clause::test::have_spec()) out.push_back(clause::test::spec_path("examples-v2/v2-features.clause"));
  return out;
}

// The outcomes of every event, in order, as (kind, rule) pairs with the JSON kept.
Json ask(const std::string& contract, std::vector<std::string> events, const std::string& on = "2026-01-01") {
  std::vector<std::string> args{"ask", contract, "--on", on};
  args.insert(args.end(), events.begin(), events.end());
  args.push_back("--json");
  const auto r = run_clause(args);
  INFO(r.err);
  REQUIRE(r.exit == 0);
  const Json answer = Json::parse(r.out);
  Json all = Json::array();
  for (const Json& e : answer.at("events")) {
    for (const Json& o : e.at("outcomes")) all.push_back(o);
  }
  return all;
}

void check_kinds(const Json& outcomes, const std::vector<std::pair<std::string, std::string>>& expected) {
  INFO(outcomes.dump(2));
  REQUIRE(outcomes.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    CHECK(outcomes[i]["kind"] == expected[i].first);
    if (expected[i].second.empty()) {
      CHECK(outcomes[i]["rule"].is_null());
    } else {
      CHECK(outcomes[i]["rule"] == expected[i].second);
    }
  }
}

}  // namespace

TEST_CASE("section 10.10: a declaration waits for the panel", "[section10]") {
  for (const auto& c : examples()) {
    const Json o = ask(c, {"Lab.board declares agi"});
    check_kinds(o, {{"declared", "agi_definition"}});
    CHECK(o[0]["pending"] == true);
  }
}

TEST_CASE("section 10.10: the panel verifies and what verified AGI ends ends", "[section10]") {
  for (const auto& c : examples()) {
    const Json o = ask(c, {"Lab.board declares agi", "Panel verifies agi"});
    check_kinds(o, {{"declared", "agi_definition"},
                    {"verified", "agi_definition"},
                    {"ended", "on_verified"},
                    {"ended", "on_verified"}});
    CHECK(o[0]["pending"] == true);
    CHECK(o[2]["name"] == "research");
    CHECK(o[3]["name"] == "revenue_share");
    CHECK(o[3]["what"] == "waterfall");
  }
}

TEST_CASE("section 10.10: a verification with nothing pending is ineffective", "[section10]") {
  for (const auto& c : examples()) {
    const Json o = ask(c, {"Panel verifies agi"});
    check_kinds(o, {{"ineffective", "agi_definition"}});
    CHECK_THAT(o[0]["because"].get<std::string>(), Catch::Contains("agi has not been declared"));
  }
}

TEST_CASE("section 10.10: a purchase elsewhere above what was declined is a breach", "[section10]") {
  for (const auto& c : examples()) {
    const Json o = ask(c, {"Cloud declines compute for $5B", "Lab buys compute from Rival for $6B"});
    check_kinds(o, {{"declined", "first_refusal"}, {"breach", "first_refusal"}});
    CHECK(o[0]["allowance"] == "5000000000.00");
    CHECK(o[0]["amount"] == "5000000000.00");
    CHECK(o[1]["party"] == "Lab");
    CHECK_THAT(o[1]["because"].get<std::string>(), Catch::Contains("Cloud has declined only $5B of compute; $1B short"));
  }
}

TEST_CASE("section 10.10: an exception over its limit does not save a first refusal", "[section10]") {
  for (const auto& c : examples()) {
    const Json o = ask(c, {"Lab buys compute from Chips for $1.5B"});
    check_kinds(o, {{"breach", "first_refusal"}});
    CHECK_THAT(o[0]["because"].get<std::string>(), Catch::Contains("over the $1B limit"));
  }
}

TEST_CASE("section 10.10: a purchase that reaches a commitment fulfils it", "[section10]") {
  for (const auto& c : examples()) {
    const Json o = ask(c, {"Lab buys hosting from Cloud for $10B"});
    check_kinds(o, {{"permitted", "commitment"}, {"fulfilled", "commitment"}});
    CHECK(o[0]["total"] == "10000000000.00");
    CHECK(o[0]["amount"] == "10000000000.00");
    CHECK(o[1]["total"] == "10000000000.00");
  }
}

TEST_CASE("section 10.10: revenue goes through the revenue waterfall and profit through none", "[section10]") {
  for (const auto& c : examples()) {
    const Json revenue = ask(c, {"Lab earns $1B in revenue"});
    check_kinds(revenue, {{"payout", "revenue_share"}});
    CHECK(revenue[0]["amounts"]["Cloud"] == "200000000.00");
    CHECK(revenue[0]["amounts"]["Lab"] == "800000000.00");
    const Json profit = ask(c, {"Lab earns $1B"});
    check_kinds(profit, {{"uncovered", ""}});
  }
}

TEST_CASE("section 10.10: nothing happens lists what time revealed, each on its own date", "[section10]") {
  for (const auto& c : examples()) {
    const Json o = ask(c, {"nothing happens"}, "2028-01-01");
    check_kinds(o, {{"breach", "commitment"}, {"expired", "research"}, {"expired", "api_on_cloud"}});
    CHECK(o[0]["on"] == "2027-07-01");
    CHECK(o[0]["party"] == "Lab");
    CHECK(o[1]["on"] == "2028-01-01");
    CHECK(o[2]["on"] == "2028-01-01");
  }
}

TEST_CASE("section 10.10: the worked scenario's 20 expectations hold", "[section10]") {
  std::vector<std::string> scenarios{clause::test::repo_path("examples/v2-features/v2-features.scenario")};
  if (clause::test::have_spec()) scenarios.push_back(clause::test::spec_path("examples-v2/v2-features.scenario"));
  for (const auto& s : scenarios) {
    const auto r = run_clause({"test", s});
    INFO(r.out << r.err);
    CHECK(r.exit == 0);
    CHECK_THAT(r.out, Catch::Contains("20 of 20 expectations passed"));
  }
}

}  // namespace section10_test
