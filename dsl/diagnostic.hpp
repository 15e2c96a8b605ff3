// Diagnostics are data: a severity, a place, a message and notes. They are collected by
// every phase and rendered once, at the edge (see render_diagnostics).
#pragma once

#include <string>
#include <vector>

#include "dsl/source.hpp"

namespace clause::dsl {

enum class Severity { error, warning, note };

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
  Severity severity = Severity::error;
  Location where;
  std::string message;  // house style: lower case, no final period, code in backticks
  std::vector<DiagnosticNote> notes;
};

class DiagnosticList {
 public:
  // Past this many, one more diagnostic says the rest were left out.
  static constexpr std::size_t kMaxPerList = 500;

  Diagnostic& error(Location where, std::string message);
  Diagnostic& warning(Location where, std::string message);
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
  Diagnostic overflow_;
};

struct RenderOptions {
  bool colour = false;
};

// GCC style: `file:line:col: error: message`, the source line, a caret under the place.
std::string render_diagnostic(const Diagnostic& d, const RenderOptions& options);
std::string render_diagnostics(const DiagnosticList& list, const RenderOptions& options);

}  // namespace clause::dsl
