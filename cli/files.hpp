// The engine reads no files: these read a contract or a scenario from disk and hand its
// text to the engine, with the reader a scenario uses for the contract it names.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/payout/load.hpp"
#include "engine/scenario/scenario.hpp"

namespace clause::cli {

// Reads, parses and checks a contract file.
engine::LoadedContract load_contract_file(const std::string& path, const std::vector<engine::Override>& overrides = {});

// Reads a scenario file and the contract it names, and resolves every name.
engine::ScenarioRun prepare_scenario_file(const std::string& path, const engine::ScenarioOptions& options = {});

// Every `.scenario` file below the folder `dir`, sorted; E0509 when it is no folder.
std::optional<std::vector<std::string>> scenario_folder(const std::string& dir, dsl::DiagnosticList& problems);

// Whether `path` holds a scenario when a command wants a contract, or a contract when it
// wants a scenario: then an error that names the command that fits (E0534), and true.
// `command` is the command's name; `wants_scenario` what it takes.
bool wrong_file_kind(const std::string& path, std::string_view command, bool wants_scenario, dsl::DiagnosticList& problems);

}  // namespace clause::cli
