// The checks of a contract that need the distribution rules: a waterfall with no `rest`
// tier, and the profit above which it distributes nothing.
#pragma once

#include "dsl/diagnostic.hpp"
#include "engine/model/contract.hpp"

namespace clause::engine {

// Appends a warning for every waterfall without a `rest` tier. Call only on a contract
// checked without syntax errors (a share cut short by one has no party to pay).
void warn_about_unending_waterfalls(const Contract& contract, dsl::DiagnosticList& diagnostics);

}  // namespace clause::engine
