// Why: the one-sentence reason for each outcome, and a short headline. These sentences
// are the product — they are what an analyst reads — so they live in one place.
#pragma once

#include <string>
#include <vector>

#include "engine/model/contract.hpp"
#include "engine/evaluate/event.hpp"
#include "engine/evaluate/outcome.hpp"

namespace clause::engine {

struct ExplainContext {
  const Contract& contract;
  const std::vector<std::string>* outsiders = nullptr;
};

// "breach of `exclusivity` by OpenAI", "declared agi by OpenAI.board", "ended `technology`".
std::string headline(const ExplainContext& ctx, const Event& event, const Outcome& outcome);

// The reason, e.g. "OpenAI bought compute from Oracle, but `exclusivity` allows compute
// only from Microsoft; exception `oracle_capacity` does not apply: Microsoft has not consented".
std::string explain(const ExplainContext& ctx, const Event& event, Date on, const Outcome& outcome);

// "Microsoft", "Microsoft and Nvidia", "A, B and C".
std::string join_and(const std::vector<std::string>& items);

}  // namespace clause::engine
