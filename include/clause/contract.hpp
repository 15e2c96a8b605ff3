// A checked contract and the questions asked of it. Load once, then ask from any number
// of threads: a Contract is immutable after loading, copies share it, and every question
// works on a state of its own.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "clause/answer.hpp"
#include "clause/diagnostic.hpp"
#include "clause/export.hpp"
#include "clause/payout.hpp"

namespace clause {

// How to ask: on which date (the contract's `effective` date when none, else today) and
// with which assumptions overridden for this question only.
//
//   contract->ask({"agi is declared"}, {.on = "2026-01-01", .set = {{"microsoft_cap", "100B"}}});
struct AskOptions {
  std::optional<std::string> on = {};  // "2026-01-01"
  Assumptions set = {};
};

// Which waterfall a payout question is about (the contract's only one when none), and
// assumptions overridden for this question only.
//
//   contract->payout("50B", {.waterfall = "profits"});
struct PayoutOptions {
  std::optional<std::string> waterfall = {};
  Assumptions set = {};
};

// A checked contract. Made by load_file or load_text; cheap to copy.
//
//   const clause::Contract c = *clause::load_file("contracts/microsoft-openai/2024-06.clause");
//   std::thread([c]() { c.ask({"agi is declared"}); }).join();
class CLAUSE_API Contract {
 public:
  // The contract's title, its file (or the name its text was given) and the warnings
  // `clause check` would print about it.
  std::string title() const;
  const std::string& file() const;
  const std::vector<Diagnostic>& warnings() const;
  // The contract's header and assumptions as `--json` writes them under "contract".
  std::string json() const;

  // What happens if these events happen, in order, on one date. Events are written as in
  // a scenario ("OpenAI buys compute from Oracle for $6B"); problems with them, the date or
  // the assumptions are diagnostics.
  //
  //   auto answer = contract->ask({"agi is declared", "Panel verifies agi"}, {.on = "2026-01-01"});
  //   if (answer) std::cout << answer->events[0].outcomes[0].because << "\n";
  Result<Answer> ask(const std::vector<std::string>& events, const AskOptions& options = {}) const;

  // What one profit ("50B", "$1,250,000.50") pays through a waterfall from a fresh state.
  //
  //   auto table = contract->payout("50B");
  Result<PayoutTable> payout(const std::string& profit, const PayoutOptions& options = {}) const;
  Result<PayoutTable> payout(Money profit, const PayoutOptions& options = {}) const;

  // Every breakpoint of a waterfall's payouts, exact.
  //
  //   auto schedule = contract->schedule();
  Result<Schedule> schedule(const PayoutOptions& options = {}) const;

  // The loaded contract behind it (api/internal.hpp): opaque outside the library.
  struct Impl;
  explicit Contract(std::shared_ptr<const Impl> impl);
  const Impl& impl() const { return *impl_; }

 private:
  std::shared_ptr<const Impl> impl_;
};

// Reads and checks a contract file, with assumptions overridden as `--set` does.
//
//   clause::Result<clause::Contract> c = clause::load_file("contracts/microsoft-openai/2025-10.clause");
CLAUSE_API Result<Contract> load_file(const std::string& path, const Assumptions& set = {});

// Checks a contract's text; `name` stands for its file in places and messages.
//
//   auto c = clause::load_text("contract \"Demo\"\nparty A\n...", "demo.clause");
CLAUSE_API Result<Contract> load_text(const std::string& text, const std::string& name = "<text>",
                                      const Assumptions& set = {});

}  // namespace clause
