// A quoted text as the syntax tree keeps it, from its source bytes: shared by the grammar's
// actions and the quick reader, so that both read a text the same way.
#pragma once

#include <string_view>

#include "dsl/syntax.hpp"

namespace clause::dsl {

// `raw` is the literal with its quotes, as matched; `span` is where it is. The text views
// `raw` unless it has escapes, when it views a decoded copy it shares.
Text text_literal(std::string_view raw, Span span);
// The same, written into `out` field by field: the quick reader reads most of a contract's
// texts, and a Text returned and moved into the tree went through the stack, where its
// 16-byte reloads stalled on the smaller stores that had just written it.
void read_text_literal(std::string_view raw, Span span, Text& out);

}  // namespace clause::dsl
