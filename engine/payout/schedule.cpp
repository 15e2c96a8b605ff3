#include "engine/payout/schedule.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace clause::engine {
namespace {

// Thrown inside this file when an exact figure needs more than 127 bits; caught at the
// public functions, which answer with an error value instead.
struct Overflow {};

Rational exact(std::optional<Rational> r) {
  if (!r) throw Overflow{};
  return *r;
}
Rational add(const Rational& a, const Rational& b) { return exact(a.plus(b)); }
Rational sub(const Rational& a, const Rational& b) { return exact(a.minus(b)); }
Rational mul(const Rational& a, const Rational& b) { return exact(a.times(b)); }
Rational div(const Rational& a, const Rational& b) { return exact(a.divided_by(b)); }

const char* const kTooPrecise =
    "the exact schedule of waterfall `{}` needs figures beyond 127 bits (its caps and shares make "
    "fractions too fine to follow exactly)";

}  // namespace

// Walks the tiers once, in order, from a state: a breakpoint wherever a tier fills or a
// cap binds, each segment's marginal shares read off the tier that pays it.
class ScheduleBuilder {
 public:
  ScheduleBuilder(const Waterfall& w, const WaterfallState& from) : w_(w), from_(from) {
    const std::size_t n = from.received.size();
    s_.party_count_ = n;
    paid_.assign(n, Rational());
    s_.tiers_.assign(w.tiers.size(), TierSpan{});
    const auto add_party = [&](Index p) {
      if (p != kNone && std::find(s_.parties_.begin(), s_.parties_.end(), p) == s_.parties_.end()) {
        s_.parties_.push_back(p);
      }
    };
    for (const Tier& t : w.tiers) {
      for (const Share& sh : t.shares) add_party(sh.party);
      add_party(t.overflow);
    }
  }

  Schedule build() {
    std::size_t t = 0;
    bool endless = false;  // a tier that never fills: nothing after it ever starts
    for (; t < w_.tiers.size() && !endless; ++t) {
      const auto ti = static_cast<Index>(t);
      const Tier& tier = w_.tiers[t];
      s_.tiers_[t].start = pos_;
      switch (tier.kind) {
        case TierKind::first:
        case TierKind::next: {
          const std::int64_t left = tier.amount.cents() - from_.tier_taken[t].cents();
          if (left > 0) {
            reason({ReasonKind::tier_starts, ti});
            open(ti, own_shares(tier));
            advance(Rational(left));
            reason({ReasonKind::tier_full, ti});
          }
          s_.tiers_[t].end = pos_;
          break;
        }
        case TierKind::rest:
          reason({ReasonKind::tier_starts, ti});
          open(ti, own_shares(tier));
          endless = true;
          break;
        case TierKind::until_capped:
          endless = !capped_tier(ti);
          if (!endless) s_.tiers_[t].end = pos_;
          break;
      }
    }
    for (; t < w_.tiers.size(); ++t) s_.tiers_[t] = TierSpan{pos_, std::nullopt};
    if (!endless) {
      reason({ReasonKind::nothing_more, kNone});
      open(kNone, std::vector<Percent>(s_.party_count_), Percent::from_units(Percent::kWhole));
    }
    return std::move(s_);
  }

 private:
  std::vector<Percent> own_shares(const Tier& tier) const {
    std::vector<Percent> m(s_.party_count_);
    for (const Share& sh : tier.shares) m[sh.party] = sh.percent;
    return m;
  }

  // An `until capped` tier: segments between the points where caps bind. False when the
  // tier never completes (a capped share of 0% that has room left).
  bool capped_tier(Index ti) {
    const Tier& tier = w_.tiers[ti];
    struct Capped {
      std::size_t share;
      Rational room;  // cents the party may still receive
    };
    std::vector<Capped> active;
    std::vector<Index> at_cap;
    for (std::size_t i = 0; i < tier.shares.size(); ++i) {
      const Share& sh = tier.shares[i];
      if (!sh.cap) continue;
      const Rational received = add(Rational::of(from_.received[sh.party]), paid_[sh.party]);
      const Rational room = sub(Rational::of(*sh.cap), received);
      if (room.sign() > 0) {
        active.push_back({i, room});
      } else {
        at_cap.push_back(sh.party);
      }
    }
    reason({ReasonKind::tier_starts, ti});
    for (const Index p : at_cap) reason({ReasonKind::capped_at_start, ti, p});
    while (!active.empty()) {
      // Shares of parties at their cap go to the overflow party.
      std::vector<Percent> m(s_.party_count_);
      std::int64_t spilled = 0;
      for (std::size_t i = 0; i < tier.shares.size(); ++i) {
        const Share& sh = tier.shares[i];
        const bool open_share = !sh.cap || std::any_of(active.begin(), active.end(),
                                                       [&](const Capped& c) { return c.share == i; });
        if (open_share) {
          m[sh.party] = Percent::from_units(m[sh.party].units() + sh.percent.units());
        } else {
          spilled += sh.percent.units();
        }
      }
      m[tier.overflow] = Percent::from_units(m[tier.overflow].units() + spilled);
      open(ti, m);
      // The profit until the next cap binds: room / share.
      std::optional<Rational> step;
      for (const Capped& c : active) {
        const Percent p = tier.shares[c.share].percent;
        if (p.units() == 0) continue;
        const Rational y = div(c.room, Rational::of(p));
        if (!step || y < *step) step = y;
      }
      if (!step) return false;  // only 0% capped shares left: they never reach their caps
      advance(*step);
      std::vector<Capped> still;
      for (Capped& c : active) {
        const Percent p = tier.shares[c.share].percent;
        c.room = sub(c.room, mul(*step, Rational::of(p)));
        if (c.room.sign() <= 0) {
          reason({ReasonKind::cap_reached, ti, tier.shares[c.share].party});
        } else {
          still.push_back(c);
        }
      }
      active = std::move(still);
    }
    reason({ReasonKind::tier_complete, ti});
    return true;
  }

  // The breakpoint at the current profit, made when the first reason arrives there.
  Breakpoint& here() {
    auto& bs = s_.breakpoints_;
    if (bs.empty() || bs.back().profit != pos_) {
      Breakpoint b;
      b.profit = pos_;
      b.paid = paid_;
      b.undistributed = undistributed_;
      b.marginal.assign(s_.party_count_, Percent{});
      bs.push_back(std::move(b));
    }
    return bs.back();
  }

  void reason(Reason r) { here().reasons.push_back(r); }

  void open(Index tier, std::vector<Percent> marginal, Percent undistributed = Percent{}) {
    Breakpoint& b = here();
    b.tier = tier;
    b.marginal = std::move(marginal);
    b.marginal_undistributed = undistributed;
  }

  void advance(const Rational& length) {
    const Breakpoint& b = s_.breakpoints_.back();
    for (std::size_t p = 0; p < paid_.size(); ++p) {
      if (b.marginal[p].units() != 0) paid_[p] = add(paid_[p], mul(length, Rational::of(b.marginal[p])));
    }
    if (b.marginal_undistributed.units() != 0) {
      undistributed_ = add(undistributed_, mul(length, Rational::of(b.marginal_undistributed)));
    }
    pos_ = add(pos_, length);
  }

  const Waterfall& w_;
  const WaterfallState& from_;
  Schedule s_;
  Rational pos_;
  std::vector<Rational> paid_;
  Rational undistributed_;
};

std::size_t Schedule::segment_at(const Rational& profit) const {
  const auto it = std::upper_bound(breakpoints_.begin(), breakpoints_.end(), profit,
                                   [](const Rational& x, const Breakpoint& b) { return x < b.profit; });
  return it == breakpoints_.begin() ? 0 : static_cast<std::size_t>(it - breakpoints_.begin()) - 1;
}

std::optional<Rational> Schedule::payout(Index party, const Rational& profit) const {
  try {
    const Breakpoint& b = breakpoints_[segment_at(profit)];
    return add(b.paid[party], mul(sub(profit, b.profit), Rational::of(b.marginal[party])));
  } catch (const Overflow&) {
    return std::nullopt;
  }
}

std::optional<Rational> Schedule::undistributed(const Rational& profit) const {
  try {
    const Breakpoint& b = breakpoints_[segment_at(profit)];
    return add(b.undistributed, mul(sub(profit, b.profit), Rational::of(b.marginal_undistributed)));
  } catch (const Overflow&) {
    return std::nullopt;
  }
}

std::optional<Rational> Schedule::most(Index party) const {
  const Breakpoint& last = breakpoints_.back();
  if (last.marginal[party].units() != 0) return std::nullopt;
  return last.paid[party];
}

std::optional<Threshold> Schedule::least_profit(Index party, const Rational& amount) const {
  try {
    if (amount.sign() <= 0) return Threshold{true, Rational(), Rational()};
    for (std::size_t k = 0; k < breakpoints_.size(); ++k) {
      const Breakpoint& b = breakpoints_[k];
      if (b.paid[party] >= amount) return Threshold{true, b.profit, Rational()};
      const Percent slope = b.marginal[party];
      if (slope.units() == 0) continue;
      if (k + 1 == breakpoints_.size() || breakpoints_[k + 1].paid[party] >= amount) {
        const Rational more = div(sub(amount, b.paid[party]), Rational::of(slope));
        return Threshold{true, add(b.profit, more), Rational()};
      }
    }
    return Threshold{false, Rational(), breakpoints_.back().paid[party]};
  } catch (const Overflow&) {
    return std::nullopt;
  }
}

std::variant<Schedule, ScheduleError> build_schedule(const Waterfall& w, const WaterfallState& from) {
  try {
    return ScheduleBuilder(w, from).build();
  } catch (const Overflow&) {
    return ScheduleError{fmt::format(fmt::runtime(kTooPrecise), w.name)};
  }
}

std::variant<Schedule, ScheduleError> build_schedule(const Waterfall& w, std::size_t party_count) {
  WaterfallState fresh;
  fresh.reset(w, party_count);
  return build_schedule(w, fresh);
}

namespace {

// The least integer strictly above the last profit at which `party` has received at most
// `v` cents (nullopt: its payout never passes `v`). Below it, distribute cannot have
// paid the party `v + 1` cents within the tier the schedule starts in.
std::optional<Int128> first_cent_above(const Schedule& s, Index party, const Rational& v) {
  const auto& bs = s.breakpoints();
  for (std::size_t k = 0; k < bs.size(); ++k) {
    const Breakpoint& b = bs[k];
    if (b.paid[party] > v) return b.profit.floor() + 1;
    const Percent slope = b.marginal[party];
    if (slope.units() == 0) continue;
    if (k + 1 == bs.size() || bs[k + 1].paid[party] > v) {
      const Rational x = add(b.profit, div(sub(v, b.paid[party]), Rational::of(slope)));
      return x.floor() + 1;
    }
  }
  return std::nullopt;
}

}  // namespace

std::variant<CentThreshold, ScheduleError> least_cent_profit(const Waterfall& w, std::size_t party_count, Index party,
                                                             Money amount) {
  // Tier by tier, from the state distribute leaves when every tier before is complete.
  // Within a tier, distribute's part for the party is the exact part rounded by largest
  // remainders, so it is within one cent of the schedule from that state: the first
  // profit that pays `amount` lies where the exact payout has passed `amount - 1` cent
  // and not beyond where it reaches `amount` (or at the tier's last cent, which an
  // `until capped` tier takes past its exact end). Each candidate is checked with
  // distribute itself.
  try {
    WaterfallState state;
    state.reset(w, party_count);
    std::int64_t start = 0;
    std::vector<PayoutLine> lines;
    for (std::size_t t = 0; t < w.tiers.size(); ++t) {
      const std::int64_t need = amount.cents() - state.received[party].cents();
      if (need <= 0) return CentThreshold{CentThreshold::Kind::reached, Money::from_cents(start)};
      auto built = build_schedule(w, state);
      if (auto* e = std::get_if<ScheduleError>(&built)) return *e;
      const Schedule& s = std::get<Schedule>(built);
      const TierSpan& span = s.tiers()[t];
      // How much distribute's tier t takes from this state; nullopt: it never fills.
      std::optional<Int128> take;
      if (span.end) take = span.end->ceil();
      const Int128 reach = Money::kLimitCents - start;  // the most profit still in range
      const Int128 last = take ? std::min(*take, reach) : reach;
      if (take && *take == 0) continue;

      const auto lo = first_cent_above(s, party, Rational(need - 1));
      const auto reached_exactly = s.least_profit(party, Rational(need));
      if (!reached_exactly) throw Overflow{};
      const std::optional<Int128> hi =
          reached_exactly->reached ? std::optional<Int128>(reached_exactly->profit.ceil()) : std::nullopt;
      const auto pays_enough = [&](Int128 y) {
        WaterfallState trial = state;
        lines.clear();
        if (!distribute(w, trial, Money::from_cents(static_cast<std::int64_t>(y)), lines)) return false;
        return trial.received[party] >= amount;
      };
      if (lo) {
        const Int128 from = std::max<Int128>(1, *lo);
        const Int128 to = std::min(hi ? *hi : last, last);
        for (Int128 y = from; y <= to; ++y) {
          if (pays_enough(y)) return CentThreshold{CentThreshold::Kind::reached,
                                                   Money::from_cents(start + static_cast<std::int64_t>(y))};
        }
      }
      if (take && *take <= reach && pays_enough(*take)) {
        return CentThreshold{CentThreshold::Kind::reached, Money::from_cents(start + static_cast<std::int64_t>(*take))};
      }
      if (!take) {
        // The tier pays for ever and nothing within the range paid enough: beyond the range
        // if the exact payout passes `amount - 1` cent somewhere, else never.
        return CentThreshold{lo ? CentThreshold::Kind::beyond_range : CentThreshold::Kind::never, Money{}};
      }
      if (*take > reach) return CentThreshold{CentThreshold::Kind::beyond_range, Money{}};
      lines.clear();
      if (!distribute(w, state, Money::from_cents(static_cast<std::int64_t>(*take)), lines)) {
        return CentThreshold{CentThreshold::Kind::beyond_range, Money{}};
      }
      start += static_cast<std::int64_t>(*take);
    }
    return CentThreshold{CentThreshold::Kind::never, Money{}};
  } catch (const Overflow&) {
    return ScheduleError{fmt::format(fmt::runtime(kTooPrecise), w.name)};
  }
}

std::string tier_label(const Waterfall& w, Index tier) {
  const Tier& t = w.tiers[tier];
  return t.name ? fmt::format("tier \"{}\"", *t.name) : fmt::format("tier {}", tier + 1);
}

std::string describe(const Reason& r, const Waterfall& w, const Contract& c) {
  const auto cap_of = [&]() -> std::string {
    for (const Share& sh : w.tiers[r.tier].shares) {
      if (sh.party == r.party && sh.cap) return sh.cap->to_short();
    }
    return "?";
  };
  switch (r.kind) {
    case ReasonKind::tier_starts:
      return fmt::format("{} starts", tier_label(w, r.tier));
    case ReasonKind::tier_full:
      return fmt::format("{} is full ({})", tier_label(w, r.tier), w.tiers[r.tier].amount.to_short());
    case ReasonKind::cap_reached:
      return fmt::format("{} reaches its cap ({}) in {}", c.parties[r.party].name, cap_of(), tier_label(w, r.tier));
    case ReasonKind::capped_at_start:
      return fmt::format("{} is at its cap ({}) before {} starts", c.parties[r.party].name, cap_of(),
                         tier_label(w, r.tier));
    case ReasonKind::tier_complete:
      return fmt::format("{} is complete: every cap is reached", tier_label(w, r.tier));
    case ReasonKind::nothing_more:
      return "every tier is full: the rest is not distributed";
  }
  return {};
}

}  // namespace clause::engine
