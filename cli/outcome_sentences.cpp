#include "cli/outcome_sentences.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace clause::cli {

using namespace engine;

std::string join_and(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
    out += items[i];
  }
  return out;
}

namespace {

class Explainer {
 public:
  Explainer(const ExplainContext& ctx, const Event& e, Date on) : ctx_(ctx), c_(ctx.contract), e_(e), on_(on) {}

  std::string actor(Actor a) const { return c_.actor_name(a, ctx_.outsiders); }
  std::string name(DeclRef r) const { return fmt::format("`{}`", c_.name_of(r)); }
  std::string good() const { return e_.word != kNone ? c_.words[e_.word] : e_.text; }
  std::string status() const { return e_.word != kNone ? c_.words[e_.word] : e_.text; }
  std::string what(DeclRef r) const { return fmt::format("{} `{}`", decl_kind_name(r.kind), c_.name_of(r)); }

  // The vendors an exclusivity allows: "Microsoft", "Microsoft or Oracle", "A, B or C".
  std::string vendors(const Clause& cl) const {
    std::string out = actor(cl.vendor);
    for (std::size_t i = 0; i < cl.more_vendors.size(); ++i) {
      out += (i + 1 == cl.more_vendors.size() ? " or " : ", ") + actor(cl.more_vendors[i]);
    }
    return out;
  }

  // A term in words: "from 2026-03-01 until 2027-12-31", "until 2030-12-31".
  static std::string term_words(const Term& t) {
    std::string out;
    if (t.from) out += "from " + t.from->to_string();
    if (t.until) out += (out.empty() ? "until " : " until ") + t.until->to_string();
    return out;
  }

  // What the clause demands, as a phrase: "requires OpenAI to buy compute only from Microsoft".
  std::string duty(const Clause& cl) const {
    if (cl.kind == ClauseKind::freedom) {
      return fmt::format("`{}` lets {} buy {} from {}", cl.name, actor(cl.buyer), c_.words[cl.good],
                         cl.any_vendor ? std::string("anyone") : actor(cl.vendor));
    }
    if (cl.kind == ClauseKind::first_refusal) {
      return fmt::format("`{}` requires {} to offer {} to {} first", cl.name, actor(cl.buyer), c_.words[cl.good],
                         actor(cl.vendor));
    }
    if (cl.kind == ClauseKind::exclusivity) {
      return fmt::format("`{}` requires {} to buy {} only from {}", cl.name, actor(cl.buyer), c_.words[cl.good],
                         vendors(cl));
    }
    return fmt::format("`{}` forbids {} to buy {} from {}", cl.name, actor(cl.buyer), c_.words[cl.good],
                       actor(cl.vendor));
  }

  std::string why_not(const ExceptionCheck& k) const {
    const Exception& ex = c_.exceptions[k.exception];
    std::vector<std::string> reasons;
    if (k.ended) {
      reasons.push_back(fmt::format("it ended on {} under `{}`", k.ended_on.to_string(), c_.name_of(k.ended_by)));
    }
    if (k.wrong_buyer || k.wrong_good || k.wrong_vendor) {
      reasons.push_back(fmt::format("it permits only {} buying {} from {}", actor(ex.buyer), c_.words[ex.good],
                                    actor(ex.vendor)));
      return join_and(reasons);
    }
    std::vector<std::string> missing;
    for (std::size_t i = 0; i < ex.consents.size(); ++i) {
      if ((k.missing_consents >> i) & 1u) missing.push_back(actor(ex.consents[i]));
    }
    if (!missing.empty()) {
      reasons.push_back(fmt::format("{} {} not consented", join_and(missing), missing.size() == 1 ? "has" : "have"));
    }
    if (k.over_limit) {
      const Money over = *k.would_total.minus(*ex.limit);
      reasons.push_back(fmt::format("the purchase would bring its total to {}, over the {} limit by {}",
                                    k.would_total.to_short(), ex.limit->to_short(), over.to_short()));
    }
    if (k.too_early) reasons.push_back(fmt::format("it applies only from {}", ex.from->to_string()));
    if (k.too_late) reasons.push_back(fmt::format("it applied only until {}", ex.until->to_string()));
    return join_and(reasons);
  }

  std::string exceptions_failed(const Breach& o) const {
    if (o.check_count == 0) return "; no exception to it applies";
    std::string out;
    for (const ExceptionCheck& k : ctx_.log.checks_of(o)) {
      out += fmt::format("; exception `{}` does not apply: {}", c_.exceptions[k.exception].name, why_not(k));
    }
    return out;
  }

  // What set the trigger off, in the past tense: "agi was declared".
  std::string cause_of(const Clause& trigger) const {
    const TriggerPattern& p = trigger.pattern;
    switch (p.kind) {
      case PatternKind::status_declared: return fmt::format("{} was declared", c_.words[p.word]);
      case PatternKind::actor_declares: return fmt::format("{} declared {}", actor(p.actor), c_.words[p.word]);
      case PatternKind::buys:
        return fmt::format("{} bought {} from {}", actor(p.actor), c_.words[p.word], actor(p.vendor));
      case PatternKind::does: return fmt::format("{} did \"{}\"", actor(p.actor), p.text);
      case PatternKind::status_verified: return fmt::format("{} was verified", c_.words[p.word]);
    }
    return "it happened";
  }

  std::string sentence(const Permitted& o) const {
    switch (o.why) {
      case Permitted::Why::clause_allows: {
        const Clause& cl = c_.clauses[o.rule.index];
        return fmt::format("{} may buy {} from {}: {}", actor(e_.actor), good(), actor(e_.vendor), duty(cl));
      }
      case Permitted::Why::exception_applies: {
        const Exception& ex = c_.exceptions[o.rule.index];
        std::vector<std::string> held;
        if (!ex.consents.empty()) {
          std::vector<std::string> who;
          for (const Actor a : ex.consents) who.push_back(actor(a));
          held.push_back(fmt::format("{} {} consented", join_and(who), who.size() == 1 ? "has" : "have"));
        }
        if (ex.limit) {
          const Money left = *ex.limit->minus(o.total);
          held.push_back(fmt::format("{} of its {} limit is now used, {} left", o.total.to_short(),
                                     ex.limit->to_short(), left.to_short()));
        }
        if (ex.from || ex.until) {
          held.push_back(fmt::format("{} is within its window{}{}", on_.to_string(),
                                     ex.from ? " from " + ex.from->to_string() : "",
                                     ex.until ? " until " + ex.until->to_string() : ""));
        }
        std::string out = fmt::format("exception `{}` to `{}` permits {} to buy {} from {}", ex.name,
                                      c_.name_of(o.overrides), actor(e_.actor), good(), actor(e_.vendor));
        if (!held.empty()) out += ": " + join_and(held);
        return out;
      }
      case Permitted::Why::grantor_uses: {
        const Licence& l = c_.licences[o.rule.index];
        return fmt::format("{} granted licence `{}` to {} and may use what it owns", actor(e_.actor), l.name,
                           actor(l.grantee));
      }
      case Permitted::Why::grantee_uses: {
        const Licence& l = c_.licences[o.rule.index];
        if (!l.term.empty()) {
          return fmt::format("{} holds licence `{}` from {}, in force {} and not ended", actor(e_.actor), l.name,
                             actor(l.grantor), term_words(l.term));
        }
        return fmt::format("{} holds licence `{}` from {}, and it has not ended", actor(e_.actor), l.name,
                           actor(l.grantor));
      }
      case Permitted::Why::bought_from_holder: {
        const Clause& cl = c_.clauses[o.rule.index];
        return fmt::format("{} may buy {} from {}, which holds the first refusal under `{}`", actor(e_.actor), good(),
                           actor(e_.vendor), cl.name);
      }
      case Permitted::Why::allowance_used: {
        const Clause& cl = c_.clauses[o.rule.index];
        return fmt::format("{} has declined enough {} under `{}`: this purchase uses {} of what it declined, {} left",
                           actor(cl.vendor), good(), cl.name, e_.amount.to_short(), o.left.to_short());
      }
      case Permitted::Why::counts_toward: {
        const Clause& cl = c_.clauses[o.rule.index];
        return fmt::format("counts toward `{}`: {} of {} bought from {} by {}", cl.name,
                           o.commitment.total.to_short(), o.commitment.amount.to_short(), actor(cl.vendor),
                           cl.term.until->to_string());
      }
      case Permitted::Why::freedom: {
        const Clause& cl = c_.clauses[o.rule.index];
        return fmt::format("{} may buy {} from {}: {}", actor(e_.actor), good(), actor(e_.vendor), duty(cl));
      }
      case Permitted::Why::deed_allowed: {
        const Clause& cl = c_.clauses[o.rule.index];
        return fmt::format("`{}` lets {} do \"{}\"", cl.name, actor(cl.buyer), cl.deed);
      }
    }
    return "";
  }

  std::string sentence(const Breach& o) const {
    switch (o.why) {
      case Breach::Why::purchase_forbidden: {
        const Clause& cl = c_.clauses[o.rule.index];
        const std::string head =
            cl.kind == ClauseKind::exclusivity
                ? fmt::format("{} bought {} from {}, but `{}` allows {} only from {}", actor(e_.actor), good(),
                              actor(e_.vendor), cl.name, good(), vendors(cl))
                : fmt::format("{} bought {} from {}, which `{}` forbids", actor(e_.actor), good(), actor(e_.vendor),
                              cl.name);
        return head + exceptions_failed(o);
      }
      case Breach::Why::licence_ended:
        return fmt::format("{} used `{}` after the licence ended on {} under `{}`", actor(e_.actor),
                           c_.name_of(o.rule), o.ended_on.to_string(), c_.name_of(o.ended_by));
      case Breach::Why::holds_no_licence: {
        const Licence& l = c_.licences[o.rule.index];
        return fmt::format("{} holds no licence to `{}`: {} granted it to {} only", actor(e_.actor), l.name,
                           actor(l.grantor), actor(l.grantee));
      }
      case Breach::Why::licence_not_yet: {
        const Licence& l = c_.licences[o.rule.index];
        return fmt::format("{} used `{}` before it is in force: licence `{}` is in force {}", actor(e_.actor), l.name,
                           l.name, term_words(l.term));
      }
      case Breach::Why::licence_expired: {
        const Licence& l = c_.licences[o.rule.index];
        return fmt::format("{} used `{}`, but licence `{}` expired after {}", actor(e_.actor), l.name, l.name,
                           l.term.until->to_string());
      }
      case Breach::Why::refusal_short: {
        const Clause& cl = c_.clauses[o.rule.index];
        std::string head = fmt::format("{} bought {} from {} for {}, but `{}` requires {} to offer {} to {} first; ",
                                       actor(e_.actor), good(), actor(e_.vendor), e_.amount.to_short(), cl.name,
                                       actor(cl.buyer), good(), actor(cl.vendor));
        if (o.declined.is_zero()) {
          head += fmt::format("{} has not declined {}", actor(cl.vendor), good());
        } else {
          const Money short_by = *e_.amount.minus(o.left);
          if (o.left == o.declined) {
            head += fmt::format("{} has declined only {} of {}; {} short", actor(cl.vendor), o.declined.to_short(),
                                good(), short_by.to_short());
          } else {
            head += fmt::format("{} has declined {} of {}, {} of it not yet used; {} short", actor(cl.vendor),
                                o.declined.to_short(), good(), o.left.to_short(), short_by.to_short());
          }
        }
        return head + exceptions_failed(o);
      }
      case Breach::Why::deed_forbidden: {
        const Clause& cl = c_.clauses[o.rule.index];
        return fmt::format("{} did \"{}\", which `{}` forbids", actor(e_.actor), cl.deed, cl.name);
      }
      case Breach::Why::commitment_short: {
        const Clause& cl = c_.clauses[o.rule.index];
        const Money short_by = *o.commitment.amount.minus(o.commitment.total);
        return fmt::format("{} bought {} of {} from {} by {}, {} short of {} under `{}`", actor(cl.buyer),
                           o.commitment.total.to_short(), c_.words[cl.good], actor(cl.vendor),
                           cl.term.until->to_string(), short_by.to_short(), o.commitment.amount.to_short(), cl.name);
      }
    }
    return "";
  }

  std::string sentence(const Declared& o) const {
    const Power& p = c_.powers[o.power.index];
    if (o.pending) {
      return fmt::format("{} holds the power to declare {} under `{}`; the declaration waits for {} to verify it",
                         actor(o.party), c_.words[p.status], p.name, actor(*p.verifier));
    }
    return fmt::format("{} holds the power to declare {} under `{}`", actor(o.party), c_.words[p.status], p.name);
  }

  std::string sentence(const Ineffective& o) const {
    if (o.why == Ineffective::Why::not_refusal_holder) {
      const Clause& cl = c_.clauses[o.rule.index];
      return fmt::format("{} cannot decline {}: only {} holds the first refusal on {} under `{}`", actor(o.party),
                         good(), actor(cl.vendor), good(), cl.name);
    }
    const Power& p = c_.powers[o.rule.index];
    const std::string& s = c_.words[p.status];
    const char* verb = e_.kind == EventKind::rejects ? "reject" : "verify";
    switch (o.why) {
      case Ineffective::Why::not_holder:
        return fmt::format("{} cannot declare {}: under `{}` only {} may", actor(o.party), s, p.name, actor(p.holder));
      case Ineffective::Why::not_verifier:
        return fmt::format("{} cannot {} {}: under `{}` only {} may", actor(o.party), verb, s, p.name,
                           actor(*p.verifier));
      case Ineffective::Why::no_verification:
        return fmt::format("`{}` asks no verification of {}: a declaration by {} takes effect at once", p.name, s,
                           actor(p.holder));
      case Ineffective::Why::nothing_pending:
        return fmt::format("{} has not been declared: there is nothing for {} to {} under `{}`", s, actor(o.party),
                           verb, p.name);
      case Ineffective::Why::already_pending:
        return fmt::format("{} is already declared and waits for {} to verify it under `{}`", s, actor(*p.verifier),
                           p.name);
      case Ineffective::Why::already_verified:
        return fmt::format("{} was already verified on {} under `{}`", s, o.on.to_string(), p.name);
      case Ineffective::Why::not_refusal_holder: break;
    }
    return "";
  }

  std::string sentence(const Verified& o) const {
    const Power& p = c_.powers[o.power.index];
    return fmt::format("{} verifies the declaration of {} under `{}`", actor(o.party), c_.words[p.status], p.name);
  }

  std::string sentence(const Rejected& o) const {
    const Power& p = c_.powers[o.power.index];
    return fmt::format("{} rejects the declaration of {} under `{}`: nothing is pending, and {} may declare it again",
                       actor(o.party), c_.words[p.status], p.name, actor(p.holder));
  }

  std::string sentence(const Declined& o) const {
    const Clause& cl = c_.clauses[o.clause.index];
    return fmt::format("{} declines {} of {} under `{}`: {} may now buy up to {} of it elsewhere", actor(o.party),
                       o.amount.to_short(), good(), cl.name, actor(cl.buyer), o.allowance.to_short());
  }

  std::string sentence(const Expired& o) const {
    const Term t = c_.term_of(o.subject);
    return fmt::format("{} expired after {}", what(o.subject), t.until->to_string());
  }

  std::string sentence(const Fulfilled& o) const {
    const Clause& cl = c_.clauses[o.commitment.index];
    return fmt::format("{} has bought {} of {} from {}, reaching the {} `{}` asks by {}", actor(cl.buyer),
                       o.totals.total.to_short(), c_.words[cl.good], actor(cl.vendor), o.totals.amount.to_short(),
                       cl.name, cl.term.until->to_string());
  }

  std::string sentence(const Consented& o) const {
    if (o.why == Consented::Why::asked) {
      return fmt::format("{} consents to exception `{}`, which asks for its consent", actor(o.party),
                         c_.name_of(o.exception));
    }
    return fmt::format("{} consents to exception `{}`, which does not ask for {}'s consent: the consent is "
                       "recorded and satisfies nothing",
                       actor(o.party), c_.name_of(o.exception), actor(o.party));
  }

  std::string sentence(const Ended& o) const {
    const Clause& trigger = c_.clauses[o.trigger.index];
    return fmt::format("{}, so `{}` ends {}", cause_of(trigger), trigger.name, what(o.subject));
  }

  std::string sentence(const Payout& o) const {
    const Waterfall& w = c_.waterfalls[o.waterfall.index];
    // Sum each party's lines across tiers, parties in the order first paid.
    std::vector<std::pair<Index, Money>> totals;
    for (const PayoutLine& line : ctx_.log.lines_of(o)) {
      auto it = std::find_if(totals.begin(), totals.end(), [&](const auto& t) { return t.first == line.party; });
      if (it == totals.end()) {
        totals.emplace_back(line.party, line.amount);
      } else {
        it->second = *it->second.plus(line.amount);
      }
    }
    std::vector<std::string> parts;
    for (const auto& [party, amount] : totals) {
      parts.push_back(fmt::format("{} {}", c_.parties[party].name, amount.to_display()));
    }
    std::string out = fmt::format("{} earned {}; waterfall `{}` pays {}", actor(e_.actor), e_.amount.to_short(),
                                  w.name, parts.empty() ? std::string("nobody") : join_and(parts));
    if (!o.undistributed.is_zero()) {
      out += fmt::format("; {} is not distributed: every tier is full and there is no `rest` tier",
                         o.undistributed.to_display());
    }
    return out;
  }

  std::string sentence(const Uncovered& o) const {
    switch (o.why) {
      case Uncovered::Why::not_in_force:
        return fmt::format("the contract takes effect on {}: it is not in force on {}", c_.effective->to_string(),
                           on_.to_string());
      case Uncovered::Why::no_power:
        return fmt::format("no power names {}: the contract is silent on who may declare it", status());
      case Uncovered::Why::no_clause:
        return fmt::format("no clause governs {} buying {}: the contract is silent on it", actor(e_.actor), good());
      case Uncovered::Why::duty_ended:
        return fmt::format("`{}`, the clause on {} {} {}, ended on {}: nothing governs it now", c_.name_of(o.subject),
                           actor(e_.actor), doing(), good(), o.ended_on.to_string());
      case Uncovered::Why::no_waterfall:
        return fmt::format("no waterfall pays out {}'s {}: the contract is silent on it", actor(e_.actor), e_.stream);
      case Uncovered::Why::no_trigger:
        return fmt::format("the contract is silent on {} doing \"{}\": no clause is about it", actor(e_.actor),
                           e_.text);
      case Uncovered::Why::not_yet:
        return fmt::format("{} is not yet in force on {}: its term is {}; nothing governs this now", what(o.subject),
                           on_.to_string(), term_words(c_.term_of(o.subject)));
      case Uncovered::Why::expired:
        return fmt::format("{} expired after {}: nothing governs this now", what(o.subject),
                           c_.term_of(o.subject).until->to_string());
      case Uncovered::Why::no_refusal:
        return fmt::format("no first refusal is on {}: the contract is silent on declining it", good());
      case Uncovered::Why::waterfall_ended:
        return fmt::format("waterfall `{}`, which paid out {}'s {}, ended on {}: nothing pays it out now",
                           c_.name_of(o.subject), actor(e_.actor), e_.stream, o.ended_on.to_string());
    }
    return "";
  }

  // The verb of the event, for a sentence about what governs it.
  const char* doing() const { return e_.kind == EventKind::declines ? "declining" : "buying"; }

  std::string head(const Permitted& o) const {
    if (o.why == Permitted::Why::grantor_uses || o.why == Permitted::Why::grantee_uses) {
      return fmt::format("{} uses `{}`", actor(e_.actor), c_.name_of(o.rule));
    }
    if (o.why == Permitted::Why::deed_allowed) {
      return fmt::format("{} does \"{}\" ({})", actor(e_.actor), e_.text, name(o.rule));
    }
    return fmt::format("{} buys {} from {} ({})", actor(e_.actor), good(), actor(e_.vendor), name(o.rule));
  }
  std::string head(const Breach& o) const {
    if (o.why == Breach::Why::commitment_short) {
      return fmt::format("of {} by {} on {}", name(o.rule), actor(o.party), o.ended_on.to_string());
    }
    return fmt::format("of {} by {}", name(o.rule), actor(o.party));
  }
  std::string head(const Declared& o) const {
    return fmt::format("{} by {}{}", c_.words[c_.powers[o.power.index].status], actor(o.party),
                       o.pending ? " (pending verification)" : "");
  }
  std::string head(const Ineffective& o) const {
    if (o.why == Ineffective::Why::not_refusal_holder) {
      return fmt::format("{} declines {} ({})", actor(o.party), good(), name(o.rule));
    }
    const char* verb = e_.kind == EventKind::verifies || e_.kind == EventKind::is_verified ? "verifies"
                       : e_.kind == EventKind::rejects                                     ? "rejects"
                                                                                           : "declares";
    return fmt::format("{} {} {}", actor(o.party), verb, c_.words[c_.powers[o.rule.index].status]);
  }
  std::string head(const Verified& o) const {
    return fmt::format("{} by {}", c_.words[c_.powers[o.power.index].status], actor(o.party));
  }
  std::string head(const Rejected& o) const {
    return fmt::format("{} by {}", c_.words[c_.powers[o.power.index].status], actor(o.party));
  }
  std::string head(const Declined& o) const {
    return fmt::format("{} of {} by {} ({})", o.amount.to_short(), good(), actor(o.party), name(o.clause));
  }
  std::string head(const Expired& o) const {
    return fmt::format("{} {} on {}", decl_kind_name(o.subject.kind), name(o.subject), o.on.to_string());
  }
  std::string head(const Fulfilled& o) const { return fmt::format("{}", name(o.commitment)); }
  std::string head(const Consented& o) const { return fmt::format("{} to {}", actor(o.party), name(o.exception)); }
  std::string head(const Ended& o) const { return fmt::format("{} {}", decl_kind_name(o.subject.kind), name(o.subject)); }
  std::string head(const Payout& o) const { return fmt::format("{} through {}", e_.amount.to_short(), name(o.waterfall)); }
  std::string head(const Uncovered&) const { return e_.canonical; }

 private:
  const ExplainContext& ctx_;
  const Contract& c_;
  const Event& e_;
  Date on_;
};

}  // namespace

std::string headline(const ExplainContext& ctx, const Event& event, const Outcome& outcome) {
  const Explainer explainer(ctx, event, Date{});
  return std::visit([&](const auto& o) { return explainer.head(o); }, outcome);
}

std::string explain(const ExplainContext& ctx, const Event& event, Date on, const Outcome& outcome) {
  const Explainer explainer(ctx, event, on);
  return std::visit([&](const auto& o) { return explainer.sentence(o); }, outcome);
}

std::string kind_and_headline(const ExplainContext& ctx, const Event& event, const Outcome& outcome) {
  return fmt::format("{} {}", kind_name(outcome), headline(ctx, event, outcome));
}

}  // namespace clause::cli
