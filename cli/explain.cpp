// The one walk of the model behind `clause explain`: which declarations go under which
// theme, what each says (its parties, goods, amounts, dates, and what ends it), all
// rendered through a phrasebook, so English and Chinese say the same things.
#include "cli/explain.hpp"

#include <algorithm>
#include <cctype>
#include <iterator>

#include <fmt/format.h>

#include "cli/explain_phrasebook.hpp"

namespace clause::cli {

namespace {

using engine::Actor;
using engine::ClauseKind;
using engine::Contract;
using engine::DeclKind;
using engine::DeclRef;
using engine::Index;
using engine::PatternKind;
using explain_words::DeclWords;
using explain_words::EventWords;
using explain_words::Phrasebook;
using explain_words::PurchaseWords;
using explain_words::Window;
using explain_words::WordPart;

bool same_letters(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

class Walk {
 public:
  Walk(const Contract& c, const Phrasebook& pb) : c_(c), pb_(pb) {}

  Explanation run() {
    Explanation e;
    e.title = pb_.title(c_.title, c_.version);
    e.parties_title = pb_.theme_title("parties");
    for (const engine::Party& p : c_.parties) {
      std::vector<std::string> bodies;
      for (const std::string_view b : p.bodies) bodies.push_back(word(b));
      e.parties.push_back(line(pb_.party(p.name, p.description, bodies), p.keyword, p.name));
    }
    add(e, "who-buys", purchases());
    add(e, "who-uses", licences());
    add(e, "who-does", deeds());
    add(e, "who-decides", powers());
    add(e, "what-ends", triggers());
    add(e, "when", dates());
    add(e, "who-is-paid", waterfalls());
    add(e, "assumptions", assumptions());
    return e;
  }

 private:
  const Contract& c_;
  const Phrasebook& pb_;

  static ExplainedLine line(std::string text, dsl::Span place, std::string_view name) {
    return ExplainedLine{std::move(text), place, std::string(name), false};
  }

  void add(Explanation& e, std::string_view key, std::vector<ExplainedLine> lines) const {
    if (lines.empty()) return;  // a contract without waterfalls has no heading for payments
    e.themes.push_back(ExplainedTheme{std::string(key), pb_.theme_title(key), std::move(lines)});
  }

  // `openai_revenue`: a part that spells a party's name is that party, written as declared.
  std::string word(std::string_view written) const {
    std::vector<WordPart> parts;
    std::size_t start = 0;
    while (start <= written.size()) {
      const std::size_t end = std::min(written.find('_', start), written.size());
      const std::string_view part = written.substr(start, end - start);
      WordPart wp{part, false};
      for (const engine::Party& p : c_.parties) {
        if (same_letters(part, p.name)) wp = WordPart{p.name, true};
      }
      if (!part.empty()) parts.push_back(wp);
      start = end + 1;
    }
    return pb_.word(parts, written);
  }
  std::string word(Index w) const { return w < c_.words.size() ? word(c_.words[w]) : std::string("?"); }

  std::string actor(Actor a) const {
    if (a.party == engine::kNone || a.is_outsider()) return c_.actor_name(a);
    const engine::Party& p = c_.parties[a.party];
    if (a.body == engine::kNone) return pb_.actor(p.name, std::nullopt);
    return pb_.actor(p.name, word(p.bodies[a.body]));
  }

  std::string event(const engine::TriggerPattern& t) const {
    EventWords e;
    e.kind = t.kind;
    switch (t.kind) {
      case PatternKind::status_declared:
      case PatternKind::status_verified: e.status = word(t.word); break;
      case PatternKind::actor_declares:
        e.actor = actor(t.actor);
        e.status = word(t.word);
        break;
      case PatternKind::buys:
        e.actor = actor(t.actor);
        e.good = word(t.word);
        e.vendor = actor(t.vendor);
        break;
      case PatternKind::does:
        e.actor = actor(t.actor);
        e.text = t.text;
        break;
    }
    return pb_.event(e);
  }

  // What the triggers that end `ref` wait for, in file order.
  std::vector<std::string> ended_by(DeclRef ref) const {
    std::vector<std::string> events;
    for (const engine::Clause& cl : c_.clauses) {
      if (cl.kind != ClauseKind::trigger) continue;
      if (std::find(cl.ends.begin(), cl.ends.end(), ref) != cl.ends.end()) events.push_back(event(cl.pattern));
    }
    return events;
  }

  // The statuses on which some trigger ends something: what a licence no trigger ends outlives.
  std::vector<std::string> statuses_that_end_things() const {
    std::vector<std::string> statuses;
    for (const engine::Clause& cl : c_.clauses) {
      if (cl.kind != ClauseKind::trigger || cl.ends.empty()) continue;
      const PatternKind k = cl.pattern.kind;
      if (k != PatternKind::status_declared && k != PatternKind::status_verified && k != PatternKind::actor_declares) {
        continue;
      }
      std::string s = word(cl.pattern.word);
      if (std::find(statuses.begin(), statuses.end(), s) == statuses.end()) statuses.push_back(std::move(s));
    }
    return statuses;
  }

  Window window(const engine::Term& term, DeclRef ref) const {
    Window w;
    if (term.from) w.from = pb_.date(*term.from);
    if (term.until) w.until = pb_.date(*term.until);
    w.ended_by = ended_by(ref);
    return w;
  }

  PurchaseWords purchase(const engine::Clause& cl) const {
    PurchaseWords p{actor(cl.buyer), word(cl.good), {}};
    if (!cl.any_vendor) p.vendors.push_back(actor(cl.vendor));
    for (const Actor v : cl.more_vendors) p.vendors.push_back(actor(v));
    return p;
  }

  std::string reference(DeclRef ref) const {
    DeclWords d{ref.kind, {}, c_.name_of(ref)};
    switch (ref.kind) {
      case DeclKind::licence: d.title = c_.licences[ref.index].description; break;
      case DeclKind::clause: d.title = c_.clauses[ref.index].title; break;
      case DeclKind::exception: d.title = c_.exceptions[ref.index].title; break;
      case DeclKind::waterfall: d.title = c_.waterfalls[ref.index].title; break;
      default: break;
    }
    return pb_.reference(d);
  }

  static bool governs_purchases(ClauseKind k) {
    return k == ClauseKind::exclusivity || k == ClauseKind::prohibition || k == ClauseKind::first_refusal ||
           k == ClauseKind::freedom;
  }

  ExplainedLine exception(Index i) const {
    const engine::Exception& x = c_.exceptions[i];
    explain_words::ExceptionWords w;
    w.clause = x.clause < c_.clauses.size() ? reference(DeclRef{DeclKind::clause, x.clause}) : std::string("?");
    w.purchase = PurchaseWords{actor(x.buyer), word(x.good), {}};
    if (!x.any_vendor) w.purchase.vendors.push_back(actor(x.vendor));
    for (const Actor a : x.consents) w.consents.push_back(actor(a));
    if (x.limit) w.limit = pb_.money(*x.limit);
    if (x.from) w.from = pb_.date(*x.from);
    if (x.until) w.until = pb_.date(*x.until);
    return line(pb_.exception(w), x.keyword, x.name);
  }

  // Each clause on purchases, followed by the exceptions carved out of it; then any
  // exception to a clause that governs no purchase (it can never apply, but it is written).
  std::vector<ExplainedLine> purchases() const {
    std::vector<ExplainedLine> lines;
    for (Index i = 0; i < c_.clauses.size(); ++i) {
      const engine::Clause& cl = c_.clauses[i];
      if (!governs_purchases(cl.kind)) continue;
      const Window w = window(cl.term, DeclRef{DeclKind::clause, i});
      const PurchaseWords p = purchase(cl);
      std::string text;
      switch (cl.kind) {
        case ClauseKind::exclusivity: text = pb_.exclusivity(p, w); break;
        case ClauseKind::prohibition: text = pb_.prohibition(p, w); break;
        case ClauseKind::first_refusal: text = pb_.first_refusal(p, w); break;
        default: text = pb_.freedom(p, w); break;
      }
      lines.push_back(line(std::move(text), cl.keyword, cl.name));
      for (const Index x : cl.exceptions) lines.push_back(exception(x));
    }
    for (Index x = 0; x < c_.exceptions.size(); ++x) {
      const Index cl = c_.exceptions[x].clause;
      if (cl >= c_.clauses.size() || !governs_purchases(c_.clauses[cl].kind)) lines.push_back(exception(x));
    }
    return lines;
  }

  std::vector<ExplainedLine> licences() const {
    std::vector<ExplainedLine> lines;
    const std::vector<std::string> statuses = statuses_that_end_things();
    for (Index i = 0; i < c_.licences.size(); ++i) {
      const engine::Licence& l = c_.licences[i];
      Window w = window(l.term, DeclRef{DeclKind::licence, i});
      if (w.ended_by.empty()) w.outlives = statuses;
      const std::string grantor = actor(l.grantor);
      const bool described = !l.description.empty();
      const std::string what = described ? std::string(l.description) : word(l.name);
      const bool names_grantor =
          described && c_.parties.size() > l.grantor.party && l.description.find(c_.parties[l.grantor.party].name) !=
                                                                   std::string_view::npos;
      lines.push_back(line(pb_.licence(grantor, actor(l.grantee), what, names_grantor, w), l.keyword, l.name));
    }
    return lines;
  }

  // A line for each clause of `kind`, in file order: `say` gives its sentence from the
  // clause and the window it is in force.
  template <typename Say>
  std::vector<ExplainedLine> clauses_of(ClauseKind kind, Say say) const {
    std::vector<ExplainedLine> lines;
    for (Index i = 0; i < c_.clauses.size(); ++i) {
      const engine::Clause& cl = c_.clauses[i];
      if (cl.kind == kind) lines.push_back(line(say(cl, window(cl.term, {DeclKind::clause, i})), cl.keyword, cl.name));
    }
    return lines;
  }

  std::vector<ExplainedLine> deeds() const {
    return clauses_of(ClauseKind::deed, [&](const engine::Clause& cl, const Window& w) {
      return pb_.deed(actor(cl.buyer), cl.deed, cl.forbidden, w);
    });
  }

  std::vector<ExplainedLine> powers() const {
    std::vector<ExplainedLine> lines;
    for (const engine::Power& p : c_.powers) {
      std::optional<std::string> verifier;
      if (p.verifier) verifier = actor(*p.verifier);
      lines.push_back(line(pb_.power(actor(p.holder), word(p.status), verifier), p.keyword, p.name));
    }
    return lines;
  }

  std::vector<ExplainedLine> triggers() const {
    return clauses_of(ClauseKind::trigger, [&](const engine::Clause& cl, const Window& w) {
      std::vector<std::string> ends;
      for (const DeclRef r : cl.ends) ends.push_back(reference(r));
      return pb_.trigger(event(cl.pattern), ends, w);
    });
  }

  // The day the contract takes effect, then each commitment and its deadline.
  std::vector<ExplainedLine> dates() const {
    std::vector<ExplainedLine> lines;
    if (c_.effective) lines.push_back(line(pb_.effective(pb_.date(*c_.effective)), c_.effective_keyword, ""));
    auto commitments = clauses_of(ClauseKind::commitment, [&](const engine::Clause& cl, Window w) {
      const std::optional<std::string> from = w.from;
      w.from.reset();   // the commitment's sentence says when counting starts
      w.until.reset();  // and its deadline (`by`, the term's `until`)
      const dsl::Date by = cl.term.until ? *cl.term.until : dsl::Date{};
      return pb_.commitment(purchase(cl), pb_.money(cl.amount), pb_.date(by), from, w);
    });
    std::move(commitments.begin(), commitments.end(), std::back_inserter(lines));
    return lines;
  }

  std::vector<ExplainedLine> waterfalls() const {
    std::vector<ExplainedLine> lines;
    for (Index i = 0; i < c_.waterfalls.size(); ++i) {
      const engine::Waterfall& wf = c_.waterfalls[i];
      const std::string of = wf.of < c_.parties.size() ? actor(Actor{wf.of, engine::kNone}) : std::string("?");
      const std::string text = pb_.waterfall(of, word(wf.stream), wf.title, window(wf.term, {DeclKind::waterfall, i}));
      lines.push_back(line(text, wf.keyword, wf.name));
      for (const engine::Tier& t : wf.tiers) {
        explain_words::TierWords tw;
        tw.kind = t.kind;
        tw.name = t.name;
        tw.amount = pb_.money(t.amount);
        tw.only = wf.tiers.size() == 1;
        for (const engine::Share& s : t.shares) {
          explain_words::ShareWords sw{actor(Actor{s.party, engine::kNone}), s.percent.to_string(), std::nullopt};
          if (s.cap) sw.cap = pb_.money(*s.cap);
          tw.shares.push_back(std::move(sw));
        }
        if (t.overflow != engine::kNone) tw.overflow = actor(Actor{t.overflow, engine::kNone});
        lines.push_back(line(pb_.tier(tw), t.keyword, wf.name));
      }
    }
    return lines;
  }

  std::vector<ExplainedLine> assumptions() const {
    std::vector<ExplainedLine> lines;
    for (const engine::Assumption& a : c_.assumptions) {
      const std::string value = std::holds_alternative<dsl::Money>(a.value)
                                    ? pb_.money(std::get<dsl::Money>(a.value))
                                    : std::get<dsl::Percent>(a.value).to_string();
      ExplainedLine l = line(pb_.assumption(a.name, value, a.description), a.keyword, a.name);
      l.assumption = true;
      lines.push_back(std::move(l));
    }
    return lines;
  }
};

const Phrasebook& phrasebook(Language language) {
  return language == Language::zh ? explain_words::chinese() : explain_words::english();
}

}  // namespace

std::optional<Language> parse_language(std::string_view text) {
  if (text == "en") return Language::en;
  if (text == "zh") return Language::zh;
  return std::nullopt;
}

Explanation explain(const Contract& contract, Language language) { return Walk(contract, phrasebook(language)).run(); }

std::string place_words(const Contract& contract, dsl::Span place) {
  return fmt::format("{}:{}", contract.source->name(), contract.source->position(place.begin).line);
}

std::string money_words(dsl::Money amount, Language language) { return phrasebook(language).money(amount); }

std::string date_words(dsl::Date date, Language language) { return phrasebook(language).date(date); }

namespace explain_words {

std::string grouped(std::uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

std::optional<std::string> exact_decimal(std::uint64_t value, std::uint64_t unit, int max_decimals) {
  std::string out = grouped(value / unit);
  std::uint64_t frac = value % unit;
  if (frac == 0) return out;
  out.push_back('.');
  int decimals = 0;
  for (std::uint64_t u = unit / 10; frac != 0; u /= 10) {
    if (u == 0 || ++decimals > max_decimals) return std::nullopt;
    out.push_back(static_cast<char>('0' + frac / u));
    frac %= u;
  }
  return out;
}

}  // namespace explain_words

}  // namespace clause::cli
