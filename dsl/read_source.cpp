#include "dsl/read_source.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <fmt/format.h>

namespace clause::dsl {

ReadResult source_from_bytes(std::string name, std::string bytes) {
  ReadResult result;
  if (bytes.size() > kMaxSourceBytes) {
    result.diagnostics.report<DiagId::text_too_large>({nullptr, {}, name}, bytes.size(), kMaxSourceBytes);
    return result;
  }
  std::size_t skipped = 0;
  if (bytes.size() >= 3 && bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    bytes.erase(0, 3);
    skipped = 3;
  }
  if (const auto bad = find_invalid_utf8(bytes)) {
    // Show the text with every invalid byte replaced by `?`, so the caret still lines up.
    std::string shown = bytes;
    std::size_t i = *bad;
    while (true) {
      shown[i] = '?';
      const auto next = find_invalid_utf8(std::string_view(shown).substr(i + 1));
      if (!next) break;
      i += 1 + *next;
    }
    auto source = std::make_shared<const SourceFile>(name, std::move(shown));
    const auto at = static_cast<std::uint32_t>(*bad);
    const LineColumn lc = source->position(at);
    result.diagnostics.report<DiagId::invalid_utf8>({source, {at, at + 1}, name}, *bad + skipped, lc.line, lc.column,
                                                    static_cast<unsigned char>(bytes[*bad]));
    return result;
  }
  result.source = std::make_shared<const SourceFile>(std::move(name), std::move(bytes));
  return result;
}

ReadResult read_source_file(const std::string& path) {
  ReadResult result;
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    result.io_error = true;
    result.diagnostics.report<DiagId::file_missing>({nullptr, {}, path});
    return result;
  }
  if (std::filesystem::is_directory(status)) {
    result.io_error = true;
    result.diagnostics.report<DiagId::file_is_directory>({nullptr, {}, path});
    return result;
  }
  const auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > kMaxSourceBytes) {
    result.io_error = true;
    result.diagnostics.report<DiagId::file_too_large>({nullptr, {}, path}, size, kMaxSourceBytes);
    return result;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    result.io_error = true;
    result.diagnostics.report<DiagId::file_unreadable>({nullptr, {}, path}, std::strerror(errno));
    return result;
  }
  // Read in blocks: the size may be unknown (a pipe) or wrong (a file that is growing).
  std::string bytes;
  if (!ec) bytes.reserve(size);
  char block[1 << 16];
  while (in.read(block, sizeof block) || in.gcount() > 0) {
    bytes.append(block, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > kMaxSourceBytes) break;
  }
  if (in.bad()) {
    result.io_error = true;
    result.diagnostics.report<DiagId::file_read_error>({nullptr, {}, path});
    return result;
  }
  return source_from_bytes(path, std::move(bytes));
}

}  // namespace clause::dsl
