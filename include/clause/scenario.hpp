// Running a scenario file: its events against its contract, and its expectations judged.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "clause/answer.hpp"
#include "clause/diagnostic.hpp"
#include "clause/export.hpp"

namespace clause {

// One `expect` line of a scenario and whether it held.
//
//   for (const clause::Expectation& e : run->expectations)
//     if (!e.passed) std::cout << e.place.text() << ": " << e.expected << " — " << e.actual << "\n";
struct Expectation {
  std::string expected;  // as written after `expect`
  Place place;
  bool passed = false;
  std::string actual;    // what happened instead, when it failed
};

// A scenario's run: its title, the answer its events got and its expectations.
//
//   std::cout << run->scenario << (run->passed() ? ": passed\n" : ": failed\n");
struct ScenarioResult {
  std::string scenario;  // its title
  Answer answer;
  std::vector<Expectation> expectations;
  std::string json;      // exactly as `clause run SCENARIO --json` writes it

  bool passed() const {
    for (const Expectation& e : expectations) {
      if (!e.passed) return false;
    }
    return true;
  }
};

// Which contract to run against instead of the one the scenario names, and assumptions
// overridden, as `clause run --contract --set` take them.
//
//   clause::run_file("examples/profits.scenario", {.set = {{"microsoft_cap", "100B"}}});
struct RunOptions {
  std::optional<std::string> contract = {};
  Assumptions set = {};
};

// Runs a scenario file. A scenario or a contract that cannot be read or checked, or an
// event that cannot be applied, gives diagnostics.
//
//   auto r = clause::run_file("examples/oracle-consent-window.scenario");
//   if (r && !r->passed()) std::cout << "an expectation failed\n";
CLAUSE_API Result<ScenarioResult> run_file(const std::string& path, const RunOptions& options = {});

}  // namespace clause
