// The checker: syntax tree in, checked contract (or diagnostics) out. It resolves names,
// verifies kinds and types, and applies the checks of LANGUAGE.md section 3. It reports
// every problem it finds, never only the first.
//
// It is the one resolver of names: besides the contract it returns, even when there are
// errors, what it could resolve (a partial contract) and where each name in the file
// points (its references), which the language server's navigation, rename and hover use.
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

// A name the file writes for a declaration or a party's body, and what it resolves to.
struct Reference {
  Span span;              // the name's bytes; for a body, the body's name alone
  DeclRef to;             // the declaration; for a body, its party
  Index body = kNone;     // the body's index among the party's bodies, when the name is a body
  bool declares = false;  // the name a declaration (or a party's `body` list) introduces
};

struct CheckResult {
  std::optional<Contract> contract;  // present when there are no errors
  // When there are errors: what could be built of the contract. Every declaration whose
  // name registered is there, its parts resolved where they could be (kNone where not);
  // the evaluation indexes are empty. Never to be evaluated.
  std::optional<Contract> partial;
  // Every name in the file that resolved, as the checker met them: the declarations' names
  // in file order, then the names each declaration uses. A name in a declaration cut short
  // by a syntax error is not checked, so not here.
  std::vector<Reference> references;
  dsl::DiagnosticList diagnostics;

  // The contract, else the partial one: null only past kMaxDeclarations.
  const Contract* model() const { return contract ? &*contract : partial ? &*partial : nullptr; }
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
