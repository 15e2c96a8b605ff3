#include "cli/lsp/positions.hpp"

#include <algorithm>

namespace clause::cli::lsp {

namespace {

// The length of the UTF-8 sequence a lead byte begins (1 for a stray continuation byte).
std::uint32_t sequence_length(unsigned char lead) {
  if (lead < 0xC0) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  return 4;
}

std::uint32_t units(std::uint32_t bytes, PositionEncoding e) {
  switch (e) {
    case PositionEncoding::utf8: return bytes;
    case PositionEncoding::utf16: return bytes == 4 ? 2 : 1;
    case PositionEncoding::utf32: return 1;
  }
  return 1;
}

}  // namespace

const char* encoding_name(PositionEncoding e) {
  switch (e) {
    case PositionEncoding::utf8: return "utf-8";
    case PositionEncoding::utf16: return "utf-16";
    case PositionEncoding::utf32: return "utf-32";
  }
  return "utf-16";
}

TextPositions::TextPositions(std::string text) : text_(std::move(text)) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') starts_.push_back(static_cast<std::uint32_t>(i + 1));
  }
}

std::uint32_t TextPositions::line_end(std::uint32_t line) const {
  std::uint32_t end = line + 1 < starts_.size() ? starts_[line + 1] - 1 : static_cast<std::uint32_t>(text_.size());
  if (end > starts_[line] && text_[end - 1] == '\r') --end;
  return end;
}

Position TextPositions::position(std::uint32_t offset, PositionEncoding encoding) const {
  offset = std::min(offset, static_cast<std::uint32_t>(text_.size()));
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const auto line = static_cast<std::uint32_t>(it - starts_.begin()) - 1;
  std::uint32_t character = 0;
  std::uint32_t p = starts_[line];
  while (p < offset) {
    const std::uint32_t n = sequence_length(static_cast<unsigned char>(text_[p]));
    character += units(n, encoding);
    p += n;
  }
  return {line, character};
}

std::uint32_t TextPositions::offset(Position pos, PositionEncoding encoding) const {
  if (pos.line >= starts_.size()) return static_cast<std::uint32_t>(text_.size());
  const std::uint32_t end = line_end(pos.line);
  std::uint32_t p = starts_[pos.line];
  std::uint32_t character = 0;
  while (p < end) {
    const std::uint32_t n = std::min(sequence_length(static_cast<unsigned char>(text_[p])), end - p);
    const std::uint32_t u = units(n, encoding);
    if (character + u > pos.character) break;
    character += u;
    p += n;
  }
  return p;
}

nlohmann::json TextPositions::range(dsl::Span span, PositionEncoding encoding) const {
  return {{"start", to_json(position(span.begin, encoding))}, {"end", to_json(position(span.end, encoding))}};
}

Position position_from_json(const nlohmann::json& j) {
  const auto line = j.at("line").get<std::int64_t>();
  const auto character = j.at("character").get<std::int64_t>();
  const auto clamp = [](std::int64_t v) { return static_cast<std::uint32_t>(std::clamp<std::int64_t>(v, 0, 0x7FFF'FFFF)); };
  return {clamp(line), clamp(character)};
}

nlohmann::json to_json(Position p) { return {{"line", p.line}, {"character", p.character}}; }

}  // namespace clause::cli::lsp
