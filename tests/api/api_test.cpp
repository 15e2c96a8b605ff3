// The library API answers as the command does: every answer's JSON equals the command's
// `--json`, and bad input comes back as diagnostics with places.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "clause/clause.hpp"
#include "support.hpp"

namespace api_test {

namespace {

using clause::test::repo_path;
using clause::test::run_clause;
using Json = nlohmann::ordered_json;

const std::string kFlagship = repo_path("contracts/microsoft-openai/2024-06.clause");
const std::string kOctober = repo_path("contracts/microsoft-openai/2025-10.clause");

Json command_json(const std::vector<std::string>& args) {
  const auto r = run_clause(args);
  INFO(r.err);
  REQUIRE(r.exit <= 1);
  return Json::parse(r.out);
}

clause::Contract loaded(const std::string& path, const clause::Assumptions& set = {}) {
  auto c = clause::load_file(path, set);
  REQUIRE(c.ok());
  return *c;
}

}  // namespace

TEST_CASE("the API asks the flagship what AGI does as clause ask --json says") {
  const clause::Contract c = loaded(kFlagship);
  const auto answer = c.ask({"agi is declared"});
  REQUIRE(answer.ok());
  CHECK(Json::parse(answer->json) == command_json({"ask", kFlagship, "agi is declared", "--json"}));
  REQUIRE(answer->events.size() == 1);
  const clause::Outcome& first = answer->events[0].outcomes.at(0);
  const Json expected = command_json({"ask", kFlagship, "agi is declared", "--json"})["events"][0]["outcomes"][0];
  CHECK(first.kind == expected["kind"].get<std::string>());
  CHECK(first.because == expected["because"].get<std::string>());
  CHECK(Json::parse(first.json) == expected);
  REQUIRE(first.place);
  CHECK(first.place->text() == expected["at"].get<std::string>());
  CHECK(first.place->line.value_or(0) > 0);
}

TEST_CASE("the API asks on a date with assumptions overridden as ask --on --set does") {
  const clause::Contract c = loaded(kFlagship);
  const std::vector<std::string> events{"OpenAI earns $200B"};
  const auto answer = c.ask(events, {.on = "2026-01-01", .set = {{"microsoft_cap", "100B"}}});
  REQUIRE(answer.ok());
  CHECK(Json::parse(answer->json) == command_json({"ask", kFlagship, events[0], "--on", "2026-01-01", "--set",
                                                   "microsoft_cap=100B", "--json"}));
  bool microsoft = false;
  for (const auto& [party, amount] : answer->payouts) {
    if (party == "Microsoft") microsoft = amount == clause::Money::from_cents(10'000'000'000'000);
  }
  CHECK(microsoft);
  // The override was for that question only.
  CHECK(Json::parse(c.ask(events)->json) == command_json({"ask", kFlagship, events[0], "--json"}));
}

TEST_CASE("every example scenario runs through the API as clause run --json") {
  const auto files = clause::test::files_below(repo_path("examples"), ".scenario");
  REQUIRE(files.size() > 10);
  for (const std::string& f : files) {
    INFO(f);
    const auto r = clause::run_file(f);
    REQUIRE(r.ok());
    const Json expected = command_json({"run", f, "--json"});
    CHECK(Json::parse(r->json) == expected);
    CHECK(Json::parse(r->answer.json) == expected);
    CHECK(r->scenario == expected["scenario"].get<std::string>());
    REQUIRE(r->answer.events.size() == expected["events"].size());
    for (std::size_t e = 0; e < r->answer.events.size(); ++e) {
      const Json& event = expected["events"][e];
      CHECK(r->answer.events[e].event == event["event"].get<std::string>());
      REQUIRE(r->answer.events[e].outcomes.size() == event["outcomes"].size());
      for (std::size_t o = 0; o < event["outcomes"].size(); ++o) {
        CHECK(Json::parse(r->answer.events[e].outcomes[o].json) == event["outcomes"][o]);
      }
    }
    REQUIRE(r->expectations.size() == expected["expectations"].size());
    CHECK(r->passed());
  }
}

TEST_CASE("the API pays a profit and gives the schedule as clause payout --json does") {
  const clause::Contract c = loaded(kFlagship);
  const auto table = c.payout("50B");
  REQUIRE(table.ok());
  CHECK(Json::parse(table->json) == command_json({"payout", kFlagship, "--profit", "50B", "--json"}));
  CHECK(table->profit == clause::Money::from_cents(5'000'000'000'000));
  clause::Money total;
  for (const clause::PayoutRow& row : table->rows) {
    REQUIRE(row.by_tier.size() == table->tiers.size());
    total = clause::Money::from_cents(total.cents() + row.received.cents());
  }
  CHECK(total.cents() + table->undistributed.cents() == table->profit.cents());
  CHECK(Json::parse(c.payout(clause::Money::from_cents(5'000'000'000'000))->json) == Json::parse(table->json));

  const auto schedule = c.schedule();
  REQUIRE(schedule.ok());
  CHECK(Json::parse(schedule->json) == command_json({"payout", kFlagship, "--schedule", "--json"}));
  REQUIRE(!schedule->breakpoints.empty());
  CHECK(schedule->breakpoints[0].paid.size() == schedule->parties.size());
}

TEST_CASE("the API diffs two contracts as clause diff --json does") {
  const clause::Contract a = loaded(kFlagship);
  const clause::Contract b = loaded(repo_path("contracts/microsoft-openai/2025-01.clause"));
  const auto d = clause::diff(a, b, {.today = "2026-01-01"});
  REQUIRE(d.ok());
  CHECK(Json::parse(d->json) == command_json({"diff", kFlagship, repo_path("contracts/microsoft-openai/2025-01.clause"),
                                              "--json"}));
  CHECK_FALSE(d->same_behaviour);
  CHECK(d->witnesses > 0);
  CHECK_FALSE(d->terms.empty());
  CHECK(d->memo.find("first_refusal") != std::string::npos);
  CHECK(clause::diff(a, a, {.today = "2026-01-01"})->same_behaviour);
}

TEST_CASE("bad input to the API comes back as diagnostics with places") {
  const auto bad = clause::load_text("contract \"x\"\nparty A\nclause c:\n  A must buy\n", "bad.clause");
  REQUIRE_FALSE(bad.ok());
  REQUIRE_FALSE(bad.diagnostics.empty());
  CHECK(bad.diagnostics[0].is_error());
  CHECK(bad.diagnostics[0].place.file == "bad.clause");
  CHECK(bad.diagnostics[0].place.line.value_or(0) >= 3);
  CHECK(bad.diagnostics[0].rendered.find("bad.clause:") != std::string::npos);

  const auto missing = clause::load_file("no/such/file.clause");
  REQUIRE_FALSE(missing.ok());
  CHECK_FALSE(missing.diagnostics.at(0).place.line);

  const clause::Contract c = loaded(kFlagship);
  const auto event = c.ask({"OpenAI buys"});
  REQUIRE_FALSE(event.ok());
  CHECK(event.diagnostics.at(0).place.file == "<event 1>");
  CHECK_FALSE(c.ask({"agi is declared"}, {.on = "2025-02-30"}).ok());
  CHECK_FALSE(c.ask({"agi is declared"}, {.set = {{"no_such_assumption", "1B"}}}).ok());
  CHECK_FALSE(c.payout("-5B").ok());
  CHECK_FALSE(c.payout("lots").ok());
  CHECK_FALSE(c.payout("50B", {.waterfall = "nothing"}).ok());
  CHECK_FALSE(clause::run_file(kFlagship).ok());
  CHECK_FALSE(clause::load_file(kFlagship, {{"microsoft_cap", "20%"}}).ok());
}

TEST_CASE("amounts in the API's JSON are told from words") {
  CHECK(clause::Money::from_cents(-300).decimal() == "-3.00");
  CHECK(clause::is_amount("total", "6000000000.00"));
  CHECK(clause::is_amount("profit", "158561000000.33+1/3"));
  CHECK_FALSE(clause::is_amount("because", "12.00"));
  CHECK_FALSE(clause::is_amount("total", "20%"));
  CHECK_FALSE(clause::is_amount("total", "12.5"));
  CHECK_FALSE(clause::is_amount("on", "2026-01-01"));
}

}  // namespace api_test
