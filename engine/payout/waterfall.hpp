// Distributing a profit through a waterfall's tiers: exact to the cent, cumulative across
// events, caps counting everything a party has received from the waterfall
// (LANGUAGE.md sections 4 and 9).
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "engine/model/contract.hpp"

namespace clause::engine {

// How far a waterfall has paid out: what each tier has taken and each party received.
struct WaterfallState {
  std::vector<Money> tier_taken;  // by tier
  std::vector<Money> received;    // by party (all parties of the contract)
  Money total;                    // every profit distributed through it so far
  // The tiers before this one are complete (a fixed amount taken in full, every cap
  // reached) and take nothing of any later profit: distribute starts here. 0 is always
  // right; whatever lowers a tier's take or a total must set it back to 0.
  std::size_t complete_tiers = 0;

  void reset(const Waterfall& w, std::size_t party_count);
};

struct PayoutLine {
  Index tier = kNone;
  Index party = kNone;
  Money amount;
};

// Distributes `profit` (> 0) from `state`, appending one line per tier and party paid.
// Returns the part no tier takes (undistributed), or nullopt when a running total would
// leave the money range (the state is then unchanged).
std::optional<Money> distribute(const Waterfall& w, WaterfallState& state, Money profit,
                                std::vector<PayoutLine>& lines);

// The least profit that fills every tier from a fresh state: above it nothing more is
// paid. nullopt when the waterfall has a `rest` tier (it never fills) or the figure is
// beyond the money range.
std::optional<Money> capacity(const Waterfall& w);

}  // namespace clause::engine
