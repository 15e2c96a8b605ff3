// Clause as a library: load a contract, ask what happens, pay a profit, run a scenario,
// diff two contracts. Everything is a value; bad input is diagnostics, never exceptions.
// docs/embedding.md walks through it.
//
//   #include <clause/clause.hpp>
//
//   auto contract = clause::load_file("contracts/microsoft-openai/2025-10.clause");
//   if (!contract) return 1;
//   auto answer = contract->ask({"agi is declared"});
//   for (const auto& o : answer->events[0].outcomes) std::cout << o.kind << ": " << o.because << "\n";
#pragma once

#include "clause/answer.hpp"
#include "clause/contract.hpp"
#include "clause/diagnostic.hpp"
#include "clause/diff.hpp"
#include "clause/money.hpp"
#include "clause/payout.hpp"
#include "clause/scenario.hpp"
