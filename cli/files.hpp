// The engine reads no files: these read a contract or a scenario from disk and hand its
// text to the engine, with the reader a scenario uses for the contract it names.
#pragma once

#include <string>
#include <vector>

#include "engine/payout/load.hpp"
#include "engine/scenario/scenario.hpp"

namespace clause::cli {

// Reads, parses and checks a contract file.
engine::LoadedContract load_contract_file(const std::string& path, const std::vector<engine::Override>& overrides = {});

// Reads a scenario file and the contract it names, and resolves every name.
engine::ScenarioRun prepare_scenario_file(const std::string& path, const engine::ScenarioOptions& options = {});

}  // namespace clause::cli
