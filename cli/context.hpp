// What every command gets: where to print, how, and shared helpers for options that
// several commands take (`--set`, `--on`).
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "cli/cli.hpp"
#include "cli/options.hpp"
#include "cli/style.hpp"
#include "dsl/diagnostic.hpp"
#include "engine/model/check.hpp"
#include "engine/payout/load.hpp"

namespace clause::cli {

enum Exit : int { kSuccess = 0, kFound = 1, kUsage = 2 };

struct Context {
  std::ostream& out;
  std::ostream& err;
  Environment env;
  Style out_style;  // colour on stdout
  Style err_style;  // colour on stderr

  void print(const dsl::DiagnosticList& diagnostics) const;
  dsl::Date today() const;
};

// Reads and checks the contract a command works on. When it cannot be used, prints why
// (with the errors already in `problems`), sets `exit` (2: unreadable, 1: errors) and
// answers nullopt. Warnings are left to `check`.
std::optional<engine::LoadedContract> load_for_command(const Context& ctx, const std::string& path,
                                                       const std::vector<engine::Override>& overrides,
                                                       dsl::DiagnosticList& problems, int& exit);

// Every file named and every `.scenario` file below a named folder, sorted, once each.
// A path that does not exist is reported in `problems` (nullopt then).
std::optional<std::vector<std::string>> scenario_files(const std::vector<std::string>& paths,
                                                       dsl::DiagnosticList& problems);

}  // namespace clause::cli
