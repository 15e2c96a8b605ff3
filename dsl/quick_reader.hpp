// The quick way through a contract's declarations: a hand-written reader for a
// declaration that is well formed, with every literal valid. Private to the parser
// (parser.cpp) and its tests.
//
// The grammar (grammar.hpp, PEGTL) stays the definition of the language and the only
// source of syntax errors: the parser tries this reader first at each declaration, and
// when it declines, reads the declaration again with the grammar, which builds the same
// tree or reports what is wrong. So the reader may decline anything it is unsure of, but
// what it accepts it must read exactly as the grammar does, spans included (a test and the
// contract fuzz target compare the two trees on every input they have).
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "dsl/syntax.hpp"

namespace clause::dsl {

struct QuickRead {
  const char* next;              // after the declaration and the spaces and comments that follow it
  std::uint32_t last_token_end;  // where its last token ends: the end of its span
};

// Reads the declaration at `at` (the text is [base, end)) and appends it to `out`, or
// returns nullopt and leaves `out` as it was. Reports nothing.
std::optional<QuickRead> read_declaration_quickly(const char* base, const char* at, const char* end,
                                                  std::vector<Declaration>& out);

}  // namespace clause::dsl
