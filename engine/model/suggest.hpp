// The checker's and the events' "did you mean" is the parser's (dsl/suggest.hpp).
#pragma once

#include "dsl/suggest.hpp"

namespace clause::engine {

using dsl::closest_name;
using dsl::did_you_mean;
using dsl::kMaxSuggestionCandidates;
using dsl::kMaxSuggestions;
using dsl::may_suggest;

}  // namespace clause::engine
