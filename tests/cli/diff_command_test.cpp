// `clause diff`: the change memo, --json with the section 7 keys, --scenarios, exit status.
#include <algorithm>
#include <map>

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "support.hpp"

namespace diff_command_test {

using clause::test::repo_path;
using clause::test::run_clause;

namespace {

const std::string k2019 = repo_path("contracts/microsoft-openai/2019-07.clause");
const std::string k2024 = repo_path("contracts/microsoft-openai/2024-06.clause");
const std::string kWindow = repo_path("contracts/microsoft-openai/2024-06-oracle-window.clause");
const std::string kProposal = repo_path("contracts/microsoft-openai/2024-10-proposal.clause");

std::size_t line_count(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }

}  // namespace

TEST_CASE("diff A A is empty and exits 0", "[diff-command]") {
  const auto text = run_clause({"diff", k2024, k2024});
  CHECK(text.exit == 0);
  CHECK_THAT(text.out, Catch::Contains("Terms: no change"));
  CHECK_THAT(text.out, Catch::Contains("Behaviour: no change"));
  CHECK_THAT(text.out, Catch::Contains("Payouts: no change"));
  CHECK_THAT(text.out, Catch::Contains("The two contracts behave the same."));

  const auto json = run_clause({"diff", k2024, k2024, "--json"});
  CHECK(json.exit == 0);
  const auto j = nlohmann::json::parse(json.out);
  CHECK(j["terms"].empty());
  CHECK(j["behaviour"].empty());
  CHECK(j["payouts"].empty());
  CHECK(j["same"] == true);
}

TEST_CASE("diff --json has the section 7 keys: terms, behaviour with events, old and new, payouts", "[diff-command]") {
  const auto r = run_clause({"diff", k2019, k2024, "--json"});
  INFO(r.err);
  CHECK(r.exit == 1);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["same"] == false);
  bool added_exception = false;
  for (const auto& t : j["terms"]) {
    if (t["change"] == "added" && t["kind"] == "exception" && t["name"] == "oracle_capacity") added_exception = true;
    CHECK(t["details"].is_array());
  }
  CHECK(added_exception);

  bool found = false;
  for (const auto& w : j["behaviour"]) {
    if (w["events"] != nlohmann::json::array({"Microsoft consents to oracle_capacity",
                                              "OpenAI buys compute from Oracle for $1"})) {
      continue;
    }
    found = true;
    CHECK(w["on"] == "2024-06-01");
    REQUIRE(w["old"].size() == 2);
    CHECK(w["old"][0]["kind"] == "uncovered");
    CHECK(w["old"][0]["because"] == "the contract has no exception `oracle_capacity`");
    CHECK(w["old"][1]["kind"] == "breach");
    CHECK(w["old"][1]["rule"] == "exclusivity");
    CHECK(w["old"][1]["event"] == 1);
    REQUIRE(w["new"].size() == 2);
    CHECK(w["new"][0]["kind"] == "consented");
    CHECK(w["new"][1]["kind"] == "permitted");
    CHECK(w["new"][1]["rule"] == "oracle_capacity");
    CHECK_THAT(w["new"][1]["at"].get<std::string>(), Catch::Contains("2024-06.clause:"));
  }
  CHECK(found);
  CHECK(j["payouts"].empty());
}

TEST_CASE("diff --json gives payout ranges exactly", "[diff-command]") {
  const auto r = run_clause({"diff", repo_path("tests/diff/cap-old.clause"), repo_path("tests/diff/cap-new.clause"),
                             "--json"});
  CHECK(r.exit == 1);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["behaviour"].empty());
  REQUIRE(j["payouts"].size() == 1);
  const auto& a = j["payouts"][0]["parties"][0];
  CHECK(a["party"] == "A");
  CHECK(a["ranges"][0]["from"] == "40.00");
  CHECK(a["ranges"][0]["to"].is_null());
  CHECK(a["ranges"][0]["largest"] == "-10.00");
  CHECK(a["ranges"][0]["largest_at"] == "60.00");
}

TEST_CASE("the flagship renegotiation reads as a memo on one screen", "[diff-command]") {
  const auto r = run_clause({"diff", k2024, kProposal});
  INFO(r.out << r.err);
  CHECK(r.exit == 1);
  CHECK(line_count(r.out) <= 55);
  // What changed in the terms.
  CHECK_THAT(r.out, Catch::Contains("~ changed clause exclusivity: only from Microsoft → only from Microsoft or Oracle"));
  CHECK_THAT(r.out, Catch::Contains("- removed exception oracle_capacity"));
  CHECK_THAT(r.out, Catch::Contains("~ changed assumption microsoft_cap:\n      $130B → $100B\n"));
  CHECK_THAT(r.out, Catch::Contains("~ changed waterfall profits: tier \"Capped returns\": Microsoft 49% cap $130B → $100B"));
  // The smallest events that now end differently.
  CHECK_THAT(r.out, Catch::Contains("OpenAI buys compute from Oracle for $1\n"
                                    "       old  ✗ breach      of `exclusivity` by OpenAI\n"
                                    "       new  ✓ permitted   OpenAI buys compute from Oracle (`exclusivity`)"));
  // Who gains or loses how much at which profits.
  CHECK_THAT(r.out, Catch::Contains("Microsoft loses when the profit is ≈ $195.096B or more"));
  CHECK_THAT(r.out, Catch::Contains("up to $30B less, from a profit of ≈ $256.321B on"));
  CHECK_THAT(r.out, Catch::Contains("Nonprofit gains"));
  CHECK_THAT(r.out, Catch::Contains("The two contracts behave differently."));
}

TEST_CASE("a renamed-only contract exits 0: it behaves the same", "[diff-command]") {
  const auto r = run_clause({"diff", k2024, repo_path("tests/diff/2024-06-renamed.clause")});
  CHECK(r.exit == 0);
  CHECK_THAT(r.out, Catch::Contains("+ added clause exclusive_compute: renamed from `exclusivity`, otherwise the same"));
  CHECK_THAT(r.out, Catch::Contains("The two contracts behave the same."));
}

TEST_CASE("diff --scenarios sorts saved scenarios by what the change does to them", "[diff-command]") {
  const auto r = run_clause({"diff", k2024, kProposal, "--scenarios", repo_path("examples"), "--json"});
  INFO(r.err);
  CHECK(r.exit == 1);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["scenarios"].is_array());
  std::map<std::string, nlohmann::json> by_name;
  for (const auto& s : j["scenarios"]) {
    const std::string path = s["scenario"];
    by_name[path.substr(path.rfind('/') + 1)] = s;
  }
  const auto& caps = by_name.at("caps-reached.scenario");
  CHECK(caps["impact"] == "payouts moved");
  REQUIRE(caps["payouts"].size() == 2);
  CHECK(caps["payouts"][0]["party"] == "Microsoft");
  CHECK(caps["payouts"][0]["moved"] == "-30000000000.00");
  CHECK(by_name.at("lower-caps.scenario")["impact"] == "unchanged");  // it sets the cap itself
  CHECK(by_name.at("oracle-limit-straddle.scenario")["impact"] == "cannot run");
  CHECK_THAT(by_name.at("oracle-limit-straddle.scenario")["new_problem"].get<std::string>(),
             Catch::Contains("the contract has no exception `oracle_capacity`"));

  const auto window = run_clause({"diff", k2024, kWindow, "--scenarios", repo_path("examples")});
  CHECK(window.exit == 1);
  CHECK_THAT(window.out, Catch::Contains("outcomes changed (1):\n    " + repo_path("examples") +
                                         "/oracle-consent-window.scenario\n"
                                         "      on 2025-07-01: OpenAI buys compute from Oracle for $1B\n"
                                         "        old  permitted OpenAI buys compute from Oracle (`oracle_capacity`)\n"
                                         "        new  breach of `exclusivity` by OpenAI"));
}

TEST_CASE("diff exits 2 when a contract cannot be read or has errors", "[diff-command]") {
  const auto missing = run_clause({"diff", k2024, repo_path("no/such.clause")});
  CHECK(missing.exit == 2);
  CHECK_THAT(missing.err, Catch::Contains("no/such.clause"));
  const auto bad = run_clause({"diff", repo_path("tests/bad/duplicate-name.clause"), k2024});
  CHECK(bad.exit == 2);
  CHECK_THAT(bad.err, Catch::Contains("error["));
  const auto folder = run_clause({"diff", k2024, k2024, "--scenarios", repo_path("no/such/folder")});
  CHECK(folder.exit == 2);
  CHECK_THAT(folder.err, Catch::Contains("no such folder"));
}

}  // namespace diff_command_test
