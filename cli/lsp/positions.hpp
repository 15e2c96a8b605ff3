// LSP positions (line and character, both from 0) and byte offsets into a document. The
// character counts UTF-16 code units unless the client agreed to UTF-8 or UTF-32 units
// (`positionEncoding`, LSP 3.17); the parser's spans are byte offsets.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "dsl/source.hpp"

namespace clause::cli::lsp {

enum class PositionEncoding { utf8, utf16, utf32 };

const char* encoding_name(PositionEncoding e);

struct Position {
  std::uint32_t line = 0;
  std::uint32_t character = 0;
};

// A document's text and where its lines begin. Lines end at `\n` (a `\r` before it belongs
// to the line end).
class TextPositions {
 public:
  TextPositions() : TextPositions(std::string()) {}
  explicit TextPositions(std::string text);

  const std::string& text() const { return text_; }
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(starts_.size()); }

  Position position(std::uint32_t offset, PositionEncoding encoding) const;
  // A position past the end of its line means the line's end; past the last line, the
  // text's end; inside a character, that character's start.
  std::uint32_t offset(Position p, PositionEncoding encoding) const;

  nlohmann::json range(dsl::Span span, PositionEncoding encoding) const;

 private:
  std::uint32_t line_end(std::uint32_t line) const;  // before its `\r\n` or `\n`
  std::string text_;
  std::vector<std::uint32_t> starts_;
};

Position position_from_json(const nlohmann::json& j);  // throws nlohmann::json::exception when malformed
nlohmann::json to_json(Position p);

}  // namespace clause::cli::lsp
