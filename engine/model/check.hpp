// The checker: syntax tree in, checked contract (or diagnostics) out. It resolves names,
// verifies kinds and types, and applies the checks of LANGUAGE.md section 3. It reports
// every problem it finds, never only the first.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dsl/diagnostic.hpp"
#include "dsl/parse.hpp"
#include "engine/model/contract.hpp"

namespace clause::engine {

// A value given for an assumption from outside the contract: `--set NAME=VALUE` or a
// scenario's `assume` line. `where` is the text to point at when it is wrong.
struct Override {
  std::string name;
  dsl::Value value;
  dsl::Location where;
};

struct CheckResult {
  std::optional<Contract> contract;  // present when there are no errors
  dsl::DiagnosticList diagnostics;
};

// `syntax_errors` says whether parsing already reported errors: then warnings that could
// be caused by the missing parts (an unmentioned party) are held back.
CheckResult check_contract(const dsl::ContractSyntax& syntax, const dsl::SourcePtr& source,
                           const std::vector<Override>& overrides = {}, bool syntax_errors = false);

// Limits on what one contract may hold (docs/limits.md). Past one, a clear error.
inline constexpr std::size_t kMaxDeclarations = 1'000'000;
inline constexpr std::size_t kMaxTiers = 1'000;
inline constexpr std::size_t kMaxShares = 1'000;
inline constexpr std::size_t kMaxConsents = 32;
inline constexpr std::size_t kMaxBodies = 1'000;

}  // namespace clause::engine
