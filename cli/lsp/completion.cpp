// `textDocument/completion`: keywords where they fit and declared names of the kind that
// fits — parties after `only`, `if`, `grants`, `from`, `verified by`; clauses after `exception X to`;
// licences, clauses and exceptions after `then`; money assumptions after `cap`, `first`,
// `next`, `up to`; a party's bodies after `Party.`. Best effort, from the words before the
// cursor on its line and the declaration the line belongs to: it works on half-typed text.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "cli/lsp/features.hpp"
#include "cli/lsp/kinds.hpp"

namespace clause::cli::lsp {

namespace {

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The words before the cursor on its line: names, keywords, literals and the marks `:`
// `,` `=` `{` `}` each a word. Empty when the cursor is in a comment or a string.
struct LineBefore {
  std::vector<std::string> words;
  std::string partial;  // the word being typed, up to the cursor (may hold a `.`)
  bool indented = false;
  bool silent = false;  // in a comment or a string: nothing to complete
};

LineBefore read_line_before(std::string_view line) {
  LineBefore out;
  out.indented = !line.empty() && (line[0] == ' ' || line[0] == '\t');
  std::size_t i = 0;
  while (i < line.size()) {
    const char c = line[i];
    if (c == ' ' || c == '\t' || c == '\r') {
      ++i;
    } else if (c == '"') {
      std::size_t j = i + 1;
      while (j < line.size() && line[j] != '"') j += line[j] == '\\' ? 2u : 1u;
      if (j >= line.size()) {
        out.silent = true;
        return out;
      }
      out.words.push_back("\"\"");
      i = j + 1;
    } else if (c == '/' && i + 1 < line.size() && line[i + 1] == '/') {
      out.silent = true;
      return out;
    } else if (is_word_char(c) || c == '$' || c == '.' || c == '%' || c == '-') {
      std::size_t j = i;
      while (j < line.size() && (is_word_char(line[j]) || line[j] == '$' || line[j] == '.' || line[j] == '%' ||
                                 line[j] == '-' || (line[j] == ',' && line[i] == '$'))) {
        ++j;
      }
      out.words.emplace_back(line.substr(i, j - i));
      i = j;
    } else {
      out.words.emplace_back(1, c);
      ++i;
    }
  }
  // A word that reaches the cursor is being typed.
  if (!line.empty() && (is_word_char(line.back()) || line.back() == '.') && !out.words.empty()) {
    out.partial = out.words.back();
    out.words.pop_back();
  }
  return out;
}

class Items {
 public:
  void keyword(std::string_view word) { add(std::string(word), kKeywordKind.completion, "keyword"); }
  void keywords(std::initializer_list<std::string_view> words) {
    for (const std::string_view w : words) keyword(w);
  }
  void add(std::string label, int kind, std::string detail) {
    if (label.empty() || !seen_.insert(label).second) return;
    items_.push_back({{"label", std::move(label)}, {"kind", kind}, {"detail", std::move(detail)}});
  }
  nlohmann::json done() { return {{"isIncomplete", false}, {"items", std::move(items_)}}; }

 private:
  nlohmann::json items_ = nlohmann::json::array();
  std::set<std::string> seen_;
};

// The declared names of a contract, by kind.
class Names {
 public:
  explicit Names(const Document* contract) : contract_(contract) {}

  void add(Items& items, std::initializer_list<dsl::DeclKind> kinds) const {
    if (contract_ == nullptr) return;
    for (const dsl::Declaration& d : contract_->contract.declarations) {
      if (std::find(kinds.begin(), kinds.end(), d.kind()) == kinds.end()) continue;
      std::string detail = declaration_kind_name(d.kind());
      if (const auto& title = title_of(d)) detail += fmt::format(" — {}", title->value);
      items.add(std::string(d.name().text), editor_kind(d.kind()).completion, detail);
    }
  }
  // Parties and, with `with_bodies`, their bodies as `Party.body`.
  void actors(Items& items, bool with_bodies) const {
    add(items, {dsl::DeclKind::party});
    if (!with_bodies || contract_ == nullptr) return;
    for (const dsl::Declaration& d : contract_->contract.declarations) {
      if (const auto* p = std::get_if<dsl::PartyDecl>(&d.node)) {
        for (const dsl::Ident& b : p->bodies) items.add(fmt::format("{}.{}", p->name.text, b.text), kFieldKind.completion, "body");
      }
    }
  }
  void bodies_of(Items& items, std::string_view party) const {
    if (contract_ == nullptr) return;
    const dsl::Declaration* d = find_declaration(contract_->contract, party);
    const auto* p = d != nullptr ? std::get_if<dsl::PartyDecl>(&d->node) : nullptr;
    if (p == nullptr) return;
    for (const dsl::Ident& b : p->bodies) items.add(std::string(b.text), kFieldKind.completion, fmt::format("body of {}", p->name.text));
  }
  // Assumptions that hold money (a cap, a tier's amount, a limit).
  void money_assumptions(Items& items) const {
    if (contract_ == nullptr) return;
    for (const dsl::Declaration& d : contract_->contract.declarations) {
      const auto* a = std::get_if<dsl::AssumeDecl>(&d.node);
      if (a != nullptr && std::holds_alternative<dsl::MoneyLit>(a->value)) {
        items.add(std::string(a->name.text), kAssumeKind.completion, "assumption");
      }
    }
  }
  // The streams waterfalls share out (`profit`, `revenue`, ...).
  void streams(Items& items) const {
    if (contract_ == nullptr) return;
    for (const dsl::Declaration& d : contract_->contract.declarations) {
      if (const auto* w = std::get_if<dsl::WaterfallDecl>(&d.node)) {
        items.add(w->stream ? std::string(w->stream->text) : std::string("profit"), kValueKind.completion, "stream");
      }
    }
  }
  // Statuses that powers name: what can be declared.
  void statuses(Items& items) const {
    if (contract_ == nullptr) return;
    for (const dsl::Declaration& d : contract_->contract.declarations) {
      if (const auto* p = std::get_if<dsl::PowerDecl>(&d.node)) items.add(std::string(p->status.text), kValueKind.completion, "status");
    }
  }

 private:
  const Document* contract_;
};

// The first word of the nearest line at or above `line` that begins at the left margin:
// the keyword of the declaration the line belongs to.
std::string enclosing_keyword(const TextPositions& text, std::uint32_t line) {
  for (std::uint32_t l = line + 1; l-- > 0;) {
    const std::uint32_t start = text.offset({l, 0}, PositionEncoding::utf8);
    const std::string_view rest = std::string_view(text.text()).substr(start);
    if (rest.empty() || !is_word_char(rest[0])) continue;
    std::size_t n = 0;
    while (n < rest.size() && is_word_char(rest[n])) ++n;
    return std::string(rest.substr(0, n));
  }
  return {};
}

bool is_date(const std::string& w) {
  return w.size() == 10 && w[4] == '-' && w[7] == '-' &&
         std::all_of(w.begin(), w.end(), [](char c) { return (c >= '0' && c <= '9') || c == '-'; });
}

bool has(const std::vector<std::string>& w, std::string_view word) { return std::find(w.begin(), w.end(), word) != w.end(); }

void complete_contract(Items& items, const Names& names, const LineBefore& l, const std::string& within) {
  const std::vector<std::string>& w = l.words;
  const std::string prev = w.empty() ? "" : w.back();
  const std::string prev2 = w.size() >= 2 ? w[w.size() - 2] : "";
  if (w.empty()) {
    if (!l.indented) {
      items.keywords({"party", "assume", "licence", "clause", "exception", "power", "waterfall"});
    } else if (within == "waterfall") {
      items.keywords({"tier", "overflow"});
      names.actors(items, false);
    } else if (within == "exception") {
      items.keywords({"if", "up", "from", "until"});
      names.actors(items, true);
    } else if (within == "clause") {
      items.keywords({"when", "from", "until"});
      names.actors(items, true);
    } else if (within == "power") {
      items.keyword("only");
    } else if (within == "licence") {
      items.keywords({"from", "until"});
      names.actors(items, true);
    }
    return;
  }
  const std::string first = w.front();
  // A term may follow a statement, a licence's grant or a waterfall's header: `from`, `until`.
  const auto term_keywords = [&] {
    if (has(w, "by")) return items.keyword("from");  // a commitment's `by DATE [from DATE]`
    if (!has(w, "from") || has(w, "only") || has(w, "may") || has(w, "not")) items.keyword("from");
    items.keyword("until");
  };
  if (is_date(prev) && (within == "licence" || within == "clause" || within == "waterfall")) return term_keywords();
  if (prev2 == "grants" && within == "licence") return term_keywords();
  if (prev == "first" && prev2 != "tier" && within == "clause") return term_keywords();
  if (first == "waterfall" && (prev2 == "of" || (w.size() >= 3 && w[w.size() - 3] == "of"))) {
    if (prev2 == "of") names.streams(items);
    return term_keywords();
  }
  // After an exclusivity's, prohibition's or freedom's vendor.
  if (within == "clause" && prev2 == "from" && !has(w, "least") && !has(w, "when")) return term_keywords();
  if (prev == "verified" && within == "power") return items.keyword("by");
  if (prev == "by" && prev2 == "verified") return names.actors(items, true);
  if (within == "power" && prev2 == "declare") return items.keyword("verified by");
  if (prev == "at" && prev2 == "buy") return items.keyword("least");
  if (prev == "least") return names.money_assumptions(items);
  if (prev2 == "least") return items.keyword("of");
  if (prev == "of" && has(w, "least")) return;  // a good
  if (prev2 == "from" && has(w, "least")) return items.keyword("by");
  if (prev == "offer") return;  // a good
  if (prev2 == "offer") return items.keyword("to");
  if (prev == "to" && has(w, "offer")) return names.actors(items, false);
  if (prev2 == "to" && has(w, "offer")) return items.keyword("first");
  if (prev == "do") return;  // a text
  if (prev == "\"\"" && prev2 == "do") return term_keywords();
  if (prev == "to" && prev2 == "overflow") return names.actors(items, false);
  if (prev == "to" && first == "exception") return names.add(items, {dsl::DeclKind::clause});
  if (prev == "then" || (prev == "," && std::find(w.begin(), w.end(), "then") != w.end())) {
    return names.add(items, {dsl::DeclKind::licence, dsl::DeclKind::clause, dsl::DeclKind::exception});
  }
  if (prev == "cap" || (prev == "first" && within != "clause") || prev == "next") return names.money_assumptions(items);
  if (prev == "only" && within == "clause") return items.keyword("from");
  if (prev == "only" || prev == "if" || prev == "grants" || prev == "when") return names.actors(items, true);
  if (prev == "from" && w.size() >= 2 && (has(w, "may"))) {
    items.keyword("anyone");  // a freedom's or an exception's vendor
    return names.actors(items, true);
  }
  if (prev == "from" && (first == "waterfall" || has(w, "grants") || is_date(prev2) ||
                         std::count(w.begin(), w.end(), "from") >= 2)) {
    return;  // a term's date
  }
  if (prev == "of" || (prev == "from" && w.size() >= 2)) return names.actors(items, prev == "from");
  if (prev == "overflow") return items.keyword("to");
  if (prev == "must") return items.keywords({"buy", "not", "offer"});
  if (prev == "buy" && prev2 == "must") return items.keyword("at least");  // `at` only begins `at least`
  if (prev == "not") return items.keywords({"buy", "do"});
  if (prev == "may") return items.keywords({"buy", "declare", "do"});
  if (prev == "declare" || prev == "declares") return names.statuses(items);
  if (prev == "is") return items.keywords({"declared", "verified"});
  if (prev == "tier" || (prev == "\"\"" && first == "tier")) return items.keywords({"first", "next", "until", "rest"});
  if (prev == "until" && first == "tier") return items.keyword("capped");
  if (within == "waterfall" && !prev.empty() && prev.back() == '%') return items.keyword("cap");
  if (prev == ",") return names.actors(items, false);  // the next share
}

void complete_scenario(Items& items, const Names& names, const LineBefore& l) {
  const std::vector<std::string>& w = l.words;
  const std::string prev = w.empty() ? "" : w.back();
  const std::string prev2 = w.size() >= 2 ? w[w.size() - 2] : "";
  if (w.empty()) return items.keywords({"on", "expect", "assume"});
  const std::string first = w.front();
  if (first == "assume") {
    if (w.size() == 1) names.add(items, {dsl::DeclKind::assumption});
    return;
  }
  if (first == "on") {
    // on DATE: SUBJECT VERB ...
    const auto colon = std::find(w.begin(), w.end(), ":");
    if (colon == w.end()) return;
    const auto after = static_cast<std::size_t>(w.end() - colon) - 1;  // words after the colon
    if (after == 0) {
      names.actors(items, true);
      names.statuses(items);
      items.keyword("nothing happens");
      return;
    }
    if (after == 1 && prev == "nothing") return items.keyword("happens");
    if (after == 1) {
      return items.keywords({"declares", "is", "verifies", "rejects", "consents", "buys", "declines", "uses", "earns",
                             "does"});
    }
    if (prev == "is") return items.keywords({"declared", "verified"});
    if (prev == "verifies" || prev == "rejects") return names.statuses(items);
    if (prev2 == "declines") return items.keyword("for");
    if (prev2 == "earns") return items.keyword("in");
    if (prev == "in" && has(w, "earns")) return names.streams(items);
    if (prev == "consents") return items.keyword("to");
    if (prev == "to" && prev2 == "consents") return names.add(items, {dsl::DeclKind::exception});
    if (prev == "uses") return names.add(items, {dsl::DeclKind::licence});
    if (prev == "declares") return names.statuses(items);
    if (prev == "from") return names.actors(items, false);
    if (prev2 == "from") return items.keyword("for");
    return;
  }
  if (first == "expect") {
    if (w.size() == 1) {
      items.keywords({"breach", "no", "permitted", "ineffective", "uncovered", "declined", "verified", "rejected"});
      names.add(items, {dsl::DeclKind::licence, dsl::DeclKind::clause, dsl::DeclKind::exception});
      names.actors(items, true);
      return;
    }
    if (prev == "breach" && w.size() == 2) return items.keyword("of");
    if (prev == "no") return items.keyword("breach");
    if (prev == "of") return names.add(items, {dsl::DeclKind::clause, dsl::DeclKind::licence});
    if (prev == "by") return names.actors(items, true);
    if (prev == "permitted" || prev == "ineffective" || prev == "uncovered" || prev == "declined" ||
        prev == "verified" || prev == "rejected") {
      return items.keyword("on");
    }
    if (prev == "ended" || prev == "expired") return items.keyword("on");
    if (w.size() == 2) return items.keywords({"ended", "expired", "fulfilled", "live", "receives"});
    if (prev2 == "of") return items.keywords({"by", "on"});
  }
}

}  // namespace

nlohmann::json completion(const Workspace& ws, const DocumentPtr& doc, std::uint32_t offset) {
  const std::string& text = doc->text.text();
  offset = std::min(offset, static_cast<std::uint32_t>(text.size()));
  const Position at = doc->text.position(offset, PositionEncoding::utf8);
  const std::uint32_t line_start = offset - at.character;
  const LineBefore l = read_line_before(std::string_view(text).substr(line_start, offset - line_start));
  Items items;
  if (l.silent) return items.done();
  const DocumentPtr contract = ws.contract_for(doc);
  const Names names(contract.get());
  if (const std::size_t dot = l.partial.find('.'); dot != std::string::npos) {
    names.bodies_of(items, l.partial.substr(0, dot));
    return items.done();
  }
  if (doc->kind == DocumentKind::contract) {
    complete_contract(items, names, l, enclosing_keyword(doc->text, at.line));
  } else {
    complete_scenario(items, names, l);
  }
  return items.done();
}

}  // namespace clause::cli::lsp
