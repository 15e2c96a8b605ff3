#include "dsl/keywords.hpp"

#include <algorithm>
#include <array>

namespace clause::dsl {
namespace {

// Sorted, for binary search.
constexpr auto kKeywords = [] {
  std::array<std::string_view, 62> words{
      "contract", "version",  "effective", "party",     "body",        "assume",    "licence", "grants",
      "clause",   "exception", "to",       "power",     "only",        "may",       "declare", "declares",
      "is",       "declared", "must",      "not",       "buy",         "buys",      "from",    "for",
      "when",     "then",     "ends",      "if",        "consents",    "consent",   "up",      "in",
      "total",    "until",    "capped",    "waterfall", "of",          "tier",      "first",   "next",
      "rest",     "cap",      "overflow",  "scenario",  "on",          "expect",    "breach",  "by",
      "no",       "permitted", "ineffective", "uncovered", "ended",    "live",      "receives", "earns",
      "uses",     "does",     "what",      "",          "",            ""};
  std::sort(words.begin(), words.end());
  return words;
}();

// The three empty slots above sort first; skip them.
constexpr std::size_t kFirst = 3;

}  // namespace

bool is_keyword(std::string_view word) {
  if (word.size() < 2 || word.size() > 11) return false;
  // Keywords are lower-case letters only: names like `pa_12` or `OpenAI` leave here,
  // before any comparison (the parser asks this for every word it reads).
  for (const char c : word) {
    if (c < 'a' || c > 'z') return false;
  }
  return std::binary_search(kKeywords.begin() + kFirst, kKeywords.end(), word);
}

std::span<const std::string_view> keywords() {
  return {kKeywords.data() + kFirst, kKeywords.size() - kFirst};
}

}  // namespace clause::dsl
