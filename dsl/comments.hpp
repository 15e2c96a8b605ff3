// Comments are not in the syntax tree (the grammar skips them with the spaces), so the
// tools that must keep them — the formatter — find them in the text.
#pragma once

#include <string_view>
#include <vector>

#include "dsl/source.hpp"

namespace clause::dsl {

struct Comment {
  Span span;              // from `//` to the end of its line, line end and trailing spaces left out
  bool trailing = false;  // code comes before it on its line
};

// Every `//` comment outside a string, in order. Strings end at their closing quote or,
// unterminated, at the end of the line (as the grammar reads them).
std::vector<Comment> find_comments(std::string_view text);

}  // namespace clause::dsl
