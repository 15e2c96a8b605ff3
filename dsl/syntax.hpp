// The syntax tree of contract files, scenario files and event texts. Plain value types
// that compare equal when they read the same text the same way; every node keeps the
// span of its text. Nothing here is resolved or checked: the checker (engine/) gives
// names their meaning.
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
  friend bool operator==(const Ident&, const Ident&) = default;
};

// `OpenAI` or `OpenAI.board`.
struct ActorRef {
  Ident party;
  std::optional<Ident> body;
  Span span;
  // `anyone` as a vendor (of a freedom or an exception): every vendor matches. `party`
  // then holds the keyword's text and place.
  bool anyone = false;
  std::string to_string() const {
    std::string s(party.text);
    if (body) {
      s += '.';
      s += body->text;
    }
    return s;
  }
  friend bool operator==(const ActorRef&, const ActorRef&) = default;
};

// A quoted text. `value` views the source when the text has no escapes (the usual case:
// parsing copies nothing, and a checker copies from the text in file order); a text with
// escapes views its decoded copy, shared so that copies of the Text view it too.
struct Text {
  std::string_view value;  // escapes decoded
  Span span;
  std::shared_ptr<const std::string> decoded;  // only when the text has escapes
  // The same text at the same place; whether it was decoded into its own copy does not matter.
  friend bool operator==(const Text& a, const Text& b) { return a.value == b.value && a.span == b.span; }
};

// A literal as written. `valid` is false when the literal itself was reported as an
// error (a fraction of a cent, an impossible date): later phases skip it quietly.
struct MoneyLit {
  Money value;
  Span span;
  bool valid = true;
  friend bool operator==(const MoneyLit&, const MoneyLit&) = default;
};
struct PercentLit {
  Percent value;
  Span span;
  bool valid = true;
  friend bool operator==(const PercentLit&, const PercentLit&) = default;
};
struct DateLit {
  Date value;
  Span span;
  bool valid = true;
  friend bool operator==(const DateLit&, const DateLit&) = default;
};

// `from DATE` and/or `until DATE`, in either order: when a licence, clause or waterfall is
// in force (both inclusive). Either may be missing.
struct Term {
  std::optional<DateLit> from;
  std::optional<DateLit> until;
  Span from_keyword;
  Span until_keyword;
  bool empty() const { return !from && !until; }
  friend bool operator==(const Term&, const Term&) = default;
};

// Money written as a literal or as the name of an assumption.
struct AmountRef {
  std::variant<MoneyLit, Ident> value;
  Span span;
  friend bool operator==(const AmountRef&, const AmountRef&) = default;
};
// A percentage written as a literal or as the name of an assumption.
struct PercentRef {
  std::variant<PercentLit, Ident> value;
  Span span;
  friend bool operator==(const PercentRef&, const PercentRef&) = default;
};

// ----- contract declarations ------------------------------------------------------

struct PartyDecl {
  Ident name;
  std::optional<Text> description;
  std::vector<Ident> bodies;
  friend bool operator==(const PartyDecl&, const PartyDecl&) = default;
};

struct AssumeDecl {
  Ident name;
  std::variant<MoneyLit, PercentLit> value;
  std::optional<Text> description;
  friend bool operator==(const AssumeDecl&, const AssumeDecl&) = default;
};

struct LicenceDecl {
  Ident name;
  std::optional<Text> description;
  ActorRef grantor;
  ActorRef grantee;
  Term term;
  friend bool operator==(const LicenceDecl&, const LicenceDecl&) = default;
};

// `ACTOR must buy GOOD only from PARTY [or PARTY]...`
struct ExclusivityStmt {
  ActorRef buyer;
  Ident good;
  ActorRef vendor;
  std::vector<ActorRef> more_vendors{};  // after `or` (an initializer, so that `{buyer, good, vendor}` still builds one)
  friend bool operator==(const ExclusivityStmt&, const ExclusivityStmt&) = default;
};
// `ACTOR must not buy GOOD from PARTY`
struct ProhibitionStmt {
  ActorRef buyer;
  Ident good;
  ActorRef vendor;
  friend bool operator==(const ProhibitionStmt&, const ProhibitionStmt&) = default;
};
// `ACTOR must offer GOOD to PARTY first`: a right of first refusal held by PARTY.
struct FirstRefusalStmt {
  ActorRef buyer;
  Ident good;
  ActorRef holder;
  friend bool operator==(const FirstRefusalStmt&, const FirstRefusalStmt&) = default;
};
// `ACTOR must buy at least AMOUNT of GOOD from PARTY by DATE` (a `from` in the clause's
// term says when counting starts).
struct CommitmentStmt {
  ActorRef buyer;
  AmountRef amount;
  Ident good;
  ActorRef vendor;
  DateLit by;
  Span by_keyword;
  friend bool operator==(const CommitmentStmt&, const CommitmentStmt&) = default;
};
// `ACTOR may buy GOOD from PARTY|anyone`.
struct FreedomStmt {
  ActorRef buyer;
  Ident good;
  ActorRef vendor;  // `anyone` when vendor.anyone
  friend bool operator==(const FreedomStmt&, const FreedomStmt&) = default;
};
// `ACTOR may do "TEXT"` (allowed) or `ACTOR must not do "TEXT"` (forbidden).
struct DeedStmt {
  ActorRef actor;
  Text text;
  bool forbidden = false;
  friend bool operator==(const DeedStmt&, const DeedStmt&) = default;
};

// Trigger patterns.
struct StatusDeclaredPattern {  // `STATUS is declared`
  Ident status;
  friend bool operator==(const StatusDeclaredPattern&, const StatusDeclaredPattern&) = default;
};
struct StatusVerifiedPattern {  // `STATUS is verified`
  Ident status;
  friend bool operator==(const StatusVerifiedPattern&, const StatusVerifiedPattern&) = default;
};
struct ActorDeclaresPattern {  // `ACTOR declares STATUS`
  ActorRef actor;
  Ident status;
  friend bool operator==(const ActorDeclaresPattern&, const ActorDeclaresPattern&) = default;
};
struct BuysPattern {  // `PARTY buys GOOD from PARTY`
  ActorRef buyer;
  Ident good;
  ActorRef vendor;
  friend bool operator==(const BuysPattern&, const BuysPattern&) = default;
};
struct DoesPattern {  // `ACTOR does "TEXT"`
  ActorRef actor;
  Text text;
  friend bool operator==(const DoesPattern&, const DoesPattern&) = default;
};
using Pattern = std::variant<StatusDeclaredPattern, ActorDeclaresPattern, BuysPattern, DoesPattern, StatusVerifiedPattern>;

struct Effect {  // `NAME ends`
  Ident target;
  Span span;
  friend bool operator==(const Effect&, const Effect&) = default;
};

// `when PATTERN then EFFECT, ...`
struct TriggerStmt {
  Pattern pattern;
  Span pattern_span;
  std::vector<Effect> effects;
  friend bool operator==(const TriggerStmt&, const TriggerStmt&) = default;
};

using Statement = std::variant<ExclusivityStmt, ProhibitionStmt, TriggerStmt, FirstRefusalStmt, CommitmentStmt,
                               FreedomStmt, DeedStmt>;

struct ClauseDecl {
  Ident name;
  std::optional<Text> title;
  Statement statement;
  Span statement_span;
  Term term;
  friend bool operator==(const ClauseDecl&, const ClauseDecl&) = default;
};

// Exception conditions.
struct ConsentCondition {  // `if PARTY consents`
  ActorRef party;
  friend bool operator==(const ConsentCondition&, const ConsentCondition&) = default;
};
struct LimitCondition {  // `up to MONEY in total`
  AmountRef limit;
  friend bool operator==(const LimitCondition&, const LimitCondition&) = default;
};
struct FromCondition {  // `from DATE`
  DateLit date;
  friend bool operator==(const FromCondition&, const FromCondition&) = default;
};
struct UntilCondition {  // `until DATE`
  DateLit date;
  friend bool operator==(const UntilCondition&, const UntilCondition&) = default;
};
struct Condition {
  std::variant<ConsentCondition, LimitCondition, FromCondition, UntilCondition> value;
  Span span;
  friend bool operator==(const Condition&, const Condition&) = default;
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
  friend bool operator==(const ExceptionDecl&, const ExceptionDecl&) = default;
};

struct PowerDecl {
  Ident name;
  std::optional<Text> title;
  ActorRef holder;
  Ident status;
  std::optional<ActorRef> verifier;  // `verified by ACTOR`
  friend bool operator==(const PowerDecl&, const PowerDecl&) = default;
};

struct Share {
  ActorRef party;
  PercentRef percent;
  std::optional<AmountRef> cap;
  Span cap_keyword;  // the `cap` keyword, when there is one
  Span span;
  friend bool operator==(const Share&, const Share&) = default;
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
  friend bool operator==(const Tier&, const Tier&) = default;
};

struct WaterfallDecl {
  Ident name;
  std::optional<Text> title;
  ActorRef of;
  std::optional<Ident> stream;  // `profit` when none is written
  Term term;
  std::vector<Tier> tiers;
  friend bool operator==(const WaterfallDecl&, const WaterfallDecl&) = default;
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
  friend bool operator==(const Declaration&, const Declaration&) = default;
};

struct ContractSyntax {
  SourcePtr source;  // the text every Ident of the tree views: kept alive with the tree
  Span keyword;      // `contract`
  Text title;
  std::optional<Text> version;
  std::optional<DateLit> effective;
  Span effective_keyword;
  std::vector<Declaration> declarations;
  friend bool operator==(const ContractSyntax&, const ContractSyntax&) = default;
};

// ----- events ---------------------------------------------------------------------

struct DeclaresEvent {  // `ACTOR declares STATUS`
  ActorRef actor;
  Ident status;
  friend bool operator==(const DeclaresEvent&, const DeclaresEvent&) = default;
};
struct IsDeclaredEvent {  // `STATUS is declared`
  Ident status;
  friend bool operator==(const IsDeclaredEvent&, const IsDeclaredEvent&) = default;
};
struct VerifiesEvent {  // `ACTOR verifies STATUS`
  ActorRef actor;
  Ident status;
  friend bool operator==(const VerifiesEvent&, const VerifiesEvent&) = default;
};
struct RejectsEvent {  // `ACTOR rejects STATUS`
  ActorRef actor;
  Ident status;
  friend bool operator==(const RejectsEvent&, const RejectsEvent&) = default;
};
struct IsVerifiedEvent {  // `STATUS is verified`
  Ident status;
  friend bool operator==(const IsVerifiedEvent&, const IsVerifiedEvent&) = default;
};
struct DeclinesEvent {  // `PARTY declines GOOD for MONEY`
  ActorRef party;
  Ident good;
  MoneyLit amount;
  friend bool operator==(const DeclinesEvent&, const DeclinesEvent&) = default;
};
struct NothingHappensEvent {  // `nothing happens`
  friend bool operator==(const NothingHappensEvent&, const NothingHappensEvent&) = default;
};
struct ConsentsEvent {  // `PARTY consents to EXCEPTION`
  ActorRef party;
  Ident exception;
  friend bool operator==(const ConsentsEvent&, const ConsentsEvent&) = default;
};
struct BuysEvent {  // `PARTY buys GOOD from VENDOR for MONEY`
  ActorRef buyer;
  Ident good;
  ActorRef vendor;
  MoneyLit amount;
  friend bool operator==(const BuysEvent&, const BuysEvent&) = default;
};
struct UsesEvent {  // `PARTY uses LICENCE`
  ActorRef actor;
  Ident licence;
  friend bool operator==(const UsesEvent&, const UsesEvent&) = default;
};
struct EarnsEvent {  // `PARTY earns MONEY [in STREAM]`
  ActorRef party;
  MoneyLit amount;
  std::optional<Ident> stream;  // `profit` when none is written
  friend bool operator==(const EarnsEvent&, const EarnsEvent&) = default;
};
struct DoesEvent {  // `ACTOR does "TEXT"`
  ActorRef actor;
  Text text;
  friend bool operator==(const DoesEvent&, const DoesEvent&) = default;
};

struct EventSyntax {
  std::variant<DeclaresEvent, IsDeclaredEvent, ConsentsEvent, BuysEvent, UsesEvent, EarnsEvent, DoesEvent,
               VerifiesEvent, RejectsEvent, IsVerifiedEvent, DeclinesEvent, NothingHappensEvent>
      node;
  Span span;
  friend bool operator==(const EventSyntax&, const EventSyntax&) = default;
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
  friend bool operator==(const ScenarioAssume&, const ScenarioAssume&) = default;
};

struct ScenarioEvent {
  DateLit on;
  EventSyntax event;
  Span span;
  friend bool operator==(const ScenarioEvent&, const ScenarioEvent&) = default;
};

struct BreachExpectation {  // `breach of NAME [by PARTY] [on DATE]`
  Ident name;
  std::optional<ActorRef> by;
  std::optional<DateLit> on;
  friend bool operator==(const BreachExpectation&, const BreachExpectation&) = default;
};
struct NoBreachExpectation {  // `no breach`
  friend bool operator==(const NoBreachExpectation&, const NoBreachExpectation&) = default;
};
enum class OutcomeOnKind { permitted, ineffective, uncovered, declined, verified, rejected };
struct OutcomeOnExpectation {  // `permitted|ineffective|uncovered|declined|verified|rejected on DATE`
  OutcomeOnKind kind;
  DateLit on;
  friend bool operator==(const OutcomeOnExpectation&, const OutcomeOnExpectation&) = default;
};
struct EndedExpectation {  // `NAME ended [on DATE]`
  Ident name;
  std::optional<DateLit> on;
  friend bool operator==(const EndedExpectation&, const EndedExpectation&) = default;
};
struct ExpiredExpectation {  // `NAME expired [on DATE]`
  Ident name;
  std::optional<DateLit> on;
  friend bool operator==(const ExpiredExpectation&, const ExpiredExpectation&) = default;
};
struct FulfilledExpectation {  // `NAME fulfilled`
  Ident name;
  friend bool operator==(const FulfilledExpectation&, const FulfilledExpectation&) = default;
};
struct LiveExpectation {  // `NAME live`
  Ident name;
  friend bool operator==(const LiveExpectation&, const LiveExpectation&) = default;
};
struct ReceivesExpectation {  // `PARTY receives MONEY`
  ActorRef party;
  MoneyLit amount;
  friend bool operator==(const ReceivesExpectation&, const ReceivesExpectation&) = default;
};

struct Expectation {
  std::variant<BreachExpectation, NoBreachExpectation, OutcomeOnExpectation, EndedExpectation, LiveExpectation,
               ReceivesExpectation, ExpiredExpectation, FulfilledExpectation>
      node;
  Span span;  // from `expect` to the end of the line's content
  friend bool operator==(const Expectation&, const Expectation&) = default;
};

struct ScenarioSyntax {
  SourcePtr source;  // the text every Ident of the tree views: kept alive with the tree
  Span keyword;
  Text title;
  std::optional<Text> contract_path;
  std::vector<ScenarioAssume> assumes;
  std::vector<ScenarioEvent> events;
  std::vector<Expectation> expectations;
  friend bool operator==(const ScenarioSyntax&, const ScenarioSyntax&) = default;
};

}  // namespace clause::dsl
