// What `clause explain` asks of a language. The walk of the model (explain.cpp) decides
// what each declaration says and renders every noun through the phrasebook first (actors,
// goods, money, dates); a phrasebook then only puts those words into sentences. English
// (explain_en.cpp) and Chinese (explain_zh.cpp) are the two phrasebooks.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cli/explain.hpp"

namespace clause::cli::explain_words {

// One part of a word the contract writes (`api_hosting` is `api` and `hosting`), or a
// party's name when a part spells one (`openai_revenue`: the party OpenAI, then `revenue`).
struct WordPart {
  std::string_view text;
  bool party = false;
};

// What makes a declaration end early, as an event: `when agi is verified then ...`.
struct EventWords {
  engine::PatternKind kind = engine::PatternKind::status_declared;
  std::string actor;   // actor_declares, buys (the buyer), does
  std::string status;  // status_declared, status_verified, actor_declares
  std::string good;    // buys
  std::string vendor;  // buys
  std::string_view text;  // does
};

// When something is in force and what may end it sooner: dates already in words, events
// from the triggers that end it, and the statuses it outlives (a licence no trigger ends,
// in a contract whose triggers end other things on a status: "even after AGI").
struct Window {
  std::optional<std::string> from;
  std::optional<std::string> until;
  std::vector<std::string> ended_by;  // event phrases, from the phrasebook's `event`
  std::vector<std::string> outlives;  // status words
};

// A declaration another one refers to: the kind, its title (or "") and its name.
struct DeclWords {
  engine::DeclKind kind = engine::DeclKind::clause;
  std::string_view title;
  std::string_view name;
};

struct ShareWords {
  std::string party;
  std::string percent;
  std::optional<std::string> cap;
};

struct TierWords {
  engine::TierKind kind = engine::TierKind::rest;
  std::optional<std::string_view> name;
  std::string amount;  // first, next
  std::vector<ShareWords> shares;
  std::string overflow;  // until capped
  bool only = false;     // the waterfall's only tier
};

struct PurchaseWords {
  std::string buyer;
  std::string good;
  std::vector<std::string> vendors;  // exclusivity: every vendor allowed; otherwise one, or none for `anyone`
};

struct ExceptionWords {
  std::string clause;  // the clause it is carved out of, as the phrasebook's `reference` wrote it
  PurchaseWords purchase;
  std::vector<std::string> consents;
  std::optional<std::string> limit;
  std::optional<std::string> from;
  std::optional<std::string> until;
};

class Phrasebook {
 public:
  virtual ~Phrasebook() = default;

  // ----- nouns -----
  virtual std::string money(dsl::Money amount) const = 0;
  virtual std::string date(dsl::Date date) const = 0;
  // A good, status, stream or body: `api_hosting` is "API hosting" / "API 托管".
  virtual std::string word(const std::vector<WordPart>& parts, std::string_view as_written) const = 0;
  // A party, or one of its bodies (already a word): "OpenAI's board" / "OpenAI 的董事会".
  virtual std::string actor(std::string_view party, const std::optional<std::string>& body) const = 0;
  virtual std::string and_list(const std::vector<std::string>& items) const = 0;
  virtual std::string or_list(const std::vector<std::string>& items) const = 0;
  // What a trigger ends: "the licence to OpenAI's research IP", "the clause `free`".
  virtual std::string reference(const DeclWords& decl) const = 0;
  virtual std::string event(const EventWords& event) const = 0;
  virtual std::string theme_title(std::string_view key) const = 0;
  virtual std::string title(std::string_view contract, const std::optional<std::string_view>& version) const = 0;

  // ----- sentences, one per declaration (a waterfall: its heading, then one per tier) -----
  virtual std::string effective(const std::string& date) const = 0;
  virtual std::string party(std::string_view name, std::string_view description,
                            const std::vector<std::string>& bodies) const = 0;
  virtual std::string assumption(std::string_view name, const std::string& value,
                                 std::string_view description) const = 0;
  // `what`: the licence's description, else its name as a word (`names_grantor`: the
  // description names the grantor, "OpenAI's models", so the sentence need not).
  virtual std::string licence(const std::string& grantor, const std::string& grantee, std::string_view what,
                              bool names_grantor, const Window& window) const = 0;
  virtual std::string exclusivity(const PurchaseWords& p, const Window& window) const = 0;
  virtual std::string prohibition(const PurchaseWords& p, const Window& window) const = 0;
  virtual std::string first_refusal(const PurchaseWords& p, const Window& window) const = 0;
  virtual std::string freedom(const PurchaseWords& p, const Window& window) const = 0;
  // `by`: the deadline; `from`: when counting starts, when the contract says so.
  virtual std::string commitment(const PurchaseWords& p, const std::string& amount, const std::string& by,
                                 const std::optional<std::string>& from, const Window& window) const = 0;
  virtual std::string deed(const std::string& actor, std::string_view text, bool forbidden,
                           const Window& window) const = 0;
  virtual std::string trigger(const std::string& event, const std::vector<std::string>& ends,
                              const Window& window) const = 0;
  virtual std::string exception(const ExceptionWords& e) const = 0;
  virtual std::string power(const std::string& holder, const std::string& status,
                            const std::optional<std::string>& verifier) const = 0;
  virtual std::string waterfall(const std::string& party, const std::string& stream, std::string_view title,
                                const Window& window) const = 0;
  virtual std::string tier(const TierWords& tier) const = 0;
};

const Phrasebook& english();
const Phrasebook& chinese();

// Shared by both phrasebooks' money: "2,500" — digits grouped by thousands.
std::string grouped(std::uint64_t n);
// `value / unit` written exactly with at most `max_decimals` decimal places ("17.3" for
// 17,300,000,000 dollars in billions); nullopt when it needs more. `unit` is a power of ten.
std::optional<std::string> exact_decimal(std::uint64_t value, std::uint64_t unit, int max_decimals);

}  // namespace clause::cli::explain_words
