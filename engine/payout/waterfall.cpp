// Distributing one profit through a waterfall (LANGUAGE.md sections 4 and 9,
// docs/waterfalls.md section 1). The rules, and where each is applied:
// - The tiers take in order, each what it can of what is left (tier_take): `first` and
//   `next` what is left of their amount, `rest` everything, `until capped` what it needs
//   until every capped share has reached its cap.
// - An `until capped` tier takes the cent in which its last cap is reached (cents_to_fill);
//   the fraction of that cent past the cap goes to the overflow party (exact_parts).
// - A cap counts what the party has received from every tier of the waterfall, over every
//   event so far: state.received (exact_parts).
// - Rounding is per tier per event (round_to_cents): a tier takes whole cents, every part
//   of them is rounded down and the cents left over go one each to the largest remainders,
//   a tie to the share written first, an overflow party that is not among the shares last.
#include "engine/payout/waterfall.hpp"

#include <algorithm>

namespace clause::engine {
namespace {

constexpr std::int64_t kWhole = Percent::kWhole;  // 100%, in a share's units

// An exact amount of money: whole cents and a remainder in 1/kWhole of a cent.
struct ExactCents {
  std::int64_t whole = 0;
  std::int64_t rem = 0;  // 0 <= rem < kWhole

  void add(ExactCents o) {
    whole += o.whole;
    rem += o.rem;
    if (rem >= kWhole) {
      rem -= kWhole;
      whole += 1;
    }
  }
};

// `units` / kWhole of `cents`, exactly. Split as cents = q * kWhole + s so that no product
// leaves 64 bits (units * s < kWhole * kWhole = 10^12).
ExactCents share_of(std::int64_t cents, std::int64_t units) {
  const std::int64_t q = cents / kWhole;
  const std::int64_t s = cents % kWhole;
  return {units * q + units * s / kWhole, units * s % kWhole};
}

// A recipient of a tier and its exact part of what the tier takes.
struct Part {
  Index party;
  ExactCents amount;
};

// The least whole number of cents of a tier's take at which a share of `units` reaches
// `room`; nullopt when that is beyond the money range.
std::optional<std::int64_t> cents_to_fill(std::int64_t room, std::int64_t units) {
  if (units <= 0) return std::nullopt;  // a 0% share never fills (the checker rejects one; --set cannot make one)
  const std::int64_t q = room / units;
  const std::int64_t m = room % units;
  if (q > Money::kLimitCents / kWhole) return std::nullopt;
  const std::int64_t need = q * kWhole + (m * kWhole + units - 1) / units;  // rounded up
  if (need > Money::kLimitCents) return std::nullopt;
  return need;
}

// How many of the `remaining` cents `tier` takes, having taken `taken` before.
std::int64_t tier_take(const Tier& tier, Money taken, const std::vector<Money>& received, std::int64_t remaining) {
  switch (tier.kind) {
    case TierKind::first:
    case TierKind::next:
      return std::clamp<std::int64_t>(tier.amount.cents() - taken.cents(), 0, remaining);
    case TierKind::rest:
      return remaining;
    case TierKind::until_capped: {
      // All that is left, unless it takes every capped share to its cap: then up to the
      // cent in which the last cap is reached.
      std::int64_t need = 0;
      for (const Share& s : tier.shares) {
        const std::int64_t room = s.cap ? s.cap->cents() - received[s.party].cents() : 0;
        if (room <= 0) continue;
        if (share_of(remaining, s.percent.units()).whole < room) return remaining;
        const auto fill = cents_to_fill(room, s.percent.units());
        if (!fill) return remaining;
        need = std::max(need, *fill);
      }
      return std::min(remaining, need);
    }
  }
  return 0;
}

// Each recipient's exact part of the `take` cents of `tier`, in the order written: the
// shares, then the overflow party when it has no share. A capped share stops at the room
// left under its cap; what it would have had past that goes to the overflow party.
void exact_parts(const Tier& tier, const std::vector<Money>& received, std::int64_t take, std::vector<Part>& parts) {
  parts.clear();
  const bool capped = tier.kind == TierKind::until_capped;
  ExactCents overflow;
  std::size_t overflow_at = tier.shares.size();  // the overflow party's share, if it has one
  for (std::size_t i = 0; i < tier.shares.size(); ++i) {
    const Share& s = tier.shares[i];
    ExactCents part = share_of(take, s.percent.units());
    if (capped && s.cap) {
      const std::int64_t room = std::max<std::int64_t>(0, s.cap->cents() - received[s.party].cents());
      if (part.whole >= room) {
        overflow.add({part.whole - room, part.rem});
        part = {room, 0};
      }
    }
    if (capped && s.party == tier.overflow) overflow_at = i;
    parts.push_back({s.party, part});
  }
  if (!capped) return;
  if (overflow_at < parts.size()) {
    parts[overflow_at].amount.add(overflow);
  } else {
    parts.push_back({tier.overflow, overflow});
  }
}

// Rounds every part down to whole cents and gives the cents of `take` left over one each
// to the largest remainders, a tie to the part written first. The remainders add up to
// the leftover, each less than a cent, so only parts with a remainder get one, and
// while cents are left some part still has one.
void round_to_cents(std::vector<Part>& parts, std::int64_t take) {
  std::int64_t leftover = take;
  for (const Part& p : parts) leftover -= p.amount.whole;
  for (; leftover > 0; --leftover) {
    Part* largest = &parts.front();
    for (Part& p : parts) {
      if (p.amount.rem > largest->amount.rem) largest = &p;
    }
    largest->amount.whole += 1;
    largest->amount.rem = 0;  // nothing left to round up
  }
}

}  // namespace

void WaterfallState::reset(const Waterfall& w, std::size_t party_count) {
  tier_taken.assign(w.tiers.size(), Money{});
  received.assign(party_count, Money{});
  total = Money{};
  complete_tiers = 0;
}

std::optional<Money> distribute(const Waterfall& w, WaterfallState& state, Money profit,
                                std::vector<PayoutLine>& lines) {
  // Every running total grows by at most `profit`, and none is more than `state.total`
  // (what each party received and each tier took is part of it): when the new total is in
  // the money range, so is every other. Checked before anything changes.
  const auto new_total = state.total.plus(profit);
  if (!new_total) return std::nullopt;

  std::int64_t remaining = profit.cents();
  // Reused from call to call, so that distributing allocates nothing once it has seen
  // its widest tier.
  thread_local std::vector<Part> parts;
  for (std::size_t t = state.complete_tiers; t < w.tiers.size() && remaining > 0; ++t) {
    const Tier& tier = w.tiers[t];
    const std::int64_t take = tier_take(tier, state.tier_taken[t], state.received, remaining);
    if (take == 0) {
      // With profit left, a tier that takes none is complete, and totals only grow.
      if (t == state.complete_tiers) ++state.complete_tiers;
      continue;
    }
    if (tier.shares.size() == 1 && tier.kind != TierKind::until_capped) {
      // One share, of 100% (the checker sees that shares add up to 100%): it takes it all.
      parts.assign(1, Part{tier.shares.front().party, ExactCents{take, 0}});
    } else {
      exact_parts(tier, state.received, take, parts);
      round_to_cents(parts, take);
    }
    for (const Part& p : parts) {
      if (p.amount.whole == 0) continue;
      const Money amount = Money::from_cents(p.amount.whole);
      state.received[p.party] = *state.received[p.party].plus(amount);
      lines.push_back({static_cast<Index>(t), p.party, amount});
    }
    state.tier_taken[t] = *state.tier_taken[t].plus(Money::from_cents(take));
    remaining -= take;
  }
  state.total = *new_total;
  return Money::from_cents(remaining);
}

std::optional<Money> capacity(const Waterfall& w) {
  for (const Tier& t : w.tiers) {
    if (t.kind == TierKind::rest) return std::nullopt;
  }
  // The largest profit there is, from a fresh state. Through a copy whose parties are
  // numbered by payee, so that the state is as small as the waterfall: the checker asks
  // this of every waterfall without `rest`, and a state of every party each time would be
  // quadratic in declarations.
  Waterfall by_payee = w;
  index_payees(by_payee);
  for (Tier& t : by_payee.tiers) {
    for (Share& s : t.shares) s.party = s.slot;
    t.overflow = t.overflow_slot;
  }
  WaterfallState state;
  state.reset(by_payee, by_payee.payees.size());
  std::vector<PayoutLine> lines;
  const auto left = distribute(by_payee, state, Money::max(), lines);
  if (!left || left->is_zero()) return std::nullopt;
  return Money::from_cents(Money::kLimitCents - left->cents());
}

}  // namespace clause::engine
