// `clause run SCENARIO`: the scenario's events and outcomes in order, then the payouts.
#include <ostream>

#include <fmt/format.h>

#include "cli/answer.hpp"
#include "cli/commands.hpp"
#include "cli/files.hpp"
#include "cli/scenario_text.hpp"
#include "engine/scenario/scenario.hpp"

namespace clause::cli {

int run_command(Context& ctx, const RunOptions& options) {
  dsl::DiagnosticList problems;
  engine::ScenarioOptions scenario_options;
  scenario_options.contract_path = options.contract;
  scenario_options.overrides = parse_overrides(options.sets, problems);
  if (problems.has_errors()) {
    ctx.print(problems);
    return kFound;
  }
  if (wrong_file_kind(options.scenario, "run", true, problems)) {
    ctx.print(problems);
    return kUsage;
  }
  engine::ScenarioRun run = prepare_scenario_file(options.scenario, scenario_options);
  if (run.io_error || run.contract.io_error) {
    ctx.print(run.diagnostics);
    return kUsage;
  }
  engine::run_scenario(run);
  // Contract warnings belong to `check`; show what stops the run, and the scenario's own
  // warnings (a word its events use that the contract never mentions).
  const dsl::DiagnosticList shown = scenario_problems(run);
  if (!run.ran) {
    ctx.print(shown);
    return kFound;
  }
  const engine::Contract& contract = *run.contract.contract;
  const Answer answer{contract, run.events, run.outsiders.names(), run.log, *run.final_state};
  if (options.json) {
    const Json out = run_json(run, shown);
    ctx.out << out.dump(2) << '\n';
    return kSuccess;
  }
  ctx.print(shown);
  ctx.out << ctx.out_style.bold(fmt::format("scenario \"{}\"", run.syntax.title.value)) << '\n'
          << ctx.out_style.dim(fmt::format("contract \"{}\"{}, {}", contract.title,
                                           contract.version ? fmt::format(" version {}", *contract.version)
                                                            : std::string(),
                                           contract.source->name()))
          << "\n\n";
  print_answer(ctx.out, answer, ctx.out_style, true, ctx.env.terminal_width);
  if (!run.results.empty()) {
    ctx.out << '\n' << ctx.out_style.bold("expectations") << '\n';
    for (const engine::ExpectationResult& r : run.results) {
      ctx.out << "  "
              << (r.passed ? ctx.out_style.kind(engine::OutcomeKind::permitted, "✓")
                           : ctx.out_style.kind(engine::OutcomeKind::breach, "✗"))
              << " " << r.expected;
      if (!r.passed) ctx.out << ctx.out_style.dim(" — " + what_happened(run, r.actual));
      ctx.out << '\n';
    }
  }
  return kSuccess;
}

}  // namespace clause::cli
