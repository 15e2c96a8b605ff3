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

  // What the clause demands, as a phrase: "requires OpenAI to buy compute only from Microsoft".
  std::string duty(const Clause& cl) const {
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
        return fmt::format("{} holds licence `{}` from {}, and it has not ended", actor(e_.actor), l.name,
                           actor(l.grantor));
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
    }
    return "";
  }

  std::string sentence(const Declared& o) const {
    const Power& p = c_.powers[o.power.index];
    return fmt::format("{} holds the power to declare {} under `{}`", actor(o.party), c_.words[p.status], p.name);
  }

  std::string sentence(const Ineffective& o) const {
    const Power& p = c_.powers[o.power.index];
    return fmt::format("{} cannot declare {}: under `{}` only {} may", actor(o.party), c_.words[p.status], p.name,
                       actor(p.holder));
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
        return fmt::format("`{}`, the clause on {} buying {}, ended on {}: nothing governs the purchase now",
                           c_.name_of(o.ended_duty), actor(e_.actor), good(), o.ended_on.to_string());
      case Uncovered::Why::no_waterfall:
        return fmt::format("no waterfall pays out {}'s profit: the contract is silent on it", actor(e_.actor));
      case Uncovered::Why::no_trigger:
        return fmt::format("the contract is silent on {} doing \"{}\": no clause is triggered by it", actor(e_.actor),
                           e_.text);
    }
    return "";
  }

  std::string head(const Permitted& o) const {
    if (o.why == Permitted::Why::grantor_uses || o.why == Permitted::Why::grantee_uses) {
      return fmt::format("{} uses `{}`", actor(e_.actor), c_.name_of(o.rule));
    }
    return fmt::format("{} buys {} from {} ({})", actor(e_.actor), good(), actor(e_.vendor), name(o.rule));
  }
  std::string head(const Breach& o) const { return fmt::format("of {} by {}", name(o.rule), actor(o.party)); }
  std::string head(const Declared& o) const {
    return fmt::format("{} by {}", c_.words[c_.powers[o.power.index].status], actor(o.party));
  }
  std::string head(const Ineffective& o) const {
    return fmt::format("{} declares {}", actor(o.party), c_.words[c_.powers[o.power.index].status]);
  }
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
