#include "cli/files.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "dsl/parse.hpp"

namespace clause::cli {

engine::LoadedContract load_contract_file(const std::string& path, const std::vector<engine::Override>& overrides) {
  return engine::load_contract(dsl::read_source_file(path), overrides);
}

engine::ScenarioRun prepare_scenario_file(const std::string& path, const engine::ScenarioOptions& options) {
  engine::ScenarioRun run = engine::prepare_scenario(dsl::read_source_file(path), dsl::read_source_file, options);
  if (!run.source) run.path = path;
  return run;
}

std::optional<std::vector<std::string>> scenario_folder(const std::string& dir, dsl::DiagnosticList& problems) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    problems.report<dsl::DiagId::no_scenario_folder>({nullptr, {}, dir});
    return std::nullopt;
  }
  std::vector<std::string> files;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (it->is_regular_file(ec) && it->path().extension() == ".scenario") files.push_back(it->path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

bool wrong_file_kind(const std::string& path, std::string_view command, bool wants_scenario,
                     dsl::DiagnosticList& problems) {
  const dsl::ReadResult read = dsl::read_source_file(path);
  if (!read.source) return false;  // the command reports what is wrong with reading it
  const dsl::FileKind kind = dsl::sniff_file_kind(read.source->text());
  const dsl::Location where{read.source, {0, 0}, {}};
  if (wants_scenario && kind == dsl::FileKind::contract) {
    problems.report<dsl::DiagId::wrong_file_kind>(
        where, "a contract", command, "a scenario",
        fmt::format("to ask it what happens, write `clause ask {} \"EVENT\"...`; to check it, `clause check {}`", path,
                    path));
    return true;
  }
  if (!wants_scenario && kind == dsl::FileKind::scenario) {
    problems.report<dsl::DiagId::wrong_file_kind>(
        where, "a scenario", command, "a contract",
        fmt::format("to run it, write `clause run {}`; to judge its expectations, `clause test {}`", path, path));
    return true;
  }
  return false;
}

}  // namespace clause::cli
