// The parser: PEGTL actions that build the syntax tree, a control class that turns a
// failed `must<>` into a diagnostic, and the loops that resume after a syntax error so
// that one run reports every error in a file.
#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <string>
#include <type_traits>

#include <fmt/format.h>

#include "dsl/grammar.hpp"
#include "dsl/grammar_errors.hpp"
#include "dsl/parse.hpp"
#include "dsl/suggest.hpp"

namespace clause::dsl {
namespace {

namespace pegtl = tao::pegtl;
namespace r = rules;

using Input = pegtl::memory_input<pegtl::tracking_mode::lazy, pegtl::eol::lf_crlf, const char*>;

// Thrown by the control class when a `must<>` fails; caught in this file only.
struct SyntaxFailure {
  const char* at;
  const char* message;
  bool point_at_found;
  bool expects_new_name;
};

template <typename Rule>
struct control : pegtl::normal<Rule> {
  template <typename ParseInput, typename... States>
  [[noreturn]] static void raise(const ParseInput& in, States&&... /*unused*/) {
    static_assert(r::error_message<Rule> != nullptr,
                  "a rule under must<> needs a message in dsl/grammar_errors.hpp");
    throw SyntaxFailure{in.current(), r::error_message<Rule>, r::point_at_found<Rule>,
                        std::is_base_of_v<r::decl_name, Rule> || std::is_same_v<Rule, r::body_name>};
  }
};

// ----- the builder: what the actions fill in ----------------------------------------

struct Builder {
  Builder(const SourcePtr& src, DiagnosticList& d) : source(src), base(src->text().data()), diags(d) {}

  SourcePtr source;
  const char* base;
  DiagnosticList& diags;
  std::uint32_t last_token_end = 0;
  const char* last_ws_end = nullptr;

  ContractSyntax* contract = nullptr;
  ScenarioSyntax* scenario = nullptr;
  // The declaration being read, built in place as the last of contract->declarations
  // (moving a finished one in cost more than reading it).
  Declaration* decl = nullptr;
  Tier tier;
  Share share;

  // Pieces of the construct being read, taken by the action that completes it.
  ActorRef subject;
  ActorRef vendor;
  std::vector<ActorRef> more_vendors;
  ActorRef actor;
  Ident good;
  Ident status;
  Ident reference;
  Ident assume_name;
  Text quoted;
  MoneyLit money;
  DateLit date;
  DateLit event_date;
  std::optional<DateLit> on_date;
  std::optional<ActorRef> by;
  std::optional<AmountRef> amount;
  AmountRef money_amount;  // a commitment's amount
  Span by_keyword;
  std::optional<PercentRef> percent;
  std::optional<std::variant<MoneyLit, PercentLit>> value;
  OutcomeOnKind outcome_kind = OutcomeOnKind::permitted;
  Pattern pattern;
  Span pattern_span;
  std::vector<Effect> effects;
  Term term;                          // a licence's, clause's or waterfall's, as it is read
  bool verified = false;              // `is verified` rather than `is declared`
  std::optional<Ident> stream;        // `earns MONEY in STREAM`
  EventSyntax event;
  decltype(Expectation::node) expectation;

  std::uint32_t offset(const char* p) const { return static_cast<std::uint32_t>(p - base); }
  template <typename ActionInput>
  Span span(const ActionInput& in) const {
    return {offset(in.begin()), offset(in.end())};
  }
  // A rule that ends in `ws`: its span stops where its last token ends.
  template <typename ActionInput>
  Span composite(const ActionInput& in) const {
    const std::uint32_t begin = offset(in.begin());
    return {begin, std::clamp(last_token_end, begin, offset(in.end()))};
  }
  Location where(Span s) const { return {source, s, {}}; }

  template <typename Node>
  Node& node() {
    return std::get<Node>(decl->node);
  }
  template <typename Node>
  void start(Span keyword) {
    term = Term{};
    decl = &contract->declarations.emplace_back();
    decl->node.emplace<Node>();
    decl->keyword = keyword;
  }
};

// A list that usually holds a few items gets room for `typical` with its first item, so it
// is allocated once instead of growing through 1, 2 and 4 (each step a malloc, a move and
// a free: malloc and free were 7% of parsing's instructions).
template <typename T>
std::vector<T>& room_for(std::vector<T>& list, std::size_t typical) {
  if (list.capacity() == 0) list.reserve(typical);
  return list;
}

// The conditions of the exception being read: usually four at most.
std::vector<Condition>& conditions(Builder& b) { return room_for(b.node<ExceptionDecl>().conditions, 4); }

template <typename ActionInput>
Ident ident(const ActionInput& in, const Builder& b) {
  return {in.string_view(), b.span(in)};
}

template <typename ActionInput>
ActorRef actor_ref(const ActionInput& in, const Builder& b) {
  const std::string_view text = in.string_view();
  const Span whole = b.span(in);
  ActorRef a;
  a.span = whole;
  const std::size_t dot = text.find('.');
  if (dot == std::string_view::npos) {
    a.party = {text, whole};
  } else {
    const auto d = static_cast<std::uint32_t>(dot);
    a.party = {text.substr(0, dot), {whole.begin, whole.begin + d}};
    a.body = Ident{text.substr(dot + 1), {whole.begin + d + 1, whole.end}};
  }
  return a;
}

// A quoted text views the source unless it has escapes; then it views a decoded copy it
// shares, so that copies of the Text stay valid without copying it again.
template <typename ActionInput>
Text text_literal(const ActionInput& in, const Builder& b) {
  const std::string_view raw = in.string_view();
  Text out;
  out.span = b.span(in);
  const std::string_view inner = raw.size() >= 2 ? raw.substr(1, raw.size() - 2) : std::string_view();
  if (inner.find('\\') == std::string_view::npos) {
    out.value = inner;
    return out;
  }
  auto decoded = std::make_shared<std::string>();
  decoded->reserve(inner.size());
  for (std::size_t i = 0; i < inner.size(); ++i) {
    if (inner[i] == '\\' && i + 1 < inner.size()) {
      ++i;
      decoded->push_back(inner[i] == 'n' ? '\n' : inner[i]);
    } else {
      decoded->push_back(inner[i]);
    }
  }
  out.value = *decoded;
  out.decoded = std::move(decoded);
  return out;
}

template <typename ActionInput>
MoneyLit money_literal(const ActionInput& in, Builder& b) {
  MoneyLit lit;
  lit.span = b.span(in);
  auto parsed = parse_money(in.string_view());
  if (auto* m = std::get_if<Money>(&parsed)) {
    lit.value = *m;
  } else {
    b.diags.report(b.where(lit.span), std::get<LiteralError>(parsed).message);
    lit.valid = false;
  }
  return lit;
}

template <typename ActionInput>
PercentLit percent_literal(const ActionInput& in, Builder& b) {
  PercentLit lit;
  lit.span = b.span(in);
  auto parsed = parse_percent(in.string_view());
  if (auto* p = std::get_if<Percent>(&parsed)) {
    lit.value = *p;
  } else {
    b.diags.report(b.where(lit.span), std::get<LiteralError>(parsed).message);
    lit.valid = false;
  }
  return lit;
}

template <typename ActionInput>
DateLit date_literal(const ActionInput& in, Builder& b) {
  DateLit lit;
  lit.span = b.span(in);
  auto parsed = parse_date(in.string_view());
  if (auto* d = std::get_if<Date>(&parsed)) {
    lit.value = *d;
  } else {
    b.diags.report(b.where(lit.span), std::get<LiteralError>(parsed).message);
    lit.valid = false;
  }
  return lit;
}

// A status is a plain word: `agi is declared`, never `OpenAI.board is declared`.
Ident plain_word(const ActorRef& a, Builder& b, const char* what) {
  if (a.body) {
    b.diags.report<DiagId::status_not_plain>(b.where(a.span), what, a.to_string());
  }
  return a.party;
}

// ----- actions, looked up by role ---------------------------------------------------

template <typename Rule, typename = void>
struct role_of {
  using type = Rule;
};
template <typename Rule>
struct role_of<Rule, std::void_t<typename Rule::role>> {
  using type = typename Rule::role;
};

template <typename Role>
struct on : pegtl::nothing<Role> {};

template <typename Rule>
struct action : on<typename role_of<Rule>::type> {};

#define CLAUSE_ACTION(rule)                                         \
  template <>                                                       \
  struct on<r::rule> {                                              \
    template <typename ActionInput>                                 \
    static void apply(const ActionInput& in, Builder& b);           \
  };                                                                \
  template <typename ActionInput>                                   \
  void on<r::rule>::apply([[maybe_unused]] const ActionInput& in, [[maybe_unused]] Builder& b)

// Every token is followed by `ws`; where a `ws` begins, a token ended, unless the `ws`
// only continues the one before it (two rules ending in `ws` side by side).
CLAUSE_ACTION(ws) {
  if (in.begin() != b.last_ws_end) b.last_token_end = b.offset(in.begin());
  b.last_ws_end = in.end();
}

// Contract header.
CLAUSE_ACTION(contract_start) { b.contract->keyword = b.span(in); }
CLAUSE_ACTION(contract_title) { b.contract->title = text_literal(in, b); }
CLAUSE_ACTION(version_text) { b.contract->version = text_literal(in, b); }
CLAUSE_ACTION(effective_keyword) { b.contract->effective_keyword = b.span(in); }
CLAUSE_ACTION(effective_date) { b.contract->effective = date_literal(in, b); }

// Any declaration.
CLAUSE_ACTION(decl_name) {
  std::visit([&](auto& n) { n.name = ident(in, b); }, b.decl->node);
}
CLAUSE_ACTION(decl_title) {
  std::visit(
      [&](auto& n) {
        if constexpr (requires { n.description; }) n.description = text_literal(in, b);
        else n.title = text_literal(in, b);
      },
      b.decl->node);
}

// Parties and assumptions.
CLAUSE_ACTION(party_keyword) { b.start<PartyDecl>(b.span(in)); }
CLAUSE_ACTION(body_name) { b.node<PartyDecl>().bodies.push_back(ident(in, b)); }
CLAUSE_ACTION(assume_keyword) { b.start<AssumeDecl>(b.span(in)); }
CLAUSE_ACTION(assume_money) { b.value = money_literal(in, b); }
CLAUSE_ACTION(assume_percent) { b.value = percent_literal(in, b); }
CLAUSE_ACTION(assume_value) { b.node<AssumeDecl>().value = *b.value; }

// Licences.
CLAUSE_ACTION(licence_keyword) { b.start<LicenceDecl>(b.span(in)); }
CLAUSE_ACTION(grantor) { b.node<LicenceDecl>().grantor = actor_ref(in, b); }
CLAUSE_ACTION(grantee) { b.node<LicenceDecl>().grantee = actor_ref(in, b); }

// Terms of licences, clauses and waterfalls.
CLAUSE_ACTION(term_from_keyword) { b.term.from_keyword = b.span(in); }
CLAUSE_ACTION(term_from_date) { b.term.from = date_literal(in, b); }
CLAUSE_ACTION(term_until_keyword) { b.term.until_keyword = b.span(in); }
CLAUSE_ACTION(term_until_date) { b.term.until = date_literal(in, b); }
CLAUSE_ACTION(term) {
  std::visit(
      [&](auto& n) {
        if constexpr (requires { n.term; }) n.term = b.term;
      },
      b.decl->node);
  b.term = Term{};
}

// Pieces shared by statements, patterns, permissions and events.
CLAUSE_ACTION(subject) { b.subject = actor_ref(in, b); }
CLAUSE_ACTION(vendor) { b.vendor = actor_ref(in, b); }
CLAUSE_ACTION(anyone_vendor) {
  b.vendor = ActorRef{};
  b.vendor.party = ident(in, b);
  b.vendor.span = b.span(in);
  b.vendor.anyone = true;
}
CLAUSE_ACTION(more_vendor) { b.more_vendors.push_back(actor_ref(in, b)); }
CLAUSE_ACTION(good) { b.good = ident(in, b); }
CLAUSE_ACTION(status) { b.status = ident(in, b); }
CLAUSE_ACTION(reference) { b.reference = ident(in, b); }
CLAUSE_ACTION(quoted) { b.quoted = text_literal(in, b); }
CLAUSE_ACTION(money_value) { b.money = money_literal(in, b); }
CLAUSE_ACTION(date_value) { b.on_date = date_literal(in, b); }
CLAUSE_ACTION(amount_money) { b.amount = AmountRef{money_literal(in, b), b.span(in)}; }
CLAUSE_ACTION(amount_name) { b.amount = AmountRef{ident(in, b), b.span(in)}; }
CLAUSE_ACTION(share_percent_literal) { b.percent = PercentRef{percent_literal(in, b), b.span(in)}; }
CLAUSE_ACTION(share_percent_name) { b.percent = PercentRef{ident(in, b), b.span(in)}; }

// Clauses.
CLAUSE_ACTION(clause_keyword) { b.start<ClauseDecl>(b.span(in)); }
CLAUSE_ACTION(only_after_good) { b.more_vendors.clear(); }
CLAUSE_ACTION(exclusivity_rest) {
  b.node<ClauseDecl>().statement = ExclusivityStmt{b.subject, b.good, b.vendor, std::move(b.more_vendors)};
  b.more_vendors.clear();
}
CLAUSE_ACTION(prohibition_rest) { b.node<ClauseDecl>().statement = ProhibitionStmt{b.subject, b.good, b.vendor}; }
CLAUSE_ACTION(offer_tail) { b.node<ClauseDecl>().statement = FirstRefusalStmt{b.subject, b.good, b.vendor}; }
CLAUSE_ACTION(commitment_amount) { b.money_amount = *b.amount; }
CLAUSE_ACTION(by_after_vendor) { b.by_keyword = b.span(in); }
CLAUSE_ACTION(commitment_by_date) { b.date = date_literal(in, b); }
CLAUSE_ACTION(commitment_rest) {
  b.node<ClauseDecl>().statement = CommitmentStmt{b.subject, b.money_amount, b.good, b.vendor, b.date, b.by_keyword};
}
CLAUSE_ACTION(may_buy_rest) { b.node<ClauseDecl>().statement = FreedomStmt{b.subject, b.good, b.vendor}; }
CLAUSE_ACTION(may_do_rest) { b.node<ClauseDecl>().statement = DeedStmt{b.subject, b.quoted, false}; }
CLAUSE_ACTION(deed_prohibition_rest) { b.node<ClauseDecl>().statement = DeedStmt{b.subject, b.quoted, true}; }
CLAUSE_ACTION(statement) { b.node<ClauseDecl>().statement_span = b.composite(in); }
CLAUSE_ACTION(kw_when) { b.effects.clear(); }
CLAUSE_ACTION(pattern_declares) { b.pattern = ActorDeclaresPattern{b.subject, b.status}; }
CLAUSE_ACTION(declared_after_is) { b.verified = false; }
CLAUSE_ACTION(verified_after_is) { b.verified = true; }
CLAUSE_ACTION(pattern_is_declared) {
  const Ident status = plain_word(b.subject, b, "a status");
  if (b.verified) b.pattern = StatusVerifiedPattern{status};
  else b.pattern = StatusDeclaredPattern{status};
}
CLAUSE_ACTION(pattern_buys) { b.pattern = BuysPattern{b.subject, b.good, b.vendor}; }
CLAUSE_ACTION(pattern_does) { b.pattern = DoesPattern{b.subject, b.quoted}; }
CLAUSE_ACTION(pattern) { b.pattern_span = b.composite(in); }
CLAUSE_ACTION(effect) { b.effects.push_back(Effect{b.reference, b.composite(in)}); }
CLAUSE_ACTION(trigger_statement) {
  b.node<ClauseDecl>().statement = TriggerStmt{b.pattern, b.pattern_span, std::move(b.effects)};
  b.effects.clear();
}

// Exceptions.
CLAUSE_ACTION(exception_keyword) { b.start<ExceptionDecl>(b.span(in)); }
CLAUSE_ACTION(excepted_clause) { b.node<ExceptionDecl>().clause = ident(in, b); }
CLAUSE_ACTION(permission) {
  auto& e = b.node<ExceptionDecl>();
  e.buyer = b.subject;
  e.good = b.good;
  e.vendor = b.vendor;
  e.permission_span = b.composite(in);
}
CLAUSE_ACTION(consenting_party) { b.actor = actor_ref(in, b); }
CLAUSE_ACTION(consent_condition) {
  // Emplaced in place: GCC 12 at -O2 warns of an uninitialized variant in a temporary.
  Condition& c = conditions(b).emplace_back();
  c.value.emplace<ConsentCondition>(ConsentCondition{b.actor});
  c.span = b.composite(in);
}
CLAUSE_ACTION(limit_condition) {
  conditions(b).push_back(Condition{LimitCondition{*b.amount}, b.composite(in)});
}
CLAUSE_ACTION(from_date) { b.date = date_literal(in, b); }
CLAUSE_ACTION(from_condition) {
  conditions(b).push_back(Condition{FromCondition{b.date}, b.composite(in)});
}
CLAUSE_ACTION(until_date) { b.date = date_literal(in, b); }
CLAUSE_ACTION(until_condition) {
  conditions(b).push_back(Condition{UntilCondition{b.date}, b.composite(in)});
}

// Powers.
CLAUSE_ACTION(power_keyword) { b.start<PowerDecl>(b.span(in)); }
CLAUSE_ACTION(power_holder) { b.node<PowerDecl>().holder = actor_ref(in, b); }
CLAUSE_ACTION(power_decl) { b.node<PowerDecl>().status = b.status; }
CLAUSE_ACTION(verifier) { b.node<PowerDecl>().verifier = actor_ref(in, b); }

// Waterfalls.
CLAUSE_ACTION(waterfall_keyword) { b.start<WaterfallDecl>(b.span(in)); }
CLAUSE_ACTION(waterfall_party) { b.node<WaterfallDecl>().of = actor_ref(in, b); }
CLAUSE_ACTION(waterfall_stream) { b.node<WaterfallDecl>().stream = ident(in, b); }
CLAUSE_ACTION(tier_keyword) {
  b.tier = Tier{};
  b.tier.keyword = b.span(in);
}
CLAUSE_ACTION(tier_name) { b.tier.name = text_literal(in, b); }
CLAUSE_ACTION(kw_first) {
  b.tier.kind = TierKind::first;
  b.tier.kind_span = b.span(in);
}
CLAUSE_ACTION(kw_next) {
  b.tier.kind = TierKind::next;
  b.tier.kind_span = b.span(in);
}
CLAUSE_ACTION(until_capped_words) {
  b.tier.kind = TierKind::until_capped;
  b.tier.kind_span = b.composite(in);
}
CLAUSE_ACTION(kw_rest) {
  b.tier.kind = TierKind::rest;
  b.tier.kind_span = b.span(in);
}
CLAUSE_ACTION(tier_amount) { b.tier.amount = *b.amount; }
CLAUSE_ACTION(share_party) {
  b.share = Share{};
  b.share.party = actor_ref(in, b);
}
CLAUSE_ACTION(share_percentage) { b.share.percent = *b.percent; }
CLAUSE_ACTION(cap_keyword) { b.share.cap_keyword = b.span(in); }
CLAUSE_ACTION(cap_amount) { b.share.cap = *b.amount; }
CLAUSE_ACTION(share) {
  b.share.span = b.composite(in);
  room_for(b.tier.shares, 2).push_back(std::move(b.share));
}
CLAUSE_ACTION(overflow_keyword) { b.tier.overflow_keyword = b.span(in); }
CLAUSE_ACTION(overflow_party) { b.tier.overflow = actor_ref(in, b); }
CLAUSE_ACTION(tier) {
  b.tier.span = b.composite(in);
  room_for(b.node<WaterfallDecl>().tiers, 4).push_back(std::move(b.tier));
}

// Events.
CLAUSE_ACTION(declares_tail) { b.event.node = DeclaresEvent{b.subject, b.status}; }
CLAUSE_ACTION(is_declared_tail) {
  const Ident status = plain_word(b.subject, b, "a status");
  if (b.verified) b.event.node = IsVerifiedEvent{status};
  else b.event.node = IsDeclaredEvent{status};
}
CLAUSE_ACTION(verifies_tail) { b.event.node = VerifiesEvent{b.subject, b.status}; }
CLAUSE_ACTION(rejects_tail) { b.event.node = RejectsEvent{b.subject, b.status}; }
CLAUSE_ACTION(declines_tail) { b.event.node = DeclinesEvent{b.subject, b.good, b.money}; }
CLAUSE_ACTION(nothing_happens) { b.event.node = NothingHappensEvent{}; }
CLAUSE_ACTION(kw_earns) { b.stream.reset(); }
CLAUSE_ACTION(earned_stream) { b.stream = ident(in, b); }
CLAUSE_ACTION(consents_tail) { b.event.node = ConsentsEvent{b.subject, b.reference}; }
CLAUSE_ACTION(buys_tail) { b.event.node = BuysEvent{b.subject, b.good, b.vendor, b.money}; }
CLAUSE_ACTION(uses_tail) { b.event.node = UsesEvent{b.subject, b.reference}; }
CLAUSE_ACTION(earns_tail) { b.event.node = EarnsEvent{b.subject, b.money, b.stream}; }
CLAUSE_ACTION(does_tail) { b.event.node = DoesEvent{b.subject, b.quoted}; }
CLAUSE_ACTION(event) { b.event.span = b.composite(in); }

// Scenarios.
CLAUSE_ACTION(scenario_start) { b.scenario->keyword = b.span(in); }
CLAUSE_ACTION(scenario_title) { b.scenario->title = text_literal(in, b); }
CLAUSE_ACTION(contract_path) { b.scenario->contract_path = text_literal(in, b); }
CLAUSE_ACTION(scenario_assume_name) { b.assume_name = ident(in, b); }
CLAUSE_ACTION(scenario_assume) {
  const Span s = b.composite(in);
  if (!b.scenario->events.empty()) {
    b.diags.report<DiagId::assume_after_event>(b.where(s));
  }
  b.scenario->assumes.push_back(ScenarioAssume{b.assume_name, *b.value, s});
}
CLAUSE_ACTION(event_date) { b.event_date = date_literal(in, b); }
CLAUSE_ACTION(scenario_event) {
  b.scenario->events.push_back(ScenarioEvent{b.event_date, std::move(b.event), b.composite(in)});
}
CLAUSE_ACTION(kw_expect) {
  b.on_date.reset();
  b.by.reset();
}
CLAUSE_ACTION(breaching_party) { b.by = actor_ref(in, b); }
CLAUSE_ACTION(breach_expectation) { b.expectation = BreachExpectation{b.reference, b.by, b.on_date}; }
CLAUSE_ACTION(no_breach_expectation) { b.expectation = NoBreachExpectation{}; }
CLAUSE_ACTION(permitted_word) { b.outcome_kind = OutcomeOnKind::permitted; }
CLAUSE_ACTION(ineffective_word) { b.outcome_kind = OutcomeOnKind::ineffective; }
CLAUSE_ACTION(uncovered_word) { b.outcome_kind = OutcomeOnKind::uncovered; }
CLAUSE_ACTION(declined_word) { b.outcome_kind = OutcomeOnKind::declined; }
CLAUSE_ACTION(verified_word) { b.outcome_kind = OutcomeOnKind::verified; }
CLAUSE_ACTION(rejected_word) { b.outcome_kind = OutcomeOnKind::rejected; }
CLAUSE_ACTION(outcome_on_expectation) { b.expectation = OutcomeOnExpectation{b.outcome_kind, *b.on_date}; }
CLAUSE_ACTION(ended_tail) { b.expectation = EndedExpectation{plain_word(b.subject, b, "what ends"), b.on_date}; }
CLAUSE_ACTION(live_tail) { b.expectation = LiveExpectation{plain_word(b.subject, b, "what is live")}; }
CLAUSE_ACTION(expired_tail) {
  b.expectation = ExpiredExpectation{plain_word(b.subject, b, "what expires"), b.on_date};
}
CLAUSE_ACTION(fulfilled_tail) { b.expectation = FulfilledExpectation{plain_word(b.subject, b, "what is fulfilled")}; }
CLAUSE_ACTION(receives_tail) { b.expectation = ReceivesExpectation{b.subject, b.money}; }
CLAUSE_ACTION(scenario_expect) {
  b.scenario->expectations.push_back(Expectation{std::move(b.expectation), b.composite(in)});
}

#undef CLAUSE_ACTION

// ----- reporting a syntax error and resuming ----------------------------------------

// What is at `at`, for "..., found `X`", and how many bytes of the source the quoted X
// shows (0 when nothing is quoted): the caret underlines those, never past the source.
struct Found {
  std::string text;
  std::uint32_t quoted = 0;
};

Found describe_found(const char* at, const char* end, std::string_view end_name) {
  if (at == end) return {fmt::format("found {}", end_name)};
  const auto word_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  };
  const char c = *at;
  const char* p = at;
  if (c == '\n' || c == '\r') return {"found the end of the line"};
  if (c == ' ' || c == '\t') return {"found a space"};
  if (c == '"') {
    ++p;
    while (p != end && *p != '"' && *p != '\n' && *p != '\r' && p - at < 40) p += (*p == '\\' && p + 1 != end) ? 2 : 1;
    if (p != end && *p == '"') ++p;
  } else if (word_char(c) || c == '$') {
    while (p != end && (word_char(*p) || *p == '$' || *p == ',' || *p == '.' || *p == '%' || *p == '-')) {
      if ((*p == ',' || *p == '.') && (p + 1 == end || !word_char(p[1]))) break;
      ++p;
    }
  } else {
    ++p;
    while (p != end && (static_cast<unsigned char>(*p) & 0xC0u) == 0x80u) ++p;
  }
  // A token can be as long as the file: show its start only.
  constexpr std::ptrdiff_t kShown = 40;
  if (p - at > kShown) {
    const char* cut = at + kShown;
    while (cut != at && (static_cast<unsigned char>(*cut) & 0xC0u) == 0x80u) --cut;
    const auto shown = static_cast<std::size_t>(cut - at);
    return {fmt::format("found `{}…`", std::string_view(at, shown)), static_cast<std::uint32_t>(shown)};
  }
  const auto shown = static_cast<std::size_t>(p - at);
  return {fmt::format("found `{}`", std::string_view(at, shown)), static_cast<std::uint32_t>(shown)};
}

// " (did you mean `licence`?)" when the word found is close to a keyword the message says
// was expected (`license` where `licence` or `exception` could start a declaration).
std::string misspelt_keyword(std::string_view message, const std::string& found) {
  if (found.rfind("found `", 0) != 0 || found.back() != '`') return "";
  const std::string word = found.substr(7, found.size() - 8);
  if (word.empty() || is_keyword(word)) return "";
  std::vector<std::string_view> expected;
  for (std::size_t open = message.find('`'); open != std::string_view::npos;) {
    const std::size_t close = message.find('`', open + 1);
    if (close == std::string_view::npos) break;
    const std::string_view quoted = message.substr(open + 1, close - open - 1);
    // The first word of what is quoted: `licence`, `grants`, `ACTOR must buy ...` gives none.
    const std::string_view first = quoted.substr(0, quoted.find(' '));
    if (is_keyword(first)) expected.push_back(first);
    open = message.find('`', close + 1);
  }
  return did_you_mean(word, expected);
}

// How to write an amount, when one was expected and what was found is a number without
// `$` (`50 billion`, `50B`) or a scale spelt out (`$50 billion`).
std::string amount_hint(std::string_view message, const std::string& found) {
  if (found.rfind("found `", 0) != 0 || message.find('$') == std::string_view::npos) return "";
  const std::string word = found.substr(7, found.size() - 8);
  static constexpr std::string_view kScales[] = {"thousand", "million", "billion", "trillion", "k", "bn", "mm"};
  const bool digits = !word.empty() && word[0] >= '0' && word[0] <= '9';
  const bool scale = std::find(std::begin(kScales), std::end(kScales), word) != std::end(kScales);
  if (!digits && !scale) return "";
  return ": an amount starts with `$` and its scale is one upper-case letter, like `$50B` "
         "(K thousand, M million, B billion, T trillion)";
}

void report(const SyntaxFailure& f, Builder& b, const char* end, std::string_view end_name) {
  const std::uint32_t at = b.offset(f.at);
  std::uint32_t place = at;
  if (!f.point_at_found) {
    const std::uint32_t code_end = b.source->end_of_code_before(at);
    if (code_end < at && b.source->position(code_end).line < b.source->position(at).line) place = code_end;
  }
  const Found described = describe_found(f.at, end, end_name);
  const std::string& found = described.text;
  std::uint32_t found_len = 1;
  if (f.at != end && place == at && described.quoted > 1) found_len = described.quoted;
  if (f.message == r::error_message<r::escape_char>) {
    // Point at the whole escape, backslash included.
    // Built without `"\\" + std::string(...)`: GCC 12 at -O3 misreads that concatenation
    // (-Wstringop-overflow, a false positive) in the Release build `scripts/run` makes.
    std::string escape(1, '\\');
    if (f.at != end) escape.push_back(*f.at);
    b.diags.report<DiagId::unknown_escape>(b.where({at - 1, at + (f.at == end ? 0u : 1u)}), escape);
    return;
  }
  const Location where = b.where({place, place == at ? at + found_len : place});
  if (f.expects_new_name && f.at != end && found.rfind("found `", 0) == 0) {
    const std::string word = found.substr(7, found.size() - 8);
    if (is_keyword(word)) {
      b.diags.report<DiagId::keyword_as_name>(where, word);
      return;
    }
  }
  b.diags.report<DiagId::syntax_error>(where, f.message,
                                       found + misspelt_keyword(f.message, found) + amount_hint(f.message, found));
}

// Whether the first word of the line at `p` is one of the given line-starting keywords.
template <typename Keyword>
bool line_starts_with(const char* p, const char* end) {
  while (p != end && (*p == ' ' || *p == '\t')) ++p;
  Input probe(p, end, "");
  return pegtl::parse<pegtl::at<Keyword>>(probe);
}

// Where to resume after a syntax error at `failure` in a construct that began at `start`:
// the next line that begins with a keyword that starts a construct.
template <typename Keyword>
const char* resume_point(const char* start, const char* failure, const char* end, bool may_resume_at_failure) {
  if (may_resume_at_failure && failure > start) {
    const char* line = failure;
    while (line != start && line[-1] != '\n') --line;
    bool only_space = std::all_of(line, failure, [](char c) { return c == ' ' || c == '\t'; });
    if (only_space && line_starts_with<Keyword>(failure, end)) return failure;
  }
  const char* p = std::max(start, failure);
  while (true) {
    p = std::find(p, end, '\n');
    if (p == end) return end;
    ++p;
    if (line_starts_with<Keyword>(p, end)) return p;
  }
}

void skip_to(Input& in, const char* target) {
  if (target > in.current()) in.bump(static_cast<std::size_t>(target - in.current()));
}

void finish_declaration(Builder& b, bool complete, std::uint32_t end) {
  if (b.decl == nullptr) return;
  Declaration& d = *b.decl;
  b.decl = nullptr;
  d.complete = complete;
  if (!complete && d.name().text.empty()) {
    b.contract->declarations.pop_back();  // nothing to refer to: drop it
    return;
  }
  d.span = {d.keyword.begin, std::max(d.keyword.end, end)};
}

// About how many declarations a text holds: its lines whose first word is a declaration's
// keyword. Reserving that many keeps the tree from being moved as it grows (moving
// declarations of 424 bytes each was in the profile at 100,000 declarations, and growth
// by doubling held the old and the new array at once). The keywords are compared here,
// not through the grammar's `declaration_keyword`: running PEGTL on every line was 5% of
// parsing. A keyword missing here would only let the vector grow.
std::size_t estimate_declarations(std::string_view text) {
  const auto starts_declaration = [](std::string_view w) {
    switch (w.size()) {
      case 5: return w == "party" || w == "power";
      case 6: return w == "assume" || w == "clause";
      case 7: return w == "licence";
      case 9: return w == "exception" || w == "waterfall";
      default: return false;
    }
  };
  std::size_t count = 0;
  const char* end = text.data() + text.size();
  for (const char* p = text.data(); p != nullptr && p != end;) {
    while (p != end && (*p == ' ' || *p == '\t')) ++p;
    const char* q = p;
    while (q != end && *q >= 'a' && *q <= 'z') ++q;
    const std::string_view word(p, static_cast<std::size_t>(q - p));
    if ((q == end || !r::is_word_char(*q)) && starts_declaration(word)) {
      ++count;
    }
    p = static_cast<const char*>(std::memchr(q, '\n', static_cast<std::size_t>(end - q)));
    if (p != nullptr) ++p;
  }
  return count;
}

}  // namespace

ContractParse parse_contract(const SourcePtr& source) {
  ContractParse out;
  Builder b(source, out.diagnostics);
  b.contract = &out.syntax;
  out.syntax.source = source;
  const std::string_view text = source->text();
  out.syntax.declarations.reserve(estimate_declarations(text));
  const char* end = text.data() + text.size();
  Input in(text.data(), end, source->name().c_str());
  constexpr std::string_view kEnd = "the end of the file";

  try {
    pegtl::parse<r::contract_header, action, control>(in, b);
  } catch (const SyntaxFailure& f) {
    report(f, b, end, kEnd);
    // Keep reading from the first declaration, so its errors are reported too.
    const char* p = f.at;
    while (p != text.data() && p[-1] != '\n') --p;
    skip_to(in, line_starts_with<r::declaration_keyword>(p, end)
                    ? p
                    : resume_point<r::declaration_keyword>(p, f.at, end, false));
  }

  while (true) {
    pegtl::parse<r::ws, action>(in, b);
    if (in.empty()) break;
    const char* start = in.current();
    try {
      pegtl::parse<r::next_declaration, action, control>(in, b);
      finish_declaration(b, true, b.last_token_end);
    } catch (const SyntaxFailure& f) {
      report(f, b, end, kEnd);
      finish_declaration(b, false, b.offset(f.at));
      skip_to(in, resume_point<r::declaration_keyword>(start, f.at, end, true));
    }
  }
  return out;
}

ScenarioParse parse_scenario(const SourcePtr& source) {
  ScenarioParse out;
  Builder b(source, out.diagnostics);
  b.scenario = &out.syntax;
  out.syntax.source = source;
  const std::string_view text = source->text();
  const char* end = text.data() + text.size();
  Input in(text.data(), end, source->name().c_str());
  constexpr std::string_view kEnd = "the end of the file";

  try {
    pegtl::parse<r::scenario_header, action, control>(in, b);
  } catch (const SyntaxFailure& f) {
    report(f, b, end, kEnd);
    const char* p = f.at;
    while (p != text.data() && p[-1] != '\n') --p;
    skip_to(in, line_starts_with<r::scenario_line_keyword>(p, end)
                    ? p
                    : resume_point<r::scenario_line_keyword>(p, f.at, end, false));
  }

  while (true) {
    pegtl::parse<r::ws, action>(in, b);
    if (in.empty()) break;
    const char* start = in.current();
    try {
      pegtl::parse<r::next_scenario_line, action, control>(in, b);
    } catch (const SyntaxFailure& f) {
      report(f, b, end, kEnd);
      skip_to(in, resume_point<r::scenario_line_keyword>(start, f.at, end, true));
    }
  }
  return out;
}

namespace {

// Reads the whole of `source` as `Rule` (one line of text: an event, a `--until` phrase),
// hands the builder to `take` when it parsed, and reports a syntax error otherwise.
template <typename Rule, typename Take>
void parse_line(const SourcePtr& source, DiagnosticList& diagnostics, std::string_view end_name, Take&& take) {
  Builder b(source, diagnostics);
  const std::string_view text = source->text();
  const char* end = text.data() + text.size();
  Input in(text.data(), end, source->name().c_str());
  try {
    pegtl::parse<Rule, action, control>(in, b);
    take(b);
  } catch (const SyntaxFailure& f) {
    report(f, b, end, end_name);
  }
}

}  // namespace

EventParse parse_event(const SourcePtr& source) {
  EventParse out;
  out.source = source;
  parse_line<r::event_text>(source, out.diagnostics, "the end of the event",
                            [&](Builder& b) { out.event = std::move(b.event); });
  return out;
}

FileKind sniff_file_kind(std::string_view text) {
  Input in(text.data(), text.data() + text.size(), "");
  pegtl::parse<r::ws>(in);
  if (pegtl::parse<pegtl::at<r::kw_contract>>(in)) return FileKind::contract;
  if (pegtl::parse<pegtl::at<r::kw_scenario>>(in)) return FileKind::scenario;
  return FileKind::unknown;
}

std::variant<Value, LiteralError> parse_value(std::string_view text) {
  if (!text.empty() && text[0] == '$') {
    auto m = parse_money(text);
    if (auto* e = std::get_if<LiteralError>(&m)) return *e;
    return Value{std::get<Money>(m)};
  }
  if (!text.empty() && text.back() == '%') {
    auto p = parse_percent(text);
    if (auto* e = std::get_if<LiteralError>(&p)) return *e;
    return Value{std::get<Percent>(p)};
  }
  return LiteralError{message<DiagId::value_expected>(text), 0};
}

std::string value_to_string(const Value& v) {
  if (const auto* m = std::get_if<Money>(&v)) return m->to_short();
  return std::get<Percent>(v).to_string();
}


// ----- `PARTY receives MONEY` alone, as `clause payout --until` takes it -------------

namespace rules {

// The expectation's subject and `receives MONEY`, and nothing else. The amount may leave
// out its `$`, which inside a shell's double quotes would start a variable.
struct received_party : as<subject> {};
struct receives_word : kw_receives {};
struct unmarked_money : seq<digit, star<money_char>, star<ident_other>> {};
struct received_money : sor<received_amount, unmarked_money> {};
struct end_of_receives : eof {};
struct receives_text : seq<ws, must<received_party>, ws, must<receives_word>, ws, must<received_money>, ws,
                           must<end_of_receives>> {};

template <>
inline constexpr const char* error_message<received_party> = "expected a party's name, like `Nonprofit receives $1`";
template <>
inline constexpr const char* error_message<receives_word> = "expected `receives` after the party's name";
template <>
inline constexpr const char* error_message<received_money> =
    "expected an amount like `$1B` after `receives` (in a shell, write it without `$` or in single quotes: `$1` "
    "inside double quotes is a shell variable)";
template <>
inline constexpr const char* error_message<end_of_receives> = "expected nothing after the amount";

}  // namespace rules

namespace {

// An amount without its `$`: read as if it had one.
template <>
struct on<r::unmarked_money> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) {
    MoneyLit lit;
    lit.span = b.span(in);
    auto parsed = parse_money(fmt::format("${}", in.string_view()));
    if (auto* m = std::get_if<Money>(&parsed)) {
      lit.value = *m;
    } else {
      b.diags.report(b.where(lit.span), std::get<LiteralError>(parsed).message);
      lit.valid = false;
    }
    b.money = lit;
  }
};

}  // namespace

ReceivesParse parse_receives(const SourcePtr& source) {
  ReceivesParse out;
  out.source = source;
  parse_line<r::receives_text>(source, out.diagnostics, "the end of the text",
                               [&](Builder& b) { out.receives = ReceivesExpectation{b.subject, b.money}; });
  return out;
}

}  // namespace clause::dsl
