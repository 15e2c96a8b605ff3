#include "dsl/format.hpp"

#include <algorithm>
#include <filesystem>
#include <optional>

#include <fmt/format.h>

#include "dsl/comments.hpp"
#include "dsl/parse.hpp"

namespace clause::dsl {
namespace {

constexpr std::size_t kIndentWidth = 2;
// Shares without caps go on one line while that line fits in this many columns.
constexpr std::size_t kMaxLineWidth = 100;

// What comes before a line of code: nothing (inside a declaration or a header), the blank
// lines the author left (within a group of parties, of assumptions, or of scenario lines of
// one kind), one blank line (between declarations), or nothing at the start of the file.
enum class Gap { start, none, author, blank };

struct Line {
  std::size_t indent = 0;  // in levels
  std::string code;
  std::uint32_t start = 0;  // where the line's first token is in the source
  Gap gap = Gap::none;
};

const char* outcome_word(OutcomeOnKind kind) {
  switch (kind) {
    case OutcomeOnKind::permitted: return "permitted";
    case OutcomeOnKind::ineffective: return "ineffective";
    case OutcomeOnKind::uncovered: return "uncovered";
    case OutcomeOnKind::declined: return "declined";
    case OutcomeOnKind::verified: return "verified";
    case OutcomeOnKind::rejected: return "rejected";
  }
  return "";
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

std::string padded(const std::string& s, std::size_t width) {
  return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
}

// A comment and the code it stays next to (see weave): the token after it for a comment on
// a line of its own, the code before it on its line for a trailing one.
struct PlacedComment {
  Span span;
  bool trailing = false;
  std::uint32_t next = 0;  // own-line: where the next token begins (the text's size if none)
};

std::vector<PlacedComment> place_comments(std::string_view text) {
  const std::vector<Comment> comments = find_comments(text);
  std::vector<PlacedComment> out;
  for (std::size_t k = 0; k < comments.size(); ++k) {
    std::uint32_t next = comments[k].span.end;
    std::size_t m = k + 1;
    while (true) {
      while (next < text.size() && is_space(text[next])) ++next;
      if (m < comments.size() && comments[m].span.begin == next) {
        next = comments[m++].span.end;
        continue;
      }
      break;
    }
    out.push_back({comments[k].span, comments[k].trailing, next});
  }
  return out;
}

// Prints the parts of the tree as the author wrote them: names by their text, literals
// and strings by their source bytes (escapes, separators and scale suffixes kept).
class Printer {
 public:
  Printer(std::string_view text, const std::vector<PlacedComment>& comments) : text_(text), comments_(comments) {}

  std::string raw(Span s) const {
    if (s.begin > s.end || s.end > text_.size()) return {};
    return std::string(text_.substr(s.begin, s.end - s.begin));
  }
  std::string titled(std::string head, const std::optional<Text>& title) const {
    if (title) head += " " + raw(title->span);
    return head;
  }
  static std::string actor(const ActorRef& a) { return a.to_string(); }
  std::string amount(const std::optional<AmountRef>& a) const {
    if (!a) return {};
    return amount(*a);
  }
  std::string amount(const AmountRef& a) const {
    return std::visit(
        [&](const auto& v) -> std::string {
          if constexpr (std::is_same_v<std::decay_t<decltype(v)>, Ident>) return std::string(v.text);
          else return raw(v.span);
        },
        a.value);
  }
  // ` from DATE until DATE`, `from` first whatever the order written; "" with no term.
  std::string term(const Term& t) const {
    std::string out;
    if (t.from) out += " from " + raw(t.from->span);
    if (t.until) out += " until " + raw(t.until->span);
    return out;
  }
  std::string percent(const PercentRef& p) const {
    return std::visit(
        [&](const auto& v) -> std::string {
          if constexpr (std::is_same_v<std::decay_t<decltype(v)>, Ident>) return std::string(v.text);
          else return raw(v.span);
        },
        p.value);
  }
  std::string value(const std::variant<MoneyLit, PercentLit>& v) const {
    return std::visit([&](const auto& lit) { return raw(lit.span); }, v);
  }

  std::string pattern(const Pattern& p) const {
    return std::visit(
        [&](const auto& x) -> std::string {
          using P = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<P, StatusDeclaredPattern>) return std::string(x.status.text) + " is declared";
          else if constexpr (std::is_same_v<P, StatusVerifiedPattern>) return std::string(x.status.text) + " is verified";
          else if constexpr (std::is_same_v<P, ActorDeclaresPattern>) return actor(x.actor) + " declares " + std::string(x.status.text);
          else if constexpr (std::is_same_v<P, BuysPattern>)
            return actor(x.buyer) + " buys " + std::string(x.good.text) + " from " + actor(x.vendor);
          else return actor(x.actor) + " does " + raw(x.text.span);
        },
        p);
  }

  std::string statement(const Statement& s) const {
    return std::visit(
        [&](const auto& x) -> std::string {
          using S = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<S, ExclusivityStmt>) {
            std::string out = actor(x.buyer) + " must buy " + std::string(x.good.text) + " only from " + actor(x.vendor);
            for (const ActorRef& v : x.more_vendors) out += " or " + actor(v);
            return out;
          } else if constexpr (std::is_same_v<S, ProhibitionStmt>) {
            return actor(x.buyer) + " must not buy " + std::string(x.good.text) + " from " + actor(x.vendor);
          } else if constexpr (std::is_same_v<S, FirstRefusalStmt>) {
            return actor(x.buyer) + " must offer " + std::string(x.good.text) + " to " + actor(x.holder) + " first";
          } else if constexpr (std::is_same_v<S, CommitmentStmt>) {
            return actor(x.buyer) + " must buy at least " + amount(x.amount) + " of " + std::string(x.good.text) +
                   " from " + actor(x.vendor) + " by " + raw(x.by.span);
          } else if constexpr (std::is_same_v<S, FreedomStmt>) {
            return actor(x.buyer) + " may buy " + std::string(x.good.text) + " from " + actor(x.vendor);
          } else if constexpr (std::is_same_v<S, DeedStmt>) {
            return actor(x.actor) + (x.forbidden ? " must not do " : " may do ") + raw(x.text.span);
          } else {
            std::vector<std::string> effects;
            for (const Effect& e : x.effects) effects.push_back(std::string(e.target.text) + " ends");
            return fmt::format("when {} then {}", pattern(x.pattern), fmt::join(effects, ", "));
          }
        },
        s);
  }

  std::string condition(const Condition& c) const {
    return std::visit(
        [&](const auto& x) -> std::string {
          using C = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<C, ConsentCondition>) return "if " + actor(x.party) + " consents";
          else if constexpr (std::is_same_v<C, LimitCondition>) return "up to " + amount(x.limit) + " in total";
          else if constexpr (std::is_same_v<C, FromCondition>) return "from " + raw(x.date.span);
          else return "until " + raw(x.date.span);
        },
        c.value);
  }

  std::string event(const EventSyntax& e) const {
    return std::visit(
        [&](const auto& x) -> std::string {
          using E = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<E, DeclaresEvent>) return actor(x.actor) + " declares " + std::string(x.status.text);
          else if constexpr (std::is_same_v<E, IsDeclaredEvent>) return std::string(x.status.text) + " is declared";
          else if constexpr (std::is_same_v<E, ConsentsEvent>) return actor(x.party) + " consents to " + std::string(x.exception.text);
          else if constexpr (std::is_same_v<E, BuysEvent>)
            return actor(x.buyer) + " buys " + std::string(x.good.text) + " from " + actor(x.vendor) + " for " + raw(x.amount.span);
          else if constexpr (std::is_same_v<E, UsesEvent>) return actor(x.actor) + " uses " + std::string(x.licence.text);
          else if constexpr (std::is_same_v<E, EarnsEvent>)
            return actor(x.party) + " earns " + raw(x.amount.span) + (x.stream ? " in " + std::string(x.stream->text) : "");
          else if constexpr (std::is_same_v<E, VerifiesEvent>) return actor(x.actor) + " verifies " + std::string(x.status.text);
          else if constexpr (std::is_same_v<E, RejectsEvent>) return actor(x.actor) + " rejects " + std::string(x.status.text);
          else if constexpr (std::is_same_v<E, IsVerifiedEvent>) return std::string(x.status.text) + " is verified";
          else if constexpr (std::is_same_v<E, DeclinesEvent>)
            return actor(x.party) + " declines " + std::string(x.good.text) + " for " + raw(x.amount.span);
          else if constexpr (std::is_same_v<E, NothingHappensEvent>) return "nothing happens";
          else return actor(x.actor) + " does " + raw(x.text.span);
        },
        e.node);
  }

  std::string expectation(const Expectation& x) const {
    const auto on = [&](const std::optional<DateLit>& d) { return d ? " on " + raw(d->span) : std::string(); };
    return std::visit(
        [&](const auto& e) -> std::string {
          using X = std::decay_t<decltype(e)>;
          if constexpr (std::is_same_v<X, BreachExpectation>) {
            return "breach of " + std::string(e.name.text) + (e.by ? " by " + actor(*e.by) : std::string()) + on(e.on);
          } else if constexpr (std::is_same_v<X, NoBreachExpectation>) {
            return "no breach";
          } else if constexpr (std::is_same_v<X, OutcomeOnExpectation>) {
            return std::string(outcome_word(e.kind)) + " on " + raw(e.on.span);
          } else if constexpr (std::is_same_v<X, EndedExpectation>) {
            return std::string(e.name.text) + " ended" + on(e.on);
          } else if constexpr (std::is_same_v<X, LiveExpectation>) {
            return std::string(e.name.text) + " live";
          } else if constexpr (std::is_same_v<X, ExpiredExpectation>) {
            return std::string(e.name.text) + " expired" + on(e.on);
          } else if constexpr (std::is_same_v<X, FulfilledExpectation>) {
            return std::string(e.name.text) + " fulfilled";
          } else {
            return actor(e.party) + " receives " + raw(e.amount.span);
          }
        },
        x.node);
  }

  // The lines of one declaration. `name_width` and `value_width` align a group of parties
  // or assumptions in columns (0: no alignment).
  void declaration(const Declaration& d, Gap gap, std::size_t name_width, std::size_t value_width,
                   std::vector<Line>& out) const {
    const std::uint32_t start = d.keyword.begin;
    std::visit(
        [&](const auto& n) {
          using N = std::decay_t<decltype(n)>;
          if constexpr (std::is_same_v<N, PartyDecl>) {
            std::string code = "party " + std::string(n.name.text);
            if (n.description || !n.bodies.empty()) code = padded(code, 6 + name_width);
            if (n.description) code += " " + raw(n.description->span);
            if (!n.bodies.empty()) {
              std::vector<std::string> bodies;
              for (const Ident& b : n.bodies) bodies.push_back(std::string(b.text));
              code += fmt::format(" {{ body {} }}", fmt::join(bodies, ", "));
            }
            out.push_back({0, code, start, gap});
          } else if constexpr (std::is_same_v<N, AssumeDecl>) {
            std::string code = "assume " + padded(std::string(n.name.text), name_width) + " = " + value(n.value);
            if (n.description) code = padded(code, 7 + name_width + 3 + value_width) + " " + raw(n.description->span);
            out.push_back({0, code, start, gap});
          } else if constexpr (std::is_same_v<N, LicenceDecl>) {
            out.push_back({0, titled("licence " + std::string(n.name.text), n.description) + ":", start, gap});
            out.push_back({1, actor(n.grantor) + " grants " + actor(n.grantee) + term(n.term), n.grantor.span.begin,
                           Gap::none});
          } else if constexpr (std::is_same_v<N, ClauseDecl>) {
            out.push_back({0, titled("clause " + std::string(n.name.text), n.title) + ":", start, gap});
            out.push_back({1, statement(n.statement) + term(n.term), n.statement_span.begin, Gap::none});
          } else if constexpr (std::is_same_v<N, ExceptionDecl>) {
            out.push_back({0, titled("exception " + std::string(n.name.text) + " to " + std::string(n.clause.text), n.title) + ":", start, gap});
            out.push_back({1, actor(n.buyer) + " may buy " + std::string(n.good.text) + " from " + actor(n.vendor),
                           n.permission_span.begin, Gap::none});
            for (const Condition& c : n.conditions) out.push_back({1, condition(c), c.span.begin, Gap::none});
          } else if constexpr (std::is_same_v<N, PowerDecl>) {
            out.push_back({0, titled("power " + std::string(n.name.text), n.title) + ":", start, gap});
            out.push_back({1,
                           "only " + actor(n.holder) + " may declare " + std::string(n.status.text) +
                               (n.verifier ? " verified by " + actor(*n.verifier) : std::string()),
                           word_before(n.holder.span.begin), Gap::none});
          } else {
            out.push_back({0,
                           titled("waterfall " + std::string(n.name.text), n.title) + " of " + actor(n.of) +
                               (n.stream ? " " + std::string(n.stream->text) : std::string()) + term(n.term) + ":",
                           start, gap});
            for (const Tier& t : n.tiers) tier(t, out);
          }
        },
        d.node);
  }

  void tier(const Tier& t, std::vector<Line>& out) const {
    std::string head = "tier";
    if (t.name) head += " " + raw(t.name->span);
    switch (t.kind) {
      case TierKind::first: head += " first " + amount(t.amount) + ":"; break;
      case TierKind::next: head += " next " + amount(t.amount) + ":"; break;
      case TierKind::until_capped: head += " until capped:"; break;
      case TierKind::rest: head += " rest:"; break;
    }
    out.push_back({1, head, t.keyword.begin, Gap::none});
    if (t.shares.empty()) return;
    std::vector<std::string> shares;
    bool capped = false;
    for (const Share& s : t.shares) {
      shares.push_back(actor(s.party) + " " + percent(s.percent) + (s.cap ? " cap " + amount(s.cap) : std::string()));
      capped = capped || s.cap.has_value();
    }
    const std::string one_line = fmt::format("{}", fmt::join(shares, ", "));
    const bool on_one_line = !capped && 2 * kIndentWidth + one_line.size() <= kMaxLineWidth &&
                             !comment_between(t.shares);
    if (on_one_line) {
      out.push_back({2, one_line, t.shares.front().span.begin, Gap::none});
    } else {
      for (std::size_t i = 0; i < shares.size(); ++i) {
        out.push_back({2, shares[i] + (i + 1 < shares.size() ? "," : ""), t.shares[i].span.begin, Gap::none});
      }
    }
    if (t.overflow) out.push_back({2, "overflow to " + actor(*t.overflow), t.overflow_keyword.begin, Gap::none});
  }

  // Where the word just before `offset` begins, comments and spaces between them skipped:
  // the keyword of a line whose tree keeps only what follows it (`version`, `only`).
  std::uint32_t word_before(std::uint32_t offset) const {
    std::uint32_t p = std::min<std::uint32_t>(offset, static_cast<std::uint32_t>(text_.size()));
    while (true) {
      while (p > 0 && is_space(text_[p - 1])) --p;
      const auto in_comment = std::find_if(comments_.begin(), comments_.end(),
                                           [&](const PlacedComment& c) { return c.span.begin < p && p <= c.span.end; });
      if (p == 0 || in_comment == comments_.end()) break;
      p = in_comment->span.begin;
    }
    while (p > 0 && is_word_char(text_[p - 1])) --p;
    return p;
  }

  // Whether a comment would stand between two shares written one per line (see weave):
  // after the code of a share before the last, or before a share after the first.
  bool comment_between(const std::vector<Share>& shares) const {
    if (shares.size() < 2) return false;
    const std::size_t last = shares.size() - 1;
    const auto share_at = [&](std::uint32_t offset) {
      std::size_t k = 0;
      while (k < last && shares[k + 1].span.begin <= offset) ++k;
      return k;
    };
    return std::any_of(comments_.begin(), comments_.end(), [&](const PlacedComment& c) {
      if (c.trailing) return c.span.begin > shares.front().span.begin && share_at(c.span.begin) < last;
      if (c.next < shares.front().span.begin || c.next >= shares.back().span.end) return false;
      const std::size_t k = share_at(c.next);
      return shares[k].span.begin == c.next ? k > 0 : k < last;
    });
  }

 private:
  std::string_view text_;
  const std::vector<PlacedComment>& comments_;
};

// ----- where blank lines were in the source --------------------------------------------

class Blanks {
 public:
  explicit Blanks(const SourceFile& source) : source_(source) {}

  // Whether the line before the one holding `offset` is empty, and nothing but spaces
  // comes before `offset` on its own line.
  bool before(std::uint32_t offset) const {
    const std::uint32_t line = source_.position(offset).line;
    const std::string_view text = source_.text();
    const std::uint32_t line_start = source_.line_start(line);
    for (std::uint32_t p = line_start; p < offset; ++p) {
      if (!is_space(text[p])) return false;
    }
    return line > 1 && is_blank(line - 1);
  }

 private:
  bool is_blank(std::uint32_t line) const {
    const std::string_view t = source_.line_text(line);
    return std::all_of(t.begin(), t.end(), is_space);
  }
  const SourceFile& source_;
};

// ----- the lines of a file ------------------------------------------------------------------

bool groups_in_columns(DeclKind k) { return k == DeclKind::party || k == DeclKind::assumption; }

// Whether the layout keeps a blank line before a line that starts at `start` when it keeps
// the author's: one stood before it or before the comments that go before it.
bool author_blank_before(std::uint32_t start, const std::vector<PlacedComment>& comments, const Blanks& blanks) {
  return blanks.before(start) || std::any_of(comments.begin(), comments.end(), [&](const PlacedComment& c) {
           return !c.trailing && c.next == start && blanks.before(c.span.begin);
         });
}

std::vector<Line> contract_lines(const ContractSyntax& c, const Printer& p, const std::vector<PlacedComment>& comments,
                                 const Blanks& blanks) {
  std::vector<Line> out;
  out.push_back({0, "contract " + p.raw(c.title.span), c.keyword.begin, Gap::start});
  if (c.version) out.push_back({0, "version " + p.raw(c.version->span), p.word_before(c.version->span.begin), Gap::none});
  if (c.effective) out.push_back({0, "effective " + p.raw(c.effective->span), c.effective_keyword.begin, Gap::none});

  const std::vector<Declaration>& ds = c.declarations;
  std::size_t i = 0;
  while (i < ds.size()) {
    // A group: a run of parties (or of assumptions) with no blank line between them,
    // aligned in columns; any other declaration stands alone.
    const DeclKind kind = ds[i].kind();
    std::size_t j = i + 1;
    if (groups_in_columns(kind)) {
      while (j < ds.size() && ds[j].kind() == kind && !author_blank_before(ds[j].keyword.begin, comments, blanks)) ++j;
    }
    std::size_t name_width = 0;
    std::size_t value_width = 0;
    for (std::size_t k = i; k < j; ++k) {
      name_width = std::max(name_width, ds[k].name().text.size());
      if (const auto* a = std::get_if<AssumeDecl>(&ds[k].node)) value_width = std::max(value_width, p.value(a->value).size());
    }
    for (std::size_t k = i; k < j; ++k) {
      const bool follows_its_kind = k > 0 && ds[k - 1].kind() == kind && groups_in_columns(kind);
      p.declaration(ds[k], follows_its_kind ? Gap::author : Gap::blank, name_width, value_width, out);
    }
    i = j;
  }
  return out;
}

std::vector<Line> scenario_lines(const ScenarioSyntax& s, const Printer& p, const std::vector<PlacedComment>& comments,
                                 const Blanks& blanks) {
  std::vector<Line> out;
  out.push_back({0, "scenario " + p.raw(s.title.span), s.keyword.begin, Gap::start});
  if (s.contract_path) {
    out.push_back({0, "contract " + p.raw(s.contract_path->span), p.word_before(s.contract_path->span.begin), Gap::none});
  }

  // The body in the order written: assumptions, events and expectations may interleave.
  enum Kind { assume, event, expect };
  struct Item {
    Kind kind;
    Span span;
    std::size_t index;
  };
  std::vector<Item> items;
  for (std::size_t i = 0; i < s.assumes.size(); ++i) items.push_back({assume, s.assumes[i].span, i});
  for (std::size_t i = 0; i < s.events.size(); ++i) items.push_back({event, s.events[i].span, i});
  for (std::size_t i = 0; i < s.expectations.size(); ++i) items.push_back({expect, s.expectations[i].span, i});
  std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.span.begin < b.span.begin; });

  std::size_t i = 0;
  while (i < items.size()) {
    std::size_t j = i + 1;
    while (j < items.size() && items[j].kind == items[i].kind &&
           !author_blank_before(items[j].span.begin, comments, blanks)) {
      ++j;
    }
    std::size_t name_width = 0;
    for (std::size_t k = i; k < j; ++k) {
      if (items[k].kind == assume) name_width = std::max(name_width, s.assumes[items[k].index].name.text.size());
    }
    for (std::size_t k = i; k < j; ++k) {
      const Item& item = items[k];
      const Gap gap = k > 0 && items[k - 1].kind == item.kind ? Gap::author : Gap::blank;
      std::string code;
      if (item.kind == assume) {
        const ScenarioAssume& a = s.assumes[item.index];
        code = "assume " + padded(std::string(a.name.text), name_width) + " = " + p.value(a.value);
      } else if (item.kind == event) {
        const ScenarioEvent& e = s.events[item.index];
        code = "on " + p.raw(e.on.span) + ": " + p.event(e.event);
      } else {
        code = "expect " + p.expectation(s.expectations[item.index]);
      }
      out.push_back({0, std::move(code), item.span.begin, gap});
    }
    i = j;
  }
  return out;
}

// ----- putting comments back ---------------------------------------------------------------

struct Row {
  std::size_t indent = 0;  // in levels
  std::string code;        // code, or an own-line comment
  bool blank_before = false;
  std::optional<std::string> trailing;  // a comment after the code
};

// An own-line comment goes before the line that begins with the token after it, with that
// line's indentation; a comment after code, or before a token in the middle of a line, goes
// after that line. When several end up after one line (its code came from several lines),
// all but the last go before it, so their order is kept. Blank lines: see Gap; between the
// comments of one gap, the author's are kept.
std::string weave(const std::vector<Line>& lines, const std::vector<PlacedComment>& comments, const SourceFile& source,
                  const Blanks& blanks) {
  const std::string_view text = source.text();
  std::vector<std::vector<std::size_t>> leading(lines.size());
  std::vector<std::vector<std::size_t>> after(lines.size());
  std::vector<std::size_t> at_end;
  const auto last_line_starting_before = [&](std::uint32_t offset, bool inclusive) -> std::optional<std::size_t> {
    const auto it = std::partition_point(lines.begin(), lines.end(), [&](const Line& l) {
      return inclusive ? l.start <= offset : l.start < offset;
    });
    if (it == lines.begin()) return std::nullopt;
    return static_cast<std::size_t>(it - lines.begin()) - 1;
  };
  for (std::size_t k = 0; k < comments.size(); ++k) {
    const PlacedComment& c = comments[k];
    if (c.trailing) {
      if (const auto line = last_line_starting_before(c.span.begin, false)) {
        after[*line].push_back(k);
        continue;
      }
    }
    if (c.next >= text.size()) {
      at_end.push_back(k);
      continue;
    }
    // Before the line its next token begins; in the middle of a line, after it.
    const std::size_t line = last_line_starting_before(c.next, true).value_or(0);
    (lines[line].start == c.next ? leading : after)[line].push_back(k);
  }

  std::vector<Row> rows;
  const auto comment_text = [&](std::size_t k) {
    return std::string(text.substr(comments[k].span.begin, comments[k].span.end - comments[k].span.begin));
  };
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const Line& line = lines[i];
    // The gap before the line: its own-line comments, then comments moved up from after it.
    struct Item {
      std::string text;
      bool source_blank;
    };
    std::vector<Item> items;
    for (const std::size_t k : leading[i]) items.push_back({comment_text(k), blanks.before(comments[k].span.begin)});
    for (std::size_t n = 0; n + 1 < after[i].size(); ++n) items.push_back({comment_text(after[i][n]), false});
    items.push_back({line.code, blanks.before(line.start)});
    for (std::size_t m = 0; m < items.size(); ++m) {
      bool blank = false;
      switch (line.gap) {
        case Gap::start: blank = m > 0 && items[m].source_blank; break;
        case Gap::none: blank = false; break;
        case Gap::author: blank = items[m].source_blank; break;
        case Gap::blank: blank = m == 0 || items[m].source_blank; break;
      }
      rows.push_back({line.indent, std::move(items[m].text), blank, std::nullopt});
    }
    if (!after[i].empty()) rows.back().trailing = comment_text(after[i].back());
  }
  for (const std::size_t k : at_end) rows.push_back({0, comment_text(k), blanks.before(comments[k].span.begin), {}});

  // Comments after consecutive lines of code share a column, two spaces past the widest.
  const auto width = [](const Row& r) { return r.indent * kIndentWidth + display_width(r.code); };
  std::vector<std::size_t> column(rows.size(), 0);
  std::size_t r = 0;
  while (r < rows.size()) {
    if (!rows[r].trailing) {
      ++r;
      continue;
    }
    std::size_t end = r + 1;
    while (end < rows.size() && rows[end].trailing && !rows[end].blank_before) ++end;
    std::size_t widest = 0;
    for (std::size_t k = r; k < end; ++k) widest = std::max(widest, width(rows[k]));
    for (std::size_t k = r; k < end; ++k) column[k] = widest + 2;
    r = end;
  }

  std::string out;
  for (std::size_t k = 0; k < rows.size(); ++k) {
    const Row& row = rows[k];
    if (row.blank_before && !out.empty()) out += '\n';
    out += std::string(row.indent * kIndentWidth, ' ');
    out += row.code;
    if (row.trailing) out += std::string(column[k] - width(row), ' ') + *row.trailing;
    out += '\n';
  }
  return out;
}

bool uses_crlf(std::string_view text) {
  const std::size_t lf = text.find('\n');
  return lf != std::string_view::npos && lf > 0 && text[lf - 1] == '\r';
}

std::string with_line_ends(std::string text, bool crlf) {
  if (!crlf) return text;
  std::string out;
  out.reserve(text.size() + text.size() / 16);
  for (const char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

}  // namespace

FormatResult format_source(const SourcePtr& source) {
  FormatResult result;
  const std::string_view text = source->text();
  result.text = std::string(text);
  FileKind kind = sniff_file_kind(text);
  if (kind == FileKind::unknown && std::filesystem::path(source->name()).extension() == ".scenario") {
    kind = FileKind::scenario;
  }

  const std::vector<PlacedComment> comments = place_comments(text);
  const Printer printer(text, comments);
  const Blanks blanks(*source);
  std::vector<Line> lines;
  if (kind == FileKind::scenario) {
    ScenarioParse parsed = parse_scenario(source);
    if (parsed.diagnostics.has_errors()) {
      result.diagnostics = std::move(parsed.diagnostics);
      return result;
    }
    lines = scenario_lines(parsed.syntax, printer, comments, blanks);
  } else {
    ContractParse parsed = parse_contract(source);
    if (parsed.diagnostics.has_errors()) {
      result.diagnostics = std::move(parsed.diagnostics);
      return result;
    }
    lines = contract_lines(parsed.syntax, printer, comments, blanks);
  }
  result.text = with_line_ends(weave(lines, comments, *source, blanks), uses_crlf(text));
  return result;
}

std::string format_declaration(const Declaration& declaration, std::string_view source_text) {
  const std::vector<PlacedComment> none;
  const Printer printer(source_text, none);
  std::vector<Line> lines;
  printer.declaration(declaration, Gap::start, 0, 0, lines);
  std::string out;
  for (const Line& l : lines) out += std::string(l.indent * kIndentWidth, ' ') + l.code + '\n';
  return out;
}

}  // namespace clause::dsl
