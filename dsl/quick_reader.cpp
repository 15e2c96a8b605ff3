#include "dsl/quick_reader.hpp"

#include <cstring>
#include <string_view>
#include <utility>

#include "dsl/keywords.hpp"
#include "dsl/lexical.hpp"
#include "dsl/text_literal.hpp"

namespace clause::dsl {
namespace {

using lexical::class_of;
using lexical::is_digit;
using lexical::is_word_char;
using lexical::kLower;
using lexical::kWordChar;
using lexical::kWordFirst;

// The grammar's rules, one member each, in the grammar's order of choices. A member
// returns false where the grammar would fail a choice it may leave (the caller tries the
// next one) and also where the grammar would report an error (the caller gives up):
// giving up is always safe, since the grammar then reads the declaration again.
class QuickReader {
 public:
  QuickReader(const char* base, const char* at, const char* end) : base_(base), p_(at), end_(end) {}

  const char* position() const { return p_; }
  std::uint32_t last_token_end() const { return last_end_; }

  bool declaration(Declaration& d) {
    const char* begin = p_;
    bool lower = false;
    const char* q = identifier_end(lower);
    if (q == nullptr) return false;
    const std::string_view kw(begin, static_cast<std::size_t>(q - begin));
    d.keyword = {offset(begin), offset(q)};
    bool read = false;
    if (kw == "party") read = node(d, q, &QuickReader::party);
    else if (kw == "assume") read = node(d, q, &QuickReader::assume);
    else if (kw == "licence") read = node(d, q, &QuickReader::licence);
    else if (kw == "clause") read = node(d, q, &QuickReader::clause);
    else if (kw == "exception") read = node(d, q, &QuickReader::exception);
    else if (kw == "power") read = node(d, q, &QuickReader::power);
    else if (kw == "waterfall") read = node(d, q, &QuickReader::waterfall);
    if (!read) return false;
    d.span = {d.keyword.begin, last_end_};
    d.complete = true;
    return true;
  }

 private:
  const char* base_;
  const char* p_;
  const char* end_;
  std::uint32_t last_end_ = 0;

  // After the declaration's keyword (ending at `keyword_end`): its node, read by `rule`.
  template <typename Node>
  bool node(Declaration& d, const char* keyword_end, bool (QuickReader::*rule)(Node&)) {
    token_ends(keyword_end);
    return (this->*rule)(d.node.emplace<Node>());
  }

  std::uint32_t offset(const char* q) const { return static_cast<std::uint32_t>(q - base_); }
  Span span(const char* from, const char* to) const { return {offset(from), offset(to)}; }
  // A composite's span: from where it began to where its last token ended.
  Span since(const char* from) const { return {offset(from), last_end_}; }
  bool at(char c) const { return p_ != end_ && *p_ == c; }

  // A token ends at `q`: the grammar's `ws` follows every token.
  void token_ends(const char* q) {
    last_end_ = offset(q);
    p_ = q;
    skip_spaces();
  }

  // rules::ws: spaces, tabs, line ends and `//` comments.
  void skip_spaces() { p_ = lexical::skip_spaces(p_, end_); }

  // Where the identifier at p_ ends (nullptr when there is none), and whether it is all
  // lower-case letters: only such an identifier can be a keyword.
  const char* identifier_end(bool& lower) const {
    if (p_ == end_) return nullptr;
    std::uint8_t seen = class_of(*p_);
    if ((seen & kWordFirst) == 0) return nullptr;
    const char* q = p_ + 1;
    for (; q != end_; ++q) {
      const std::uint8_t c = class_of(*q);
      if ((c & kWordChar) == 0) break;
      seen |= c;
    }
    lower = seen == kLower;
    return q;
  }

  // A keyword (TAO_PEGTL_KEYWORD): its letters, not followed by a word's character.
  bool keyword(std::string_view kw) {
    const std::size_t n = kw.size();
    if (static_cast<std::size_t>(end_ - p_) < n || std::memcmp(p_, kw.data(), n) != 0) return false;
    const char* q = p_ + n;
    if (q != end_ && is_word_char(*q)) return false;
    token_ends(q);
    return true;
  }
  bool keyword(std::string_view kw, Span& where) {
    const char* begin = p_;
    if (!keyword(kw)) return false;
    where = since(begin);
    return true;
  }

  bool punctuation(char c) {
    if (!at(c)) return false;
    token_ends(p_ + 1);
    return true;
  }

  // rules::word: an identifier that is not a keyword. Without the spaces after it.
  const char* word_end() const {
    bool lower = false;
    const char* q = identifier_end(lower);
    if (q == nullptr || (lower && is_keyword(std::string_view(p_, static_cast<std::size_t>(q - p_))))) return nullptr;
    return q;
  }
  bool word(Ident& out) {
    const char* q = word_end();
    if (q == nullptr) return false;
    out = {std::string_view(p_, static_cast<std::size_t>(q - p_)), span(p_, q)};
    token_ends(q);
    return true;
  }

  // rules::actor: `OpenAI` or `OpenAI.board`, with no spaces.
  bool actor(ActorRef& out) {
    const char* begin = p_;
    const char* q = word_end();
    if (q == nullptr) return false;
    const char* party_end = q;
    const char* body = nullptr;
    if (q != end_ && *q == '.') {
      p_ = q + 1;
      const char* body_end = word_end();
      if (body_end == nullptr) return false;  // `must<body_part>`: an error
      body = p_;
      q = body_end;
    }
    // Written into `out` field by field, only once the actor has been read: a local
    // ActorRef moved into `out` was built on the stack by small stores and copied by
    // 16-byte loads spanning them, which the processor cannot forward from the stores
    // (`perf annotate` put most of this function's samples on those loads).
    out.party = Ident{std::string_view(begin, static_cast<std::size_t>(party_end - begin)), span(begin, party_end)};
    if (body != nullptr) {
      out.body = Ident{std::string_view(body, static_cast<std::size_t>(q - body)), span(body, q)};
    } else {
      out.body.reset();
    }
    out.span = span(begin, q);
    token_ends(q);
    return true;
  }

  // rules::string: `"..."` with the escapes `\"`, `\\` and `\n`, on one line.
  bool text(Text& out) {
    if (!at('"')) return false;
    const char* q = p_ + 1;
    while (true) {
      if (q == end_) return false;
      const char c = *q;
      if (c == '"') break;
      if (c == '\\') {
        if (end_ - q < 2 || (q[1] != '"' && q[1] != '\\' && q[1] != 'n')) return false;
        q += 2;
        continue;
      }
      if (c == '\n' || c == '\r') return false;
      ++q;
    }
    ++q;
    read_text_literal(std::string_view(p_, static_cast<std::size_t>(q - p_)), span(p_, q), out);
    token_ends(q);
    return true;
  }
  // `opt<tok<decl_title>>`: absent, or a text that must be well formed.
  bool optional_text(std::optional<Text>& out) {
    if (!at('"')) return true;
    if (!text(out.emplace())) {
      out.reset();
      return false;
    }
    return true;
  }

  // rules::money, matched loosely as the grammar does; parse_money judges the value, and
  // an invalid one is an error the grammar's reading reports.
  bool money(MoneyLit& out) {
    if (!at('$')) return false;
    const char* q = p_ + 1;
    while (q != end_) {
      if (is_digit(*q) || ((*q == ',' || *q == '.') && end_ - q >= 2 && is_digit(q[1]))) {
        ++q;
      } else {
        break;
      }
    }
    while (q != end_ && is_word_char(*q)) ++q;
    auto parsed = parse_money(std::string_view(p_, static_cast<std::size_t>(q - p_)));
    const Money* value = std::get_if<Money>(&parsed);
    if (value == nullptr) return false;
    out = MoneyLit{*value, span(p_, q), true};
    token_ends(q);
    return true;
  }

  // rules::percent: digits, a fraction maybe, `%`.
  bool percent(PercentLit& out) {
    const char* q = p_;
    if (q == end_ || !is_digit(*q)) return false;
    while (q != end_ && is_digit(*q)) ++q;
    if (end_ - q >= 2 && *q == '.' && is_digit(q[1])) {
      ++q;
      while (q != end_ && is_digit(*q)) ++q;
    }
    if (q == end_ || *q != '%') return false;
    ++q;
    auto parsed = parse_percent(std::string_view(p_, static_cast<std::size_t>(q - p_)));
    const Percent* value = std::get_if<Percent>(&parsed);
    if (value == nullptr) return false;
    out = PercentLit{*value, span(p_, q), true};
    token_ends(q);
    return true;
  }

  // rules::date: digits, `-`, digits, `-`, digits.
  bool date(DateLit& out) {
    const char* q = p_;
    for (int part = 0; part < 3; ++part) {
      if (part > 0) {
        if (q == end_ || *q != '-') return false;
        ++q;
      }
      if (q == end_ || !is_digit(*q)) return false;
      while (q != end_ && is_digit(*q)) ++q;
    }
    auto parsed = parse_date(std::string_view(p_, static_cast<std::size_t>(q - p_)));
    const Date* value = std::get_if<Date>(&parsed);
    if (value == nullptr) return false;
    out = DateLit{*value, span(p_, q), true};
    token_ends(q);
    return true;
  }

  // rules::amount: money, or the name of a money assumption.
  bool amount(AmountRef& out) {
    if (at('$')) {
      MoneyLit m;
      if (!money(m)) return false;
      out = AmountRef{m, m.span};
      return true;
    }
    Ident name;
    if (!word(name)) return false;
    out = AmountRef{name, name.span};
    return true;
  }

  // rules::share_percent: a percentage, or the name of a percentage assumption.
  bool percent_ref(PercentRef& out) {
    if (p_ != end_ && is_digit(*p_)) {
      PercentLit p;
      if (!percent(p)) return false;  // digits never begin a word: the grammar fails too
      out = PercentRef{p, p.span};
      return true;
    }
    Ident name;
    if (!word(name)) return false;
    out = PercentRef{name, name.span};
    return true;
  }

  // ----- declarations ---------------------------------------------------------------

  bool party(PartyDecl& n) {
    if (!word(n.name) || !optional_text(n.description)) return false;
    if (!punctuation('{')) return true;
    do {
      keyword("body");
      Ident body;
      if (!word(body)) return false;
      n.bodies.push_back(body);
    } while (punctuation(','));
    return punctuation('}');
  }

  bool assume(AssumeDecl& n) {
    if (!word(n.name) || !punctuation('=')) return false;
    if (at('$')) {
      MoneyLit m;
      if (!money(m)) return false;
      n.value = m;
    } else {
      PercentLit p;
      if (!percent(p)) return false;
      n.value = p;
    }
    return optional_text(n.description);
  }

  bool licence(LicenceDecl& n) {
    return word(n.name) && optional_text(n.description) && punctuation(':') && actor(n.grantor) &&
           keyword("grants") && actor(n.grantee);
  }

  bool clause(ClauseDecl& n) {
    if (!word(n.name) || !optional_text(n.title) || !punctuation(':')) return false;
    const char* begin = p_;
    const bool read = keyword("when") ? trigger(n.statement) : duty(n.statement);
    n.statement_span = since(begin);
    return read;
  }

  bool duty(Statement& out) {
    ActorRef buyer;
    Ident good;
    ActorRef vendor;
    if (!actor(buyer) || !keyword("must")) return false;
    if (keyword("not")) {
      if (!keyword("buy") || !word(good) || !keyword("from") || !actor(vendor)) return false;
      out = ProhibitionStmt{std::move(buyer), good, std::move(vendor)};
      return true;
    }
    if (!keyword("buy") || !word(good) || !keyword("only") || !keyword("from") || !actor(vendor)) return false;
    List<ActorRef> more;
    while (keyword("or")) {
      if (!actor(more.emplace_back())) return false;
    }
    out = ExclusivityStmt{std::move(buyer), good, std::move(vendor), std::move(more)};
    return true;
  }

  bool trigger(Statement& out) {
    const char* begin = p_;
    ActorRef subject;
    if (!actor(subject)) return false;
    Pattern pattern;
    if (keyword("declares")) {
      Ident status;
      if (!word(status)) return false;
      pattern = ActorDeclaresPattern{std::move(subject), status};
    } else if (keyword("is")) {
      // A status with a body is an error the grammar's reading reports.
      if (!keyword("declared") || subject.body) return false;
      pattern = StatusDeclaredPattern{subject.party};
    } else if (keyword("buys")) {
      Ident good;
      ActorRef vendor;
      if (!word(good) || !keyword("from") || !actor(vendor)) return false;
      pattern = BuysPattern{std::move(subject), good, std::move(vendor)};
    } else if (keyword("does")) {
      Text t;
      if (!text(t)) return false;
      pattern = DoesPattern{std::move(subject), std::move(t)};
    } else {
      return false;
    }
    const Span pattern_span = since(begin);
    if (!keyword("then")) return false;
    List<Effect> effects;
    do {
      const char* effect_begin = p_;
      Ident target;
      if (!word(target) || !keyword("ends")) return false;
      effects.push_back(Effect{target, since(effect_begin)});
    } while (punctuation(','));
    out = TriggerStmt{std::move(pattern), pattern_span, std::move(effects)};
    return true;
  }

  bool exception(ExceptionDecl& n) {
    if (!word(n.name) || !keyword("to") || !word(n.clause) || !optional_text(n.title) || !punctuation(':')) {
      return false;
    }
    const char* begin = p_;
    if (!actor(n.buyer) || !keyword("may") || !keyword("buy") || !word(n.good) || !keyword("from") ||
        !actor(n.vendor)) {
      return false;
    }
    n.permission_span = since(begin);
    while (true) {
      const char* condition_begin = p_;
      Condition c;
      if (keyword("if")) {
        ActorRef party;
        if (!actor(party) || !keyword("consents")) return false;
        c.value.emplace<ConsentCondition>(ConsentCondition{std::move(party)});
      } else if (keyword("up")) {
        AmountRef limit;
        if (!keyword("to") || !amount(limit) || !keyword("in") || !keyword("total")) return false;
        c.value.emplace<LimitCondition>(LimitCondition{std::move(limit)});
      } else if (keyword("from")) {
        DateLit d;
        if (!date(d)) return false;
        c.value.emplace<FromCondition>(FromCondition{d});
      } else if (keyword("until")) {
        DateLit d;
        if (!date(d)) return false;
        c.value.emplace<UntilCondition>(UntilCondition{d});
      } else {
        return true;
      }
      c.span = since(condition_begin);
      if (n.conditions.capacity() == 0) n.conditions.reserve(4);  // as the grammar's actions do
      n.conditions.push_back(std::move(c));
    }
  }

  bool power(PowerDecl& n) {
    return word(n.name) && optional_text(n.title) && punctuation(':') && keyword("only") && actor(n.holder) &&
           keyword("may") && keyword("declare") && word(n.status);
  }

  bool waterfall(WaterfallDecl& n) {
    if (!word(n.name) || !optional_text(n.title) || !keyword("of") || !actor(n.of) || !punctuation(':')) {
      return false;
    }
    Span keyword_span;
    if (!keyword("tier", keyword_span)) return false;
    n.tiers.reserve(4);  // as the grammar's actions do
    do {
      Tier& t = n.tiers.emplace_back();
      t.keyword = keyword_span;
      if (!tier(t)) return false;
    } while (keyword("tier", keyword_span));
    return true;
  }

  // After `tier`.
  bool tier(Tier& t) {
    if (at('"')) {
      Text name;
      if (!text(name)) return false;
      t.name = std::move(name);
    }
    if (keyword("first", t.kind_span)) {
      t.kind = TierKind::first;
      if (!amount(t.amount.emplace()) || !punctuation(':')) return false;
    } else if (keyword("next", t.kind_span)) {
      t.kind = TierKind::next;
      if (!amount(t.amount.emplace()) || !punctuation(':')) return false;
    } else if (keyword("until", t.kind_span)) {
      t.kind = TierKind::until_capped;
      if (!keyword("capped")) return false;
      t.kind_span.end = last_end_;
      if (!punctuation(':')) return false;
    } else if (keyword("rest", t.kind_span)) {
      t.kind = TierKind::rest;
      if (!punctuation(':')) return false;
    } else {
      return false;
    }
    t.shares.reserve(2);  // as the grammar's actions do
    do {
      if (!share(t.shares.emplace_back())) return false;
    } while (punctuation(','));
    if (keyword("overflow", t.overflow_keyword)) {
      if (!keyword("to") || !actor(t.overflow.emplace())) return false;
    }
    t.span = {t.keyword.begin, last_end_};
    return true;
  }

  bool share(Share& s) {
    const char* begin = p_;
    if (!actor(s.party) || !percent_ref(s.percent)) return false;
    if (keyword("cap", s.cap_keyword)) {
      if (!amount(s.cap.emplace())) return false;
    }
    s.span = since(begin);
    return true;
  }
};

}  // namespace

std::optional<QuickRead> read_declaration_quickly(const char* base, const char* at, const char* end,
                                                  std::vector<Declaration>& out) {
  QuickReader reader(base, at, end);
  if (!reader.declaration(out.emplace_back())) {
    out.pop_back();
    return std::nullopt;
  }
  return QuickRead{reader.position(), reader.last_token_end()};
}

}  // namespace clause::dsl
