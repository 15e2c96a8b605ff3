#include "dsl/source.hpp"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include <fmt/format.h>

namespace clause::dsl {

namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0u) == 0x80u; }

}  // namespace

SourceFile::SourceFile(std::string name, std::string text) : name_(std::move(name)), text_(std::move(text)) {
  // Two simple passes instead of one loop with a branch per byte: memchr finds the line
  // ends, and counting the continuation bytes of a block vectorises (this was a tenth of
  // `clause check` on a 10 MB file).
  line_starts_.push_back(0);
  const char* const begin = text_.data();
  const char* const end = begin + text_.size();
  for (const char* p = begin;;) {
    p = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
    if (p == nullptr) break;
    ++p;
    line_starts_.push_back(static_cast<std::uint32_t>(p - begin));
  }
  continuations_before_block_.reserve(text_.size() / kBlockBytes + 2);
  std::uint32_t continuations = 0;
  for (std::size_t block = 0; block < text_.size(); block += kBlockBytes) {
    continuations_before_block_.push_back(continuations);
    const std::size_t stop = std::min<std::size_t>(text_.size(), block + kBlockBytes);
    std::uint32_t in_block = 0;
    for (std::size_t i = block; i < stop; ++i) in_block += is_continuation(text_[i]) ? 1u : 0u;
    continuations += in_block;
  }
  // So that the end of the text has a block entry too.
  if (text_.size() % kBlockBytes == 0) continuations_before_block_.push_back(continuations);
}

std::uint32_t SourceFile::continuation_bytes_before(std::uint32_t offset) const {
  const std::uint32_t block = offset / kBlockBytes;
  std::uint32_t n = continuations_before_block_[block];
  for (std::uint32_t i = block * kBlockBytes; i < offset; ++i) n += is_continuation(text_[i]) ? 1u : 0u;
  return n;
}

LineColumn SourceFile::position(std::uint32_t offset) const {
  offset = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line = static_cast<std::uint32_t>(it - line_starts_.begin());
  const std::uint32_t start = line_starts_[line - 1];
  const std::uint32_t continuations = continuation_bytes_before(offset) - continuation_bytes_before(start);
  return {line, 1 + (offset - start) - continuations};
}

std::string_view SourceFile::line_text(std::uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  const std::uint32_t start = line_starts_[line - 1];
  std::uint32_t end = line < line_starts_.size() ? line_starts_[line] - 1 : static_cast<std::uint32_t>(text_.size());
  if (end > start && text_[end - 1] == '\r') --end;
  return std::string_view(text_).substr(start, end - start);
}

namespace {

// Where a line's code ends: before a `//` comment that is not inside a string, then
// before trailing spaces. Returns the offset inside the line.
std::size_t code_end_in_line(std::string_view line) {
  bool in_string = false;
  std::size_t end = line.size();
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '/' && i + 1 < line.size() && line[i + 1] == '/') {
      end = i;
      break;
    }
  }
  while (end > 0 && (line[end - 1] == ' ' || line[end - 1] == '\t' || line[end - 1] == '\r')) --end;
  return end;
}

}  // namespace

std::uint32_t SourceFile::end_of_code_before(std::uint32_t offset) const {
  LineColumn lc = position(offset);
  // On the same line, code before the offset counts when there is any.
  const std::uint32_t start = line_start(lc.line);
  std::string_view before = std::string_view(text_).substr(start, offset - start);
  if (before.find_first_not_of(" \t\r") != std::string_view::npos) return offset;
  for (std::uint32_t line = lc.line - 1; line >= 1; --line) {
    const std::string_view t = line_text(line);
    const std::size_t end = code_end_in_line(t);
    if (end > 0) return line_start(line) + static_cast<std::uint32_t>(end);
  }
  return offset;
}

std::string SourceFile::location(std::uint32_t offset) const {
  const LineColumn lc = position(offset);
  return fmt::format("{}:{}:{}", name_, lc.line, lc.column);
}

std::optional<std::size_t> find_invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  while (i < s.size()) {
    // Eight ASCII bytes at a time: most source text is ASCII.
    if (i + 8 <= s.size()) {
      std::uint64_t eight;
      std::memcpy(&eight, s.data() + i, 8);
      if ((eight & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    const unsigned char c = byte(i);
    if (c < 0x80) { ++i; continue; }
    std::size_t n = 0;
    std::uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF) { n = 1; cp = c & 0x1Fu; }
    else if (c >= 0xE0 && c <= 0xEF) { n = 2; cp = c & 0x0Fu; }
    else if (c >= 0xF0 && c <= 0xF4) { n = 3; cp = c & 0x07u; }
    else return i;
    for (std::size_t k = 1; k <= n; ++k) {
      if (i + k >= s.size() || (byte(i + k) & 0xC0u) != 0x80u) return i;
      cp = (cp << 6) | (byte(i + k) & 0x3Fu);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
    if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return i;
    }
    i += n + 1;
  }
  return std::nullopt;
}

std::uint32_t count_code_points(std::string_view text) {
  std::uint32_t n = 0;
  for (const char c : text) n += (static_cast<unsigned char>(c) & 0xC0u) != 0x80u;
  return n;
}

namespace {

bool is_wide(std::uint32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0x33FF) ||
         (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
         (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
         (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

}  // namespace

std::uint32_t display_width(std::string_view text) {
  std::uint32_t width = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    std::uint32_t cp = c < 0x80 ? c : c < 0xE0 ? (c & 0x1Fu) : c < 0xF0 ? (c & 0x0Fu) : (c & 0x07u);
    for (std::size_t k = 1; k < n && i + k < text.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3Fu);
    }
    const bool combining = (cp >= 0x0300 && cp <= 0x036F) || cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F);
    width += combining ? 0u : is_wide(cp) ? 2u : 1u;
    i += n;
  }
  return width;
}

}  // namespace clause::dsl
