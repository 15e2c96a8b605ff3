#include "dsl/diagnostic.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace clause::dsl {

// The table is in the enum's order, so that kind_of is an index, and no two kinds share a code.
static_assert([] {
  for (std::size_t i = 0; i < kDiagKinds.size(); ++i) {
    if (static_cast<std::size_t>(kDiagKinds[i].id) != i) return false;
    for (std::size_t j = 0; j < i; ++j) {
      if (kDiagKinds[j].code == kDiagKinds[i].code) return false;
    }
  }
  return true;
}());

Diagnostic& DiagnosticList::report(Location where, DiagMessage message) {
  add(Diagnostic{message.id, kind_of(message.id).severity, std::move(where), std::move(message.text), {}});
  return dropped_ == 0 ? items_.back() : overflow_;
}

void DiagnosticList::add(Diagnostic d) {
  if (d.severity == Severity::error) ++errors_;
  if (d.severity == Severity::warning) ++warnings_;
  if (items_.size() >= kMaxPerList) {
    // Keep counting so the exit status stays right; say once how many were left out.
    ++dropped_;
    if (dropped_ == 1) {
      DiagMessage m = message<DiagId::too_many_problems>();
      items_.push_back(Diagnostic{m.id, kind_of(m.id).severity, d.where, std::move(m.text), {}});
    }
    overflow_ = std::move(d);
    return;
  }
  items_.push_back(std::move(d));
}

void DiagnosticList::append(const DiagnosticList& other) {
  std::size_t errors = 0;
  std::size_t warnings = 0;
  for (const Diagnostic& d : other.items_) {
    add(d);
    errors += d.severity == Severity::error ? 1 : 0;
    warnings += d.severity == Severity::warning ? 1 : 0;
  }
  // What `other` counted but did not keep still counts here, so that a summary and an
  // exit status stay right past the cap.
  errors_ += other.errors_ - errors;
  warnings_ += other.warnings_ - warnings;
}

void DiagnosticList::sort() {
  std::vector<const SourceFile*> order;
  for (const Diagnostic& d : items_) {
    if (std::find(order.begin(), order.end(), d.where.source.get()) == order.end()) {
      order.push_back(d.where.source.get());
    }
  }
  const auto rank = [&](const Diagnostic& d) {
    return std::find(order.begin(), order.end(), d.where.source.get()) - order.begin();
  };
  std::stable_sort(items_.begin(), items_.end(), [&](const Diagnostic& a, const Diagnostic& b) {
    const auto ra = rank(a), rb = rank(b);
    if (ra != rb) return ra < rb;
    return a.where.span.begin < b.where.span.begin;
  });
}

namespace {

// Past this many bytes, a source line is shown as a window around the place.
constexpr std::size_t kMaxShownLineBytes = 240;
constexpr std::size_t kShownBeforePlace = 80;

struct Palette {
  const char* bold = "";
  const char* error = "";
  const char* warning = "";
  const char* note = "";
  const char* caret = "";
  const char* reset = "";
};

Palette palette(bool colour) {
  if (!colour) return {};
  return {"\x1b[1m", "\x1b[1;31m", "\x1b[1;35m", "\x1b[1;36m", "\x1b[1;32m", "\x1b[0m"};
}

// `code` is the kind's id, shown after the severity; a note under a diagnostic has none.
void render_one(std::string& out, Severity severity, std::string_view code, const Location& where,
                const std::string& message, const Palette& p) {
  const char* word = severity == Severity::error ? "error" : severity == Severity::warning ? "warning" : "note";
  const std::string label = code.empty() ? std::string(word) : fmt::format("{}[{}]", word, code);
  const char* colour = severity == Severity::error ? p.error : severity == Severity::warning ? p.warning : p.note;
  if (!where.source) {
    const std::string& name = where.path.empty() ? std::string("clause") : where.path;
    out += fmt::format("{}{}:{} {}{}:{} {}\n", p.bold, name, p.reset, colour, label, p.reset, message);
    return;
  }
  const SourceFile& src = *where.source;
  const LineColumn lc = src.position(where.span.begin);
  out += fmt::format("{}{}:{}:{}:{} {}{}:{} {}\n", p.bold, src.name(), lc.line, lc.column, p.reset, colour, label,
                     p.reset, message);
  const std::string_view whole_line = src.line_text(lc.line);
  const std::string number = std::to_string(lc.line);
  const std::string gutter(number.size(), ' ');
  // A very long line (a minified file) is shown as a window around the place, so that
  // rendering stays proportional to the message, not to the line.
  std::uint32_t line_start = src.line_start(lc.line);
  std::string_view line = whole_line;
  const char* lead = "";
  const char* tail = "";
  if (whole_line.size() > kMaxShownLineBytes) {
    const auto continuation = [&](std::size_t i) {
      return i < whole_line.size() && (static_cast<unsigned char>(whole_line[i]) & 0xC0u) == 0x80u;
    };
    const std::size_t at = std::min<std::size_t>(whole_line.size(), where.span.begin - line_start);
    std::size_t from = at > kShownBeforePlace ? at - kShownBeforePlace : 0;
    while (continuation(from)) ++from;
    std::size_t to = std::min(whole_line.size(), from + kMaxShownLineBytes);
    while (continuation(to)) --to;
    line = whole_line.substr(from, to - from);
    line_start += static_cast<std::uint32_t>(from);
    if (from > 0) lead = "…";
    if (to < whole_line.size()) tail = "…";
  }
  // Tabs stay tabs so the caret lines up whatever the terminal's tab width.
  std::string pad(*lead != '\0' ? 1 : 0, ' ');
  const std::string_view before = line.substr(0, std::min<std::size_t>(line.size(), where.span.begin - line_start));
  std::size_t i = 0;
  while (i < before.size()) {
    if (before[i] == '\t') { pad.push_back('\t'); ++i; continue; }
    std::size_t n = 1;
    while (i + n < before.size() && (static_cast<unsigned char>(before[i + n]) & 0xC0u) == 0x80u) ++n;
    pad.append(display_width(before.substr(i, n)), ' ');
    i += n;
  }
  std::uint32_t underline = 1;
  if (where.span.end > where.span.begin) {
    const std::size_t from = before.size();
    const std::size_t to = std::min<std::size_t>(line.size(), where.span.end - line_start);
    if (to > from) underline = std::max<std::uint32_t>(1, display_width(line.substr(from, to - from)));
  }
  out += fmt::format(" {} | {}{}{}\n", number, lead, line, tail);
  out += fmt::format(" {} | {}{}^{}{}\n", gutter, pad, p.caret, std::string(underline - 1, '~'), p.reset);
}

}  // namespace

std::string render_diagnostic(const Diagnostic& d, const RenderOptions& options) {
  const Palette p = palette(options.colour);
  std::string out;
  render_one(out, d.severity, kind_of(d.id).code, d.where, d.message, p);
  for (const DiagnosticNote& n : d.notes) {
    if (n.where.source) render_one(out, Severity::note, {}, n.where, n.message, p);
    else out += fmt::format("  {}note:{} {}\n", p.note, p.reset, n.message);
  }
  return out;
}

std::string render_diagnostics(const DiagnosticList& list, const RenderOptions& options) {
  std::string out;
  for (const Diagnostic& d : list.items()) out += render_diagnostic(d, options);
  return out;
}

}  // namespace clause::dsl
