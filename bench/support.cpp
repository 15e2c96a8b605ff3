#include "bench/support.hpp"
#include "cli/files.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>

#include "bench/generate.hpp"

extern char** environ;

namespace clause::bench {

std::string repo_path(const std::string& relative) { return std::string(CLAUSE_SOURCE_DIR) + "/" + relative; }

std::string clause_binary() { return CLAUSE_BINARY; }

namespace {

[[noreturn]] void fail(const std::string& what, const dsl::DiagnosticList& diagnostics) {
  std::cerr << "bench: " << what << "\n" << dsl::render_diagnostics(diagnostics, {}) << std::flush;
  std::exit(2);
}

}  // namespace

const engine::Contract& flagship() {
  static const engine::LoadedContract loaded = clause::cli::load_contract_file(repo_path("contracts/microsoft-openai/2024-06.clause"));
  if (!loaded.contract) fail("the flagship does not check", loaded.diagnostics);
  return *loaded.contract;
}

const std::string& contract_text(std::size_t declarations) {
  static std::map<std::size_t, std::string> cache;
  auto [it, fresh] = cache.try_emplace(declarations);
  if (fresh) it->second = generate_contract(declarations, kSeed);
  return it->second;
}

const engine::Contract& generated_contract(std::size_t declarations) {
  static std::map<std::size_t, std::unique_ptr<engine::LoadedContract>> cache;
  auto& slot = cache[declarations];
  if (!slot) {
    slot = std::make_unique<engine::LoadedContract>(
        engine::load_contract_from_bytes("generated.clause", contract_text(declarations)));
    if (!slot->contract || !slot->diagnostics.empty()) fail("a generated contract is not clean", slot->diagnostics);
  }
  return *slot->contract;
}

const std::string& contract_file(std::size_t declarations, unsigned changed_per_mille) {
  static std::map<std::pair<std::size_t, unsigned>, std::string> cache;
  auto [it, fresh] = cache.try_emplace({declarations, changed_per_mille});
  if (fresh) {
    const auto dir = std::filesystem::temp_directory_path() / "clause-bench";
    std::filesystem::create_directories(dir);
    it->second = (dir / ("generated-" + std::to_string(declarations) + "-" + std::to_string(changed_per_mille) +
                         ".clause"))
                     .string();
    std::ofstream(it->second, std::ios::binary) << (changed_per_mille == 0
                                                         ? contract_text(declarations)
                                                         : generate_contract(declarations, kSeed, changed_per_mille));
  }
  return it->second;
}

ProcessResult run_process(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  ProcessResult result;
  const auto start = std::chrono::steady_clock::now();
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return result;
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.peak_rss_bytes = usage.ru_maxrss * 1024L;
  return result;
}

}  // namespace clause::bench
