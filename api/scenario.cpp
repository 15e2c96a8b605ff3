// run_file: what `clause run SCENARIO` runs, with the JSON `clause run --json` writes and
// the values read from it.
#include "api/internal.hpp"
#include "cli/answer.hpp"
#include "cli/files.hpp"
#include "cli/options.hpp"
#include "cli/scenario_text.hpp"

namespace clause {

Result<ScenarioResult> run_file(const std::string& path, const RunOptions& options) {
  return api::guarded<ScenarioResult>([&]() -> Result<ScenarioResult> {
    dsl::DiagnosticList problems;
    engine::ScenarioOptions scenario_options;
    scenario_options.contract_path = options.contract;
    scenario_options.overrides = cli::parse_overrides(api::set_words(options.set), problems);
    if (problems.has_errors() || cli::wrong_file_kind(path, "run", true, problems)) {
      return {std::nullopt, api::diagnostics(problems)};
    }
    engine::ScenarioRun run = cli::prepare_scenario_file(path, scenario_options);
    if (run.io_error || run.contract.io_error) return {std::nullopt, api::diagnostics(run.diagnostics)};
    engine::run_scenario(run);
    const dsl::DiagnosticList shown = cli::scenario_problems(run);
    if (!run.ran) return {std::nullopt, api::diagnostics(shown)};

    const api::Json j = cli::run_json(run, shown);
    ScenarioResult out;
    out.scenario = run.syntax.title.value;
    std::vector<Diagnostic> warnings = api::warnings(shown);
    out.answer = api::answer(j, warnings);
    for (const engine::ExpectationResult& r : run.results) {
      out.expectations.push_back(Expectation{r.expected, api::place(r.where.source->location(r.where.span.begin)),
                                             r.passed, r.passed ? std::string() : cli::what_happened(run, r.actual)});
    }
    out.json = j.dump(2);
    return {std::move(out), std::move(warnings)};
  });
}

}  // namespace clause
