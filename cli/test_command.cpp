// `clause test PATH...`: runs every scenario below each path and judges its expectations.
#include <algorithm>
#include <ostream>

#include <fmt/format.h>

#include "cli/answer.hpp"
#include "cli/commands.hpp"
#include "cli/diagnostics_json.hpp"
#include "cli/files.hpp"
#include "cli/scenario_text.hpp"
#include "engine/scenario/scenario.hpp"

namespace clause::cli {


int test_command(Context& ctx, const std::vector<std::string>& paths, bool json) {
  dsl::DiagnosticList missing;
  const auto found = scenario_files(paths, missing);
  if (!found) {
    ctx.print(missing);
    return kUsage;
  }
  const std::vector<std::string>& files = *found;

  std::size_t passed = 0;
  std::size_t failed = 0;
  Json scenarios = Json::array();
  for (const std::string& file : files) {
    engine::ScenarioRun run = prepare_scenario_file(file);
    engine::run_scenario(run);
    if (json) {
      const std::size_t n = run.ran ? run.results.size() : std::max<std::size_t>(1, run.syntax.expectations.size());
      const std::size_t ok = run.ran ? run.passed() : 0;
      passed += ok;
      failed += n - ok;
      Json expectations = Json::array();
      for (const engine::ExpectationResult& r : run.results) {
        Json x{{"expect", r.expected}, {"at", r.where.source->location(r.where.span.begin)}, {"passed", r.passed}};
        if (!r.passed) x["actual"] = what_happened(run, r.actual);
        expectations.push_back(x);
      }
      scenarios.push_back(Json{{"file", file},
                               {"ran", run.ran},
                               {"passed", ok},
                               {"failed", n - ok},
                               {"expectations", expectations},
                               {"diagnostics", diagnostics_json(scenario_problems(run))}});
      continue;
    }
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
  if (json) {
    ctx.out << Json{{"scenarios", scenarios}, {"passed", passed}, {"failed", failed}}.dump(2) << '\n';
    return failed > 0 ? kFound : kSuccess;
  }
  ctx.out << fmt::format("{} passed, {} failed\n", passed, failed);
  return failed > 0 ? kFound : kSuccess;
}

}  // namespace clause::cli
