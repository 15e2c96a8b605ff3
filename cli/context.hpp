// What every command gets: where to print, how, and shared helpers for options that
// several commands take (`--set`, `--on`).
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "cli/cli.hpp"
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

// `--set NAME=VALUE` values. Malformed ones are reported in `diagnostics` with a caret
// under the argument; the result holds the ones that parsed.
std::vector<engine::Override> parse_overrides(const std::vector<std::string>& sets, dsl::DiagnosticList& diagnostics);

// A date given as an option, like `--on 2025-01-15`.
std::optional<dsl::Date> parse_date_option(const std::string& option, const std::string& text,
                                           dsl::DiagnosticList& diagnostics);

// Money given as an option, like `--profit $50B` (the `$` may be left out: shells eat it).
std::optional<dsl::Money> parse_money_option(const std::string& option, const std::string& text,
                                             dsl::DiagnosticList& diagnostics);

// The waterfall a command works on: the one `--waterfall NAME` names, else the contract's
// only one. Says why not in `diagnostics` (about `contract_path`) and answers nullopt.
std::optional<engine::Index> choose_waterfall(const engine::Contract& contract, const std::optional<std::string>& name,
                                              const std::string& contract_path, dsl::DiagnosticList& diagnostics);

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
