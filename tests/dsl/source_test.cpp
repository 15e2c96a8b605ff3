// A source's line index and columns, and the UTF-8 check, against byte-at-a-time
// references on random texts: ASCII runs longer and shorter than eight bytes, multi-byte
// characters, line ends, and texts that cross the 4 KiB blocks of the column index.
#include <catch2/catch.hpp>

#include <optional>
#include <random>
#include <string>
#include <vector>

#include "dsl/source.hpp"

namespace source_test {

using clause::dsl::find_invalid_utf8;
using clause::dsl::SourceFile;

namespace {

// The first byte that does not begin or continue a valid character, one byte at a time.
std::optional<std::size_t> first_invalid(const std::string& s) {
  std::size_t i = 0;
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  while (i < s.size()) {
    const unsigned char c = byte(i);
    std::size_t n = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    }
    if (c >= 0xC2 && c <= 0xDF) {
      n = 1;
      cp = c & 0x1Fu;
    } else if (c >= 0xE0 && c <= 0xEF) {
      n = 2;
      cp = c & 0x0Fu;
    } else if (c >= 0xF0 && c <= 0xF4) {
      n = 3;
      cp = c & 0x07u;
    } else {
      return i;
    }
    for (std::size_t k = 1; k <= n; ++k) {
      if (i + k >= s.size() || (byte(i + k) & 0xC0u) != 0x80u) return i;
      cp = (cp << 6) | (byte(i + k) & 0x3Fu);
    }
    if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return i;
    i += n + 1;
  }
  return std::nullopt;
}

// Random valid UTF-8 with line ends: runs of ASCII of any length, `é`, `微`, `🚀`.
std::string random_text(std::mt19937_64& rng, std::size_t bytes) {
  std::string s;
  while (s.size() < bytes) {
    switch (rng() % 6) {
      case 0: s += "\xC3\xA9"; break;
      case 1: s += "\xE5\xBE\xAE"; break;
      case 2: s += "\xF0\x9F\x9A\x80"; break;
      case 3: s += '\n'; break;
      default: s.append(rng() % 20, static_cast<char>('a' + rng() % 26)); break;
    }
  }
  return s;
}

}  // namespace

TEST_CASE("a source's lines and columns match counting byte by byte, across blocks", "[source]") {
  std::mt19937_64 rng(20261129);
  for (const std::size_t size : {std::size_t{0}, std::size_t{1}, std::size_t{100}, std::size_t{4096},
                                 std::size_t{9000}, std::size_t{20000}}) {
    std::string text = random_text(rng, size);
    if (size == 4096) text.resize(4096, '\n');  // ends exactly on a block, with a line end last
    const SourceFile source("t.clause", text);
    std::uint32_t line = 1;
    std::uint32_t column = 1;
    for (std::size_t i = 0; i <= text.size(); ++i) {
      const bool continuation = i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0u) == 0x80u;
      if (!continuation) {
        INFO("offset " << i << " of " << text.size());
        const auto at = source.position(static_cast<std::uint32_t>(i));
        REQUIRE(at.line == line);
        REQUIRE(at.column == column);
      }
      if (i == text.size()) break;
      if (text[i] == '\n') {
        ++line;
        column = 1;
      } else if (!continuation) {
        ++column;
      }
    }
    REQUIRE(source.line_count() == line);
  }
}

TEST_CASE("the UTF-8 check finds the first invalid byte wherever it is, in ASCII runs or not", "[source]") {
  std::mt19937_64 rng(20261130);
  const std::vector<std::string> bad = {"\x80", "\xC0\xAF", "\xE0\x80\x80", "\xED\xA0\x80", "\xF5\x80\x80\x80",
                                        "\xC3", "\xE5\xBE", "\xFF"};
  for (int round = 0; round < 2000; ++round) {
    std::string text = random_text(rng, rng() % 200);
    if (round % 4 != 0) {
      // Insert an invalid sequence at a character boundary, or a stray byte anywhere.
      std::size_t at = text.empty() ? 0 : rng() % text.size();
      if (round % 4 == 1) {
        while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0u) == 0x80u) --at;
        text.insert(at, bad[rng() % bad.size()]);
      } else {
        text.insert(at, 1, static_cast<char>(0x80 + rng() % 0x80));
      }
    }
    INFO("round " << round);
    REQUIRE(find_invalid_utf8(text) == first_invalid(text));
  }
}

}  // namespace source_test
