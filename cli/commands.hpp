// One function per command; app.cpp parses the arguments and calls them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/context.hpp"

namespace clause::cli {

// With `json`, the diagnostics of every file as one JSON object on standard output
// (cli/diagnostics_json.hpp) instead of text on standard error.
int check_command(Context& ctx, const std::vector<std::string>& files, bool json = false);

struct AskOptions {
  std::string contract;
  std::vector<std::string> events;
  std::optional<std::string> on;
  std::vector<std::string> sets;
  bool json = false;
};
int ask_command(Context& ctx, const AskOptions& options);

struct RunOptions {
  std::string scenario;
  std::optional<std::string> contract;
  std::vector<std::string> sets;
  bool json = false;
};
int run_command(Context& ctx, const RunOptions& options);

int test_command(Context& ctx, const std::vector<std::string>& paths, bool json = false);

struct PayoutOptions {
  std::string contract;
  std::optional<std::string> profit;
  std::vector<std::string> sets;
  std::optional<std::string> waterfall;
  bool json = false;
  bool schedule = false;
  std::optional<std::string> until;
  std::optional<std::string> chart;
};
int payout_command(Context& ctx, const PayoutOptions& options);

struct DiffOptions {
  std::string old_contract;
  std::string new_contract;
  std::optional<std::string> scenarios;  // --scenarios DIR
  bool json = false;
};
int diff_command(Context& ctx, const DiffOptions& options);

struct FmtOptions {
  std::vector<std::string> files;  // "-" is standard input to standard output
  bool check = false;
};
int fmt_command(Context& ctx, const FmtOptions& options);

// The language server speaks JSON-RPC on standard input and output.
int lsp_command(Context& ctx, std::istream& in);

struct SweepOptions {
  std::string contract;
  std::optional<std::string> profits;   // FROM..TO
  std::optional<std::string> step;      // MONEY
  std::vector<std::string> scenarios;   // or a sweep over scenarios
  std::vector<std::string> sets;
  std::string format = "csv";           // csv or jsonl
  unsigned threads = 0;                 // 0: every core
  std::optional<std::string> waterfall;
};
int sweep_command(Context& ctx, const SweepOptions& options);

// Every dated boundary of a contract in date order (LANGUAGE.md 10.7).
struct TimelineOptions {
  std::string contract;
  bool json = false;
};
int timeline_command(Context& ctx, const TimelineOptions& options);

// Every declaration as a sentence or two in plain English or Chinese, by theme (cli/explain.hpp).
struct ExplainOptions {
  std::string contract;
  std::string language = "en";  // checked by the command: a usage error names en and zh
  bool json = false;
};
int explain_command(Context& ctx, const ExplainOptions& options);

}  // namespace clause::cli
