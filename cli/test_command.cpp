// `clause test PATH...`: runs every scenario below each path and judges its expectations.
#include <algorithm>
#include <filesystem>
#include <ostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "engine/scenario.hpp"

namespace clause::cli {

namespace fs = std::filesystem;

int test_command(Context& ctx, const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  dsl::DiagnosticList missing;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::recursive_directory_iterator();
           it.increment(ec)) {
        if (it->is_regular_file(ec) && it->path().extension() == ".scenario") files.push_back(it->path().string());
      }
    } else if (fs::exists(p, ec)) {
      files.push_back(p);
    } else {
      missing.error({nullptr, {}, p}, "no such file or directory");
    }
  }
  if (missing.has_errors()) {
    ctx.print(missing);
    return kUsage;
  }
  std::sort(files.begin(), files.end());
  files.erase(std::unique(files.begin(), files.end()), files.end());

  std::size_t passed = 0;
  std::size_t failed = 0;
  for (const std::string& file : files) {
    engine::ScenarioRun run = engine::prepare_scenario(file);
    engine::run_scenario(run);
    if (!run.ran) {
      // A scenario that cannot run fails every expectation it has (at least one).
      dsl::DiagnosticList shown;
      for (const dsl::Diagnostic& d : run.diagnostics.items()) {
        if (d.severity == dsl::Severity::error) shown.add(d);
      }
      ctx.print(shown);
      const std::size_t n = std::max<std::size_t>(1, run.syntax.expectations.size());
      failed += n;
      ctx.out << ctx.out_style.kind(engine::OutcomeKind::breach, "FAIL") << "  " << file
              << fmt::format("  (does not run: {} {} counted as failed)\n", n, n == 1 ? "expectation" : "expectations");
      continue;
    }
    dsl::DiagnosticList failures;
    for (const engine::ExpectationResult& r : run.results) {
      if (r.passed) continue;
      auto& d = failures.error(r.where, fmt::format("expected {}", r.expected));
      d.notes.push_back({{}, fmt::format("but {}", r.actual)});
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
