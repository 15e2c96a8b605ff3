// distribute() counted by payee: over a PayeeState, and over the evaluator's WaterfallRules
// and PayeeTotals views (engine/evaluate/internal/live_waterfalls.hpp). The same rules as
// waterfall.cpp, in one template for both, with a tier's recipients held inline so that an
// evaluation allocates nothing. payee_state_test pins it to the one path (waterfall.cpp),
// live_waterfalls_test the evaluator's views to a PayeeState. It goes when the evaluator
// pays through WaterfallState.
#include "engine/payout/waterfall.hpp"

#include <algorithm>
#include <array>
#include <span>

namespace clause::engine {
namespace {

constexpr std::int64_t W = Percent::kWhole;  // a share's denominator: 100% = W units

// An exact part of a tier: whole cents plus a remainder in 1/W of a cent.
struct Part {
  std::int64_t whole;
  std::int64_t rem;  // 0 <= rem < W
  void add(Part o) {
    whole += o.whole;
    rem += o.rem;
    if (rem >= W) {
      rem -= W;
      whole += 1;
    }
  }
};

// p/W of `take` cents, exactly, without 128-bit arithmetic: take = q*W + s. W is a
// constant, so the divisions compile to multiplications.
Part share_of(std::int64_t take, std::int64_t p) {
  const std::int64_t q = take / W;
  const std::int64_t s = take % W;
  const std::int64_t ps = p * s;  // < W*W = 10^12
  return {p * q + ps / W, ps % W};
}

struct Recipient {
  Index key;  // where the state counts it: the party, or its payee slot
  Part part;
  bool rounded_up;
};

// Where a state counts a running total: at the payee's slot. For a Waterfall, and for a
// waterfall laid out for evaluation (LiveTier and LiveShare have the same fields).
struct ByPayee {
  template <typename S>
  static Index share(const S& s) { return s.slot; }
  template <typename T>
  static Index overflow(const T& t) { return t.overflow_slot; }
  template <typename W>
  static Index party(const W& w, Index key) { return w.payees[key]; }
};

// A tier's recipients: inline for the usual handful of shares, on the heap past that,
// so a distribution allocates nothing.
class Recipients {
 public:
  static constexpr std::size_t kInline = 16;

  void clear() {
    size_ = 0;
    heap_.clear();
  }
  void push(Index key, Part part) {
    if (size_ == kInline) heap_.assign(inline_.begin(), inline_.end());
    if (size_ < kInline) {
      inline_[size_] = Recipient{key, part, false};
    } else {
      heap_.push_back(Recipient{key, part, false});
    }
    ++size_;
  }
  std::span<Recipient> items() {
    return size_ <= kInline ? std::span<Recipient>(inline_.data(), size_) : std::span<Recipient>(heap_);
  }

 private:
  std::array<Recipient, kInline> inline_;  // left uninitialised: only [0, size_) is read
  std::vector<Recipient> heap_;
  std::size_t size_ = 0;
};

// Rounds every part down, then gives the leftover cents one each to the largest
// remainders; ties go to the recipient written first (an overflow party last).
void round_parts(std::span<Recipient> rs, std::int64_t take) {
  std::int64_t paid = 0;
  for (const Recipient& r : rs) paid += r.part.whole;
  std::int64_t leftover = take - paid;  // fewer than the recipients with a remainder
  if (rs.size() <= Recipients::kInline) {
    // A recipient gets a cent when fewer than `leftover` recipients rank before it (a
    // larger remainder, or an equal one written earlier): the same choice as picking the
    // largest remainder one cent at a time, without branches on the remainders, which
    // differ from profit to profit, nor on whether there is a leftover at all. A key
    // orders both at once: the remainder, then the written order reversed. (A zero
    // remainder never ranks that high: the remainders add up to `leftover` whole cents,
    // each less than one, so more than `leftover` of them are not zero.)
    std::array<std::int64_t, Recipients::kInline> key;
    for (std::size_t i = 0; i < rs.size(); ++i) {
      const auto written_later = static_cast<std::int64_t>(Recipients::kInline - 1 - i);
      key[i] = rs[i].part.rem * std::int64_t{Recipients::kInline} + written_later;
    }
    for (std::size_t i = 0; i < rs.size(); ++i) {
      std::int64_t rank = 0;
      for (std::size_t j = 0; j < rs.size(); ++j) rank += static_cast<std::int64_t>(key[j] > key[i]);
      rs[i].rounded_up = rank < leftover;
      rs[i].part.whole += static_cast<std::int64_t>(rs[i].rounded_up);
    }
    return;
  }
  if (leftover <= 0) return;
  if (leftover == 1) {
    // Pick the largest remainders one at a time, the first written winning a tie.
    while (leftover > 0) {
      std::size_t best = rs.size();
      for (std::size_t i = 0; i < rs.size(); ++i) {
        if (rs[i].rounded_up || rs[i].part.rem == 0) continue;
        if (best == rs.size() || rs[i].part.rem > rs[best].part.rem) best = i;
      }
      if (best == rs.size()) break;  // cannot happen: leftover < number of non-zero remainders
      rs[best].rounded_up = true;
      rs[best].part.whole += 1;
      --leftover;
    }
    return;
  }
  // Many recipients: the same choice by one partial sort, not one scan per cent.
  std::vector<std::uint32_t> order;
  for (std::size_t i = 0; i < rs.size(); ++i) {
    if (rs[i].part.rem != 0) order.push_back(static_cast<std::uint32_t>(i));
  }
  const auto n = std::min(order.size(), static_cast<std::size_t>(leftover));
  const auto n_end = order.begin() + static_cast<std::ptrdiff_t>(n);
  std::partial_sort(order.begin(), n_end, order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return rs[a].part.rem != rs[b].part.rem ? rs[a].part.rem > rs[b].part.rem : a < b;
  });
  for (auto it = order.begin(); it != n_end; ++it) {
    rs[*it].rounded_up = true;
    rs[*it].part.whole += 1;
  }
}

// The least whole number of cents of tier input at which a share of p/W reaches `room`.
// nullopt when that is beyond the money range.
std::optional<std::int64_t> input_to_fill(std::int64_t room, std::int64_t p) {
  if (p <= 0) return std::nullopt;  // a 0% share never fills (the checker rejects one; --set cannot make one)
  const std::int64_t q = room / p;
  const std::int64_t m = room % p;
  if (q > Money::kLimitCents / W) return std::nullopt;
  const std::int64_t exact_whole = q * W + (m * W) / p;
  const bool fraction = (m * W) % p != 0;
  const std::int64_t need = exact_whole + (fraction ? 1 : 0);
  if (need > Money::kLimitCents) return std::nullopt;
  return need;
}

}  // namespace

void PayeeState::reset(const Waterfall& w) {
  tier_taken.assign(w.tiers.size(), Money{});
  received.assign(w.payees.size(), Money{});
  total = Money{};
  complete_tiers = 0;
}

namespace {

// Splits what tier `t` takes of `remaining` among its recipients, rounded to cents, into
// `rs`; returns the take (0: the tier takes nothing). `received` is each running total
// before this tier (by `Key`), `taken` what the tier took before this profit.
template <typename Key, typename TierRules>
std::int64_t split_tier(const TierRules& tier, Money taken, std::span<const Money> received, std::int64_t remaining,
                        Recipients& rs) {
  std::int64_t take = 0;
  rs.clear();
  switch (tier.kind) {
    case TierKind::first:
    case TierKind::next: {
      take = std::min(remaining, tier.amount.cents() - taken.cents());
      if (take <= 0) return 0;
      for (const auto& s : tier.shares) rs.push(Key::share(s), share_of(take, s.percent.units()));
      break;
    }
    case TierKind::rest: {
      take = remaining;
      for (const auto& s : tier.shares) rs.push(Key::share(s), share_of(take, s.percent.units()));
      break;
    }
    case TierKind::until_capped: {
      // The tier is complete when every capped party has reached its cap; it takes the
      // cent in which the last cap is reached.
      std::int64_t need = 0;
      bool beyond_range = false;
      for (const auto& s : tier.shares) {
        if (!s.cap) continue;
        const std::int64_t room = s.cap->cents() - received[Key::share(s)].cents();
        if (room <= 0) continue;
        const auto fill = input_to_fill(room, s.percent.units());
        if (!fill) {
          beyond_range = true;
          continue;
        }
        need = std::max(need, *fill);
      }
      take = beyond_range ? remaining : std::min(remaining, need);
      if (take <= 0) return 0;
      Part overflow{0, 0};
      std::size_t overflow_at = tier.shares.size();
      for (std::size_t i = 0; i < tier.shares.size(); ++i) {
        const auto& s = tier.shares[i];
        if (Key::share(s) == Key::overflow(tier)) overflow_at = i;
        Part part = share_of(take, s.percent.units());
        if (s.cap) {
          const std::int64_t room = std::max<std::int64_t>(0, s.cap->cents() - received[Key::share(s)].cents());
          if (part.whole >= room) {
            // Past the cap the share goes to the overflow party.
            overflow.add(Part{part.whole - room, part.rem});
            part = Part{room, 0};
          }
        }
        rs.push(Key::share(s), part);
      }
      if (overflow_at < tier.shares.size()) {
        rs.items()[overflow_at].part.add(overflow);
      } else {
        rs.push(Key::overflow(tier), overflow);
      }
      break;
    }
  }
  round_parts(rs.items(), take);
  return take;
}

// One body for both kinds of rules; `Key` says where a running total is counted.
template <typename Key, typename Rules, typename State>
std::optional<Money> distribute_as(const Rules& w, State& state, Money profit, std::vector<PayoutLine>& lines) {
  const auto new_total = state.total.plus(profit);
  if (!new_total) return std::nullopt;
  // Every running total grows by at most `profit`: check each once, up front.
  for (const Money r : state.received) {
    if (!r.plus(profit)) return std::nullopt;
  }

  std::int64_t remaining = profit.cents();
  Recipients rs;
  for (std::size_t t = state.complete_tiers; t < w.tiers.size() && remaining > 0; ++t) {
    const std::int64_t take = split_tier<Key>(w.tiers[t], state.tier_taken[t], state.received, remaining, rs);
    if (take <= 0) {
      // With profit left, a tier that takes none is complete, and totals only grow.
      if (t == state.complete_tiers) ++state.complete_tiers;
      continue;
    }
    for (const Recipient& r : rs.items()) {
      if (r.part.whole == 0) continue;
      const Money amount = Money::from_cents(r.part.whole);
      state.received[r.key] = *state.received[r.key].plus(amount);
      lines.push_back({static_cast<Index>(t), Key::party(w, r.key), amount});
    }
    state.tier_taken[t] = *state.tier_taken[t].plus(Money::from_cents(take));
    remaining -= take;
  }
  state.total = *new_total;
  return Money::from_cents(remaining);
}

}  // namespace

std::optional<Money> distribute(const Waterfall& w, PayeeState& state, Money profit, std::vector<PayoutLine>& lines) {
  return distribute_as<ByPayee>(w, state, profit, lines);
}

std::optional<Money> distribute(const WaterfallRules& w, PayeeTotals state, Money profit,
                                std::vector<PayoutLine>& lines) {
  return distribute_as<ByPayee>(w, state, profit, lines);
}

}  // namespace clause::engine
