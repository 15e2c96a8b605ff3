#include "cli/diagnostics_json.hpp"

namespace clause::cli {
namespace {

// Keys in sorted order (cli::Json, the answers', keeps insertion order).
using SortedJson = nlohmann::json;

const char* severity_name(dsl::Severity s) {
  switch (s) {
    case dsl::Severity::error: return "error";
    case dsl::Severity::warning: return "warning";
    case dsl::Severity::note: return "note";
  }
  return "";
}

// The place's fields, added to `j`.
void place(SortedJson& j, const dsl::Location& where, bool with_end) {
  if (!where.source) {
    j["file"] = where.path;
    j["line"] = nullptr;
    j["column"] = nullptr;
    return;
  }
  j["file"] = where.source->name();
  const dsl::LineColumn begin = where.source->position(where.span.begin);
  j["line"] = begin.line;
  j["column"] = begin.column;
  if (with_end) {
    const dsl::LineColumn end = where.source->position(where.span.end);
    j["end_line"] = end.line;
    j["end_column"] = end.column;
  }
}

}  // namespace

SortedJson diagnostic_json(const dsl::Diagnostic& d) {
  SortedJson j = SortedJson::object();
  j["code"] = std::string(dsl::kind_of(d.id).code);
  j["severity"] = severity_name(d.severity);
  place(j, d.where, true);
  j["message"] = d.message;
  SortedJson notes = SortedJson::array();
  for (const dsl::DiagnosticNote& n : d.notes) {
    SortedJson note = SortedJson::object();
    place(note, n.where, false);
    note["message"] = n.message;
    notes.push_back(std::move(note));
  }
  j["notes"] = std::move(notes);
  return j;
}

SortedJson diagnostics_json(const dsl::DiagnosticList& list) {
  SortedJson out = SortedJson::array();
  for (const dsl::Diagnostic& d : list.items()) out.push_back(diagnostic_json(d));
  return out;
}

}  // namespace clause::cli
