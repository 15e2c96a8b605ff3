// Running a scenario file: its events against its contract, and its expectations judged.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "clause/answer.hpp"
#include "clause/diagnostic.hpp"
#include "clause/export.hpp"

namespace clause {

struct Expectation {
  std::string expected;  // as written after `expect`
  Place place;
  bool passed = false;
  std::string actual;    // what happened instead, when it failed
};

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
