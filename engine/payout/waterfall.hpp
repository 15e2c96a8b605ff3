// Distributing a profit through a waterfall's tiers: exact to the cent, cumulative across
// events, caps counting everything a party has received from the waterfall
// (LANGUAGE.md sections 4 and 9).
#pragma once

#include <cstdint>
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

// The same, counted by payee: received[i] is what w.payees[i] has received. Its size does
// not grow with the contract's other parties, so an evaluator can keep one per waterfall
// (waterfalls x parties totals would be quadratic in declarations), and resetting it for
// every profit of a sweep is cheap. Needs w.payees (index_payees).
struct PayeeState {
  std::vector<Money> tier_taken;  // by tier
  std::vector<Money> received;    // by payee
  Money total;
  std::size_t complete_tiers = 0;  // as in WaterfallState

  void reset(const Waterfall& w);
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
std::optional<Money> distribute(const Waterfall& w, PayeeState& state, Money profit, std::vector<PayoutLine>& lines);

// Pays one profit at a time from a fresh state, exactly as distribute() from a fresh
// PayeeState does, cent for cent and line for line. The tiers a profit fills completely
// pay the same lines whatever the profit, so they are computed once, here; each profit
// then finds the tier where it runs out by binary search and splits only that one.
// (`clause sweep --profits` and `payout` ask millions of such independent questions.)
// Needs w.payees (index_payees); `w` must outlive it.
class FreshPayout {
 public:
  explicit FreshPayout(const Waterfall& w);

  // Appends the lines distribute() would and returns the undistributed part. A profit in
  // the money range never overflows from a fresh state. `profit` >= 0.
  Money distribute(Money profit, std::vector<PayoutLine>& lines) const;
  // The same, as what each payee receives (by_payee[i] for w.payees[i]).
  Money pay(Money profit, std::span<Money> by_payee) const;
  // pay() for many profits: row r of `by_payee` (w.payees.size() totals from
  // r * w.payees.size()) and undistributed[r] are what pay(profits[r]) gives. Per block of
  // profits, one pass without branches pays every profit the tiers before the one where it
  // runs out, and the rest when that tier is one whole share or there is none; then the
  // profits whose tier splits are grouped by tier and split group by group. One at a time,
  // random profits made every branch after the tier search unpredictable. The same
  // answers in any order of profits; `profits` >= 0.
  void pay_many(std::span<const Money> profits, std::span<Money> by_payee, std::span<Money> undistributed) const;

 private:
  std::size_t tier_where_it_runs_out(std::int64_t profit) const;
  // Splits what is left of `profit` in tier `t`, telling `paid(slot, cents)` each part;
  // returns the undistributed part.
  // pay_many's first pass over profits [first, first + n): the tier of each, and what
  // needs no split. kPayees is w.payees.size(), or 0 for any number.
  template <std::size_t kPayees>
  void pay_direct(std::span<const Money> profits, std::size_t first, std::size_t n, std::uint16_t* tier_of,
                  std::span<Money> by_payee, std::span<Money> undistributed) const;
  template <typename Paid>
  Money pay_partial_tier(std::size_t t, std::int64_t profit, Paid&& paid) const;

  const Waterfall& w_;
  std::vector<std::int64_t> ends_;                  // by tier: cents taken by it and the tiers before, when full
  std::vector<Index> lines_before_;                 // by tier, and one past: full lines of the tiers before it
  std::vector<PayoutLine> full_lines_;              // every tier full, in distribute()'s order
  std::vector<Money> received_before_;  // by tier, and one past: payee totals from the tiers before it
  std::span<const Money> received_before(std::size_t t) const {
    return std::span(received_before_).subspan(t * w_.payees.size(), w_.payees.size());
  }

  // A share as the tier where a profit runs out splits it.
  struct Slice {
    Index slot;
    std::int64_t units;  // the percentage, in Percent units
    std::int64_t room;   // under an `until capped` tier's cap, after the tiers before; -1: no cap
  };
  struct PartialTier {
    std::uint32_t first = 0;  // its slices in slices_
    std::uint32_t count = 0;
    bool capped = false;                 // `until capped`: parts past a room go to the overflow party
    Index overflow_slot = kNone;
    std::uint32_t overflow_at = 0;       // the overflow party's share among the slices, or count
    bool inline_split = true;            // few enough shares to split without allocating
    bool sole = false;                   // one share of 100% and no cap: it takes all that is left
  };
  std::vector<Slice> slices_;
  std::vector<PartialTier> partial_;  // by tier

  // What pay_many adds without a split, by tier and one past: the rest of the profit after
  // `filled`, masked to 0 or kept (-1), to payee `slot` and to the undistributed part.
  struct Direct {
    std::int64_t filled = 0;
    Index slot = 0;
    std::int64_t to_slot = 0;
    std::int64_t to_undistributed = 0;
  };
  std::vector<Direct> direct_;
  std::vector<std::uint16_t> split_tiers_;  // the tiers that split what reaches them (kMaxTiers fits)
  std::vector<std::uint8_t> splits_;        // by tier and one past: 1 for those tiers
};

// The least profit that fills every tier from a fresh state: above it nothing more is
// paid. nullopt when the waterfall has a `rest` tier (it never fills) or the figure is
// beyond the money range.
std::optional<Money> capacity(const Waterfall& w, std::size_t party_count);

}  // namespace clause::engine
