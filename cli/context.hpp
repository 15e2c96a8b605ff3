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
#include "engine/check.hpp"

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

}  // namespace clause::cli
