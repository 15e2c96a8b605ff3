// Every input under tests/regressions/ (found by fuzzing) runs through what its fuzz
// target exercises, as a user would run it, without a crash and with the right result.
#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

#include <nlohmann/json.hpp>

#include "dsl/parse.hpp"
#include "dsl/read_source.hpp"
#include "support.hpp"

namespace regressions_test {

using clause::test::run_clause;

namespace {

const std::string kFlagship = clause::test::repo_path("contracts/microsoft-openai/2024-06.clause");

std::vector<std::string> inputs(const std::string& target) {
  std::vector<std::string> out;
  const std::string dir = clause::test::repo_path("tests/regressions/" + target);
  if (!std::filesystem::exists(dir)) return out;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) out.push_back(entry.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

// The fuzz targets' invariant: a diagnostic's place lies in its source (its end at most one
// past the text, for a place at the end). A long token quoted as `X…` once underlined the
// bytes of the ellipsis too, past the end of the text.
TEST_CASE("regressions: every diagnostic of every event and scenario input lies inside its source", "[regressions]") {
  const auto require_inside = [](const clause::dsl::DiagnosticList& diagnostics, std::size_t size) {
    for (const auto& d : diagnostics.items()) {
      INFO(d.message);
      CHECK(d.where.span.begin <= d.where.span.end);
      CHECK(d.where.span.end <= size + 1);
    }
  };
  const auto events = inputs("event_fuzz");
  const auto scenarios = inputs("scenario_fuzz");
  REQUIRE_FALSE(scenarios.empty());
  for (const std::string& file : events) {
    INFO(file);
    std::istringstream lines(clause::test::read_file(file));
    for (std::string line; std::getline(lines, line);) {
      const auto read = clause::dsl::source_from_bytes("<event>", line);
      REQUIRE(read.source);
      require_inside(clause::dsl::parse_event(read.source).diagnostics, line.size());
    }
  }
  for (const std::string& file : scenarios) {
    INFO(file);
    const std::string text = clause::test::read_file(file);
    const auto read = clause::dsl::source_from_bytes("fuzz.scenario", text);
    REQUIRE(read.source);
    const auto parsed = clause::dsl::parse_scenario(read.source);
    CHECK(parsed.diagnostics.has_errors());
    require_inside(parsed.diagnostics, text.size());
  }
}

TEST_CASE("regressions: every event_fuzz input asks the flagship, and each event's text reads back", "[regressions]") {
  const auto files = inputs("event_fuzz");
  REQUIRE_FALSE(files.empty());
  for (const std::string& file : files) {
    INFO(file);
    std::vector<std::string> args{"ask", kFlagship};
    std::istringstream lines(clause::test::read_file(file));
    for (std::string line; std::getline(lines, line);) args.push_back(line);
    args.push_back("--json");
    const auto r = run_clause(args);
    REQUIRE((r.exit == 0 || r.exit == 1));
    if (r.exit == 1) {
      CHECK_THAT(r.err, Catch::Contains("error["));
      continue;
    }
    // The canonical text of every event is itself a question with the same answer.
    const auto answer = nlohmann::json::parse(r.out);  // held: a loop over a temporary's member would dangle
    for (const auto& event : answer["events"]) {
      const auto again = run_clause({"ask", kFlagship, event["event"].get<std::string>(), "--json"});
      INFO(event["event"]);
      CHECK(again.exit == 0);
      CHECK(nlohmann::json::parse(again.out)["events"][0]["event"] == event["event"]);
    }
  }
}

}  // namespace regressions_test
