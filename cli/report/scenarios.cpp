// Each scenario written for the contract, run as `clause run` runs it: its events with
// their outcomes, its expectations passed or failed, and what each party received.
#include <fmt/format.h>

#include "cli/answer.hpp"
#include "cli/outcome_sentences.hpp"
#include "cli/report/sections.hpp"
#include "cli/scenario_text.hpp"

namespace clause::cli::report {

namespace {

std::string events_table(const Input& in, const engine::ScenarioRun& run) {
  const Labels& l = labels(in.language);
  const engine::Contract& c = *run.contract.contract;
  const ExplainContext ctx{c, run.log, &run.outsiders.names()};
  std::string html = fmt::format(R"(<div class="scroll"><table class="events"><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>)",
                                 esc(l.date), esc(l.event), esc(l.outcomes));
  html += '\n';
  for (std::size_t i = 0; i < run.log.events.size(); ++i) {
    const engine::EventRecord& rec = run.log.events[i];
    const engine::Event& event = run.events[rec.event];
    html += fmt::format(R"(<tr data-figure="event" data-index="{}"><td class="date"><time datetime="{}">{}</time></td><td class="event"><code>{}</code></td><td><ul class="outcomes">)",
                        i, rec.on.to_string(), rec.on.to_string(), esc(event.canonical));
    const auto outcomes = run.log.outcomes_of(rec);
    if (outcomes.empty()) html += fmt::format(R"(<li class="none">{}</li>)", esc(l.nothing));
    for (const engine::Outcome& o : outcomes) {
      const engine::OutcomeKind kind = engine::kind_of(o);
      html += fmt::format(R"(<li data-kind="{}"><span class="kind k-{}">{}</span> {}<div class="because">{}</div></li>)",
                          engine::outcome_kind_name(kind), engine::outcome_kind_name(kind), esc(kind_word(kind, in.language)),
                          headline_words(in, kind, headline(ctx, event, o)), ticks_as_code(explain(ctx, event, rec.on, o)));
    }
    html += "</ul></td></tr>\n";
  }
  html += "</tbody></table></div>\n";
  return html;
}

std::string expectations_list(const Input& in, const engine::ScenarioRun& run) {
  const Labels& l = labels(in.language);
  if (run.results.empty()) return "";
  std::string html = fmt::format(R"(<h4>{}</h4><ul class="expectations">)", esc(l.expectations));
  for (std::size_t i = 0; i < run.results.size(); ++i) {
    const engine::ExpectationResult& r = run.results[i];
    html += fmt::format(R"(<li data-figure="expectation" data-index="{}" data-passed="{}" class="{}"><span class="mark">{}</span> <span class="label">{}</span> <code>{}</code>)",
                        i, r.passed ? "true" : "false", r.passed ? "pass" : "fail", r.passed ? "✓" : "✗",
                        esc(r.passed ? l.passed : l.failed), esc(r.expected));
    if (!r.passed) html += fmt::format(R"(<div class="because">{}</div>)", ticks_as_code(say(l.instead, what_happened(run, r.actual))));
    html += "</li>\n";
  }
  html += "</ul>\n";
  return html;
}

std::string received_list(const Input& in, const engine::ScenarioRun& run) {
  const engine::Contract& c = *run.contract.contract;
  std::string items;
  for (engine::Index p = 0; p < c.parties.size(); ++p) {
    const engine::Money got = run.final_state->received[p];
    if (got.is_zero()) continue;
    items += fmt::format(R"(<li>{} {}</li>)", esc(c.parties[p].name),
                         money_figure(got, fmt::format(R"(data-figure="received" data-party="{}")", esc(c.parties[p].name))));
  }
  if (items.empty()) return "";
  return fmt::format(R"(<h4>{}</h4><ul class="received">{}</ul>)", esc(labels(in.language).received), items) + "\n";
}

std::string scenario_block(const Input& in, const engine::ScenarioRun& run) {
  const Labels& l = labels(in.language);
  const bool ok = run.ran && run.failed() == 0;
  std::string html = fmt::format(R"(<article class="scenario" data-scenario="{}" data-ran="{}"><h3>{} <span class="badge {}">{}</span></h3>)",
                                 esc(run.path), run.ran ? "true" : "false", esc(run.syntax.title.value),
                                 ok ? "pass" : "fail", esc(!run.ran ? l.does_not_run : ok ? l.passed : l.failed));
  html += fmt::format(R"(<p class="where">{})", esc(say(l.scenario_file, run.path)));
  if (run.ran && !run.results.empty()) html += " · " + esc(say(l.passed_count, run.passed(), run.results.size()));
  html += "</p>\n";
  if (!run.ran) {
    const dsl::DiagnosticList problems = scenario_problems(run);
    for (const dsl::Diagnostic& d : problems.items()) {
      if (d.severity == dsl::Severity::error) html += fmt::format(R"(<p class="problem">{}</p>)", esc(d.message));
    }
    return html + "</article>\n";
  }
  html += events_table(in, run);
  html += expectations_list(in, run);
  html += received_list(in, run);
  html += "</article>\n";
  return html;
}

}  // namespace

std::string scenarios_section(const Input& in) {
  const Labels& l = labels(in.language);
  std::string html = section_open("scenarios", l.scenarios);
  if (!in.scenario_dir || in.scenarios == nullptr) return html + fmt::format("<p>{}</p>\n</section>\n", esc(l.no_scenarios));
  if (in.scenarios->empty()) html += fmt::format("<p>{}</p>\n", esc(say(l.no_scenario_here, *in.scenario_dir)));
  for (const engine::ScenarioRun& run : *in.scenarios) html += scenario_block(in, run);
  if (in.elsewhere > 0) html += fmt::format(R"(<p class="note">{}</p>)", esc(say(l.elsewhere, in.elsewhere, *in.scenario_dir))) + "\n";
  html += "</section>\n";
  return html;
}

}  // namespace clause::cli::report
