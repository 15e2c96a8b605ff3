// The checked contract: every name resolved to an index, every assumption to its value,
// every figure exact. Immutable once built (by check_contract), and shared by every
// question asked of it. Each part keeps the span of its declaration's keyword, so any
// outcome can say where the rule that decided it is written.
//
// Titles, descriptions, bodies and deed texts are views of the source text, which the
// contract keeps alive (`source`), or of a decoded copy of a text with escapes
// (`text_owners`): copying them into strings (most are longer than a string holds
// without allocating) was a large part of checking at 100,000 declarations. Names stay
// strings: the comparisons of two contracts key on them, and most fit a string's own
// bytes. A contract built by hand must view text that outlives it.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dsl/date.hpp"
#include "dsl/diagnostic.hpp"
#include "dsl/money.hpp"
#include "dsl/parse.hpp"
#include "dsl/percent.hpp"
#include "dsl/syntax.hpp"

namespace clause::engine {

using dsl::Date;
using dsl::DiagId;
using dsl::Money;
using dsl::Percent;
using dsl::Span;

using Index = std::uint32_t;
inline constexpr Index kNone = 0xFFFF'FFFFu;

// A declared party, one of its bodies, or an outsider (a name only an event mentions).
struct Actor {
  static constexpr Index kOutsiderBit = 0x8000'0000u;
  Index party = kNone;  // a party index, or kOutsiderBit | an outsider's index
  Index body = kNone;   // an index into the party's bodies, or kNone
  bool is_outsider() const { return party != kNone && (party & kOutsiderBit) != 0; }
  bool is_party() const { return party != kNone && !is_outsider() && body == kNone; }
  friend bool operator==(Actor, Actor) = default;
};

using DeclKind = dsl::DeclKind;

// A reference to one declaration of the contract.
struct DeclRef {
  DeclKind kind = DeclKind::party;
  Index index = kNone;
  bool valid() const { return index != kNone; }
  friend bool operator==(DeclRef, DeclRef) = default;
};

struct Party {
  std::string_view name;  // a view of the source (Contract::source)
  std::string_view description;
  std::vector<std::string_view> bodies;
  Span keyword;
};

struct Assumption {
  std::string_view name;  // a view of the source (Contract::source)
  dsl::Value value;
  std::string_view description;
  bool overridden = false;  // by `--set` or a scenario's `assume`
  Span keyword;
};

// When a licence, clause or waterfall is in force: `from` through `until`, both
// inclusive; either may be open.
struct Term {
  std::optional<Date> from;
  std::optional<Date> until;
  bool empty() const { return !from && !until; }
  bool in_force(Date d) const { return (!from || *from <= d) && (!until || d <= *until); }
  friend bool operator==(const Term&, const Term&) = default;
};

struct Licence {
  std::string_view name;  // a view of the source (Contract::source)
  std::string_view description;
  Actor grantor;
  Actor grantee;
  Term term;
  Span keyword;
};

// exclusivity `must buy G only from V`, prohibition `must not buy G from V`, trigger
// `when ... then ... ends`, first_refusal `must offer G to V first`, commitment `must buy
// at least A of G from V by D`, freedom `may buy G from V|anyone`, deed `may do "T"` /
// `must not do "T"`.
enum class ClauseKind { exclusivity, prohibition, trigger, first_refusal, commitment, freedom, deed };

enum class PatternKind { status_declared, actor_declares, buys, does, status_verified };

struct TriggerPattern {
  PatternKind kind = PatternKind::status_declared;
  Actor actor;         // actor_declares, buys (the buyer), does
  Index word = kNone;  // the status (status_declared, actor_declares) or the good (buys)
  Actor vendor;        // buys
  std::string_view text;  // does
};

// The fields evaluation reads come first and the names last: against a large contract
// each clause or exception an event looks at is a cache miss, and a purchase reads the
// kind, the vendors and the exceptions of a clause, then the buyer, good, vendor,
// conditions and consents of each exception; together they were spread over three lines.
struct Clause {
  ClauseKind kind = ClauseKind::exclusivity;
  // exclusivity, prohibition, first_refusal (vendor: the holder), commitment, freedom;
  // deed: buyer is who does it
  Actor buyer;
  Index good = kNone;
  Actor vendor;
  bool any_vendor = false;            // freedom `from anyone`
  std::vector<Actor> more_vendors{};  // exclusivity `only from A or B ...`: the vendors after the first
  std::vector<Index> exceptions;  // exceptions to this clause, in file order
  Money amount;                   // commitment: at least this much
  std::string_view deed;          // deed: the text
  bool forbidden = false;         // deed: `must not do`
  // When it is in force. A commitment's term runs from its `from` (else the contract's
  // effective date) through its `by` date, which is `term.until`.
  Term term;
  // trigger
  TriggerPattern pattern;
  std::vector<DeclRef> ends;  // licences, clauses and exceptions the trigger ends, as written
  std::string_view name;  // a view of the source (Contract::source)
  std::string_view title;
  Span keyword;

  // Whether an exclusivity names `v` among the vendors it allows, or a prohibition names it.
  bool names_vendor(Actor v) const {
    if (v == vendor) return true;
    for (const Actor m : more_vendors) {
      if (m == v) return true;
    }
    return false;
  }
};

struct Exception {
  Index clause = kNone;
  Index good = kNone;
  Actor buyer;
  Actor vendor;
  bool any_vendor = false;  // `from anyone`
  std::optional<Date> from;
  std::optional<Date> until;
  std::optional<Money> limit;
  std::vector<Actor> consents;  // every party whose consent is a condition
  std::string_view name;  // a view of the source (Contract::source)
  std::string_view title;
  Span keyword;
};

struct Power {
  std::string_view name;  // a view of the source (Contract::source)
  std::string_view title;
  Actor holder;
  Index status = kNone;
  std::optional<Actor> verifier;  // `verified by`: a declaration waits for it
  Span keyword;
};

struct Share {
  Index party = kNone;
  Percent percent;
  std::optional<Money> cap;
  Index slot = kNone;  // the party's place in Waterfall::payees
};

using TierKind = dsl::TierKind;

struct Tier {
  std::optional<std::string_view> name;
  TierKind kind = TierKind::first;
  Money amount;  // first and next
  std::vector<Share> shares;
  Index overflow = kNone;  // until capped
  Index overflow_slot = kNone;  // the overflow party's place in Waterfall::payees
  Span keyword;
};

struct Waterfall {
  std::vector<Tier> tiers;
  // Every party a tier pays, in the order the tiers first name them (shares, then the
  // overflow party): the columns of `clause sweep`, and what a waterfall numbered by payee
  // (its shares' `slot`s) counts. Filled by index_payees (check_contract calls it).
  std::vector<Index> payees;
  Index of = kNone;
  std::string stream = "profit";  // lower case: streams match without regard to case
  Term term;
  std::string_view name;  // a view of the source (Contract::source)
  std::string_view title;
  Span keyword;
};

class Contract {
 public:
  std::string_view title;
  std::optional<std::string_view> version;
  std::optional<Date> effective;
  Span effective_keyword;
  dsl::SourcePtr source;  // the text names, titles, descriptions, bodies and deed texts view
  // What else they view, kept alive with the contract: the decoded copies of texts with
  // escapes (and the syntax tree's source, were it not `source`).
  std::vector<std::shared_ptr<const void>> text_owners;

  std::vector<Party> parties;
  std::vector<Assumption> assumptions;
  std::vector<Licence> licences;
  std::vector<Clause> clauses;
  std::vector<Exception> exceptions;
  std::vector<Power> powers;
  std::vector<Waterfall> waterfalls;

  // Keyed by views of the source, as the names are.
  template <typename Value>
  using NameMap = std::unordered_map<std::string_view, Value>;

  // Every declared name, across all kinds.
  NameMap<DeclRef> names;
  // Goods and statuses, lower-cased: they match without regard to case. Looked up by
  // string_view, so finding a word allocates nothing.
  struct WordHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::vector<std::string> words;
  std::unordered_map<std::string, Index, WordHash, std::equal_to<>> word_index;

  // ----- indexes built once for evaluation -----
  // Clauses that govern a buyer buying a good (exclusivity, prohibition, first refusal,
  // commitment, freedom), in file order.
  struct DutyKey {
    Index party;
    Index body;
    Index good;
    friend auto operator<=>(const DutyKey&, const DutyKey&) = default;
  };
  std::map<DutyKey, std::vector<Index>> duties;
  std::vector<Index> power_of_status;  // by word; kNone where no power names it
  // Trigger clauses that an event could fire, in file order: by status for declarations,
  // by good for purchases, by text for deeds.
  std::vector<std::vector<Index>> status_triggers;    // by word
  std::vector<std::vector<Index>> purchase_triggers;  // by word
  std::vector<std::vector<Index>> verified_triggers;  // by word: `when STATUS is verified`
  NameMap<std::vector<Index>> deed_triggers;
  NameMap<std::vector<Index>> deed_clauses;           // `may do` / `must not do`, by text
  std::vector<std::vector<Index>> refusals_of;        // first-refusal clauses, by good
  std::vector<std::vector<Index>> waterfalls_of;  // by party
  // Every `until` (a commitment's `by`) of a licence, clause or waterfall: what time passing
  // expires or judges, by date, then file order.
  struct Deadline {
    Date until;
    DeclRef subject;
  };
  std::vector<Deadline> deadlines;

  // ----- lookups -----
  std::optional<DeclRef> find(std::string_view name) const;
  Index find_word(std::string_view word) const;  // any case; kNone when the contract never uses it
  std::span<const Index> duties_on(Actor buyer, Index good) const;
  // The term of a licence, clause or waterfall; an empty term for any other kind.
  Term term_of(DeclRef ref) const;

  std::string_view name_of(DeclRef ref) const;
  Span keyword_of(DeclRef ref) const;
  // `file:line:col` of a declaration's keyword.
  std::string place_of(DeclRef ref) const;
  dsl::Location location_of(DeclRef ref) const;
  const char* kind_name(DeclKind kind) const;  // "party", "clause", ...
  // The index of `body` among the party's bodies, or kNone.
  Index find_body(Index party, std::string_view body) const;
  // "party `OpenAI` has no body `bord` (did you mean `board`?)"
  dsl::DiagMessage unknown_body_message(Index party, std::string_view body, bool suggest = true) const;
  // `OpenAI`, `OpenAI.board`; outsiders are named from `outsiders`.
  std::string actor_name(Actor a, const std::vector<std::string>* outsiders = nullptr) const;
};

// Fills w.payees and the slot of every share and overflow party. The checker calls it for
// every waterfall it builds; anything else that builds a Waterfall by hand must too.
void index_payees(Waterfall& w);

const char* decl_kind_name(DeclKind kind);
// "a party", "an exception", ...
const char* decl_kind_with_article(DeclKind kind);

}  // namespace clause::engine
