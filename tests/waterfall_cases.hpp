// Random waterfalls, and a deliberately simple reference for what they pay, shared by the
// waterfall and schedule tests. The reference reads LANGUAGE.md sections 4 and 9 one rule
// at a time with exact fractions: no shortcuts, no shared code with the engine (it does
// not use engine::Rational either), so the two can only agree by both being right.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <numeric>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/payout/waterfall.hpp"

namespace clause::test::waterfall {

using engine::Index;
using engine::Money;
using engine::Percent;
using engine::Share;
using engine::Tier;
using engine::TierKind;
using engine::Waterfall;

__extension__ typedef __int128 I128;

// ----- a plain fraction -----------------------------------------------------------------

inline I128 mul(I128 a, I128 b) {
  I128 r = 0;
  if (__builtin_mul_overflow(a, b, &r)) throw std::overflow_error("reference fraction overflowed");
  return r;
}
inline I128 add(I128 a, I128 b) {
  I128 r = 0;
  if (__builtin_add_overflow(a, b, &r)) throw std::overflow_error("reference fraction overflowed");
  return r;
}
inline I128 gcd(I128 a, I128 b) {
  if (a < 0) a = -a;
  if (b < 0) b = -b;
  while (b != 0) {
    const I128 t = a % b;
    a = b;
    b = t;
  }
  return a;
}

// n / d, d > 0, in lowest terms after every operation.
struct Q {
  I128 n = 0;
  I128 d = 1;
  Q() = default;
  Q(I128 whole) : n(whole) {}  // NOLINT: integers are fractions
  Q(I128 num, I128 den) : n(num), d(den) {
    if (d < 0) {
      n = -n;
      d = -d;
    }
    const I128 g = gcd(n, d);
    if (g > 1) {
      n /= g;
      d /= g;
    }
  }
  // Over the least common denominator, and cancelling across before multiplying, so that
  // the numbers stay as small as the result.
  friend Q operator+(const Q& a, const Q& b) {
    const I128 g = gcd(a.d, b.d);
    return Q(add(mul(a.n, b.d / g), mul(b.n, a.d / g)), mul(a.d / g, b.d));
  }
  friend Q operator-(const Q& a, const Q& b) { return a + Q(-b.n, b.d); }
  friend Q operator*(const Q& a, const Q& b) {
    const I128 g1 = std::max<I128>(1, gcd(a.n, b.d));
    const I128 g2 = std::max<I128>(1, gcd(b.n, a.d));
    return Q(mul(a.n / g1, b.n / g2), mul(a.d / g2, b.d / g1));
  }
  friend Q operator/(const Q& a, const Q& b) { return a * Q(b.d, b.n); }
  friend bool operator<(const Q& a, const Q& b) { return mul(a.n, b.d) < mul(b.n, a.d); }
  friend bool operator==(const Q& a, const Q& b) { return a.n == b.n && a.d == b.d; }
  I128 floor() const { return n >= 0 ? n / d : -((-n + d - 1) / d); }
  I128 ceil() const { return -Q(-n, d).floor(); }
};
inline Q qmin(const Q& a, const Q& b) { return b < a ? b : a; }
inline Q qmax(const Q& a, const Q& b) { return a < b ? b : a; }
inline Q share_of(Percent p) { return Q(p.units(), Percent::kWhole); }

inline std::string str(I128 v) {
  if (v == 0) return "0";
  std::string s;
  const bool neg = v < 0;
  if (neg) v = -v;
  while (v > 0) {
    s.push_back(static_cast<char>('0' + static_cast<int>(v % 10)));
    v /= 10;
  }
  if (neg) s.push_back('-');
  return std::string(s.rbegin(), s.rend());
}
inline std::string str(const Q& q) { return q.d == 1 ? str(q.n) : str(q.n) + "/" + str(q.d); }

// ----- the reference, in whole cents (sections 4 and 9) -----------------------------------

struct RefState {
  std::vector<I128> taken;     // by tier
  std::vector<I128> received;  // by party
  I128 undistributed = 0;
  RefState(const Waterfall& w, std::size_t parties) : taken(w.tiers.size(), 0), received(parties, 0) {}
};

// (tier, party) -> cents, for one event.
using Lines = std::map<std::pair<Index, Index>, I128>;

// Every part rounded down; the leftover cents one each to the largest remainders, ties
// to the earlier recipient (the caller lists an overflow party not among the shares last).
inline std::vector<I128> largest_remainders(const std::vector<Q>& parts, I128 take) {
  std::vector<I128> cents;
  I128 paid = 0;
  for (const Q& p : parts) {
    cents.push_back(p.floor());
    paid += cents.back();
  }
  std::vector<Q> remainder;
  for (std::size_t i = 0; i < parts.size(); ++i) remainder.push_back(parts[i] - Q(cents[i]));
  std::vector<std::size_t> order(parts.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return remainder[b] < remainder[a]; });
  const I128 leftover = take - paid;
  if (leftover < 0 || leftover > static_cast<I128>(parts.size())) throw std::logic_error("parts do not add up");
  for (std::size_t i = 0; static_cast<I128>(i) < leftover; ++i) cents[order[i]] += 1;
  return cents;
}

// One profit event, as the rules say it.
inline Lines ref_distribute(const Waterfall& w, RefState& s, I128 profit) {
  Lines lines;
  I128 remaining = profit;
  for (std::size_t t = 0; t < w.tiers.size() && remaining > 0; ++t) {
    const Tier& tier = w.tiers[t];
    std::vector<Index> who;
    std::vector<Q> parts;
    I128 take = 0;
    if (tier.kind == TierKind::first || tier.kind == TierKind::next) {
      // Takes what is left of its amount.
      take = std::min(remaining, I128(tier.amount.cents()) - s.taken[t]);
      for (const Share& sh : tier.shares) {
        who.push_back(sh.party);
        parts.push_back(Q(take) * share_of(sh.percent));
      }
    } else if (tier.kind == TierKind::rest) {
      take = remaining;
      for (const Share& sh : tier.shares) {
        who.push_back(sh.party);
        parts.push_back(Q(take) * share_of(sh.percent));
      }
    } else {
      // Complete when every capped party has reached its cap (caps count every cent the
      // party has received from the waterfall); takes the cent in which the last is reached.
      Q complete = 0;
      for (const Share& sh : tier.shares) {
        if (!sh.cap) continue;
        const I128 room = I128(sh.cap->cents()) - s.received[sh.party];
        if (room > 0) complete = qmax(complete, Q(room) / share_of(sh.percent));
      }
      take = std::min(remaining, complete.ceil());
      Q overflow = 0;
      for (const Share& sh : tier.shares) {
        Q part = Q(take) * share_of(sh.percent);
        if (sh.cap) {
          const Q limit = qmax(Q(0), Q(I128(sh.cap->cents()) - s.received[sh.party]));
          if (limit < part) {
            overflow = overflow + (part - limit);
            part = limit;
          }
        }
        who.push_back(sh.party);
        parts.push_back(part);
      }
      const auto at = std::find(who.begin(), who.end(), tier.overflow);
      if (at != who.end()) {
        parts[static_cast<std::size_t>(at - who.begin())] = parts[static_cast<std::size_t>(at - who.begin())] + overflow;
      } else {
        who.push_back(tier.overflow);
        parts.push_back(overflow);
      }
    }
    if (take <= 0) continue;
    const std::vector<I128> cents = largest_remainders(parts, take);
    for (std::size_t i = 0; i < who.size(); ++i) {
      if (cents[i] == 0) continue;
      lines[{static_cast<Index>(t), who[i]}] += cents[i];
      s.received[who[i]] += cents[i];
    }
    s.taken[t] += take;
    remaining -= take;
  }
  s.undistributed += remaining;
  return lines;
}

// ----- the reference, exact (money divisible without end) --------------------------------

struct ExactPayout {
  std::vector<Q> paid;  // by party
  Q undistributed;
};

// One event of `profit` from a fresh state with no rounding anywhere: the function the
// schedule describes.
inline ExactPayout ref_exact(const Waterfall& w, std::size_t parties, const Q& profit) {
  ExactPayout out{std::vector<Q>(parties, Q(0)), Q(0)};
  Q remaining = profit;
  for (const Tier& tier : w.tiers) {
    if (!(Q(0) < remaining)) break;
    Q take;
    if (tier.kind == TierKind::first || tier.kind == TierKind::next) {
      take = qmin(remaining, Q(tier.amount.cents()));
    } else if (tier.kind == TierKind::rest) {
      take = remaining;
    } else {
      Q complete = 0;
      for (const Share& sh : tier.shares) {
        if (!sh.cap) continue;
        const Q room = Q(sh.cap->cents()) - out.paid[sh.party];
        if (Q(0) < room) complete = qmax(complete, room / share_of(sh.percent));
      }
      take = qmin(remaining, complete);
    }
    Q overflow = 0;
    std::vector<Q> add(parties, Q(0));
    for (const Share& sh : tier.shares) {
      Q part = take * share_of(sh.percent);
      if (tier.kind == TierKind::until_capped && sh.cap) {
        const Q limit = qmax(Q(0), Q(sh.cap->cents()) - out.paid[sh.party]);
        if (limit < part) {
          overflow = overflow + (part - limit);
          part = limit;
        }
      }
      add[sh.party] = add[sh.party] + part;
    }
    if (tier.kind == TierKind::until_capped) add[tier.overflow] = add[tier.overflow] + overflow;
    for (std::size_t p = 0; p < parties; ++p) out.paid[p] = out.paid[p] + add[p];
    remaining = remaining - take;
  }
  out.undistributed = remaining;
  return out;
}

// ----- random waterfalls --------------------------------------------------------------

struct Shape {
  bool caps = true;               // `until capped` tiers may appear
  bool whole_tier_splits = false; // `first`/`next` amounts in $10,000s: every share of them is whole cents
  std::int64_t max_amount = 100'000'000'000'000;  // cents ($1T): tier amounts and caps stay below
  std::size_t tiers = 0;       // exactly this many (the last may end it as `rest`); 0: 1 to 5 at random
  std::size_t max_shares = 4;  // shares of a tier, at most (and at most the parties)
};

inline std::int64_t random_amount(std::mt19937_64& rng, std::int64_t max) {
  // Any magnitude from a cent to `max`, so caps are sometimes reached before their tier.
  std::int64_t scale = 1;
  for (int digits = static_cast<int>(rng() % 14); digits > 0 && scale <= max / 10; --digits) scale *= 10;
  return std::min<std::int64_t>(max, scale * static_cast<std::int64_t>(1 + rng() % 999));
}

// Units summing to exactly 100%: whole percents, half percents or any four-decimal split.
inline std::vector<std::int64_t> random_split(std::mt19937_64& rng, std::size_t k) {
  const std::int64_t grain = std::vector<std::int64_t>{10'000, 5'000, 1}[rng() % 3];
  const std::int64_t slots = Percent::kWhole / grain;
  std::vector<std::int64_t> cuts;
  while (cuts.size() + 1 < k) {
    const std::int64_t c = 1 + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(slots - 1));
    if (std::find(cuts.begin(), cuts.end(), c) == cuts.end()) cuts.push_back(c);
  }
  std::sort(cuts.begin(), cuts.end());
  std::vector<std::int64_t> units;
  std::int64_t prev = 0;
  for (const std::int64_t c : cuts) {
    units.push_back((c - prev) * grain);
    prev = c;
  }
  units.push_back((slots - prev) * grain);
  return units;
}

inline Waterfall random_waterfall(std::mt19937_64& rng, std::size_t parties, const Shape& shape) {
  Waterfall w;
  w.name = "random";
  w.of = 0;
  const std::size_t tiers = shape.tiers != 0 ? shape.tiers : 1 + rng() % 5;
  for (std::size_t t = 0; t < tiers; ++t) {
    Tier tier;
    const bool last = t + 1 == tiers;
    const auto roll = rng() % 10;
    if (last && roll < 5) {
      tier.kind = TierKind::rest;
    } else if (shape.caps && roll >= 6) {
      tier.kind = TierKind::until_capped;
    } else {
      tier.kind = t == 0 && rng() % 2 == 0 ? TierKind::first : TierKind::next;
      tier.amount = Money::from_cents(shape.whole_tier_splits ? 1'000'000 * (1 + static_cast<std::int64_t>(rng() % 100'000))
                                                             : random_amount(rng, shape.max_amount));
    }
    // Distinct parties for the shares.
    std::vector<Index> order(parties);
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), rng);
    std::size_t k = 1 + rng() % std::min<std::size_t>(parties, shape.max_shares);
    if (tier.kind == TierKind::until_capped) {
      // The overflow party: one of the shares or another party; never capped here.
      const bool among = rng() % 2 == 0;
      if (!among && k == parties) --k;
      if (among && k == 1) ++k;
      tier.overflow = among ? order[rng() % k] : order[k];
    }
    const std::vector<std::int64_t> units = random_split(rng, k);
    bool any_cap = false;
    for (std::size_t i = 0; i < k; ++i) {
      Share sh{order[i], Percent::from_units(units[i]), std::nullopt};
      if (tier.kind == TierKind::until_capped && order[i] != tier.overflow && (rng() % 3 != 0 || !any_cap)) {
        sh.cap = Money::from_cents(random_amount(rng, shape.max_amount));
        any_cap = true;
      }
      tier.shares.push_back(sh);
    }
    if (tier.kind == TierKind::until_capped && !any_cap) {
      // Only the overflow party is among the shares: cap someone else and add them.
      tier.kind = TierKind::next;
      tier.overflow = engine::kNone;
      tier.amount = Money::from_cents(random_amount(rng, shape.max_amount));
    }
    w.tiers.push_back(tier);
    if (tier.kind == TierKind::rest) break;
  }
  return w;
}

inline std::vector<std::int64_t> random_profits(std::mt19937_64& rng, std::size_t n) {
  std::vector<std::int64_t> out;
  for (std::size_t i = 0; i < n; ++i) out.push_back(random_amount(rng, 100'000'000'000'000));
  return out;
}

// The waterfall in the language's own words, for failure messages.
inline std::string describe(const Waterfall& w) {
  std::ostringstream s;
  for (const Tier& t : w.tiers) {
    s << "tier ";
    switch (t.kind) {
      case TierKind::first: s << "first " << t.amount.to_decimal(); break;
      case TierKind::next: s << "next " << t.amount.to_decimal(); break;
      case TierKind::until_capped: s << "until capped"; break;
      case TierKind::rest: s << "rest"; break;
    }
    s << ":";
    for (const Share& sh : t.shares) {
      s << " P" << sh.party << " " << sh.percent.to_string();
      if (sh.cap) s << " cap " << sh.cap->to_decimal();
      s << ",";
    }
    if (t.overflow != engine::kNone) s << " overflow to P" << t.overflow;
    s << "\n";
  }
  return s.str();
}

}  // namespace clause::test::waterfall
