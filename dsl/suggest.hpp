// "Did you mean": the closest known name to a misspelt one.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/diagnostic.hpp"

namespace clause::dsl {

// Finding a close name reads every candidate, so suggestions are bounded: none once a
// list holds kMaxSuggestions errors, none among more than kMaxSuggestionCandidates names.
// A file full of unknown names then costs time in proportion to its size.
inline constexpr std::size_t kMaxSuggestions = 50;
inline constexpr std::size_t kMaxSuggestionCandidates = 100'000;
inline bool may_suggest(const dsl::DiagnosticList& diagnostics) {
  return diagnostics.error_count() < kMaxSuggestions;
}

// The candidate closest to `wrong` by edit distance (a transposition counts as one edit),
// if it is close enough to be a likely typo; a different case alone is always close.
std::optional<std::string> closest_name(std::string_view wrong, const std::vector<std::string_view>& candidates);

// " (did you mean `X`?)" or "".
std::string did_you_mean(std::string_view wrong, const std::vector<std::string_view>& candidates);

}  // namespace clause::dsl
