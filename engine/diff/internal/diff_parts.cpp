#include "engine/diff/internal/diff_parts.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace clause::engine {
namespace {

std::string quoted(std::string_view s) { return fmt::format("\"{}\"", s); }

class PartWriter {
 public:
  PartWriter(const Contract& c, const NameReader& name) : c_(c), name_(name) {}

  std::string actor(Actor a) const {
    if (a.party == kNone || a.is_outsider()) return c_.actor_name(a);
    const Party& p = c_.parties[a.party];
    const std::string_view party = name_(p.name);
    return a.body == kNone ? std::string(party) : fmt::format("{}.{}", party, p.bodies[a.body]);
  }
  std::string_view decl(DeclRef r) const { return name_(c_.name_of(r)); }
  const std::string& word(Index w) const { return c_.words[w]; }

  void add(std::string what, std::string key, std::string value, std::string phrase) {
    parts.push_back(Part{std::move(what), std::move(key), std::move(value), std::move(phrase)});
  }
  void text(const char* what, std::string_view value) {
    if (!value.empty()) add(what, "", quoted(value), fmt::format("{} {}", what, quoted(value)));
  }

  void term(const Term& t) {
    if (t.from) add("from", "", t.from->to_string(), "from " + t.from->to_string());
    if (t.until) add("until", "", t.until->to_string(), "until " + t.until->to_string());
  }

  void party(const Party& p) {
    text("description", p.description);
    std::vector<std::string_view> bodies = p.bodies;
    std::sort(bodies.begin(), bodies.end());  // a set: their order means nothing
    for (const std::string_view b : bodies) add("body", std::string(b), std::string(b), fmt::format("body {}", b));
  }

  void assumption(const Assumption& a) {
    const std::string value = dsl::value_to_string(a.value);
    add("", "value", value, "= " + value);
    text("description", a.description);
  }

  void licence(const Licence& l) {
    text("description", l.description);
    const std::string grant = fmt::format("{} grants {}", actor(l.grantor), actor(l.grantee));
    add("", "grant", grant, grant);
    term(l.term);
  }

  void clause(const Clause& cl) {
    text("title", cl.title);
    switch (cl.kind) {
      case ClauseKind::exclusivity:
      case ClauseKind::prohibition: {
        const bool only = cl.kind == ClauseKind::exclusivity;
        const std::string duty = fmt::format("{} must {}buy {}", actor(cl.buyer), only ? "" : "not ", word(cl.good));
        // A set: `only from A or B` and `only from B or A` say the same.
        std::vector<std::string> names{actor(cl.vendor)};
        for (const Actor v : cl.more_vendors) names.push_back(actor(v));
        std::sort(names.begin(), names.end());
        const std::string vendors = fmt::format("{}from {}", only ? "only " : "", fmt::join(names, " or "));
        add("", "duty", duty, fmt::format("{} {}", duty, vendors));
        add("", "vendors", vendors, "");
        term(cl.term);
        break;
      }
      case ClauseKind::first_refusal: {
        const std::string duty =
            fmt::format("{} must offer {} to {} first", actor(cl.buyer), word(cl.good), actor(cl.vendor));
        add("", "duty", duty, duty);
        term(cl.term);
        break;
      }
      case ClauseKind::commitment: {
        const std::string duty = fmt::format("{} must buy {} from {}", actor(cl.buyer), word(cl.good), actor(cl.vendor));
        add("", "duty", duty, duty);
        add("at least", "", cl.amount.to_short(), "at least " + cl.amount.to_short());
        if (cl.term.from) add("from", "", cl.term.from->to_string(), "from " + cl.term.from->to_string());
        if (cl.term.until) add("by", "", cl.term.until->to_string(), "by " + cl.term.until->to_string());
        break;
      }
      case ClauseKind::freedom: {
        const std::string freedom = fmt::format("{} may buy {} from {}", actor(cl.buyer), word(cl.good),
                                                cl.any_vendor ? std::string("anyone") : actor(cl.vendor));
        add("", "duty", freedom, freedom);
        term(cl.term);
        break;
      }
      case ClauseKind::deed: {
        const std::string deed = fmt::format("{} {} \"{}\"", actor(cl.buyer), cl.forbidden ? "must not do" : "may do", cl.deed);
        add("", "duty", deed, deed);
        term(cl.term);
        break;
      }
      case ClauseKind::trigger: {
        add("", "when", "when " + pattern(cl.pattern), "when " + pattern(cl.pattern));
        for (const DeclRef target : cl.ends) {
          const std::string effect = fmt::format("{} ends", decl(target));
          add("then", std::string(decl(target)), effect, "then " + effect);
        }
        term(cl.term);
        break;
      }
    }
  }

  std::string pattern(const TriggerPattern& p) const {
    switch (p.kind) {
      case PatternKind::status_declared: return fmt::format("{} is declared", word(p.word));
      case PatternKind::actor_declares: return fmt::format("{} declares {}", actor(p.actor), word(p.word));
      case PatternKind::buys:
        return fmt::format("{} buys {} from {}", actor(p.actor), word(p.word), actor(p.vendor));
      case PatternKind::does: return fmt::format("{} does \"{}\"", actor(p.actor), p.text);
      case PatternKind::status_verified: return fmt::format("{} is verified", word(p.word));
    }
    return "";
  }

  void exception(const Exception& ex) {
    text("title", ex.title);
    const std::string to = fmt::format("to {}", decl(DeclRef{DeclKind::clause, ex.clause}));
    add("", "to", to, to);
    const std::string permission =
        fmt::format("{} may buy {} from {}", actor(ex.buyer), word(ex.good),
                    ex.any_vendor ? std::string("anyone") : actor(ex.vendor));
    add("", "permission", permission, permission);
    for (const Actor a : ex.consents) {
      const std::string consent = fmt::format("if {} consents", actor(a));
      add("condition", actor(a), consent, consent);
    }
    if (ex.limit) add("limit", "", ex.limit->to_short(), fmt::format("up to {} in total", ex.limit->to_short()));
    if (ex.from) add("from", "", ex.from->to_string(), "from " + ex.from->to_string());
    if (ex.until) add("until", "", ex.until->to_string(), "until " + ex.until->to_string());
  }

  void power(const Power& p) {
    text("title", p.title);
    const std::string holder = fmt::format("only {} may declare {}", actor(p.holder), word(p.status));
    add("", "holder", holder, holder);
    if (p.verifier) {
      const std::string verifier = "verified by " + actor(*p.verifier);
      add("verified by", "", actor(*p.verifier), verifier);
    }
  }

  static std::string tier_label(const Waterfall& w, std::size_t t) {
    return w.tiers[t].name ? fmt::format("tier \"{}\"", *w.tiers[t].name) : fmt::format("tier {}", t + 1);
  }

  std::string share(const Share& s) const {
    std::string out = fmt::format("{} {}", name_(c_.parties[s.party].name), s.percent.to_string());
    if (s.cap) out += " cap " + s.cap->to_short();
    return out;
  }

  void waterfall(const Waterfall& w) {
    text("title", w.title);
    const std::string of = fmt::format("of {} {}", name_(c_.parties[w.of].name), w.stream);
    add("", "of", of, of);
    term(w.term);
    std::vector<std::string> order;
    for (std::size_t t = 0; t < w.tiers.size(); ++t) {
      const Tier& tier = w.tiers[t];
      const std::string label = tier_label(w, t);
      order.push_back(label);
      std::string kind;
      switch (tier.kind) {
        case TierKind::first: kind = "first " + tier.amount.to_short(); break;
        case TierKind::next: kind = "next " + tier.amount.to_short(); break;
        case TierKind::until_capped: kind = "until capped"; break;
        case TierKind::rest: kind = "rest"; break;
      }
      std::vector<std::string> shares;
      for (const Share& s : tier.shares) shares.push_back(share(s));
      std::string whole = fmt::format("{} {}: {}", label, kind, fmt::join(shares, ", "));
      if (tier.overflow != kNone) fmt::format_to(std::back_inserter(whole), " overflow to {}", name_(c_.parties[tier.overflow].name));
      add(label, "", kind, whole);
      for (const Share& s : tier.shares) add(label, std::string(name_(c_.parties[s.party].name)), share(s), "");
      if (tier.overflow != kNone) {
        add(label, "overflow", fmt::format("overflow to {}", name_(c_.parties[tier.overflow].name)), "");
      }
    }
    // One label a line: a tier's name may hold ", ".
    add("tiers", "order", fmt::format("{}", fmt::join(order, "\n")), "");
  }

  std::vector<Part> parts;

 private:
  const Contract& c_;
  const NameReader& name_;
};

}  // namespace

std::vector<Part> declaration_parts(const Contract& c, DeclRef ref, const NameReader& name) {
  PartWriter w(c, name);
  switch (ref.kind) {
    case DeclKind::party: w.party(c.parties[ref.index]); break;
    case DeclKind::assumption: w.assumption(c.assumptions[ref.index]); break;
    case DeclKind::licence: w.licence(c.licences[ref.index]); break;
    case DeclKind::clause: w.clause(c.clauses[ref.index]); break;
    case DeclKind::exception: w.exception(c.exceptions[ref.index]); break;
    case DeclKind::power: w.power(c.powers[ref.index]); break;
    case DeclKind::waterfall: w.waterfall(c.waterfalls[ref.index]); break;
  }
  return std::move(w.parts);
}

std::vector<Part> header_parts(const Contract& c) {
  std::vector<Part> out;
  out.push_back(Part{"title", "", quoted(c.title), "title " + quoted(c.title)});
  if (c.version) out.push_back(Part{"version", "", quoted(*c.version), "version " + quoted(*c.version)});
  if (c.effective) {
    out.push_back(Part{"effective", "", c.effective->to_string(), "effective " + c.effective->to_string()});
  }
  return out;
}

std::vector<DeclRef> declarations_in_order(const Contract& c) {
  std::vector<DeclRef> out;
  out.reserve(c.names.size());
  const auto add = [&](DeclKind kind, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) out.push_back(DeclRef{kind, static_cast<Index>(i)});
  };
  add(DeclKind::party, c.parties.size());
  add(DeclKind::assumption, c.assumptions.size());
  add(DeclKind::licence, c.licences.size());
  add(DeclKind::clause, c.clauses.size());
  add(DeclKind::exception, c.exceptions.size());
  add(DeclKind::power, c.powers.size());
  add(DeclKind::waterfall, c.waterfalls.size());
  std::sort(out.begin(), out.end(),
            [&](DeclRef a, DeclRef b) { return c.keyword_of(a).begin < c.keyword_of(b).begin; });
  return out;
}

}  // namespace clause::engine
