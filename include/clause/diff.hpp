// What a renegotiation changed between two contracts (docs/diff.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "clause/contract.hpp"
#include "clause/export.hpp"

namespace clause {

// One declaration added, removed or changed; `details` says each changed part.
//
//   for (const clause::TermChange& t : d->terms) std::cout << t.change << " " << t.kind << " " << t.name << "\n";
struct TermChange {
  std::string change;  // "added", "removed" or "changed"
  std::string kind;    // "contract", "party", "clause", ...
  std::string name;
  std::vector<std::string> details;  // "until: 2030-12-31 → 2032-12-31"
};

// What changed, as data, as the memo and as JSON.
//
//   if (!d->same_behaviour) std::cout << d->witnesses << " events now end differently\n";
struct DiffResult {
  bool same_behaviour = true;  // no witness, payout difference or affected scenario
  std::vector<TermChange> terms;
  std::size_t witnesses = 0;   // events that now end differently
  std::string memo;            // the change memo `clause diff` prints (no colour)
  std::string json;            // as `clause diff --json` writes it
};

//   clause::diff(*a, *b, {.scenarios = "examples", .today = "2026-01-01"});
struct DiffOptions {
  // A folder of scenarios to rerun against both contracts (needs contracts loaded from files).
  std::optional<std::string> scenarios = {};
  // The probes' date when neither contract has an `effective` date ("2026-01-01"); today when none.
  std::optional<std::string> today = {};
};

//   auto a = clause::load_file("contracts/microsoft-openai/2024-06.clause");
//   auto b = clause::load_file("contracts/microsoft-openai/2025-01.clause");
//   auto d = clause::diff(*a, *b);
//   std::cout << d->memo;
CLAUSE_API Result<DiffResult> diff(const Contract& old_contract, const Contract& new_contract,
                                   const DiffOptions& options = {});

}  // namespace clause
