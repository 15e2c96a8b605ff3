// The words for an outcome: its one-sentence reason and a short headline. These sentences
// are the product — they are what an analyst reads — so they live in one place, with the
// renderers (the engine's outcomes are data).
#pragma once

#include <string>
#include <vector>

#include "engine/model/contract.hpp"
#include "engine/evaluate/event.hpp"
#include "engine/evaluate/outcome.hpp"

namespace clause::cli {

struct ExplainContext {
  const engine::Contract& contract;
  const engine::OutcomeLog& log;  // breaches' exception checks and payouts' lines
  const std::vector<std::string>* outsiders = nullptr;
};

// What follows the kind: "of `exclusivity` by OpenAI" (a breach), "agi by OpenAI.board"
// (declared), "licence `technology`" (ended).
std::string headline(const ExplainContext& ctx, const engine::Event& event, const engine::Outcome& outcome);

// The reason, e.g. "OpenAI bought compute from Oracle, but `exclusivity` allows compute
// only from Microsoft; exception `oracle_capacity` does not apply: Microsoft has not consented".
std::string explain(const ExplainContext& ctx, const engine::Event& event, engine::Date on, const engine::Outcome& outcome);

// "Microsoft", "Microsoft and Nvidia", "A, B and C".
std::string join_and(const std::vector<std::string>& items);

// "breach of `exclusivity` by OpenAI": the kind, then the headline.
std::string kind_and_headline(const ExplainContext& ctx, const engine::Event& event, const engine::Outcome& outcome);

}  // namespace clause::cli
