// The syntax tree of contract files, scenario files and event texts. Plain value types;
// every node keeps the span of its text. Nothing here is resolved or checked: the
// checker (engine/) gives names their meaning.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "dsl/date.hpp"
#include "dsl/money.hpp"
#include "dsl/percent.hpp"
#include "dsl/source.hpp"

namespace clause::dsl {

// A word: a declared name, a reference to one, a good or a status. Its text is a view of
// the source it was read from (a word has no escapes), so a syntax tree must not outlive
// its source; keeping the bytes once, in the source, keeps the tree small (an Ident was 40
// bytes with a std::string of its own, and the tree of a 10 MB contract 70 MB).
struct Ident {
  std::string_view text;
  Span span;
};

// `OpenAI` or `OpenAI.board`.
struct ActorRef {
  Ident party;
  std::optional<Ident> body;
  Span span;
  std::string to_string() const {
    std::string s(party.text);
    if (body) {
      s += '.';
      s += body->text;
    }
    return s;
  }
};

// A quoted text. `value` views the source when the text has no escapes (the usual case:
// parsing copies nothing, and a checker copies from the text in file order); a text with
// escapes views its decoded copy, shared so that copies of the Text view it too.
struct Text {
  std::string_view value;  // escapes decoded
  Span span;
  std::shared_ptr<const std::string> decoded;  // only when the text has escapes
};

// A literal as written. `valid` is false when the literal itself was reported as an
// error (a fraction of a cent, an impossible date): later phases skip it quietly.
struct MoneyLit {
  Money value;
  Span span;
  bool valid = true;
};
struct PercentLit {
  Percent value;
  Span span;
  bool valid = true;
};
struct DateLit {
  Date value;
  Span span;
  bool valid = true;
};

// Money written as a literal or as the name of an assumption.
struct AmountRef {
  std::variant<MoneyLit, Ident> value;
  Span span;
};
// A percentage written as a literal or as the name of an assumption.
struct PercentRef {
  std::variant<PercentLit, Ident> value;
  Span span;
};

// ----- contract declarations ------------------------------------------------------

struct PartyDecl {
  Ident name;
  std::optional<Text> description;
  std::vector<Ident> bodies;
};

struct AssumeDecl {
  Ident name;
  std::variant<MoneyLit, PercentLit> value;
  std::optional<Text> description;
};

struct LicenceDecl {
  Ident name;
  std::optional<Text> description;
  ActorRef grantor;
  ActorRef grantee;
};

// `ACTOR must buy GOOD only from PARTY [or PARTY]...`
struct ExclusivityStmt {
  ActorRef buyer;
  Ident good;
  ActorRef vendor;
  std::vector<ActorRef> more_vendors{};  // after `or` (an initializer, so that `{buyer, good, vendor}` still builds one)
};
// `ACTOR must not buy GOOD from PARTY`
struct ProhibitionStmt {
  ActorRef buyer;
  Ident good;
  ActorRef vendor;
};

// Trigger patterns.
struct StatusDeclaredPattern {  // `STATUS is declared`
  Ident status;
};
struct ActorDeclaresPattern {  // `ACTOR declares STATUS`
  ActorRef actor;
  Ident status;
};
struct BuysPattern {  // `PARTY buys GOOD from PARTY`
  ActorRef buyer;
  Ident good;
  ActorRef vendor;
};
struct DoesPattern {  // `ACTOR does "TEXT"`
  ActorRef actor;
  Text text;
};
using Pattern = std::variant<StatusDeclaredPattern, ActorDeclaresPattern, BuysPattern, DoesPattern>;

struct Effect {  // `NAME ends`
  Ident target;
  Span span;
};

// `when PATTERN then EFFECT, ...`
struct TriggerStmt {
  Pattern pattern;
  Span pattern_span;
  std::vector<Effect> effects;
};

using Statement = std::variant<ExclusivityStmt, ProhibitionStmt, TriggerStmt>;

struct ClauseDecl {
  Ident name;
  std::optional<Text> title;
  Statement statement;
  Span statement_span;
};

// Exception conditions.
struct ConsentCondition {  // `if PARTY consents`
  ActorRef party;
};
struct LimitCondition {  // `up to MONEY in total`
  AmountRef limit;
};
struct FromCondition {  // `from DATE`
  DateLit date;
};
struct UntilCondition {  // `until DATE`
  DateLit date;
};
struct Condition {
  std::variant<ConsentCondition, LimitCondition, FromCondition, UntilCondition> value;
  Span span;
};

struct ExceptionDecl {
  Ident name;
  Ident clause;
  std::optional<Text> title;
  // The permission: `ACTOR may buy GOOD from PARTY`.
  ActorRef buyer;
  Ident good;
  ActorRef vendor;
  Span permission_span;
  std::vector<Condition> conditions;
};

struct PowerDecl {
  Ident name;
  std::optional<Text> title;
  ActorRef holder;
  Ident status;
};

struct Share {
  ActorRef party;
  PercentRef percent;
  std::optional<AmountRef> cap;
  Span cap_keyword;  // the `cap` keyword, when there is one
  Span span;
};

enum class TierKind { first, next, until_capped, rest };

struct Tier {
  Span keyword;  // `tier`
  std::optional<Text> name;
  TierKind kind = TierKind::first;
  Span kind_span;                  // `first`, `next`, `until capped`, `rest`
  std::optional<AmountRef> amount; // first and next
  std::vector<Share> shares;
  std::optional<ActorRef> overflow;
  Span overflow_keyword;
  Span span;
};

struct WaterfallDecl {
  Ident name;
  std::optional<Text> title;
  ActorRef of;
  std::vector<Tier> tiers;
};

enum class DeclKind { party, assumption, licence, clause, exception, power, waterfall };

struct Declaration {
  DeclKind kind() const { return static_cast<DeclKind>(node.index()); }
  const Ident& name() const;
  std::variant<PartyDecl, AssumeDecl, LicenceDecl, ClauseDecl, ExceptionDecl, PowerDecl, WaterfallDecl> node;
  Span keyword;  // `party`, `assume`, `clause`, ...
  Span span;     // the whole declaration
  // False when a syntax error cut the declaration short: its name is known (so other
  // declarations may refer to it without more errors) but its content is not.
  bool complete = true;
};

struct ContractSyntax {
  SourcePtr source;  // the text every Ident of the tree views: kept alive with the tree
  Span keyword;      // `contract`
  Text title;
  std::optional<Text> version;
  std::optional<DateLit> effective;
  Span effective_keyword;
  std::vector<Declaration> declarations;
};

// ----- events ---------------------------------------------------------------------

struct DeclaresEvent {  // `ACTOR declares STATUS`
  ActorRef actor;
  Ident status;
};
struct IsDeclaredEvent {  // `STATUS is declared`
  Ident status;
};
struct ConsentsEvent {  // `PARTY consents to EXCEPTION`
  ActorRef party;
  Ident exception;
};
struct BuysEvent {  // `PARTY buys GOOD from VENDOR for MONEY`
  ActorRef buyer;
  Ident good;
  ActorRef vendor;
  MoneyLit amount;
};
struct UsesEvent {  // `PARTY uses LICENCE`
  ActorRef actor;
  Ident licence;
};
struct EarnsEvent {  // `PARTY earns MONEY`
  ActorRef party;
  MoneyLit amount;
};
struct DoesEvent {  // `ACTOR does "TEXT"`
  ActorRef actor;
  Text text;
};

struct EventSyntax {
  std::variant<DeclaresEvent, IsDeclaredEvent, ConsentsEvent, BuysEvent, UsesEvent, EarnsEvent, DoesEvent> node;
  Span span;
};

// The event written canonically: single spaces, keywords lower case, goods and statuses
// lower case (they match without regard to case) unless that makes a keyword (`Total`
// stays), money as written. It reads back as the same event.
std::string canonical_text(const EventSyntax& event, std::string_view source_text);

// ----- scenarios ------------------------------------------------------------------

struct ScenarioAssume {
  Ident name;
  std::variant<MoneyLit, PercentLit> value;
  Span span;
};

struct ScenarioEvent {
  DateLit on;
  EventSyntax event;
  Span span;
};

struct BreachExpectation {  // `breach of NAME [by PARTY] [on DATE]`
  Ident name;
  std::optional<ActorRef> by;
  std::optional<DateLit> on;
};
struct NoBreachExpectation {};  // `no breach`
enum class OutcomeOnKind { permitted, ineffective, uncovered };
struct OutcomeOnExpectation {  // `permitted|ineffective|uncovered on DATE`
  OutcomeOnKind kind;
  DateLit on;
};
struct EndedExpectation {  // `NAME ended [on DATE]`
  Ident name;
  std::optional<DateLit> on;
};
struct LiveExpectation {  // `NAME live`
  Ident name;
};
struct ReceivesExpectation {  // `PARTY receives MONEY`
  ActorRef party;
  MoneyLit amount;
};

struct Expectation {
  std::variant<BreachExpectation, NoBreachExpectation, OutcomeOnExpectation, EndedExpectation, LiveExpectation,
               ReceivesExpectation>
      node;
  Span span;  // from `expect` to the end of the line's content
};

struct ScenarioSyntax {
  SourcePtr source;  // the text every Ident of the tree views: kept alive with the tree
  Span keyword;
  Text title;
  std::optional<Text> contract_path;
  std::vector<ScenarioAssume> assumes;
  std::vector<ScenarioEvent> events;
  std::vector<Expectation> expectations;
};

}  // namespace clause::dsl
