#include "engine/payout/waterfall.hpp"

#include <algorithm>
#include <array>
#include <span>
#include <unordered_map>

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

// How a state finds a running total: by party (WaterfallState) or by payee (PayeeState).
struct ByParty {
  static Index share(const Share& s) { return s.party; }
  static Index overflow(const Tier& t) { return t.overflow; }
  static Index party(const Waterfall&, Index key) { return key; }
};
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

void WaterfallState::reset(const Waterfall& w, std::size_t party_count) {
  tier_taken.assign(w.tiers.size(), Money{});
  received.assign(party_count, Money{});
  total = Money{};
  complete_tiers = 0;
}

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

// One body for both kinds of state; `Key` says where a running total is counted.
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

std::optional<Money> distribute(const Waterfall& w, WaterfallState& state, Money profit,
                                std::vector<PayoutLine>& lines) {
  return distribute_as<ByParty>(w, state, profit, lines);
}

std::optional<Money> distribute(const Waterfall& w, PayeeState& state, Money profit, std::vector<PayoutLine>& lines) {
  return distribute_as<ByPayee>(w, state, profit, lines);
}

std::optional<Money> capacity(const Waterfall& w, std::size_t /*party_count*/) {
  for (const Tier& t : w.tiers) {
    if (t.kind == TierKind::rest) return std::nullopt;
  }
  // By payee: the checker asks this of every waterfall without `rest`, and a state of
  // every party each time would be quadratic in declarations.
  PayeeState state;
  state.reset(w);
  std::vector<PayoutLine> lines;
  const auto left = distribute(w, state, Money::max(), lines);
  if (!left || left->is_zero()) return std::nullopt;
  return Money::from_cents(Money::kLimitCents - left->cents());
}

}  // namespace clause::engine

namespace clause::engine {

FreshPayout::FreshPayout(const Waterfall& w) : w_(w) {
  // The largest profit there is, from a fresh state: every tier takes all it ever can, and
  // the lines, payee totals and ends recorded here are those of every profit that reaches
  // past the tier.
  const std::size_t n = w.tiers.size();
  ends_.assign(n, Money::kLimitCents);
  lines_before_.assign(n + 1, 0);
  received_before_.assign((n + 1) * w.payees.size(), Money{});
  std::vector<Money> received(w.payees.size());
  std::int64_t remaining = Money::kLimitCents;
  Recipients rs;
  for (std::size_t t = 0; t < n; ++t) {
    lines_before_[t] = static_cast<Index>(full_lines_.size());
    std::copy(received.begin(), received.end(),
              received_before_.begin() + static_cast<std::ptrdiff_t>(t * received.size()));
    const std::int64_t take = remaining > 0 ? split_tier<ByPayee>(w.tiers[t], Money{}, received, remaining, rs) : 0;
    for (const Recipient& r : take > 0 ? rs.items() : std::span<Recipient>{}) {
      if (r.part.whole == 0) continue;
      const Money amount = Money::from_cents(r.part.whole);
      received[r.key] = *received[r.key].plus(amount);
      full_lines_.push_back({static_cast<Index>(t), w.payees[r.key], amount});
    }
    remaining -= std::max<std::int64_t>(take, 0);
    ends_[t] = Money::kLimitCents - remaining;
  }
  lines_before_[n] = static_cast<Index>(full_lines_.size());
  std::copy(received.begin(), received.end(),
            received_before_.begin() + static_cast<std::ptrdiff_t>(n * received.size()));

  // Each tier as it is split when the profit runs out in it: shares, and under caps the
  // room each capped payee has left after the tiers before.
  partial_.resize(n);
  for (std::size_t t = 0; t < n; ++t) {
    const Tier& tier = w.tiers[t];
    PartialTier& pt = partial_[t];
    pt.first = static_cast<std::uint32_t>(slices_.size());
    pt.count = static_cast<std::uint32_t>(tier.shares.size());
    pt.capped = tier.kind == TierKind::until_capped;
    pt.overflow_slot = tier.overflow_slot;
    pt.overflow_at = pt.count;
    for (std::uint32_t i = 0; i < pt.count; ++i) {
      const Share& s = tier.shares[i];
      std::int64_t room = -1;
      if (pt.capped && s.cap) room = std::max<std::int64_t>(0, s.cap->cents() - received_before(t)[s.slot].cents());
      if (pt.capped && s.slot == tier.overflow_slot) pt.overflow_at = i;
      slices_.push_back(Slice{s.slot, s.percent.units(), room});
    }
    // The inline buffer holds the shares and an overflow party; a larger tier takes the
    // general path.
    pt.inline_split = pt.count + 1 <= Recipients::kInline;
    pt.sole = !pt.capped && pt.count == 1 && slices_[pt.first].units == Percent::kWhole;
  }

  // For pay_many: what a profit that runs out in each tier, or past every tier, is paid
  // without a split.
  direct_.resize(n + 1);
  splits_.assign(n + 1, 0);
  for (std::size_t t = 0; t <= n; ++t) {
    Direct& d = direct_[t];
    d.filled = t == 0 ? 0 : ends_[t - 1];
    if (t == n) {
      d.to_undistributed = -1;
    } else if (partial_[t].sole) {
      d.slot = slices_[partial_[t].first].slot;
      d.to_slot = -1;
    } else {
      split_tiers_.push_back(static_cast<std::uint16_t>(t));
      splits_[t] = 1;
    }
  }
}

std::size_t FreshPayout::tier_where_it_runs_out(std::int64_t profit) const {
  // The tiers whose end is not past the profit, counted: without branches for the usual
  // handful of tiers (random profits made the binary search's branches mispredict).
  if (ends_.size() <= 16) {
    std::size_t t = 0;
    for (const std::int64_t end : ends_) t += static_cast<std::size_t>(end <= profit);
    return t;
  }
  return static_cast<std::size_t>(std::upper_bound(ends_.begin(), ends_.end(), profit) - ends_.begin());
}

template <typename Paid>
Money FreshPayout::pay_partial_tier(std::size_t t, std::int64_t profit, Paid&& paid) const {
  const std::int64_t before = t == 0 ? 0 : ends_[t - 1];
  const std::int64_t remaining = profit - before;
  if (t == ends_.size()) return Money::from_cents(remaining);  // every tier full: the rest is undistributed
  if (remaining <= 0) return Money{};
  // The tier takes all that is left (its end is past the profit), so an `until capped`
  // tier needs no fill point, and its rooms under the caps are those of the plan.
  const PartialTier& pt = partial_[t];
  if (pt.sole) {
    // No split and no rounding: a whole tier to one payee (the flagship's first tier,
    // where most random profits end).
    paid(slices_[pt.first].slot, remaining);
    return Money{};
  }
  if (!pt.inline_split) {
    Recipients many;
    const std::int64_t take = split_tier<ByPayee>(w_.tiers[t], Money{}, received_before(t), remaining, many);
    for (const Recipient& r : many.items()) {
      if (r.part.whole != 0) paid(r.key, r.part.whole);
    }
    return Money::from_cents(remaining - take);
  }
  std::array<Recipient, Recipients::kInline> rs;
  std::size_t n = 0;
  Part overflow{0, 0};
  for (std::uint32_t i = pt.first; i < pt.first + pt.count; ++i) {
    const Slice& s = slices_[i];
    Part part = share_of(remaining, s.units);
    if (s.room >= 0 && part.whole >= s.room) {
      overflow.add(Part{part.whole - s.room, part.rem});
      part = Part{s.room, 0};
    }
    rs[n++] = Recipient{s.slot, part, false};
  }
  if (pt.capped) {
    if (pt.overflow_at < pt.count) {
      rs[pt.overflow_at].part.add(overflow);
    } else {
      rs[n++] = Recipient{pt.overflow_slot, overflow, false};
    }
  }
  round_parts(std::span<Recipient>(rs.data(), n), remaining);
  for (std::size_t i = 0; i < n; ++i) {
    if (rs[i].part.whole != 0) paid(rs[i].key, rs[i].part.whole);
  }
  return Money{};
}

Money FreshPayout::distribute(Money profit, std::vector<PayoutLine>& lines) const {
  const std::size_t t = tier_where_it_runs_out(profit.cents());
  lines.insert(lines.end(), full_lines_.begin(), full_lines_.begin() + lines_before_[t]);
  return pay_partial_tier(t, profit.cents(), [&](Index slot, std::int64_t cents) {
    lines.push_back({static_cast<Index>(t), w_.payees[slot], Money::from_cents(cents)});
  });
}

Money FreshPayout::pay(Money profit, std::span<Money> by_payee) const {
  const std::size_t t = tier_where_it_runs_out(profit.cents());
  const std::span<const Money> b = received_before(t);
  std::copy(b.begin(), b.end(), by_payee.begin());
  return pay_partial_tier(t, profit.cents(), [&](Index slot, std::int64_t cents) {
    by_payee[slot] = Money::from_cents(by_payee[slot].cents() + cents);
  });
}

template <std::size_t kPayees>
void FreshPayout::pay_direct(std::span<const Money> profits, std::size_t first, std::size_t n, std::uint16_t* tier_of,
                             std::span<Money> by_payee, std::span<Money> undistributed) const {
  const std::size_t payees = kPayees == 0 ? w_.payees.size() : kPayees;
  // No branch on whether the rest goes to a payee, nowhere or a split: for random
  // profits each would be a coin toss.
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t r = first + i;
    const std::size_t t = tier_where_it_runs_out(profits[r].cents());
    tier_of[i] = static_cast<std::uint16_t>(t);
    const Direct& d = direct_[t];
    Money* row = by_payee.data() + r * payees;
    const Money* b = received_before_.data() + t * payees;
    for (std::size_t p = 0; p < payees; ++p) row[p] = b[p];
    const std::int64_t rest = profits[r].cents() - d.filled;
    if (payees != 0) row[d.slot] = Money::from_cents(row[d.slot].cents() + (rest & d.to_slot));
    undistributed[r] = Money::from_cents(rest & d.to_undistributed);
  }
}

void FreshPayout::pay_many(std::span<const Money> profits, std::span<Money> by_payee,
                           std::span<Money> undistributed) const {
  const std::size_t payees = w_.payees.size();
  // Blocks small enough that their rows stay in the cache for the second pass.
  constexpr std::size_t kBlock = 4096;
  std::vector<std::uint16_t> tier_of(std::min(kBlock, profits.size()));
  std::vector<std::uint32_t> gathered(tier_of.size());
  std::vector<std::uint32_t> order(tier_of.size());
  std::vector<std::uint32_t> start(direct_.size() + 1);  // by tier: where its profits begin in `order`
  std::vector<std::uint32_t> next(direct_.size());
  for (std::size_t first = 0; first < profits.size(); first += kBlock) {
    const std::size_t n = std::min(kBlock, profits.size() - first);
    // Every profit: the totals of the tiers before the one where it runs out and, when that
    // tier is one whole share or there is none, the rest to that share or undistributed.
    // The usual handful of payees is a constant here, so a row is copied in a move or two.
    switch (payees) {
      case 1: pay_direct<1>(profits, first, n, tier_of.data(), by_payee, undistributed); break;
      case 2: pay_direct<2>(profits, first, n, tier_of.data(), by_payee, undistributed); break;
      case 3: pay_direct<3>(profits, first, n, tier_of.data(), by_payee, undistributed); break;
      case 4: pay_direct<4>(profits, first, n, tier_of.data(), by_payee, undistributed); break;
      case 5: pay_direct<5>(profits, first, n, tier_of.data(), by_payee, undistributed); break;
      case 6: pay_direct<6>(profits, first, n, tier_of.data(), by_payee, undistributed); break;
      default: pay_direct<0>(profits, first, n, tier_of.data(), by_payee, undistributed); break;
    }
    // Then the profits that run out in a tier that splits: gathered without branches and
    // ordered by tier (a counting sort), so the split's branches see one tier at a time.
    std::size_t m = 0;
    for (std::size_t i = 0; i < n; ++i) {
      gathered[m] = static_cast<std::uint32_t>(i);
      m += static_cast<std::size_t>(splits_[tier_of[i]]);
    }
    std::fill(start.begin(), start.end(), 0);
    for (std::size_t k = 0; k < m; ++k) ++start[tier_of[gathered[k]] + 1];
    for (std::size_t t = 0; t + 1 < start.size(); ++t) start[t + 1] += start[t];
    std::copy(start.begin(), start.end() - 1, next.begin());
    for (std::size_t k = 0; k < m; ++k) order[next[tier_of[gathered[k]]]++] = gathered[k];
    for (const std::uint16_t t : split_tiers_) {
      for (std::uint32_t k = start[t]; k < start[t + 1]; ++k) {
        const std::size_t r = first + order[k];
        Money* row = by_payee.data() + r * payees;
        undistributed[r] = pay_partial_tier(t, profits[r].cents(), [row](Index slot, std::int64_t cents) {
          row[slot] = Money::from_cents(row[slot].cents() + cents);
        });
      }
    }
  }
}

}  // namespace clause::engine
