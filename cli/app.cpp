// Argument parsing with CLI11; each command's work is in its own file.
#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <ostream>

// GCC 12 at -O2 reports a "potential null pointer dereference" inside libstdc++ where
// CLI11's string splitting is inlined (a false positive in a system header).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <CLI/CLI.hpp>
#pragma GCC diagnostic pop

#include "cli/commands.hpp"

namespace clause::cli {

Environment environment_from_process() {
  Environment env;
  env.stdout_is_terminal = isatty(STDOUT_FILENO) != 0;
  env.stderr_is_terminal = isatty(STDERR_FILENO) != 0;
  const char* no_color = std::getenv("NO_COLOR");
  env.no_color = no_color != nullptr && no_color[0] != '\0';
  winsize size{};
  if (env.stdout_is_terminal && ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col >= 40) {
    env.terminal_width = size.ws_col;
  }
  return env;
}

namespace {

// `--set NAME=VALUE`, repeatable, one value each time.
void add_set_option(CLI::App* cmd, std::vector<std::string>& sets) {
  cmd->add_option("--set", sets, "Override an assumption, e.g. --set microsoft_cap=100B or --set 'microsoft_cap=$100B' (repeatable)")
      ->type_name("NAME=VALUE")
      ->expected(1)
      ->take_all();
}

// Every event form `ask` takes, each with an example that runs against
// contracts/microsoft-openai/2025-10.clause as pasted (single quotes keep `$` from the shell).
constexpr const char* kEventForms = R"(Events (one per argument, applied in order):
  ACTOR declares STATUS                   'OpenAI.board declares agi'
  STATUS is declared                      'agi is declared'
  ACTOR verifies STATUS                   'Panel verifies agi'
  ACTOR rejects STATUS                    'Panel rejects agi'
  STATUS is verified                      'agi is verified'
  PARTY consents to EXCEPTION             'Government consents to national_security'
  PARTY buys GOOD from VENDOR for MONEY   'OpenAI buys azure from Microsoft for $100B'
  PARTY declines GOOD for MONEY           'Microsoft declines compute for $20B'
  PARTY uses LICENCE                      'Microsoft uses research'
  PARTY earns MONEY                       'OpenAI earns $50B'
  PARTY earns MONEY in STREAM             'OpenAI earns $10B in revenue'
  ACTOR does "TEXT"                       'Microsoft does "pursue agi"'
  nothing happens                         'nothing happens'
  what if STATUS is declared?             'what if agi is declared?'

For example:
  clause ask contracts/microsoft-openai/2025-10.clause 'OpenAI.board declares agi' 'Panel verifies agi'
  clause ask contracts/microsoft-openai/2025-10.clause --on 2033-01-01 'nothing happens'
)";

}  // namespace

int run(int argc, const char* const* argv, std::ostream& out, std::ostream& err, const Environment& env) {
  Context ctx{out, err, env, Style{env.stdout_is_terminal && !env.no_color},
              Style{env.stderr_is_terminal && !env.no_color}};

  CLI::App app{"Clause: contract clauses you can ask \"what happens if ...?\"", "clause"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "clause 0.1.0");
  std::string colour = "auto";
  app.add_option("--color", colour, "Colour: auto (on a terminal, unless NO_COLOR is set), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));

  std::vector<std::string> check_files;
  auto* check = app.add_subcommand("check", "Report every error and warning in contract and scenario files");
  check->add_option("files", check_files,
                    "Contract (.clause) or scenario (.scenario) files, or folders: every such file below them")->required();
  bool check_json = false;
  check->add_flag("--json", check_json, "Print the diagnostics as JSON on standard output");

  AskOptions ask;
  auto* ask_cmd = app.add_subcommand("ask", "What happens if these events happen, in order, from a fresh state");
  ask_cmd->add_option("contract", ask.contract, "The contract file")->required();
  ask_cmd->add_option("events", ask.events, "Events, one per argument, e.g. \"what if AGI is declared?\"")->required();
  ask_cmd->add_option("--on", ask.on, "The date of the events (default: the contract's effective date)")
      ->type_name("DATE");
  add_set_option(ask_cmd, ask.sets);
  ask_cmd->add_flag("--json", ask.json, "Print JSON");
  ask_cmd->footer(kEventForms);

  RunOptions run_options;
  auto* run_cmd = app.add_subcommand("run", "Run a scenario: its events, outcomes and payouts");
  run_cmd->add_option("scenario", run_options.scenario, "The scenario file")->required();
  run_cmd->add_option("--contract", run_options.contract, "Use this contract instead of the scenario's")
      ->type_name("FILE");
  add_set_option(run_cmd, run_options.sets);
  run_cmd->add_flag("--json", run_options.json, "Print JSON");

  std::vector<std::string> test_paths;
  auto* test = app.add_subcommand("test", "Run every scenario below the paths and check its expectations");
  test->add_option("paths", test_paths, "Scenario files or folders")->required();
  bool test_json = false;
  test->add_flag("--json", test_json, "Print each scenario's results and expectations as JSON on standard output");

  PayoutOptions payout;
  auto* payout_cmd = app.add_subcommand("payout", "Who gets what from a profit, tier by tier");
  payout_cmd->add_option("contract", payout.contract, "The contract file")->required();
  payout_cmd->add_option("--profit", payout.profit, "The profit to distribute, e.g. 50B")->type_name("MONEY");
  payout_cmd->add_option("--waterfall", payout.waterfall, "The waterfall, when the contract has several")
      ->type_name("NAME");
  add_set_option(payout_cmd, payout.sets);
  payout_cmd->add_flag("--json", payout.json, "Print JSON");
  payout_cmd->add_flag("--schedule", payout.schedule,
                       "Print every breakpoint of the payout schedule: each party's payout as a function of profit");
  payout_cmd->add_option("--until", payout.until,
                         "The least profit at which a party has received an amount, e.g. 'Nonprofit receives $1'")
      ->type_name("\"PARTY receives MONEY\"");
  payout_cmd->add_option("--chart", payout.chart, "Draw each party's payout against profit as an SVG file")
      ->type_name("FILE.svg");

  DiffOptions diff;
  auto* diff_cmd = app.add_subcommand("diff", "What changed between two versions of a contract: terms, behaviour, "
                                              "payouts");
  diff_cmd->add_option("old", diff.old_contract, "The old contract")->required();
  diff_cmd->add_option("new", diff.new_contract, "The new contract")->required();
  diff_cmd->add_option("--scenarios", diff.scenarios, "Rerun every scenario below DIR against both")
      ->type_name("DIR");
  diff_cmd->add_flag("--json", diff.json, "Print JSON");

  FmtOptions fmt_options;
  auto* fmt_cmd = app.add_subcommand("fmt", "Rewrite contract and scenario files in the canonical layout");
  fmt_cmd->add_option("files", fmt_options.files, "Files to format; - reads standard input")->required();
  fmt_cmd->add_flag("--check", fmt_options.check, "Change nothing; exit 1 and name the files that would change");

  auto* lsp_cmd = app.add_subcommand("lsp", "Run the language server on standard input and output");

  SweepOptions sweep;
  auto* sweep_cmd = app.add_subcommand("sweep", "Evaluate many independent what-ifs on every core");
  sweep_cmd->add_option("contract", sweep.contract, "The contract file")->required();
  sweep_cmd->add_option("--profits", sweep.profits, "A range of profits, e.g. 1B..100B")->type_name("FROM..TO");
  sweep_cmd->add_option("--step", sweep.step, "The step between profits, e.g. 1B")->type_name("MONEY");
  sweep_cmd->add_option("--scenarios", sweep.scenarios, "Scenario files to run against the contract")
      ->type_name("FILE");
  sweep_cmd->add_option("--format", sweep.format, "csv or jsonl")->check(CLI::IsMember({"csv", "jsonl"}));
  sweep_cmd->add_option("--threads", sweep.threads, "Worker threads (default: every core)");
  sweep_cmd->add_option("--waterfall", sweep.waterfall, "The waterfall, when the contract has several")
      ->type_name("NAME");
  add_set_option(sweep_cmd, sweep.sets);

  TimelineOptions timeline;
  auto* timeline_cmd = app.add_subcommand("timeline", "Every dated boundary in date order: the effective date, each "
                                                      "term's start and end, each commitment's deadline, each "
                                                      "exception's window");
  timeline_cmd->add_option("contract", timeline.contract, "The contract file")->required();
  timeline_cmd->add_flag("--json", timeline.json, "Print JSON");

  ExplainOptions explain_options;
  auto* explain_cmd = app.add_subcommand("explain", "Every declaration in plain words, grouped by theme, each with "
                                                    "its line: who may buy what from whom, who decides, what ends "
                                                    "what, when, who is paid what, and what is assumed");
  explain_cmd->add_option("contract", explain_options.contract, "The contract file")->required();
  explain_cmd->add_option("--lang", explain_options.language, "The language: en (English, the default) or zh (Chinese)")
      ->type_name("en|zh");
  explain_cmd->add_flag("--json", explain_options.json, "Print JSON");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    out << app.help();
    return kSuccess;
  } catch (const CLI::CallForAllHelp&) {
    out << app.help("", CLI::AppFormatMode::All);
    return kSuccess;
  } catch (const CLI::CallForVersion&) {
    out << "clause 0.1.0\n";
    return kSuccess;
  } catch (const CLI::ParseError& e) {
    dsl::DiagnosticList usage;
    usage.report<dsl::DiagId::usage_error>({nullptr, {}, {}}, e.what());
    err << dsl::render_diagnostics(usage, {});
    const auto subs = app.get_subcommands();
    err << (subs.empty() ? app.help() : subs.front()->help());
    return kUsage;
  }
  if (colour != "auto") {
    ctx.out_style.colour = ctx.err_style.colour = colour == "always";
  }

  if (check->parsed()) return check_command(ctx, check_files, check_json);
  if (ask_cmd->parsed()) return ask_command(ctx, ask);
  if (run_cmd->parsed()) return run_command(ctx, run_options);
  if (test->parsed()) return test_command(ctx, test_paths, test_json);
  if (payout_cmd->parsed()) return payout_command(ctx, payout);
  if (diff_cmd->parsed()) return diff_command(ctx, diff);
  if (fmt_cmd->parsed()) return fmt_command(ctx, fmt_options);
  if (lsp_cmd->parsed()) return lsp_command(ctx, std::cin);
  if (sweep_cmd->parsed()) return sweep_command(ctx, sweep);
  if (timeline_cmd->parsed()) return timeline_command(ctx, timeline);
  if (explain_cmd->parsed()) return explain_command(ctx, explain_options);
  return kUsage;
}

}  // namespace clause::cli
