// `clause diff --json`: the section 7 keys — terms, behaviour (every witness), payouts —
// plus the contracts, whether they behave the same, and the saved scenarios.
#include "cli/diff_terms_text.hpp"
#include "cli/diff_output.hpp"
#include "cli/scenario_text.hpp"
#include "engine/evaluate/evaluate.hpp"

#include <algorithm>

namespace clause::cli {

using engine::ContractDiff;
using engine::Rational;

namespace {

Json terms_json(const ContractDiff& d) {
  Json out = Json::array();
  for (const engine::TermChange& t : d.terms) {
    Json parts = Json::array();
    for (const engine::TermDetail& detail : t.details) {
      parts.push_back(Json{{"what", detail.what},
                           {"old", detail.old_value.empty() ? Json(nullptr) : Json(detail.old_value)},
                           {"new", detail.new_value.empty() ? Json(nullptr) : Json(detail.new_value)}});
    }
    out.push_back(Json{{"change", engine::term_change_name(t.change)},
                       {"kind", t.kind},
                       {"name", t.name.empty() ? Json(nullptr) : Json(t.name)},
                       {"details", term_details(t)},
                       {"parts", parts}});
  }
  return out;
}

// One contract's outcomes of a witness, as section 6 OUTCOME objects; each says which of
// the witness's events it belongs to ("event", from 0). An event the contract cannot take
// (it names what the contract lacks) is one `uncovered` outcome saying so.
Json answer_outcomes(const engine::Contract& c, const std::vector<std::string>& outsiders,
                     const engine::ProbeAnswer& a) {
  static const engine::State kNoState;
  const Answer answer{c, a.events, outsiders, a.log, kNoState};
  Json out = Json::array();
  for (engine::Index i = 0; i < a.events.size(); ++i) {
    if (!a.missing[i].empty()) {
      out.push_back(Json{{"kind", "uncovered"}, {"rule", nullptr}, {"at", nullptr}, {"because", a.missing[i]},
                         {"event", i}});
      continue;
    }
    for (const engine::EventRecord& r : a.log.events) {
      if (r.event != i) continue;
      for (const engine::Outcome& outcome : a.log.outcomes_of(r)) {
        Json o = outcome_json(answer, r, outcome);
        o["event"] = i;
        out.push_back(std::move(o));
      }
    }
  }
  return out;
}

Json behaviour_json(const ContractDiff& d) {
  Json out = Json::array();
  std::size_t group = 0;
  for (const engine::WitnessGroup& g : d.behaviour.groups) {
    ++group;
    for (const engine::Witness& w : g.witnesses) {
      Json j{{"group", group}, {"on", w.on.to_string()}, {"events", w.events}};
      // Each event's date, when a later event of the probe carries its own.
      std::vector<std::string> dates;
      for (const dsl::Date date : w.dates) dates.push_back(date.to_string());
      if (std::any_of(w.dates.begin(), w.dates.end(), [&](dsl::Date date) { return date != w.on; })) j["dates"] = dates;
      // With renames, the events as the new contract names them.
      std::vector<std::string> new_events;
      for (const engine::Event& e : w.new_answer.events) new_events.push_back(e.canonical);
      if (new_events != w.events) j["new_events"] = new_events;
      Json differs = Json::array();
      for (engine::Index i = 0; i < w.differs.size(); ++i) {
        if (w.differs[i]) differs.push_back(i);
      }
      j["differs"] = differs;
      j["old"] = answer_outcomes(*d.old_contract, d.behaviour.old_outsiders, w.old_answer);
      j["new"] = answer_outcomes(*d.new_contract, d.behaviour.new_outsiders, w.new_answer);
      out.push_back(std::move(j));
    }
  }
  return out;
}

Json amount(const Rational& cents) { return engine::money_decimal(cents); }
Json amount(const std::optional<Rational>& cents) { return cents ? amount(*cents) : Json(nullptr); }

Json payouts_json(const ContractDiff& d) {
  Json out = Json::array();
  for (const engine::WaterfallPayoutDiff& w : d.payouts) {
    Json parties = Json::array();
    for (const engine::PartyPayoutDiff& p : w.parties) {
      Json ranges = Json::array();
      for (const engine::PayoutRange& r : p.ranges) {
        Json j{{"from", amount(r.from)},
               {"to", amount(r.to)},
               {"old_at_from", amount(r.old_at_from)},
               {"new_at_from", amount(r.new_at_from)},
               {"old_at_to", amount(r.old_at_to)},
               {"new_at_to", amount(r.new_at_to)},
               {"largest", amount(r.largest)},
               {"largest_at", amount(r.largest_at)},
               {"largest_from_on", r.largest_from_on},
               {"direction", r.direction < 0 ? "loses" : r.direction > 0 ? "gains" : "gains and loses"}};
        // Without end: how much more (or less) of each further cent the party gets.
        if (!r.largest) j["slope"] = r.slope.to_string();
        ranges.push_back(std::move(j));
      }
      // The payouts at the memo's round profits ("at typical profits").
      Json samples = Json::array();
      for (const engine::PayoutSample& sample : p.samples) {
        samples.push_back(Json{{"profit", amount(sample.profit)}, {"old", amount(sample.old_paid)}, {"new", amount(sample.new_paid)}});
      }
      parties.push_back(Json{{"party", p.party}, {"ranges", ranges}, {"samples", samples}});
    }
    Json j{{"waterfall", w.name}, {"change", engine::term_change_name(w.change)}, {"of", w.of}, {"parties", parties}};
    if (!w.error.empty()) j["error"] = w.error;
    out.push_back(std::move(j));
  }
  return out;
}

Json scenarios_json(const std::vector<engine::ScenarioImpact>& all) {
  Json out = Json::array();
  for (const engine::ScenarioImpact& s : all) {
    Json events = Json::array();
    for (const engine::ScenarioEventChange& e : s.events) {
      events.push_back(Json{{"on", e.on.to_string()},
                            {"event", e.event},
                            {"old", scenario_outcomes(*s.old_run, e.old_record)},
                            {"new", scenario_outcomes(*s.new_run, e.new_record)}});
    }
    Json payouts = Json::array();
    for (const engine::ScenarioPayoutChange& p : s.payouts) {
      payouts.push_back(Json{{"party", p.party},
                             {"old", p.old_amount.to_decimal()},
                             {"new", p.new_amount.to_decimal()},
                             {"moved", engine::Money::from_cents(p.new_amount.cents() - p.old_amount.cents()).to_decimal()}});
    }
    Json j{{"scenario", s.path}, {"impact", engine::scenario_impact_name(s.kind)}, {"events", events},
           {"payouts", payouts}};
    if (!s.renamed.empty()) {
      Json renamed = Json::array();
      for (const auto& [from, to] : s.renamed) renamed.push_back(Json{{"old", from}, {"new", to}});
      j["renamed"] = renamed;
    }
    if (s.kind == engine::ScenarioImpactKind::cannot_run) {
      j["old_problem"] = s.old_problem.empty() ? Json(nullptr) : Json(s.old_problem);
      j["new_problem"] = s.new_problem.empty() ? Json(nullptr) : Json(s.new_problem);
    } else {
      j["expectations"] = Json{{"old", {{"passed", s.old_passed}, {"failed", s.old_failed}}},
                               {"new", {{"passed", s.new_passed}, {"failed", s.new_failed}}}};
    }
    out.push_back(std::move(j));
  }
  return out;
}

}  // namespace

Json diff_json(const ContractDiff& d) {
  Json j;
  j["old"] = contract_json(*d.old_contract);
  j["new"] = contract_json(*d.new_contract);
  j["same"] = d.behaves_the_same();
  j["terms"] = terms_json(d);
  j["behaviour"] = behaviour_json(d);
  j["payouts"] = payouts_json(d);
  j["probes"] = Json{{"on", d.behaviour.on.to_string()}, {"count", d.behaviour.probes},
                     {"dated", d.behaviour.dated_probes},
                     {"groups", d.behaviour.groups.size()}, {"witnesses", d.behaviour.witness_count()}};
  if (d.scenarios) j["scenarios"] = scenarios_json(*d.scenarios);
  return j;
}

}  // namespace clause::cli
