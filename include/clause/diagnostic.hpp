// Problems with what a caller handed in (a contract's text, an event, a date, an
// assumption) come back as values, never as exceptions: a Diagnostic each, with its place.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "clause/export.hpp"

namespace clause {

// A place in a source: a file (or the name given to a text), a line and a column (from
// 1, the column in code points). A problem with no text to point at (a file that cannot
// be read) has no line or column.
//
//   std::cout << d.place.text();  // "deal.clause:3:14"
struct Place {
  std::string file;
  std::optional<std::uint32_t> line;
  std::optional<std::uint32_t> column;

  // "contracts/x.clause:12:3", or the file alone.
  CLAUSE_API std::string text() const;
};

// One problem: its id ("E0203", listed in docs/diagnostics.md), "error", "warning" or
// "note", its place and message, and the whole of it as `clause check` prints it (the
// source line and a caret under the place).
//
//   for (const clause::Diagnostic& d : loaded.diagnostics) std::cerr << d.rendered;
struct Diagnostic {
  std::string code;
  std::string severity;
  Place place;
  std::string message;
  std::string rendered;

  bool is_error() const { return severity == "error"; }
};

// A value or the diagnostics that prevented it. With a value, `diagnostics` holds the
// warnings that came with it; without one, at least one error.
//
//   clause::Result<clause::Contract> c = clause::load_file("deal.clause");
//   if (!c) { for (auto& d : c.diagnostics) std::cerr << d.rendered; return 1; }
//   c->ask({"agi is declared"});
template <typename T>
struct Result {
  std::optional<T> value;
  std::vector<Diagnostic> diagnostics;

  bool ok() const { return value.has_value(); }
  explicit operator bool() const { return ok(); }
  const T& operator*() const { return *value; }
  const T* operator->() const { return &*value; }
};

// Assumptions overridden for one load or one question, as `--set NAME=VALUE` takes them:
// {{"microsoft_cap", "100B"}, {"revenue_share", "20%"}}.
//
//   clause::load_file("deal.clause", {{"microsoft_cap", "100B"}});
using Assumptions = std::vector<std::pair<std::string, std::string>>;

}  // namespace clause
