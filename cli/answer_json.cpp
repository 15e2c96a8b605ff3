#include "cli/answer.hpp"
#include "cli/diagnostics_json.hpp"
#include "cli/outcome_sentences.hpp"
#include "cli/scenario_text.hpp"

namespace clause::cli {

using engine::Outcome;

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

namespace {

// The facts of each kind that JSON carries beside its kind, rule, place and reason.
class OutcomeFields {
 public:
  OutcomeFields(const Answer& a, Json& j) : a_(a), j_(j) {}

  void operator()(const engine::Permitted& o) const {
    if (o.why == engine::Permitted::Why::exception_applies) j_["total"] = o.total.to_decimal();
    if (o.why == engine::Permitted::Why::allowance_used) j_["allowance"] = o.left.to_decimal();
    if (o.why == engine::Permitted::Why::counts_toward) commitment(o.commitment);
  }
  void operator()(const engine::Breach& o) const {
    j_["party"] = actor(o.party);
    if (o.why == engine::Breach::Why::commitment_short) {
      commitment(o.commitment);
      j_["on"] = o.ended_on.to_string();
    }
    if (o.why == engine::Breach::Why::refusal_short) {
      j_["declined"] = o.declined.to_decimal();
      j_["allowance"] = o.left.to_decimal();
    }
  }
  void operator()(const engine::Declared& o) const {
    declaration(o.power, o.party);
    if (o.pending) j_["pending"] = true;
  }
  void operator()(const engine::Ineffective& o) const {
    if (o.rule.kind == engine::DeclKind::power) {
      declaration(o.rule, o.party);
    } else {
      j_["by"] = actor(o.party);
    }
  }
  void operator()(const engine::Verified& o) const { declaration(o.power, o.party); }
  void operator()(const engine::Rejected& o) const { declaration(o.power, o.party); }
  void operator()(const engine::Declined& o) const {
    j_["party"] = actor(o.party);
    j_["amount"] = o.amount.to_decimal();
    j_["allowance"] = o.allowance.to_decimal();
  }
  void operator()(const engine::Expired& o) const {
    j_["name"] = a_.contract.name_of(o.subject);
    j_["what"] = engine::decl_kind_name(o.subject.kind);
    j_["on"] = o.on.to_string();
  }
  void operator()(const engine::Fulfilled& o) const { commitment(o.totals); }
  void operator()(const engine::Consented& o) const { j_["party"] = actor(o.party); }
  void operator()(const engine::Ended& o) const {
    j_["name"] = a_.contract.name_of(o.subject);
    j_["what"] = engine::decl_kind_name(o.subject.kind);
  }
  void operator()(const engine::Payout& o) const {
    std::vector<engine::Money> by_party(a_.contract.parties.size());
    Json tiers = Json::array();
    const engine::Waterfall& w = a_.contract.waterfalls[o.waterfall.index];
    for (const engine::PayoutLine& line : a_.log.lines_of(o)) by_party[line.party] = *by_party[line.party].plus(line.amount);
    Json amounts = Json::object();
    for (engine::Index p = 0; p < a_.contract.parties.size(); ++p) {
      if (!by_party[p].is_zero()) amounts[a_.contract.parties[p].name] = by_party[p].to_decimal();
    }
    j_["amounts"] = amounts;
    for (engine::Index t = 0; t < w.tiers.size(); ++t) {
      Json parties = Json::object();
      engine::Money total;
      for (const engine::PayoutLine& line : a_.log.lines_of(o)) {
        if (line.tier != t) continue;
        parties[a_.contract.parties[line.party].name] = line.amount.to_decimal();
        total = *total.plus(line.amount);
      }
      if (parties.empty()) continue;
      tiers.push_back(Json{{"name", w.tiers[t].name ? Json(*w.tiers[t].name) : Json(nullptr)},
                           {"amount", total.to_decimal()},
                           {"parties", parties}});
    }
    j_["tiers"] = tiers;
    if (!o.undistributed.is_zero()) j_["undistributed"] = o.undistributed.to_decimal();
  }
  void operator()(const engine::Uncovered&) const {}

 private:
  std::string actor(engine::Actor who) const { return a_.contract.actor_name(who, &a_.outsiders); }
  void commitment(const engine::CommitmentTotals& t) const {
    j_["total"] = t.total.to_decimal();
    j_["amount"] = t.amount.to_decimal();
  }
  void declaration(engine::DeclRef power, engine::Actor by) const {
    j_["status"] = a_.contract.words[a_.contract.powers[power.index].status];
    j_["by"] = actor(by);
  }

  const Answer& a_;
  Json& j_;
};

}  // namespace

Json outcome_json(const Answer& a, const engine::EventRecord& rec, const Outcome& o) {
  const ExplainContext ctx{a.contract, a.log, &a.outsiders};
  const engine::Event& e = a.events[rec.event];
  const engine::DeclRef rule = engine::rule_of(o);
  Json j;
  j["kind"] = engine::kind_name(o);
  j["rule"] = rule.valid() ? Json(a.contract.name_of(rule)) : Json(nullptr);
  j["at"] = rule.valid() ? Json(a.contract.place_of(rule)) : Json(nullptr);
  j["because"] = explain(ctx, e, rec.on, o);
  std::visit(OutcomeFields(a, j), o);
  return j;
}

Json answer_json(const Answer& a) {
  Json j;
  j["contract"] = contract_json(a.contract);
  Json events = Json::array();
  for (const engine::EventRecord& rec : a.log.events) {
    Json outcomes = Json::array();
    for (const Outcome& o : a.log.outcomes_of(rec)) outcomes.push_back(outcome_json(a, rec, o));
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

Json answer_json(const Answer& a, const dsl::DiagnosticList& warnings) {
  Json j = answer_json(a);
  j["warnings"] = diagnostics_json(warnings);
  return j;
}

Json run_json(const engine::ScenarioRun& run, const dsl::DiagnosticList& shown) {
  const Answer answer{*run.contract.contract, run.events, run.outsiders.names(), run.log, *run.final_state};
  Json expectations = Json::array();
  for (const engine::ExpectationResult& r : run.results) {
    Json x{{"expect", r.expected}, {"at", r.where.source->location(r.where.span.begin)}, {"passed", r.passed}};
    if (!r.passed) x["actual"] = what_happened(run, r.actual);
    expectations.push_back(x);
  }
  Json out;
  out["scenario"] = run.syntax.title.value;
  const Json j = answer_json(answer);
  for (const auto& [k, v] : j.items()) out[k] = v;
  out["expectations"] = expectations;
  out["warnings"] = diagnostics_json(shown);
  return out;
}

}  // namespace clause::cli
