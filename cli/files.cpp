#include "cli/files.hpp"

namespace clause::cli {

engine::LoadedContract load_contract_file(const std::string& path, const std::vector<engine::Override>& overrides) {
  return engine::load_contract(dsl::read_source_file(path), overrides);
}

engine::ScenarioRun prepare_scenario_file(const std::string& path, const engine::ScenarioOptions& options) {
  engine::ScenarioRun run = engine::prepare_scenario(dsl::read_source_file(path), dsl::read_source_file, options);
  if (!run.source) run.path = path;
  return run;
}

}  // namespace clause::cli
