#include "engine/waterfall.hpp"

#include <algorithm>

namespace clause::engine {
namespace {

constexpr std::int64_t W = Percent::kWhole;  // a share's denominator: 100% = W units

// An exact part of a tier: whole cents plus a remainder in 1/W of a cent.
struct Part {
  std::int64_t whole = 0;
  std::int64_t rem = 0;  // 0 <= rem < W
  void add(Part o) {
    whole += o.whole;
    rem += o.rem;
    if (rem >= W) {
      rem -= W;
      whole += 1;
    }
  }
};

// p/W of `take` cents, exactly, without 128-bit arithmetic: take = q*W + s.
Part share_of(std::int64_t take, std::int64_t p) {
  const std::int64_t q = take / W;
  const std::int64_t s = take % W;
  const std::int64_t ps = p * s;  // < W*W = 10^12
  return {p * q + ps / W, ps % W};
}

struct Recipient {
  Index party = kNone;
  Part part;
  bool rounded_up = false;
};

// Rounds every part down, then gives the leftover cents one each to the largest
// remainders; ties go to the recipient written first (an overflow party last). Sorting
// once keeps a tier of a thousand shares linear-logarithmic, not quadratic.
void round_parts(std::vector<Recipient>& rs, std::int64_t take) {
  std::int64_t paid = 0;
  for (const Recipient& r : rs) paid += r.part.whole;
  std::int64_t leftover = take - paid;
  if (leftover <= 0) return;
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < rs.size(); ++i) {
    if (rs[i].part.rem != 0) order.push_back(i);
  }
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return rs[a].part.rem > rs[b].part.rem; });
  // Fewer leftover cents than non-zero remainders, so `order` never runs out.
  for (std::size_t k = 0; k < order.size() && leftover > 0; ++k, --leftover) {
    rs[order[k]].rounded_up = true;
    rs[order[k]].part.whole += 1;
  }
}

// The least whole number of cents of tier input at which a share of p/W reaches `room`.
// nullopt when that is beyond the money range.
std::optional<std::int64_t> input_to_fill(std::int64_t room, std::int64_t p) {
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
}

std::optional<Money> distribute(const Waterfall& w, WaterfallState& state, Money profit,
                                std::vector<PayoutLine>& lines) {
  const auto new_total = state.total.plus(profit);
  if (!new_total) return std::nullopt;
  // Every running total grows by at most `profit`: check the largest once, up front.
  for (const Money r : state.received) {
    if (!r.plus(profit)) return std::nullopt;
  }

  std::int64_t remaining = profit.cents();
  std::vector<Recipient> rs;
  for (std::size_t t = 0; t < w.tiers.size() && remaining > 0; ++t) {
    const Tier& tier = w.tiers[t];
    std::int64_t take = 0;
    rs.clear();
    switch (tier.kind) {
      case TierKind::first:
      case TierKind::next: {
        take = std::min(remaining, tier.amount.cents() - state.tier_taken[t].cents());
        if (take <= 0) continue;
        for (const Share& s : tier.shares) rs.push_back({s.party, share_of(take, s.percent.units())});
        break;
      }
      case TierKind::rest: {
        take = remaining;
        for (const Share& s : tier.shares) rs.push_back({s.party, share_of(take, s.percent.units())});
        break;
      }
      case TierKind::until_capped: {
        // The tier is complete when every capped party has reached its cap; it takes the
        // cent in which the last cap is reached.
        std::int64_t need = 0;
        bool beyond_range = false;
        for (const Share& s : tier.shares) {
          if (!s.cap) continue;
          const std::int64_t room = s.cap->cents() - state.received[s.party].cents();
          if (room <= 0) continue;
          const auto fill = input_to_fill(room, s.percent.units());
          if (!fill) {
            beyond_range = true;
            continue;
          }
          need = std::max(need, *fill);
        }
        take = beyond_range ? remaining : std::min(remaining, need);
        if (take <= 0) continue;
        Part overflow;
        std::size_t overflow_slot = tier.shares.size();
        for (std::size_t i = 0; i < tier.shares.size(); ++i) {
          const Share& s = tier.shares[i];
          if (s.party == tier.overflow) overflow_slot = i;
          Part part = share_of(take, s.percent.units());
          if (s.cap) {
            const std::int64_t room = std::max<std::int64_t>(0, s.cap->cents() - state.received[s.party].cents());
            if (part.whole >= room) {
              // Past the cap the share goes to the overflow party.
              overflow.add(Part{part.whole - room, part.rem});
              part = Part{room, 0};
            }
          }
          rs.push_back({s.party, part});
        }
        if (overflow_slot < rs.size()) {
          rs[overflow_slot].part.add(overflow);
        } else {
          rs.push_back({tier.overflow, overflow});
        }
        break;
      }
    }
    round_parts(rs, take);
    for (const Recipient& r : rs) {
      if (r.part.whole == 0) continue;
      const Money amount = Money::from_cents(r.part.whole);
      state.received[r.party] = *state.received[r.party].plus(amount);
      lines.push_back({static_cast<Index>(t), r.party, amount});
    }
    state.tier_taken[t] = *state.tier_taken[t].plus(Money::from_cents(take));
    remaining -= take;
  }
  state.total = *new_total;
  return Money::from_cents(remaining);
}

std::optional<Money> capacity(const Waterfall& w, std::size_t party_count) {
  for (const Tier& t : w.tiers) {
    if (t.kind == TierKind::rest) return std::nullopt;
  }
  WaterfallState state;
  state.reset(w, party_count);
  std::vector<PayoutLine> lines;
  const auto left = distribute(w, state, Money::max(), lines);
  if (!left || left->is_zero()) return std::nullopt;
  return Money::from_cents(Money::kLimitCents - left->cents());
}

}  // namespace clause::engine
