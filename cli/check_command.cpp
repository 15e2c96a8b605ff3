// `clause check FILE...`: every problem in each contract or scenario file.
#include <algorithm>
#include <filesystem>
#include <ostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/diagnostics_json.hpp"
#include "dsl/read_source.hpp"
#include "engine/payout/load.hpp"
#include "engine/scenario/scenario.hpp"

namespace clause::cli {

namespace {

bool looks_like_scenario(const dsl::SourceFile& source) {
  switch (dsl::sniff_file_kind(source.text())) {
    case dsl::FileKind::scenario: return true;
    case dsl::FileKind::contract: return false;
    case dsl::FileKind::unknown: return std::filesystem::path(source.name()).extension() == ".scenario";
  }
  return false;
}

// Every `.clause` and `.scenario` below a folder, sorted; any other path, and a folder with
// none below it, as it is.
std::vector<std::string> expand_folders(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (!fs::is_directory(p, ec)) {
      out.push_back(p);
      continue;
    }
    std::vector<std::string> below;
    for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
      const auto ext = it->path().extension();
      if (it->is_regular_file(ec) && (ext == ".clause" || ext == ".scenario")) below.push_back(it->path().string());
    }
    if (below.empty()) {
      out.push_back(p);  // reading it says it is a folder
      continue;
    }
    std::sort(below.begin(), below.end());
    out.insert(out.end(), below.begin(), below.end());
  }
  return out;
}

}  // namespace

int check_command(Context& ctx, const std::vector<std::string>& paths, bool json) {
  const std::vector<std::string> files = expand_folders(paths);
  std::size_t errors = 0;
  std::size_t warnings = 0;
  bool io_error = false;
  nlohmann::json json_files = nlohmann::json::array();
  for (const std::string& file : files) {
    dsl::ReadResult read = dsl::read_source_file(file);
    dsl::DiagnosticList shown;
    if (!read.source) {
      io_error = io_error || read.io_error;
      shown = std::move(read.diagnostics);
    } else if (looks_like_scenario(*read.source)) {
      engine::ScenarioRun run = engine::prepare_scenario_source(read.source, dsl::read_source_file);
      io_error = io_error || run.io_error;
      // The contract's own warnings belong to checking the contract; its errors stop the scenario.
      for (const dsl::Diagnostic& d : run.diagnostics.items()) {
        if (d.severity == dsl::Severity::warning && d.where.source != read.source) continue;
        shown.add(d);
      }
    } else {
      shown = engine::check_contract_source(read.source).diagnostics;
    }
    shown.sort();
    errors += shown.error_count();
    warnings += shown.warning_count();
    if (json) {
      json_files.push_back({{"file", file}, {"diagnostics", diagnostics_json(shown)}});
    } else {
      ctx.print(shown);
    }
  }
  const std::string summary =
      fmt::format("{} {} checked: {} {}, {} {}", files.size(), files.size() == 1 ? "file" : "files", errors,
                  errors == 1 ? "error" : "errors", warnings, warnings == 1 ? "warning" : "warnings");
  if (json) {
    ctx.out << nlohmann::json{{"files", json_files}, {"errors", errors}, {"warnings", warnings}}.dump(2) << '\n';
  } else if (errors > 0 || warnings > 0) {
    ctx.err << summary << '\n';
  } else {
    ctx.out << summary << '\n';
  }
  if (io_error) return kUsage;
  return errors > 0 ? kFound : kSuccess;
}

}  // namespace clause::cli
