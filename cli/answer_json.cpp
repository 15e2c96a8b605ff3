#include "cli/answer.hpp"
#include "engine/evaluate/explain.hpp"

namespace clause::cli {

using engine::Outcome;
using engine::OutcomeKind;

Json contract_json(const engine::Contract& c) {
  Json j;
  j["title"] = c.title;
  j["version"] = c.version ? Json(*c.version) : Json(nullptr);
  j["effective"] = c.effective ? Json(c.effective->to_string()) : Json(nullptr);
  j["file"] = c.source->name();
  Json assumptions = Json::object();
  for (const engine::Assumption& a : c.assumptions) {
    if (const auto* m = std::get_if<engine::Money>(&a.value)) {
      assumptions[a.name] = m->to_decimal();
    } else {
      assumptions[a.name] = std::get<engine::Percent>(a.value).to_string();
    }
  }
  j["assumptions"] = assumptions;
  return j;
}

Json outcome_json(const Answer& a, const engine::EventRecord& rec, const Outcome& o) {
  const engine::ExplainContext ctx{a.contract, a.log, &a.outsiders};
  const engine::Event& e = a.events[rec.event];
  Json j;
  j["kind"] = engine::outcome_kind_name(o.kind);
  j["rule"] = o.rule.valid() ? Json(a.contract.name_of(o.rule)) : Json(nullptr);
  j["at"] = o.rule.valid() ? Json(a.contract.place_of(o.rule)) : Json(nullptr);
  j["because"] = engine::explain(ctx, e, rec.on, o);
  switch (o.kind) {
    case OutcomeKind::breach: j["party"] = a.contract.actor_name(o.party, &a.outsiders); break;
    case OutcomeKind::ended:
      j["name"] = a.contract.name_of(o.subject);
      j["what"] = engine::decl_kind_name(o.subject.kind);
      break;
    case OutcomeKind::declared:
    case OutcomeKind::ineffective:
      j["status"] = a.contract.words[a.contract.powers[o.rule.index].status];
      j["by"] = a.contract.actor_name(o.party, &a.outsiders);
      break;
    case OutcomeKind::consented: j["party"] = a.contract.actor_name(o.party, &a.outsiders); break;
    case OutcomeKind::payout: {
      std::vector<engine::Money> by_party(a.contract.parties.size());
      Json tiers = Json::array();
      const engine::Waterfall& w = a.contract.waterfalls[o.rule.index];
      for (engine::Index i = o.first; i < o.first + o.count; ++i) {
        const engine::PayoutLine& line = a.log.lines[i];
        by_party[line.party] = *by_party[line.party].plus(line.amount);
      }
      Json amounts = Json::object();
      for (engine::Index p = 0; p < a.contract.parties.size(); ++p) {
        if (!by_party[p].is_zero()) amounts[a.contract.parties[p].name] = by_party[p].to_decimal();
      }
      j["amounts"] = amounts;
      for (engine::Index t = 0; t < w.tiers.size(); ++t) {
        Json parties = Json::object();
        engine::Money total;
        for (engine::Index i = o.first; i < o.first + o.count; ++i) {
          const engine::PayoutLine& line = a.log.lines[i];
          if (line.tier != t) continue;
          parties[a.contract.parties[line.party].name] = line.amount.to_decimal();
          total = *total.plus(line.amount);
        }
        if (parties.empty()) continue;
        tiers.push_back(Json{{"name", w.tiers[t].name ? Json(*w.tiers[t].name) : Json(nullptr)},
                             {"amount", total.to_decimal()},
                             {"parties", parties}});
      }
      j["tiers"] = tiers;
      if (!o.amount.is_zero()) j["undistributed"] = o.amount.to_decimal();
      break;
    }
    case OutcomeKind::permitted:
      if (o.why == engine::Why::exception_applies) j["total"] = o.amount.to_decimal();
      break;
    case OutcomeKind::uncovered: break;
  }
  return j;
}

Json answer_json(const Answer& a) {
  Json j;
  j["contract"] = contract_json(a.contract);
  Json events = Json::array();
  for (const engine::EventRecord& rec : a.log.events) {
    Json outcomes = Json::array();
    for (engine::Index i = rec.first; i < rec.first + rec.count; ++i) {
      outcomes.push_back(outcome_json(a, rec, a.log.outcomes[i]));
    }
    events.push_back(Json{{"on", rec.on.to_string()}, {"event", a.events[rec.event].canonical}, {"outcomes", outcomes}});
  }
  j["events"] = events;
  Json payouts = Json::object();
  for (engine::Index p = 0; p < a.contract.parties.size(); ++p) {
    if (!a.state.received[p].is_zero()) payouts[a.contract.parties[p].name] = a.state.received[p].to_decimal();
  }
  j["payouts"] = payouts;
  return j;
}

}  // namespace clause::cli
