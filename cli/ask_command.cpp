// `clause ask CONTRACT "EVENT"...`: what happens if these events happen, in order.
#include <ostream>

#include "cli/answer.hpp"
#include "cli/commands.hpp"
#include "cli/files.hpp"
#include "engine/evaluate/ask.hpp"

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

  const engine::Asked asked = engine::ask(contract, options.events, date);
  if (asked.problems.has_errors()) {
    ctx.print(asked.problems);
    return kFound;
  }
  if (!asked.answered()) {
    ctx.print(asked.stopped);
    return kFound;
  }
  const Answer answer{contract, asked.events, asked.outsiders.names(), asked.log, *asked.state};
  if (options.json) {
    ctx.out << answer_json(answer, asked.problems).dump(2) << '\n';
  } else {
    ctx.print(asked.problems);  // warnings about words the contract never mentions
    print_answer(ctx.out, answer, ctx.out_style, false, ctx.env.terminal_width);
  }
  return kSuccess;
}

}  // namespace clause::cli
