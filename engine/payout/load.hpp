// Parsing and checking a contract in one step: what every command does first, on a source
// its caller read. It lives with the waterfalls because one of its checks (a waterfall
// that never ends) needs the distribution rules.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dsl/read_source.hpp"
#include "engine/model/check.hpp"

namespace clause::engine {

struct LoadedContract {
  dsl::SourcePtr source;
  std::optional<Contract> contract;  // present when the file is readable and has no errors
  dsl::DiagnosticList diagnostics;
  bool io_error = false;             // the file could not be read at all
};

// A contract as its caller read it: when the reading failed, its diagnostics and io_error.
LoadedContract load_contract(dsl::ReadResult read, const std::vector<Override>& overrides = {});
LoadedContract load_contract_from_bytes(std::string name, std::string bytes,
                                        const std::vector<Override>& overrides = {});
// The same from a source already read.
LoadedContract check_contract_source(const dsl::SourcePtr& source, const std::vector<Override>& overrides = {});

// Everything loading finds out, for a caller that needs more than the contract: the syntax
// tree and what the checker resolved (the language server's names, hover and rename).
// `diagnostics` are those check_contract_source reports.
struct CheckedSource {
  dsl::ContractSyntax syntax;
  CheckResult checked;
  dsl::DiagnosticList diagnostics;
  bool syntax_errors = false;
};
CheckedSource parse_and_check(const dsl::SourcePtr& source, const std::vector<Override>& overrides = {});

}  // namespace clause::engine
