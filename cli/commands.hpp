// One function per command; app.cpp parses the arguments and calls them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/context.hpp"

namespace clause::cli {

int check_command(Context& ctx, const std::vector<std::string>& files);

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

int test_command(Context& ctx, const std::vector<std::string>& paths);

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

}  // namespace clause::cli
