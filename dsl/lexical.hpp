// The language's characters: what may begin and continue a word, and the spaces, line
// ends and `//` comments between tokens, for the grammar (grammar.hpp); private to the parser.
#pragma once

#include <array>
#include <cstdint>
#include <cstring>

namespace clause::dsl::lexical {

// One table lookup a character.
enum CharClass : std::uint8_t { kLower = 1, kUpperOrUnderscore = 2, kDigit = 4, kSpace = 8 };
inline constexpr std::uint8_t kWordFirst = kLower | kUpperOrUnderscore;
inline constexpr std::uint8_t kWordChar = kWordFirst | kDigit;
inline constexpr auto kClasses = [] {
  std::array<std::uint8_t, 256> classes{};
  for (int c = 'a'; c <= 'z'; ++c) classes[static_cast<std::size_t>(c)] = kLower;
  for (int c = 'A'; c <= 'Z'; ++c) classes[static_cast<std::size_t>(c)] = kUpperOrUnderscore;
  classes['_'] = kUpperOrUnderscore;
  for (int c = '0'; c <= '9'; ++c) classes[static_cast<std::size_t>(c)] = kDigit;
  for (const char c : {' ', '\n', '\t', '\r'}) classes[static_cast<unsigned char>(c)] = kSpace;
  return classes;
}();

constexpr std::uint8_t class_of(char c) { return kClasses[static_cast<unsigned char>(c)]; }
constexpr bool is_word_first(char c) { return (class_of(c) & kWordFirst) != 0; }
constexpr bool is_word_char(char c) { return (class_of(c) & kWordChar) != 0; }
constexpr bool is_digit(char c) { return class_of(c) == kDigit; }

// Past the spaces, tabs, line ends and `//` comments (to the end of their line) at `p`.
inline const char* skip_spaces(const char* p, const char* end) {
  while (p != end) {
    if (class_of(*p) == kSpace) {
      ++p;
    } else if (*p == '/' && end - p >= 2 && p[1] == '/') {
      // The line end is a space: the loop takes it next.
      const void* eol = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
      p = eol != nullptr ? static_cast<const char*>(eol) : end;
    } else {
      break;
    }
  }
  return p;
}

}  // namespace clause::dsl::lexical
