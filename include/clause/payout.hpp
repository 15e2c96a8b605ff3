// What a waterfall pays: one profit's table (`clause payout --profit`) and the exact
// schedule over every profit (`clause payout --schedule`).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "clause/money.hpp"

namespace clause {

// One profit paid through a waterfall from a fresh state, by party and tier.
//
//   auto p = contract->payout("50B");
//   for (const clause::PayoutRow& r : p->rows) std::cout << r.party << " " << r.received.decimal() << "\n";
struct PayoutRow {
  std::string party;
  std::vector<Money> by_tier;  // one per tier of PayoutTable::tiers
  Money received;
};

// The whole table: a row per party paid, a column per tier.
//
//   auto table = contract->payout("50B");
//   std::cout << table->waterfall << ": " << table->undistributed.decimal() << " not distributed\n";
struct PayoutTable {
  std::string waterfall;
  Money profit;
  std::vector<std::string> tiers;  // each tier's name, or "tier N" for an unnamed one
  std::vector<PayoutRow> rows;     // in the order the tiers first name the parties
  std::vector<Money> tier_totals;
  Money undistributed;
  std::string json;  // as `clause payout --profit P --json` writes it
};

// Where the payout schedule bends. Figures are exact: dollars with two decimals, and a
// fraction of a cent after a `+` when the exact figure has one ("158561000000.33+1/3").
//
//   auto s = contract->schedule();
//   for (const auto& b : s->breakpoints) std::cout << b.profit << " " << b.tier << "\n";
struct Breakpoint {
  std::string profit;
  std::string tier;                // the tier paying above this profit; empty when none or unnamed
  std::vector<std::string> paid;   // by party of Schedule::parties: paid at this profit
  std::vector<std::string> share;  // by party: the share of each further dollar, "20%"
  std::string undistributed;
};

// A waterfall's payouts as an exact function of profit: what each party has been paid at
// each breakpoint, and its share of every further dollar until the next.
//
//   auto s = contract->schedule({.waterfall = "profits"});
//   std::cout << s->breakpoints.size() << " breakpoints\n";
struct Schedule {
  std::string waterfall;
  std::vector<std::string> parties;
  std::vector<Breakpoint> breakpoints;
  std::string json;  // as `clause payout --schedule --json` writes it
};

}  // namespace clause
