#include "dsl/keywords.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

namespace clause::dsl {
namespace {

// Sorted, for keywords().
constexpr auto kKeywords = [] {
  std::array<std::string_view, 59> words{
      "contract", "version",  "effective", "party",     "body",        "assume",    "licence", "grants",
      "clause",   "exception", "to",       "power",     "only",        "may",       "declare", "declares",
      "is",       "declared", "must",      "not",       "buy",         "buys",      "from",    "for",
      "when",     "then",     "ends",      "if",        "consents",    "consent",   "up",      "in",
      "total",    "until",    "capped",    "waterfall", "of",          "tier",      "first",   "next",
      "rest",     "cap",      "overflow",  "scenario",  "on",          "expect",    "breach",  "by",
      "no",       "permitted", "ineffective", "uncovered", "ended",    "live",      "receives", "earns",
      "uses",     "does",     "what"};
  std::sort(words.begin(), words.end());
  return words;
}();

constexpr std::size_t kShortest = 2;
constexpr std::size_t kLongest = 11;

// A word's first eight bytes and its length, as one number.
constexpr std::uint64_t key_of(std::string_view word) {
  std::uint64_t key = 0;
  if (!std::is_constant_evaluated() && word.size() >= 8) {
    std::memcpy(&key, word.data(), 8);
  } else {
    for (std::size_t i = 0; i < word.size() && i < 8; ++i) {
      key |= std::uint64_t{static_cast<unsigned char>(word[i])} << (8 * i);
    }
  }
  return key ^ word.size();
}

// A perfect hash of the keywords: each has a slot of its own, so a word is a keyword when
// it equals the keyword in its slot. The parser asks this for every word it reads; a
// binary search compared it with six keywords. The multiplier is found here, at compile
// time, so any change to the list still gets a table without collisions.
struct KeywordTable {
  static constexpr unsigned kBits = 8;
  std::uint64_t multiplier = 0;
  std::array<std::string_view, std::size_t{1} << kBits> slots{};
  constexpr std::size_t slot(std::string_view word) const { return (key_of(word) * multiplier) >> (64 - kBits); }
};

constexpr KeywordTable kTable = [] {
  KeywordTable table;
  for (std::uint64_t m = 0x9E3779B97F4A7C15ull;; m += 0x632BE59BD9B4E01Aull) {  // odd plus even: odd
    table.multiplier = m;
    table.slots = {};
    bool collision = false;
    for (const std::string_view k : kKeywords) {
      std::string_view& s = table.slots[table.slot(k)];
      collision = collision || !s.empty();
      s = k;
    }
    if (!collision) return table;
  }
}();

static_assert(std::all_of(kKeywords.begin(), kKeywords.end(), [](std::string_view k) {
  return k.size() >= kShortest && k.size() <= kLongest && kTable.slots[kTable.slot(k)] == k;
}));

}  // namespace

bool is_keyword(std::string_view word) {
  if (word.size() < kShortest || word.size() > kLongest) return false;
  return kTable.slots[kTable.slot(word)] == word;
}

std::span<const std::string_view> keywords() { return kKeywords; }

}  // namespace clause::dsl
