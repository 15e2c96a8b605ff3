// "Did you mean": the closest known name to a misspelt one.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clause::engine {

// The candidate closest to `wrong` by edit distance (a transposition counts as one edit),
// if it is close enough to be a likely typo; a different case alone is always close.
std::optional<std::string> closest_name(std::string_view wrong, const std::vector<std::string_view>& candidates);

// " (did you mean `X`?)" or "".
std::string did_you_mean(std::string_view wrong, const std::vector<std::string_view>& candidates);

}  // namespace clause::engine
