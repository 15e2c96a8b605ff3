#include "cli/scenario_text.hpp"

#include <fmt/format.h>

#include "cli/outcome_sentences.hpp"

namespace clause::cli {
namespace {

namespace happened = engine::happened;

class Sentence {
 public:
  explicit Sentence(const engine::ScenarioRun& run) : run_(run), ctx_{*run.contract.contract, run.log, &run.outsiders.names()} {}

  std::string operator()(std::monostate) const { return ""; }
  std::string operator()(const happened::Breaches& b) const {
    return b.breaches.empty() ? "no breach happened" : "the breaches were: " + listing(b.breaches, true);
  }
  std::string operator()(const happened::UnexpectedBreaches& b) const { return listing(b.breaches, true); }
  std::string operator()(const happened::OutcomesOn& o) const {
    if (!o.any_event) return fmt::format("no event happens on {}", o.on.to_string());
    return fmt::format("on {}: {}", o.on.to_string(), o.outcomes.empty() ? std::string("no outcome") : listing(o.outcomes, false));
  }
  std::string operator()(const happened::EndedOn& e) const {
    return e.on ? fmt::format("`{}` ended on {}", e.name, e.on->to_string()) : fmt::format("`{}` did not end", e.name);
  }
  std::string operator()(const happened::NotLive& e) const {
    if (e.ending.ended && e.ending.expired) return fmt::format("`{}` expired on {}", e.name, e.ending.on.to_string());
    if (e.ending.ended) {
      return fmt::format("`{}` ended on {} under `{}`", e.name, e.ending.on.to_string(),
                         ctx_.contract.name_of(e.ending.by));
    }
    std::string window;
    if (e.window.from) window += "from " + e.window.from->to_string();
    if (e.window.until) window += (window.empty() ? "until " : " until ") + e.window.until->to_string();
    return fmt::format("`{}` applies only {}, and the last event is on {}", e.name, window, e.on.to_string());
  }
  std::string operator()(const happened::ExpiredOn& e) const {
    return e.on ? fmt::format("`{}` expired on {}", e.name, e.on->to_string()) : fmt::format("`{}` did not expire", e.name);
  }
  std::string operator()(const happened::Unfulfilled& u) const {
    return fmt::format("`{}` was not fulfilled: {} bought of {}", u.name, u.bought.to_short(), u.amount.to_short());
  }
  std::string operator()(const happened::Received& r) const {
    const auto diff = r.got.minus(r.expected);
    return fmt::format("{} received {} ({} {} than expected)", r.party, r.got.to_display(),
                       diff ? (diff->is_negative() ? (-*diff).to_display() : diff->to_display()) : "?",
                       diff && diff->is_negative() ? "less" : "more");
  }

 private:
  // "breach of `x` by A on 2024-07-01, ... and 3 more"
  std::string listing(const engine::ListedOutcomes& listed, bool with_date) const {
    std::vector<std::string> items;
    for (const engine::OutcomeRef ref : listed.shown) {
      const engine::EventRecord& rec = run_.log.events[ref.record];
      std::string item = kind_and_headline(ctx_, run_.events[rec.event], run_.log.outcomes[ref.outcome]);
      if (with_date) item += " on " + engine::date_of(run_.log.outcomes[ref.outcome], rec.on).to_string();
      items.push_back(std::move(item));
    }
    if (listed.total > items.size()) items.push_back(fmt::format("{} more", listed.total - items.size()));
    return join_and(items);
  }

  const engine::ScenarioRun& run_;
  const ExplainContext ctx_;
};

}  // namespace

std::string what_happened(const engine::ScenarioRun& run, const engine::WhatHappened& actual) {
  return std::visit(Sentence(run), actual);
}

std::vector<std::string> event_outcomes(const engine::ScenarioRun& run, engine::Index record) {
  const ExplainContext ctx{*run.contract.contract, run.log, &run.outsiders.names()};
  const engine::EventRecord& rec = run.log.events[record];
  std::vector<std::string> out;
  for (const engine::Outcome& o : run.log.outcomes_of(rec)) out.push_back(kind_and_headline(ctx, run.events[rec.event], o));
  return out;
}

dsl::DiagnosticList scenario_problems(const engine::ScenarioRun& run) {
  dsl::DiagnosticList shown;
  for (const dsl::Diagnostic& d : run.diagnostics.items()) {
    if (d.severity == dsl::Severity::error || d.where.source == run.source) shown.add(d);
  }
  return shown;
}

}  // namespace clause::cli
