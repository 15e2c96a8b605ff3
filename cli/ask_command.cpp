// `clause ask CONTRACT "EVENT"...`: what happens if these events happen, in order.
#include <ostream>

#include <fmt/format.h>

#include "cli/answer.hpp"
#include "cli/commands.hpp"
#include "dsl/read_source.hpp"
#include "cli/diagnostics_json.hpp"
#include "cli/files.hpp"

namespace clause::cli {

int ask_command(Context& ctx, const AskOptions& options) {
  dsl::DiagnosticList problems;
  const auto overrides = parse_overrides(options.sets, problems);
  std::optional<dsl::Date> on;
  if (options.on) on = parse_date_option("--on", *options.on, problems);
  if (wrong_file_kind(options.contract, "ask", false, problems)) {
    ctx.print(problems);
    return kUsage;
  }
  engine::LoadedContract loaded = load_contract_file(options.contract, overrides);
  if (loaded.io_error) {
    ctx.print(loaded.diagnostics);
    return kUsage;
  }
  // Warnings about the contract belong to `check`; a question shows only what stops it.
  dsl::DiagnosticList shown = problems;
  for (const dsl::Diagnostic& d : loaded.diagnostics.items()) {
    if (d.severity == dsl::Severity::error) shown.add(d);
  }
  if (shown.has_errors() || !loaded.contract) {
    ctx.print(shown);
    return kFound;
  }
  const engine::Contract& contract = *loaded.contract;
  const dsl::Date date = on ? *on : contract.effective ? *contract.effective : ctx.today();

  engine::Outsiders outsiders;
  std::vector<engine::Event> events;
  dsl::DiagnosticList event_problems;
  for (std::size_t i = 0; i < options.events.size(); ++i) {
    auto src = dsl::source_from_bytes(fmt::format("<event {}>", i + 1), options.events[i]);
    if (!src.source) {
      event_problems.append(src.diagnostics);
      continue;
    }
    dsl::EventParse parsed = dsl::parse_event(src.source);
    event_problems.append(parsed.diagnostics);
    if (!parsed.event || parsed.diagnostics.has_errors()) continue;
    if (auto e = engine::resolve_event(contract, *parsed.event, src.source, outsiders, event_problems)) {
      events.push_back(std::move(*e));
    }
  }
  if (event_problems.has_errors()) {
    ctx.print(event_problems);
    return kFound;
  }

  engine::Evaluator evaluator(contract);
  engine::OutcomeLog log;
  for (std::size_t i = 0; i < events.size(); ++i) {
    if (auto error = evaluator.apply(events[i], date, log, static_cast<engine::Index>(i))) {
      dsl::DiagnosticList d;
      d.report<dsl::DiagId::evaluation_stopped>(events[i].where, *error);
      ctx.print(d);
      return kFound;
    }
  }
  const engine::State state = evaluator.state();
  const Answer answer{contract, events, outsiders.names(), log, state};
  if (options.json) {
    Json j = answer_json(answer);
    j["warnings"] = diagnostics_json(event_problems);
    ctx.out << j.dump(2) << '\n';
  } else {
    ctx.print(event_problems);  // warnings about words the contract never mentions
    print_answer(ctx.out, answer, ctx.out_style, false, ctx.env.terminal_width);
  }
  return kSuccess;
}

}  // namespace clause::cli
