// A source text (a file, an event typed on the command line, a `--set` value) and the
// mapping from byte offsets to lines and columns. Columns count code points, from 1.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace clause::dsl {

// A byte range inside one source text. Every syntax node keeps one.
struct Span {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  friend bool operator==(Span, Span) = default;
};

struct LineColumn {
  std::uint32_t line = 1;    // from 1
  std::uint32_t column = 1;  // from 1, in code points
};

class SourceFile {
 public:
  // `text` must be valid UTF-8 without a byte-order mark (see read_source).
  SourceFile(std::string name, std::string text);

  const std::string& name() const { return name_; }
  std::string_view text() const { return text_; }
  LineColumn position(std::uint32_t offset) const;
  // The line's text without its line end (LF or CRLF).
  std::string_view line_text(std::uint32_t line) const;
  std::uint32_t line_count() const { return static_cast<std::uint32_t>(line_starts_.size()); }
  std::uint32_t line_start(std::uint32_t line) const { return line_starts_[line - 1]; }
  // Where the code of the last line before `offset` that has code ends: used to point
  // at "after the amount" rather than at the next line's first token.
  std::uint32_t end_of_code_before(std::uint32_t offset) const;
  std::string location(std::uint32_t offset) const;  // "name:line:col"

 private:
  // Continuation bytes before `offset`: a column is the bytes since the line's start
  // less the continuation bytes among them.
  std::uint32_t continuation_bytes_before(std::uint32_t offset) const;

  std::string name_;
  std::string text_;
  std::vector<std::uint32_t> line_starts_;
  // Continuation bytes before each block of kBlockBytes, so that finding a column on a
  // line of 100 MB reads at most one block, not the whole line.
  static constexpr std::uint32_t kBlockBytes = 4096;
  std::vector<std::uint32_t> continuations_before_block_;
};

using SourcePtr = std::shared_ptr<const SourceFile>;

// The byte offset of the first byte that is not part of valid UTF-8, if any.
std::optional<std::size_t> find_invalid_utf8(std::string_view bytes);

// Counts code points in a valid UTF-8 range.
std::uint32_t count_code_points(std::string_view text);

// Display width of a valid UTF-8 string on a terminal (CJK and emoji take two cells).
std::uint32_t display_width(std::string_view text);

// Limits on what a source may be; past them, a clear error (docs/limits.md).
inline constexpr std::size_t kMaxSourceBytes = 256u * 1024u * 1024u;

}  // namespace clause::dsl
