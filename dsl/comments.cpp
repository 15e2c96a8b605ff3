#include "dsl/comments.hpp"

namespace clause::dsl {

std::vector<Comment> find_comments(std::string_view text) {
  std::vector<Comment> out;
  bool code_on_line = false;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '\n') {
      code_on_line = false;
      ++i;
    } else if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
    } else if (c == '"') {
      code_on_line = true;
      ++i;
      while (i < text.size() && text[i] != '"' && text[i] != '\n') {
        i += (text[i] == '\\' && i + 1 < text.size() && text[i + 1] != '\n') ? 2u : 1u;
      }
      if (i < text.size() && text[i] == '"') ++i;
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {
      std::size_t end = text.find('\n', i);
      if (end == std::string_view::npos) end = text.size();
      const std::size_t line_end = end;
      while (end > i && (text[end - 1] == ' ' || text[end - 1] == '\t' || text[end - 1] == '\r')) --end;
      out.push_back({{static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(end)}, code_on_line});
      i = line_end;
    } else {
      code_on_line = true;
      ++i;
    }
  }
  return out;
}

}  // namespace clause::dsl
