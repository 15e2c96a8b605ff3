// A quoted text as the syntax tree keeps it, from its source bytes: shared by the grammar's
// actions and the quick reader, so that both read a text the same way.
#pragma once

#include <string_view>

#include "dsl/syntax.hpp"

namespace clause::dsl {

// `raw` is the literal with its quotes, as matched; `span` is where it is. The text views
// `raw` unless it has escapes, when it views a decoded copy it shares.
Text text_literal(std::string_view raw, Span span);

}  // namespace clause::dsl
