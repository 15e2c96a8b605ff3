// `clause test PATH...`: runs every scenario below each path and judges its expectations.
#include <algorithm>
#include <ostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/files.hpp"
#include "cli/scenario_text.hpp"
#include "engine/scenario/scenario.hpp"

namespace clause::cli {


int test_command(Context& ctx, const std::vector<std::string>& paths) {
  dsl::DiagnosticList missing;
  const auto found = scenario_files(paths, missing);
  if (!found) {
    ctx.print(missing);
    return kUsage;
  }
  const std::vector<std::string>& files = *found;

  std::size_t passed = 0;
  std::size_t failed = 0;
  for (const std::string& file : files) {
    engine::ScenarioRun run = prepare_scenario_file(file);
    engine::run_scenario(run);
    if (!run.ran) {
      // A scenario that cannot run fails every expectation it has (at least one).
      ctx.print(scenario_problems(run));
      const std::size_t n = std::max<std::size_t>(1, run.syntax.expectations.size());
      failed += n;
      ctx.out << ctx.out_style.kind(engine::OutcomeKind::breach, "FAIL") << "  " << file
              << fmt::format("  (does not run: {} {} counted as failed)\n", n, n == 1 ? "expectation" : "expectations");
      continue;
    }
    ctx.print(scenario_problems(run));  // its warnings
    dsl::DiagnosticList failures;
    for (const engine::ExpectationResult& r : run.results) {
      if (r.passed) continue;
      auto& d = failures.report<dsl::DiagId::expectation_failed>(r.where, r.expected);
      d.notes.push_back({{}, fmt::format("but {}", what_happened(run, r.actual))});
    }
    ctx.print(failures);
    passed += run.passed();
    failed += run.failed();
    const bool ok = run.failed() == 0;
    ctx.out << (ok ? ctx.out_style.kind(engine::OutcomeKind::permitted, "ok  ")
                   : ctx.out_style.kind(engine::OutcomeKind::breach, "FAIL"))
            << "  " << file
            << fmt::format("  ({} of {} {} passed)\n", run.passed(), run.results.size(),
                           run.results.size() == 1 ? "expectation" : "expectations");
  }
  ctx.out << fmt::format("{} passed, {} failed\n", passed, failed);
  return failed > 0 ? kFound : kSuccess;
}

}  // namespace clause::cli
