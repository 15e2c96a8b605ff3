// Where the tokens of a contract or scenario text end, for tests that cut a file at every
// token boundary (the formatter's comment placement, the language server's prefixes). A
// rough lexer on purpose: strings, comments, runs of word characters and single marks.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace clause::test {

struct TokenSpan {
  std::size_t begin;
  std::size_t end;
};

inline std::vector<TokenSpan> rough_tokens(std::string_view text) {
  const auto word = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$' ||
           c == '%' || c == '-' || (static_cast<unsigned char>(c) & 0x80u) != 0;
  };
  std::vector<TokenSpan> out;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    const std::size_t begin = i;
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++i;
      continue;
    }
    if (c == '"') {
      ++i;
      while (i < text.size() && text[i] != '"' && text[i] != '\n') i += text[i] == '\\' ? 2u : 1u;
      i = i < text.size() ? i + 1 : text.size();
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      while (i < text.size() && text[i] != '\n') ++i;
    } else if (word(c)) {
      // Money keeps its separators: `$1,250,000.50` is one token.
      while (i < text.size() && (word(text[i]) || ((text[i] == ',' || text[i] == '.') && text[begin] == '$' &&
                                                    i + 1 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '9'))) {
        ++i;
      }
      if (i < text.size() && text[i] == '.' && text[begin] != '$') {
        // `12.5%` and `OpenAI.board` stay whole too.
        ++i;
        while (i < text.size() && word(text[i])) ++i;
      }
    } else {
      ++i;
    }
    out.push_back({begin, i});
  }
  return out;
}

}  // namespace clause::test
