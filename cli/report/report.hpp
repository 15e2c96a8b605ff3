// `clause report`: one self-contained HTML page about a contract — its parties, its terms
// in plain words, its dates, its payouts, its scenarios and, against an older version,
// what the renegotiation changed. Inline CSS and SVG only: no script, font or request.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/explain.hpp"
#include "engine/diff/diff.hpp"
#include "engine/scenario/scenario.hpp"

namespace clause::cli::report {

// The stable ids of the page's sections, in page order; `renegotiation` only with an old
// contract to compare with.
inline constexpr const char* kSectionIds[] = {"parties", "terms", "timeline", "payouts", "scenarios"};
inline constexpr const char* kRenegotiationId = "renegotiation";

struct Input {
  const engine::Contract& contract;
  Language language = Language::en;
  const engine::ContractDiff* diff = nullptr;         // against an old version
  std::optional<std::string> scenario_dir;            // --scenarios DIR
  const std::vector<engine::ScenarioRun>* scenarios = nullptr;  // those written for this contract, run
  std::size_t elsewhere = 0;                          // scenarios below DIR written for other contracts
};

std::string page_html(const Input& input);

}  // namespace clause::cli::report
