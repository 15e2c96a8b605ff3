// The payout schedule of a waterfall: every party's payout as an exact function of the
// profit of one event, computed from the tiers (LANGUAGE.md sections 2, 4, 7 and 9).
//
// Each party's payout is piecewise linear in the profit. The pieces meet at breakpoints:
// where a `first`/`next` tier has taken its amount, where a capped party reaches its cap
// in an `until capped` tier (its share overflows from there on), where an `until capped`
// tier is complete, and where the last tier of a waterfall without `rest` is full. Between
// two breakpoints every party receives a fixed share of each further cent: its marginal
// share, an exact Percent (a capped share that has overflowed adds to the overflow
// party's). Breakpoints and payouts are exact Rationals of cents: a cap binds at
// (cap - received) / share above its tier's start, rarely a whole number of cents.
//
// The schedule is the exact, unrounded function: money as if it could be divided without
// end. `distribute` pays whole cents (section 9: each tier takes whole cents, every part is
// rounded down and the leftover cents go to the largest remainders; an `until capped` tier
// takes the cent in which its last cap is reached). For a profit P of whole cents from a
// fresh state the two agree tier by tier: distribute's part of each tier is the schedule's
// exact part of that tier rounded by the largest-remainder rule, so each party's total is
// within one cent of the schedule for every tier that paid it — provided the tiers start
// where the schedule says. Two things move them by whole or fractional cents:
//   - an `until capped` tier ends at the cent after its exact last cap point, so later tiers
//     start up to a cent later than in the schedule;
//   - caps count the cents a party was actually paid: when a complete tier before an
//     `until capped` tier paid that party a rounded share (a fraction of a cent more or
//     less than the schedule), its cap binds where the cents put it, up to
//     (that fraction / its share) of profit away from the schedule's point.
// Exactly (and tested on random waterfalls): build_schedule(w, state), from the state
// distribute leaves after the tiers before tier t, gives tier t's exact parts, and
// distribute's cents for tier t are within one cent of them. In the flagship every tier
// before the capped one splits into whole cents, and the fresh schedule and distribute
// agree within one cent at every profit. least_cent_profit below answers threshold
// questions for distribute itself. See docs/waterfalls.md.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "engine/model/contract.hpp"
#include "engine/payout/rational.hpp"
#include "engine/payout/waterfall.hpp"

namespace clause::engine {

// Why the payout changes at a breakpoint.
enum class ReasonKind {
  tier_starts,        // `tier` begins to pay (at profit 0, or where the tier before it is done)
  tier_full,          // a `first` or `next` tier has taken its whole amount
  cap_reached,        // `party` has received its cap: its share of `tier` overflows from here
  capped_at_start,    // `party` is already at its cap when `tier` starts: it overflows from the start
  tier_complete,      // an `until capped` tier: every capped party has reached its cap
  nothing_more,       // the waterfall has no `rest` and is full: any further profit is undistributed
};

struct Reason {
  ReasonKind kind = ReasonKind::tier_starts;
  Index tier = kNone;
  Index party = kNone;  // cap_reached, capped_at_start
  friend bool operator==(const Reason&, const Reason&) = default;
};

// A point where some party's marginal share may change (at least one reason holds there).
struct Breakpoint {
  Rational profit;                 // cents of profit, exact
  std::vector<Reason> reasons;     // what happens here, in tier order
  std::vector<Rational> paid;      // by party (every party of the contract): cents paid at `profit`
  Rational undistributed;          // cents of `profit` no tier takes
  // Above `profit`, up to the next breakpoint (or for ever, after the last one):
  Index tier = kNone;              // the tier that pays; kNone when nothing is paid
  std::vector<Percent> marginal;   // by party: its share of each further cent
  Percent marginal_undistributed;  // 100% past the end of a waterfall without `rest`, else 0%
};

// Where a tier pays: from `start` up to `end` (nullopt: it never fills — a `rest` tier).
// A tier that has nothing left to take has start == end.
struct TierSpan {
  Rational start;
  std::optional<Rational> end;
};

// The answer to "the least profit at which PARTY has received AMOUNT".
struct Threshold {
  bool reached = false;
  Rational profit;  // reached: the least such profit, in cents
  Rational most;    // not reached: the most the party ever receives from this schedule
};

class Schedule {
 public:
  // Parties the waterfall names, in the order its tiers first name them (shares, then overflow).
  const std::vector<Index>& parties() const { return parties_; }
  // Every breakpoint, the first at profit 0, profits strictly increasing.
  const std::vector<Breakpoint>& breakpoints() const { return breakpoints_; }
  // By tier.
  const std::vector<TierSpan>& tiers() const { return tiers_; }
  std::size_t party_count() const { return party_count_; }

  // The breakpoint whose segment holds `profit` (>= 0): the last one at or below it.
  std::size_t segment_at(const Rational& profit) const;

  // What `party` (any party of the contract) has received at `profit` (>= 0), exactly;
  // nullopt only when the figure needs more than 127 bits.
  std::optional<Rational> payout(Index party, const Rational& profit) const;
  std::optional<Rational> undistributed(const Rational& profit) const;

  // The most `party` ever receives; nullopt when its payout grows without bound (a `rest`
  // tier pays it).
  std::optional<Rational> most(Index party) const;

  // The least profit at which `party` has received `amount` cents (> 0): payouts never fall
  // as profit rises, so past it the party has at least that much. Not reached when the
  // party's payout stays below `amount` at every profit (capped, or no `rest` tier pays it).
  std::optional<Threshold> least_profit(Index party, const Rational& amount) const;

 private:
  friend class ScheduleBuilder;
  std::vector<Index> parties_;
  std::vector<Breakpoint> breakpoints_;
  std::vector<TierSpan> tiers_;
  std::size_t party_count_ = 0;
};

struct ScheduleError {
  std::string message;  // house style: lower case, no final period
};

// The schedule of one profit event from a fresh state (nothing paid yet).
std::variant<Schedule, ScheduleError> build_schedule(const Waterfall& w, std::size_t party_count);
// The schedule of the next profit event from `from`: tiers already full pay nothing, caps
// count what `from` says each party has received, profit 0 is where `from` stands.
std::variant<Schedule, ScheduleError> build_schedule(const Waterfall& w, const WaterfallState& from);

// "The least profit at which PARTY has received AMOUNT", asked of distribute itself: the
// least whole-cent profit P for which one event of P from a fresh state pays `party` at
// least `amount`. Rounding can make it differ from the schedule's exact answer by a few
// cents either way (largest remainders can round a small share up early).
struct CentThreshold {
  enum class Kind { reached, never, beyond_range } kind = Kind::never;
  Money profit;  // reached
};
std::variant<CentThreshold, ScheduleError> least_cent_profit(const Waterfall& w, std::size_t party_count,
                                                             Index party, Money amount);

// "tier \"Capped returns\"" or "tier 3" when unnamed.
std::string tier_label(const Waterfall& w, Index tier);
// One reason as a short phrase: `Employees reaches its cap of $60B in tier "Capped returns"`.
std::string describe(const Reason& r, const Waterfall& w, const Contract& c);

}  // namespace clause::engine
