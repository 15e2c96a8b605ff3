// The English phrasebook of `clause explain`: plain sentences a non-lawyer reads, money as
// "$17.3B", dates as "31 December 2032".
#include <array>
#include <cctype>

#include <fmt/format.h>

#include "cli/explain_phrasebook.hpp"
#include "cli/outcome_sentences.hpp"

namespace clause::cli::explain_words {

namespace {

using engine::DeclKind;
using engine::PatternKind;
using engine::TierKind;

// Words a contract writes in lower case that English writes otherwise.
std::optional<std::string_view> spelled(std::string_view part) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 9> kWords{{
      {"agi", "AGI"}, {"ai", "AI"}, {"api", "API"}, {"ip", "IP"}, {"us", "US"},
      {"gpu", "GPU"}, {"tpu", "TPU"}, {"azure", "Azure"}, {"aws", "AWS"}}};
  for (const auto& [from, to] : kWords) {
    if (from == part) return to;
  }
  return std::nullopt;
}

// "The lab's models" reads "the lab's models" inside a sentence; a name stays as it is.
std::string inside_sentence(std::string_view text) {
  std::string s(text);
  for (const std::string_view article : {"The ", "A ", "An "}) {
    if (s.starts_with(article)) {
      s[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(s[0])));
      break;
    }
  }
  return s;
}

std::string upper_first(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

// A description as the end of a sentence: a full stop unless it has one.
std::string with_stop(std::string_view text) {
  std::string s(text);
  if (s.empty() || (s.back() != '.' && s.back() != '!' && s.back() != '?')) s.push_back('.');
  return s;
}

class English final : public Phrasebook {
 public:
  std::string money(dsl::Money amount) const override {
    const std::int64_t cents = amount.cents();
    const std::uint64_t m = cents < 0 ? static_cast<std::uint64_t>(-cents) : static_cast<std::uint64_t>(cents);
    std::string out = cents < 0 ? "-$" : "$";
    if (m % 100 != 0) {
      out += grouped(m / 100);
      out += fmt::format(".{:02}", m % 100);
      return out;
    }
    const std::uint64_t dollars = m / 100;
    struct Scale { std::uint64_t unit; char suffix; };
    for (const Scale s : {Scale{1'000'000'000'000, 'T'}, Scale{1'000'000'000, 'B'}, Scale{1'000'000, 'M'}}) {
      if (dollars < s.unit) continue;
      if (const auto digits = exact_decimal(dollars, s.unit, 3)) {
        out += *digits;
        out.push_back(s.suffix);
        return out;
      }
      break;  // not a round figure at its scale: written in full
    }
    out += grouped(dollars);
    return out;
  }

  std::string date(dsl::Date d) const override {
    static constexpr std::array<std::string_view, 12> kMonths{"January", "February", "March",     "April",
                                                             "May",     "June",     "July",      "August",
                                                             "September", "October", "November", "December"};
    return fmt::format("{} {} {}", d.day(), kMonths[static_cast<std::size_t>(d.month() - 1)], d.year());
  }

  // `non_api_hosting` is "non-API hosting".
  std::string word(const std::vector<WordPart>& parts, std::string_view) const override {
    std::string out;
    bool joined = true;  // the next part follows without a space
    for (const WordPart& p : parts) {
      if (!joined) out.push_back(' ');
      const auto s = p.party ? std::nullopt : spelled(p.text);
      out += s ? *s : p.text;
      joined = p.text == "non";
      if (joined) out.push_back('-');
    }
    return out;
  }

  std::string actor(std::string_view party, const std::optional<std::string>& body) const override {
    if (!body) return std::string(party);
    return fmt::format("{}'s {}", party, *body);
  }

  std::string and_list(const std::vector<std::string>& items) const override { return join_and(items); }

  std::string or_list(const std::vector<std::string>& items) const override {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i != 0) out += i + 1 == items.size() ? " or " : ", ";
      out += items[i];
    }
    return out;
  }

  std::string reference(const DeclWords& d) const override {
    const bool titled = !d.title.empty();
    switch (d.kind) {
      case DeclKind::licence:
        return titled ? fmt::format("the licence to {}", inside_sentence(d.title)) : fmt::format("the licence `{}`", d.name);
      case DeclKind::clause:
        return titled ? fmt::format("the clause “{}”", d.title) : fmt::format("the clause `{}`", d.name);
      case DeclKind::exception:
        return titled ? fmt::format("the exception “{}”", d.title) : fmt::format("the exception `{}`", d.name);
      case DeclKind::waterfall:
        return titled ? fmt::format("the payments under “{}”", d.title) : fmt::format("the payments under `{}`", d.name);
      default: return fmt::format("`{}`", d.name);
    }
  }

  std::string event(const EventWords& e) const override {
    switch (e.kind) {
      case PatternKind::status_declared: return fmt::format("{} is declared", e.status);
      case PatternKind::status_verified: return fmt::format("{} is verified", e.status);
      case PatternKind::actor_declares: return fmt::format("{} declares {}", e.actor, e.status);
      case PatternKind::buys: return fmt::format("{} buys {} from {}", e.actor, e.good, e.vendor);
      case PatternKind::does: return fmt::format("{} does “{}”", e.actor, e.text);
    }
    return {};
  }

  std::string theme_title(std::string_view key) const override {
    if (key == "parties") return "The parties";
    if (key == "who-buys") return "Who may buy what from whom";
    if (key == "who-uses") return "Who may use what";
    if (key == "who-does") return "What each party may or must not do";
    if (key == "who-decides") return "Who decides";
    if (key == "what-ends") return "What ends what";
    if (key == "when") return "When";
    if (key == "who-is-paid") return "Who is paid what";
    if (key == "assumptions") return "What is assumed";
    return std::string(key);
  }

  std::string title(std::string_view contract, const std::optional<std::string_view>& version) const override {
    if (!version) return std::string(contract);
    return fmt::format("{}, version {}", contract, *version);
  }

  std::string effective(const std::string& date) const override {
    return fmt::format("The contract takes effect on {}.", date);
  }

  std::string party(std::string_view name, std::string_view description,
                    const std::vector<std::string>& bodies) const override {
    std::string out = description.empty() ? fmt::format("{}: a party to the contract.", name)
                                          : fmt::format("{}: {}", name, with_stop(description));
    if (!bodies.empty()) {
      std::vector<std::string> its;
      for (const std::string& b : bodies) its.push_back(fmt::format("its {}", b));
      out += fmt::format(" It acts through {}.", and_list(its));
    }
    return out;
  }

  std::string assumption(std::string_view name, const std::string& value,
                         std::string_view description) const override {
    if (description.empty()) return fmt::format("Assumed: {} is {}.", name, value);
    return fmt::format("Assumed: {} is {} ({}).", name, value, description);
  }

  std::string licence(const std::string& grantor, const std::string& grantee, std::string_view what,
                      bool names_grantor, const Window& window) const override {
    std::string main = fmt::format("{} may use {}", grantee, inside_sentence(what));
    if (!names_grantor) main += fmt::format(", licensed by {}", grantor);
    return sentence(window, main);
  }

  std::string exclusivity(const PurchaseWords& p, const Window& window) const override {
    return sentence(window, fmt::format("{} must buy {} only from {}", p.buyer, p.good, or_list(p.vendors)));
  }

  std::string prohibition(const PurchaseWords& p, const Window& window) const override {
    return sentence(window, fmt::format("{} must not buy {} from {}", p.buyer, p.good, vendor(p)));
  }

  std::string first_refusal(const PurchaseWords& p, const Window& window) const override {
    return sentence(window, fmt::format("{} must offer {} to {} first (a right of first refusal): it may buy {} "
                                        "elsewhere only as much as {} has declined",
                                        p.buyer, p.good, vendor(p), p.good, vendor(p)));
  }

  std::string freedom(const PurchaseWords& p, const Window& window) const override {
    return sentence(window, fmt::format("{} may buy {} from {}", p.buyer, p.good, vendor(p)));
  }

  std::string commitment(const PurchaseWords& p, const std::string& amount, const std::string& by,
                         const std::optional<std::string>& from, const Window& window) const override {
    std::string out = fmt::format("By {}, {} must have bought at least {} of {} from {}", by, p.buyer, amount,
                                  p.good, vendor(p));
    if (from) out += fmt::format(", counting purchases from {}", *from);
    out.push_back('.');
    if (!window.ended_by.empty()) out += fmt::format(" It ends early if {}.", or_list(window.ended_by));
    return out;
  }

  std::string deed(const std::string& actor, std::string_view text, bool forbidden,
                   const Window& window) const override {
    return sentence(window, fmt::format("{} {} {}", actor, forbidden ? "must not" : "may", text));
  }

  std::string trigger(const std::string& event, const std::vector<std::string>& ends,
                      const Window& window) const override {
    return sentence(window, fmt::format("when {}, {} {}", event, and_list(ends), ends.size() == 1 ? "ends" : "end"));
  }

  std::string exception(const ExceptionWords& e) const override {
    std::string out = fmt::format("As an exception to {}, {} may buy {} from {}", e.clause, e.purchase.buyer,
                                  e.purchase.good, vendor(e.purchase));
    if (!e.consents.empty()) {
      out += fmt::format(" if {} {}", and_list(e.consents), e.consents.size() == 1 ? "consents" : "consent");
    }
    if (e.limit) out += fmt::format(", up to {} in total", *e.limit);
    if (e.from) out += fmt::format(", from {}", *e.from);
    if (e.until) out += fmt::format("{} until {}", e.from ? "" : ",", *e.until);
    out.push_back('.');
    return out;
  }

  std::string power(const std::string& holder, const std::string& status,
                    const std::optional<std::string>& verifier) const override {
    if (!verifier) return fmt::format("Only {} may declare {}.", holder, status);
    return fmt::format("Only {} may declare {}, subject to verification by {}.", holder, status, *verifier);
  }

  std::string waterfall(const std::string& party, const std::string& stream, std::string_view title,
                        const Window& window) const override {
    std::string main = fmt::format("what {} earns in {} is paid out as follows", party, stream);
    if (!title.empty()) main += fmt::format(" (“{}”)", title);
    std::string out = sentence(window, main);
    out.back() = ':';
    return out;
  }

  std::string tier(const TierWords& t) const override {
    std::string out;
    switch (t.kind) {
      case TierKind::first: out = fmt::format("The first {}", t.amount); break;
      case TierKind::next: out = fmt::format("The next {}", t.amount); break;
      case TierKind::until_capped: out = "Then, until the caps are reached, it"; break;
      case TierKind::rest: out = t.only ? "All of it" : "Everything after that"; break;
    }
    if (t.shares.size() == 1 && t.kind != TierKind::until_capped) {
      out += fmt::format(" goes to {}", t.shares.front().party);
    } else {
      std::vector<std::string> shares;
      for (const ShareWords& s : t.shares) {
        std::string share = fmt::format("{} to {}", s.percent, s.party);
        if (s.cap) share += fmt::format(" (capped at {} in all)", *s.cap);
        shares.push_back(std::move(share));
      }
      out += fmt::format(" is split: {}", and_list(shares));
    }
    if (t.kind == TierKind::until_capped) {
      out += fmt::format("; a party that reaches its cap has its share go to {}", t.overflow);
    }
    if (t.name) out += fmt::format(" (“{}”)", *t.name);
    out.push_back('.');
    return out;
  }

 private:
  static std::string vendor(const PurchaseWords& p) { return p.vendors.empty() ? "anyone" : p.vendors.front(); }

  // "Until 31 December 2030 or until AGI is verified, whichever comes first, " + main +
  // ", even after AGI" + ".".
  std::string sentence(const Window& w, const std::string& main) const {
    std::string lead;
    if (w.from) lead += fmt::format("from {}", *w.from);
    if (w.until) {
      if (!lead.empty()) lead.push_back(' ');
      lead += fmt::format("until {}", *w.until);
    }
    if (!w.ended_by.empty()) {
      if (w.until) lead += " or";
      if (!lead.empty()) lead.push_back(' ');
      lead += fmt::format("until {}", or_list(w.ended_by));
      if (w.until) lead += ", whichever comes first";
    }
    std::string out = upper_first(lead.empty() ? main : lead);
    if (!lead.empty()) {
      out += ", ";
      out += main;
    }
    if (!w.outlives.empty()) out += fmt::format(", even after {}", or_list(w.outlives));
    out.push_back('.');
    return out;
  }
};

}  // namespace

const Phrasebook& english() {
  static const English book;
  return book;
}

}  // namespace clause::cli::explain_words
