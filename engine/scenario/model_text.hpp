// The checked model as plain text with no source places in it: two contracts (or two
// scenarios) that mean the same print the same text, however their files are laid out.
// Tests use it to show that `clause fmt` never changes meaning.
#pragma once

#include <string>

#include "engine/model/contract.hpp"
#include "engine/scenario/scenario.hpp"

namespace clause::engine {

// Every declaration in file order, every reference resolved to the name it stands for,
// every figure exact (money in cents, percentages in units, dates as days).
std::string model_text(const Contract& contract);

// A prepared scenario's own part: title, contract path as written, assumptions, resolved
// events with their dates, and expectations. Its contract is printed by the overload above.
std::string model_text(const ScenarioRun& scenario);

}  // namespace clause::engine
