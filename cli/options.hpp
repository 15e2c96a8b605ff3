// What commands and the library API (include/clause/) read from their callers' words:
// `--set` assumptions, dates, amounts and the waterfall asked about. Problems are
// diagnostics about the words, with a caret under them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dsl/diagnostic.hpp"
#include "engine/model/check.hpp"

namespace clause::cli {

// `--set NAME=VALUE` values. Malformed ones are reported in `diagnostics` with a caret
// under the argument; the result holds the ones that parsed.
std::vector<engine::Override> parse_overrides(const std::vector<std::string>& sets, dsl::DiagnosticList& diagnostics);

// A date given as an option, like `--on 2025-01-15`.
std::optional<dsl::Date> parse_date_option(const std::string& option, const std::string& text,
                                           dsl::DiagnosticList& diagnostics);

// Money given as an option, like `--profit $50B` (the `$` may be left out: shells eat it).
std::optional<dsl::Money> parse_money_option(const std::string& option, const std::string& text,
                                             dsl::DiagnosticList& diagnostics);

// A profit to pay, like `--profit 50B`: money above zero.
std::optional<dsl::Money> parse_profit_option(const std::string& option, const std::string& text,
                                              dsl::DiagnosticList& diagnostics);

// The waterfall a command works on: the one `--waterfall NAME` names, else the contract's
// only one. Says why not in `diagnostics` (about `contract_path`) and answers nullopt.
std::optional<engine::Index> choose_waterfall(const engine::Contract& contract, const std::optional<std::string>& name,
                                              const std::string& contract_path, dsl::DiagnosticList& diagnostics);

}  // namespace clause::cli
