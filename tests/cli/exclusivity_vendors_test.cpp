// An extension of the language: an exclusivity may name several vendors,
// `ACTOR must buy GOOD only from PARTY or PARTY ...` (docs/language.md).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "dsl/format.hpp"
#include "engine/payout/load.hpp"
#include "engine/scenario/model_text.hpp"
#include "support.hpp"

namespace exclusivity_vendors_test {

using clause::test::repo_path;
using clause::test::run_clause;

namespace {

const std::string kTwoVendors = repo_path("tests/language/exclusivity-or.clause");

nlohmann::json ask(const std::string& event) {
  const auto r = run_clause({"ask", kTwoVendors, event, "--json"});
  INFO(r.err);
  REQUIRE(r.exit == 0);
  return nlohmann::json::parse(r.out)["events"][0]["outcomes"];
}

clause::engine::LoadedContract load(const std::string& text) {
  return clause::engine::load_contract_from_bytes("vendors.clause", text);
}

const std::string kHeader = "contract \"V\"\nparty Microsoft\nparty OpenAI\nparty Oracle\n";

}  // namespace

TEST_CASE("an exclusivity with two vendors permits buying from either", "[language][vendors]") {
  for (const std::string vendor : {"Microsoft", "Oracle"}) {
    const auto o = ask("OpenAI buys compute from " + vendor + " for $1B");
    REQUIRE(o.size() == 1);
    CHECK(o[0]["kind"] == "permitted");
    CHECK(o[0]["rule"] == "exclusivity");
  }
}

TEST_CASE("an exclusivity with two vendors forbids buying from a third, naming both", "[language][vendors]") {
  const auto o = ask("OpenAI buys compute from Google for $1B");
  REQUIRE(o.size() == 1);
  CHECK(o[0]["kind"] == "breach");
  CHECK(o[0]["because"] ==
        "OpenAI bought compute from Google, but `exclusivity` allows compute only from Microsoft or Oracle; no "
        "exception to it applies");
}

TEST_CASE("`or` must be followed by another vendor", "[language][vendors]") {
  const auto loaded = load(kHeader + "clause c: OpenAI must buy compute only from Microsoft or\n");
  REQUIRE(loaded.diagnostics.has_errors());
  CHECK(loaded.diagnostics.items().front().message ==
        "expected another vendor, a party like `Oracle`, after `or`, found the end of the file");
}

TEST_CASE("a vendor named twice is a warning and counts once", "[language][vendors]") {
  const auto loaded = load(kHeader + "clause c: OpenAI must buy compute only from Microsoft or Oracle or Microsoft\n");
  REQUIRE(loaded.contract);
  REQUIRE(loaded.diagnostics.warning_count() == 1);
  CHECK(loaded.diagnostics.items().front().message == "`Microsoft` is already a vendor of `c`");
  CHECK(loaded.contract->clauses[0].more_vendors.size() == 1);
}

TEST_CASE("`or` is not reserved: it may still name a party", "[language][vendors]") {
  const auto loaded = load("contract \"V\"\nparty OpenAI\nparty or\nparty Oracle\n"
                           "clause c: OpenAI must buy compute only from or or Oracle\n");
  REQUIRE(loaded.contract);
  const auto& c = loaded.contract->clauses[0];
  CHECK(loaded.contract->actor_name(c.vendor) == "or");
  REQUIRE(c.more_vendors.size() == 1);
  CHECK(loaded.contract->actor_name(c.more_vendors[0]) == "Oracle");
}

TEST_CASE("an exception to a vendor the exclusivity already names changes nothing", "[language][vendors]") {
  const auto loaded = load(kHeader + "clause c: OpenAI must buy compute only from Microsoft or Oracle\n"
                                     "exception x to c: OpenAI may buy compute from Oracle\n");
  REQUIRE(loaded.contract);
  bool warned = false;
  for (const auto& d : loaded.diagnostics.items()) {
    warned = warned || d.message == "exception `x` changes nothing: `c` already allows buying compute from Oracle";
  }
  CHECK(warned);
}

TEST_CASE("fmt keeps every vendor of an exclusivity, and the meaning", "[language][vendors][fmt]") {
  const auto source = std::make_shared<const clause::dsl::SourceFile>(
      "vendors.clause", kHeader + "clause c:   OpenAI must buy compute only from Microsoft   or Oracle\n");
  const auto formatted = clause::dsl::format_source(source);
  REQUIRE(formatted.formatted());
  CHECK_THAT(formatted.text, Catch::Contains("OpenAI must buy compute only from Microsoft or Oracle\n"));
  const auto before = load(std::string(source->text()));
  const auto after = load(formatted.text);
  REQUIRE(before.contract);
  REQUIRE(after.contract);
  CHECK(clause::engine::model_text(*after.contract) == clause::engine::model_text(*before.contract));
  CHECK_THAT(clause::engine::model_text(*after.contract), Catch::Contains("vendor Microsoft or Oracle"));
}

}  // namespace exclusivity_vendors_test
