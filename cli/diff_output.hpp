// What `clause diff` prints: a change memo (terms, the smallest witnesses, payouts, saved
// scenarios) or JSON (LANGUAGE.md section 7). Both render engine::ContractDiff.
#pragma once

#include <iosfwd>

#include "cli/answer.hpp"  // Json
#include "cli/style.hpp"
#include "engine/diff/diff.hpp"

namespace clause::cli {

// How many groups of witnesses the memo shows; JSON lists every witness.
inline constexpr std::size_t kMemoGroups = 8;
// How many more groups it lists a line each (the smallest witness and the kinds of its
// outcomes on each side) after those.
inline constexpr std::size_t kMemoLines = 32;
// A declaration's changed parts share its line up to this width, else take a line each.
inline constexpr std::size_t kMemoWidth = 100;

// An outcome's symbol and kind, padded to the widest kind and followed by a space:
// "○ ineffective ", "✓ permitted   ".
std::string outcome_label(engine::OutcomeKind kind);

// What one run of a saved scenario made of one event (its record), an outcome each: kind
// and headline, and for an uncovered event why ("…, because the contract takes effect on …").
std::vector<std::string> scenario_outcomes(const engine::ScenarioRun& run, engine::Index record);

void print_diff(std::ostream& out, const engine::ContractDiff& diff, const Style& style);

// {"old": ..., "new": ..., "same": ..., "terms": [...], "behaviour": [...], "payouts": [...],
//  "scenarios": [...]} — the section 7 keys and more.
Json diff_json(const engine::ContractDiff& diff);

}  // namespace clause::cli
