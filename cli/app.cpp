// Argument parsing with CLI11; each command's work is in its own file.
#include <unistd.h>

#include <cstdlib>
#include <ostream>

#include <CLI/CLI.hpp>

#include "cli/commands.hpp"

namespace clause::cli {

Environment environment_from_process() {
  Environment env;
  env.stdout_is_terminal = isatty(STDOUT_FILENO) != 0;
  env.stderr_is_terminal = isatty(STDERR_FILENO) != 0;
  const char* no_color = std::getenv("NO_COLOR");
  env.no_color = no_color != nullptr && no_color[0] != '\0';
  return env;
}

namespace {

// `--set NAME=VALUE`, repeatable, one value each time.
void add_set_option(CLI::App* cmd, std::vector<std::string>& sets) {
  cmd->add_option("--set", sets, "Override an assumption, e.g. --set microsoft_cap=$100B (repeatable)")
      ->type_name("NAME=VALUE")
      ->expected(1)
      ->take_all();
}

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
  check->add_option("files", check_files, "Contract (.clause) or scenario (.scenario) files")->required();

  AskOptions ask;
  auto* ask_cmd = app.add_subcommand("ask", "What happens if these events happen, in order, from a fresh state");
  ask_cmd->add_option("contract", ask.contract, "The contract file")->required();
  ask_cmd->add_option("events", ask.events, "Events, one per argument, e.g. \"what if AGI is declared?\"")->required();
  ask_cmd->add_option("--on", ask.on, "The date of the events (default: the contract's effective date)")
      ->type_name("DATE");
  add_set_option(ask_cmd, ask.sets);
  ask_cmd->add_flag("--json", ask.json, "Print JSON");

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

  PayoutOptions payout;
  auto* payout_cmd = app.add_subcommand("payout", "Who gets what from a profit, tier by tier");
  payout_cmd->add_option("contract", payout.contract, "The contract file")->required();
  payout_cmd->add_option("--profit", payout.profit, "The profit to distribute, e.g. 50B")->type_name("MONEY");
  payout_cmd->add_option("--waterfall", payout.waterfall, "The waterfall, when the contract has several")
      ->type_name("NAME");
  add_set_option(payout_cmd, payout.sets);
  payout_cmd->add_flag("--json", payout.json, "Print JSON");

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
    err << "clause: error: " << e.what() << "\n";
    const auto subs = app.get_subcommands();
    err << (subs.empty() ? app.help() : subs.front()->help());
    return kUsage;
  }
  if (colour != "auto") {
    ctx.out_style.colour = ctx.err_style.colour = colour == "always";
  }

  if (check->parsed()) return check_command(ctx, check_files);
  if (ask_cmd->parsed()) return ask_command(ctx, ask);
  if (run_cmd->parsed()) return run_command(ctx, run_options);
  if (test->parsed()) return test_command(ctx, test_paths);
  if (payout_cmd->parsed()) return payout_command(ctx, payout);
  return kUsage;
}

}  // namespace clause::cli
