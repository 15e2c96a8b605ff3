// `clause report CONTRACT [--against OLD] [--scenarios DIR] [--lang en|zh] -o FILE.html`:
// reads and checks everything, runs the scenarios written for the contract, builds the
// page (cli/report/) and writes it. Nothing is written unless all of it could be read.
#include <filesystem>
#include <fstream>
#include <ostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/files.hpp"
#include "cli/report/report.hpp"

namespace clause::cli {

namespace {

// Whether a scenario names this contract in its `contract` line (the same file, however
// the path is spelled).
bool written_for(const engine::ScenarioRun& run, const std::string& contract) {
  std::error_code ec;
  return !run.contract_path.empty() && std::filesystem::equivalent(run.contract_path, contract, ec) && !ec;
}

}  // namespace

int report_command(Context& ctx, const ReportOptions& options) {
  const auto language = parse_language(options.language);
  dsl::DiagnosticList problems;
  int exit = kSuccess;
  const auto loaded = load_for_command(ctx, options.contract, {}, problems, exit);
  if (!loaded) return exit;
  std::optional<engine::LoadedContract> old_loaded;
  if (options.against) {
    old_loaded = load_for_command(ctx, *options.against, {}, problems, exit);
    if (!old_loaded) return exit;
  }

  std::vector<engine::ScenarioRun> runs;
  std::size_t elsewhere = 0;
  if (options.scenarios) {
    dsl::DiagnosticList missing;
    const auto files = scenario_files({*options.scenarios}, missing);
    if (!files) {
      ctx.print(missing);
      return kUsage;
    }
    for (const std::string& file : *files) {
      engine::ScenarioRun run = prepare_scenario_file(file);
      if (!written_for(run, options.contract)) {
        ++elsewhere;
        continue;
      }
      engine::run_scenario(run);
      runs.push_back(std::move(run));
    }
  }

  std::optional<engine::ContractDiff> diff;
  if (old_loaded) diff = engine::diff_contracts(*old_loaded->contract, *loaded->contract, ctx.today());

  const report::Input input{*loaded->contract, language.value_or(Language::en), diff ? &*diff : nullptr,
                            options.scenarios, options.scenarios ? &runs : nullptr, elsewhere};
  const std::string html = report::page_html(input);

  std::ofstream file(options.output, std::ios::binary | std::ios::trunc);
  file << html;
  file.close();
  if (!file) {
    dsl::DiagnosticList d;
    d.report<dsl::DiagId::file_not_written>({nullptr, {}, options.output});
    ctx.print(d);
    return kUsage;
  }
  ctx.out << fmt::format("report of {} written to {}\n", options.contract, options.output);
  return kSuccess;
}

}  // namespace clause::cli
