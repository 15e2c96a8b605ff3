#include "cli/diff_terms_text.hpp"

#include <fmt/format.h>

namespace clause::cli {
namespace {

std::vector<std::string> words_of(const std::string& s) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (true) {
    const std::size_t j = s.find(' ', i);
    out.push_back(s.substr(i, j == std::string::npos ? std::string::npos : j - i));
    if (j == std::string::npos) return out;
    i = j + 1;
  }
}

// "Microsoft 75%" and "Microsoft 70%" read "Microsoft 75% → 70%": when the two sides differ
// only in their last word, the words before it are written once ("from Cloud → anyone",
// "cap $130B → $100B"). Anything else is written whole on both sides, so that neither side
// loses a word a reader needs: "only Lab.board may declare agi → only Panel may declare agi",
// never "… → Panel may declare agi", which reads as if `only` had been dropped.
std::string arrow(const std::string& old_value, const std::string& new_value) {
  if (!old_value.empty() && old_value[0] != '"') {
    const auto a = words_of(old_value);
    const auto b = words_of(new_value);
    std::size_t common = 0;
    while (common < a.size() && common < b.size() && a[common] == b[common]) ++common;
    const bool quoted = a.back().find('"') != std::string::npos || b.back().find('"') != std::string::npos;
    if (common > 0 && a.size() == b.size() && common + 1 == a.size() && !quoted) {
      return fmt::format("{} → {}", old_value, b.back());
    }
  }
  return fmt::format("{} → {}", old_value, new_value);
}

// Parts that read as a phrase with their value, "until 2032-12-31", "verified by Panel":
// written whole on each side of the arrow, and added or removed as what now holds.
bool phrase_part(const std::string& what) {
  return what == "from" || what == "until" || what == "by" || what == "verified by" || what == "at least";
}

std::string phrase_detail(const engine::TermDetail& d) {
  const auto phrase = [&](const std::string& value) { return fmt::format("{} {}", d.what, value); };
  if (d.old_value.empty()) return "now " + phrase(d.new_value);
  if (d.new_value.empty()) {
    if (d.what == "until") return phrase(d.old_value) + " → no end date";
    if (d.what == "from") return phrase(d.old_value) + " → no start date";
    if (d.what == "by") return phrase(d.old_value) + " → no deadline";
    if (d.what == "at least") return phrase(d.old_value) + " → no minimum";
    return "no longer " + phrase(d.old_value);
  }
  return fmt::format("{} → {}", phrase(d.old_value), phrase(d.new_value));
}

}  // namespace

std::string detail_text(const engine::TermDetail& d) {
  if (phrase_part(d.what)) return phrase_detail(d);
  std::string body;
  if (d.old_value.empty()) {
    body = "added " + d.new_value;
  } else if (d.new_value.empty()) {
    body = "removed " + d.old_value;
  } else {
    body = arrow(d.old_value, d.new_value);
  }
  return d.what.empty() ? body : fmt::format("{}: {}", d.what, body);
}

std::vector<std::string> term_details(const engine::TermChange& t) {
  std::vector<std::string> out;
  for (const engine::TermDetail& d : t.details) {
    if (t.change == engine::TermChangeKind::changed) {
      out.push_back(detail_text(d));
    } else {
      out.push_back(d.new_value.empty() ? d.old_value : d.new_value);
    }
  }
  return out;
}

}  // namespace clause::cli
