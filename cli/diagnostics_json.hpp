// Diagnostics as JSON, for `--json`: each with its id, severity, place and message, and
// its notes.
#pragma once

#include <nlohmann/json.hpp>

#include "dsl/diagnostic.hpp"

namespace clause::cli {

// {"code": "E0203", "severity": "error", "file": ..., "line": 3, "column": 28,
//  "end_line": 3, "end_column": 33, "message": ..., "notes": [{"file", "line", "column", "message"}]}
// A diagnostic with no text to point at (an unreadable file) has its path as `file` and
// null places.
nlohmann::json diagnostic_json(const dsl::Diagnostic& d);
nlohmann::json diagnostics_json(const dsl::DiagnosticList& list);

}  // namespace clause::cli
