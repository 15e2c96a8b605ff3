// What `ask` and `run` print: the events, each outcome with its reason and place, and
// every party's payouts. Text and JSON are separate renderers of the same data.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cli/style.hpp"
#include "dsl/diagnostic.hpp"
#include "engine/evaluate/evaluate.hpp"
#include "engine/scenario/scenario.hpp"

namespace clause::cli {

struct Answer {
  const engine::Contract& contract;
  const std::vector<engine::Event>& events;
  const std::vector<std::string>& outsiders;
  const engine::OutcomeLog& log;
  const engine::State& state;
};

// `width` > 0 wraps the reasons to that many columns (on a terminal).
void print_answer(std::ostream& out, const Answer& answer, const Style& style, bool with_payouts, int width = 0);

// Parties with what they received from every waterfall, largest first (ties: declaration order).
std::vector<std::pair<engine::Index, engine::Money>> payouts_by_size(const engine::Contract& c,
                                                                     const std::vector<engine::Money>& received);

using Json = nlohmann::ordered_json;

Json contract_json(const engine::Contract& c);
Json outcome_json(const Answer& answer, const engine::EventRecord& record, const engine::Outcome& outcome);
// {"contract": ..., "events": [...], "payouts": {...}} (LANGUAGE.md section 6).
Json answer_json(const Answer& answer);
// The same and "warnings": what `clause ask --json` writes.
Json answer_json(const Answer& answer, const dsl::DiagnosticList& warnings);
// What `clause run --json` writes: "scenario", the answer's keys, "expectations" and
// "warnings" (`shown`: what the run shows of its diagnostics, cli/scenario_text.hpp).
Json run_json(const engine::ScenarioRun& run, const dsl::DiagnosticList& shown);

}  // namespace clause::cli
