#include "cli/context.hpp"

#include <algorithm>
#include <filesystem>
#include <ostream>

#include "cli/files.hpp"

namespace clause::cli {

void Context::print(const dsl::DiagnosticList& diagnostics) const {
  err << dsl::render_diagnostics(diagnostics, {err_style.colour});
}

dsl::Date Context::today() const { return env.today ? *env.today : dsl::Date::today(); }

std::optional<engine::LoadedContract> load_for_command(const Context& ctx, const std::string& path,
                                                       const std::vector<engine::Override>& overrides,
                                                       dsl::DiagnosticList& problems, int& exit) {
  engine::LoadedContract loaded = load_contract_file(path, overrides);
  if (loaded.io_error) {
    ctx.print(loaded.diagnostics);
    exit = kUsage;
    return std::nullopt;
  }
  for (const dsl::Diagnostic& d : loaded.diagnostics.items()) {
    if (d.severity == dsl::Severity::error) problems.add(d);
  }
  if (problems.has_errors() || !loaded.contract) {
    ctx.print(problems);
    exit = kFound;
    return std::nullopt;
  }
  return loaded;
}

std::optional<std::vector<std::string>> scenario_files(const std::vector<std::string>& paths,
                                                       dsl::DiagnosticList& problems) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().extension() == ".scenario") files.push_back(it->path().string());
      }
    } else if (fs::exists(p, ec)) {
      files.push_back(p);
    } else {
      problems.report<dsl::DiagId::no_such_path>({nullptr, {}, p});
    }
  }
  if (problems.has_errors()) return std::nullopt;
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());
  return files;
}

}  // namespace clause::cli
