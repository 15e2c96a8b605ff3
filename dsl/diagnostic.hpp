// Diagnostics are data: a kind (dsl/diagnostic_kinds.hpp), a place, a message and notes.
// They are collected by every phase and rendered once, at the edge (see render_diagnostics).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "dsl/diagnostic_kinds.hpp"
#include "dsl/source.hpp"

namespace clause::dsl {

// A place in a source. `source` may be null for problems with no text to point at
// (a file that cannot be read); `path` then names what the problem is about.
struct Location {
  SourcePtr source;
  Span span;
  std::string path;
};

struct DiagnosticNote {
  Location where;
  std::string message;
};

struct Diagnostic {
  DiagId id;          // its kind: the registry gives its code and severity
  Severity severity;  // always the kind's; kept here since every reader of a list asks it
  Location where;
  std::string message;  // made from the kind's format
  std::vector<DiagnosticNote> notes;
};

class DiagnosticList {
 public:
  // Past this many, one more diagnostic says the rest were left out.
  static constexpr std::size_t kMaxPerList = 500;

  // The one way to report a problem: its kind, its place, and the arguments of the kind's
  // format (checked against the format when this is compiled).
  template <DiagId Id, typename... Args>
  Diagnostic& report(Location where, Args&&... args) {
    return report(std::move(where), message<Id>(std::forward<Args>(args)...));
  }
  // A message made earlier (by a literal's reader, or a function that knows which kind applies).
  Diagnostic& report(Location where, DiagMessage message);
  // A diagnostic from another list, kept as it is.
  void add(Diagnostic d);
  void append(const DiagnosticList& other);

  bool has_errors() const { return errors_ > 0; }
  std::size_t error_count() const { return errors_; }
  std::size_t warning_count() const { return warnings_; }
  bool empty() const { return items_.empty(); }
  const std::vector<Diagnostic>& items() const { return items_; }
  // In source order within each source, sources in the order first seen.
  void sort();

 private:
  std::vector<Diagnostic> items_;
  std::size_t errors_ = 0;
  std::size_t warnings_ = 0;
  std::size_t dropped_ = 0;
  Diagnostic overflow_{DiagId::too_many_problems, Severity::note, {}, {}, {}};
};

struct RenderOptions {
  bool colour = false;
};

// GCC style with the kind's code: `file:line:col: error[E0203]: message`, the source
// line, a caret under the place.
std::string render_diagnostic(const Diagnostic& d, const RenderOptions& options);
std::string render_diagnostics(const DiagnosticList& list, const RenderOptions& options);

}  // namespace clause::dsl
