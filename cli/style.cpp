#include "cli/style.hpp"

#include <fmt/format.h>

#include "dsl/source.hpp"

namespace clause::cli {

std::string Style::paint(std::string_view code, std::string_view text) const {
  if (!colour) return std::string(text);
  return fmt::format("\x1b[{}m{}\x1b[0m", code, text);
}

std::string Style::kind(engine::OutcomeKind k, std::string_view text) const {
  using engine::OutcomeKind;
  switch (k) {
    case OutcomeKind::permitted: return paint("32", text);
    case OutcomeKind::breach: return paint("1;31", text);
    case OutcomeKind::declared: return paint("36", text);
    case OutcomeKind::ineffective: return paint("33", text);
    case OutcomeKind::consented: return paint("32", text);
    case OutcomeKind::ended: return paint("35", text);
    case OutcomeKind::payout: return paint("34", text);
    case OutcomeKind::uncovered: return paint("2", text);
    case OutcomeKind::verified: return paint("36", text);
    case OutcomeKind::rejected: return paint("33", text);
    case OutcomeKind::declined: return paint("36", text);
    case OutcomeKind::expired: return paint("35", text);
    case OutcomeKind::fulfilled: return paint("32", text);
  }
  return std::string(text);
}

std::string_view symbol(engine::OutcomeKind k) {
  using engine::OutcomeKind;
  switch (k) {
    case OutcomeKind::permitted: return "✓";
    case OutcomeKind::breach: return "✗";
    case OutcomeKind::declared: return "●";
    case OutcomeKind::ineffective: return "○";
    case OutcomeKind::consented: return "✎";
    case OutcomeKind::ended: return "■";
    case OutcomeKind::payout: return "$";
    case OutcomeKind::uncovered: return "?";
    case OutcomeKind::verified: return "◉";
    case OutcomeKind::rejected: return "⊘";
    case OutcomeKind::declined: return "↷";
    case OutcomeKind::expired: return "⧗";  // not ⌛, which terminals draw two cells wide
    case OutcomeKind::fulfilled: return "✔";
  }
  return " ";
}

std::string pad(std::string_view text, std::size_t width) {
  const std::size_t w = dsl::display_width(text);
  std::string out(text);
  if (w < width) out.append(width - w, ' ');
  return out;
}

std::string pad_left(std::string_view text, std::size_t width) {
  const std::size_t w = dsl::display_width(text);
  std::string out;
  if (w < width) out.append(width - w, ' ');
  out += text;
  return out;
}

}  // namespace clause::cli
