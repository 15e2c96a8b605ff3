// A scenario's run in words: what a failed expectation says happened instead ("the
// breaches were: breach of `exclusivity` by OpenAI on 2024-07-01", "`x` did not end"), and
// the outcomes of one of its events.
#pragma once

#include <string>
#include <vector>

#include "engine/scenario/scenario.hpp"

namespace clause::cli {

std::string what_happened(const engine::ScenarioRun& run, const engine::WhatHappened& actual);

// Each outcome of the event at log.events[record]: "breach of `exclusivity` by OpenAI".
std::vector<std::string> event_outcomes(const engine::ScenarioRun& run, engine::Index record);

// What a command that runs a scenario shows of its diagnostics: every error, and the
// warnings about the scenario file itself (its contract's warnings belong to `check`).
dsl::DiagnosticList scenario_problems(const engine::ScenarioRun& run);

}  // namespace clause::cli
