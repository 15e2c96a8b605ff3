// Distributing a profit through a waterfall's tiers: exact to the cent, cumulative across
// events, caps counting everything a party has received from the waterfall
// (LANGUAGE.md sections 4 and 9).
#pragma once

#include <optional>
#include <vector>

#include "engine/contract.hpp"

namespace clause::engine {

// How far a waterfall has paid out: what each tier has taken and each party received.
struct WaterfallState {
  std::vector<Money> tier_taken;  // by tier
  std::vector<Money> received;    // by party (all parties of the contract)
  Money total;                    // every profit distributed through it so far

  void reset(const Waterfall& w, std::size_t party_count);
};

// The same, counted by payee: received[i] is what w.payees[i] has received. Its size does
// not grow with the contract's other parties, so an evaluator can keep one per waterfall
// (waterfalls x parties totals would be quadratic in declarations), and resetting it for
// every profit of a sweep is cheap. Needs w.payees (index_payees).
struct PayeeState {
  std::vector<Money> tier_taken;  // by tier
  std::vector<Money> received;    // by payee
  Money total;

  void reset(const Waterfall& w);
};

// Fills w.payees and the slot of every share and overflow party. The checker calls it for
// every waterfall it builds; anything else that builds a Waterfall for a PayeeState must too.
void index_payees(Waterfall& w);

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
std::optional<Money> distribute(const Waterfall& w, PayeeState& state, Money profit, std::vector<PayoutLine>& lines);

// The least profit that fills every tier from a fresh state: above it nothing more is
// paid. nullopt when the waterfall has a `rest` tier (it never fills) or the figure is
// beyond the money range.
std::optional<Money> capacity(const Waterfall& w, std::size_t party_count);

}  // namespace clause::engine
