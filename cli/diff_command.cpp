// `clause diff OLD NEW [--scenarios DIR] [--json]`: what the renegotiation changed.
// Exit status: 0 when the contracts behave the same (whatever their wording), 1 when they
// behave differently, 2 when a contract or the scenario folder cannot be read or checked.
#include <ostream>

#include "cli/commands.hpp"
#include "cli/diff_output.hpp"
#include "cli/files.hpp"
#include "dsl/read_source.hpp"

namespace clause::cli {

namespace {

// Loads one side; prints what stops it (errors only: warnings belong to `check`).
bool load(Context& ctx, const std::string& path, engine::LoadedContract& out) {
  out = load_contract_file(path);
  dsl::DiagnosticList shown;
  for (const dsl::Diagnostic& d : out.diagnostics.items()) {
    if (d.severity == dsl::Severity::error) shown.add(d);
  }
  if (!shown.empty()) ctx.print(shown);
  return out.contract.has_value() && !out.io_error;
}

}  // namespace

int diff_command(Context& ctx, const DiffOptions& options) {
  engine::LoadedContract old_loaded;
  engine::LoadedContract new_loaded;
  const bool old_ok = load(ctx, options.old_contract, old_loaded);
  const bool new_ok = load(ctx, options.new_contract, new_loaded);
  if (!old_ok || !new_ok) return kUsage;
  std::optional<std::vector<std::string>> files;
  if (options.scenarios) {
    dsl::DiagnosticList problems;
    files = scenario_folder(*options.scenarios, problems);
    if (!files) {
      ctx.print(problems);
      return kUsage;
    }
  }

  engine::ContractDiff diff = engine::diff_contracts(*old_loaded.contract, *new_loaded.contract, ctx.today());
  if (files) diff.scenarios = engine::diff_scenarios(*files, options.old_contract, options.new_contract, diff.names, dsl::read_source_file);

  if (options.json) {
    ctx.out << diff_json(diff).dump(2) << '\n';
  } else {
    print_diff(ctx.out, diff, ctx.out_style);
  }
  return diff.behaves_the_same() ? kSuccess : kFound;
}

}  // namespace clause::cli
