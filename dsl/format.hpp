// `clause fmt`: contract and scenario files in one canonical layout (docs/formatting.md).
// The layout is printed from the syntax tree; comments, which the tree does not hold, are
// found in the text and put back next to the code they were next to. Literals are written
// exactly as the author wrote them (`$17.3B` stays `$17.3B`), so the meaning never changes.
#pragma once

#include <string>
#include <string_view>

#include "dsl/diagnostic.hpp"
#include "dsl/syntax.hpp"

namespace clause::dsl {

struct FormatResult {
  std::string text;            // the canonical layout; the input unchanged when formatting was refused
  DiagnosticList diagnostics;  // the syntax errors that made the formatter refuse
  bool formatted() const { return !diagnostics.has_errors(); }
};

// Formats a contract or a scenario (told apart by the first word, else by the file's
// extension). A file with syntax errors is refused: its text comes back unchanged.
FormatResult format_source(const SourcePtr& source);

// One declaration in the canonical layout, without comments and without the alignment a
// group of neighbours would give it: what an editor shows for a name. Lines end in '\n'.
std::string format_declaration(const Declaration& declaration, std::string_view source_text);

}  // namespace clause::dsl
