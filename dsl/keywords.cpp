#include "dsl/keywords.hpp"

#include <algorithm>
#include <array>

namespace clause::dsl {
namespace {

// Sorted: is_keyword searches it and keywords() lists it.
constexpr auto kKeywords = [] {
  std::array<std::string_view, 73> words{
      "contract", "version",  "effective", "party",     "body",        "assume",    "licence", "grants",
      "clause",   "exception", "to",       "power",     "only",        "may",       "declare", "declares",
      "is",       "declared", "must",      "not",       "buy",         "buys",      "from",    "for",
      "when",     "then",     "ends",      "if",        "consents",    "consent",   "up",      "in",
      "total",    "until",    "capped",    "waterfall", "of",          "tier",      "first",   "next",
      "rest",     "cap",      "overflow",  "scenario",  "on",          "expect",    "breach",  "by",
      "no",       "permitted", "ineffective", "uncovered", "ended",    "live",      "receives", "earns",
      "uses",     "does",     "what",
      // Version 2.
      "verified", "verifies", "rejects", "offer", "least", "anyone", "declines", "nothing", "happens", "do",
      "expired", "fulfilled", "declined", "rejected"};
  std::sort(words.begin(), words.end());
  return words;
}();

}  // namespace

bool is_keyword(std::string_view word) { return std::binary_search(kKeywords.begin(), kKeywords.end(), word); }

std::span<const std::string_view> keywords() { return kKeywords; }

}  // namespace clause::dsl
