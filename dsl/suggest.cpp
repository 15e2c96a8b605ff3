#include "dsl/suggest.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace clause::dsl {
namespace {

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// Optimal string alignment distance, case-insensitive, with a cut-off.
std::size_t distance(std::string_view a, std::string_view b, std::size_t limit) {
  const std::size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > limit) return limit + 1;
  std::vector<std::size_t> prev2(m + 1), prev(m + 1), cur(m + 1);
  for (std::size_t j = 0; j <= m; ++j) prev[j] = j;
  for (std::size_t i = 1; i <= n; ++i) {
    cur[0] = i;
    std::size_t row_min = cur[0];
    for (std::size_t j = 1; j <= m; ++j) {
      const std::size_t cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1])) {
        cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      }
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > limit) return limit + 1;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

}  // namespace

std::optional<std::string> closest_name(std::string_view wrong, const std::vector<std::string_view>& candidates) {
  if (candidates.size() > kMaxSuggestionCandidates) return std::nullopt;
  const std::size_t limit = std::max<std::size_t>(1, std::min<std::size_t>(3, (wrong.size() + 2) / 3));
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  for (const std::string_view c : candidates) {
    if (c == wrong) continue;
    const std::size_t d = distance(wrong, c, limit);
    // A name that differs only in case is the likeliest meaning of all.
    const bool same_but_case = d == 0;
    const std::size_t score = same_but_case ? 0 : d;
    if (score < best_distance || (same_but_case && best_distance > 0)) {
      best_distance = score;
      best = std::string(c);
    }
  }
  return best;
}

std::string did_you_mean(std::string_view wrong, const std::vector<std::string_view>& candidates) {
  const auto best = closest_name(wrong, candidates);
  return best ? fmt::format(" (did you mean `{}`?)", *best) : std::string();
}

}  // namespace clause::dsl
