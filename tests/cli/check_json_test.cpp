// `clause check --json`: the same diagnostics as the text output, with their ids and
// places, as one JSON object on standard output.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "support.hpp"

namespace check_json_test {

using clause::test::run_clause;

TEST_CASE("check --json gives every diagnostic with its id, place and notes", "[check-command]") {
  const auto r = run_clause({"check", "--json", "tests/bad/duplicate-name.clause", "tests/bad/warnings-only.clause"});
  CHECK(r.exit == 1);
  CHECK(r.err.empty());
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["files"].size() == 2);
  CHECK(j["files"][0]["file"] == "tests/bad/duplicate-name.clause");
  const auto& first = j["files"][0]["diagnostics"][0];
  CHECK(first["code"].get<std::string>().rfind("E02", 0) == 0);
  CHECK(first["severity"] == "error");
  CHECK(first["file"] == "tests/bad/duplicate-name.clause");
  CHECK(first["line"].is_number());
  CHECK(first["column"].is_number());
  CHECK(first["message"].get<std::string>().find("duplicate name") != std::string::npos);
  REQUIRE(first["notes"].size() == 1);
  CHECK(first["notes"][0]["message"] == "first declared here");
  CHECK(j["errors"].get<int>() >= 1);
  for (const auto& d : j["files"][1]["diagnostics"]) CHECK(d["severity"] == "warning");
  CHECK(j["warnings"].get<int>() >= 1);
}

TEST_CASE("check --json of a clean contract lists no diagnostics and exits 0", "[check-command]") {
  const auto r = run_clause({"check", "--json", "contracts/microsoft-openai/2024-06.clause"});
  CHECK(r.exit == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["files"][0]["diagnostics"].empty());
  CHECK(j["errors"] == 0);
  CHECK(j["warnings"] == 0);
}

TEST_CASE("check --json of a file that cannot be read names it, with no place", "[check-command]") {
  const auto r = run_clause({"check", "--json", "no/such/file.clause"});
  CHECK(r.exit == 2);
  const auto j = nlohmann::json::parse(r.out);
  const auto& d = j["files"][0]["diagnostics"][0];
  CHECK(d["code"] == "E0003");
  CHECK(d["file"] == "no/such/file.clause");
  CHECK(d["line"].is_null());
}

}  // namespace check_json_test
