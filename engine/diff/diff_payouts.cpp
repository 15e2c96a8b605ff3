// Payouts: each waterfall's old and new payout schedules (engine/schedule.hpp) compared
// party by party. Each payout is piecewise linear in the profit, so their difference is
// too: it is linear between the breakpoints of either schedule, and zero on a piece exactly
// when it is zero at both ends. Everything is exact (Rational cents).
#include <algorithm>
#include <cstdint>
#include <variant>

#include "engine/diff/diff.hpp"
#include "engine/payout/schedule.hpp"

namespace clause::engine {
namespace {

// One party's payout under one schedule; zero where the contract has no such waterfall
// or party. nullopt when an exact figure needs more than 127 bits.
struct PayoutOf {
  const Schedule* schedule = nullptr;
  Index party = kNone;

  std::optional<Rational> at(const Rational& profit) const {
    if (schedule == nullptr || party == kNone) return Rational();
    return schedule->payout(party, profit);
  }
  // Its share of each cent beyond the last breakpoint.
  Rational final_slope() const {
    if (schedule == nullptr || party == kNone) return Rational();
    return Rational::of(schedule->breakpoints().back().marginal[party]);
  }
};

Rational magnitude(const Rational& r) { return r.sign() < 0 ? r.negated() : r; }

// The ranges where the two payouts differ; nullopt when a figure needs more than 127 bits.
std::optional<std::vector<PayoutRange>> ranges_for(const PayoutOf& old_p, const PayoutOf& new_p,
                                                   const std::vector<Rational>& points) {
  std::vector<Rational> old_at;
  std::vector<Rational> new_at;
  std::vector<Rational> diff;
  for (const Rational& p : points) {
    const auto a = old_p.at(p);
    const auto b = new_p.at(p);
    const auto d = a && b ? b->minus(*a) : std::nullopt;
    if (!d) return std::nullopt;
    old_at.push_back(*a);
    new_at.push_back(*b);
    diff.push_back(*d);
  }
  const auto slope = new_p.final_slope().minus(old_p.final_slope());
  if (!slope) return std::nullopt;

  std::vector<PayoutRange> out;
  const std::size_t n = points.size();
  // Piece i runs from points[i] to points[i + 1]; the last one has no end.
  const auto differs = [&](std::size_t i) {
    return i + 1 < n ? !diff[i].is_zero() || !diff[i + 1].is_zero() : !diff[i].is_zero() || !slope->is_zero();
  };
  for (std::size_t i = 0; i < n;) {
    if (!differs(i)) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < n && differs(j)) ++j;  // pieces i .. j-1 differ
    PayoutRange r;
    r.from = points[i];
    r.old_at_from = old_at[i];
    r.new_at_from = new_at[i];
    bool below = false;
    bool above = false;
    std::size_t at = i;
    for (std::size_t k = i; k <= std::min(j, n - 1); ++k) {
      below = below || diff[k].sign() < 0;
      above = above || diff[k].sign() > 0;
      if (!r.largest || magnitude(diff[k]) > magnitude(*r.largest)) {
        r.largest = diff[k];
        r.largest_at = points[k];
        at = k;
      }
    }
    if (j == n) {
      below = below || slope->sign() < 0;
      above = above || slope->sign() > 0;
    }
    r.direction = below == above ? 0 : below ? -1 : 1;
    if (j < n) {
      r.to = points[j];
      r.old_at_to = old_at[j];
      r.new_at_to = new_at[j];
    } else if (!slope->is_zero()) {
      r.largest.reset();  // it grows without end
      r.largest_at.reset();
      r.slope = *slope;
    } else {
      r.largest_from_on = std::all_of(diff.begin() + static_cast<std::ptrdiff_t>(at), diff.end(),
                                      [&](const Rational& d) { return d == *r.largest; });
    }
    out.push_back(std::move(r));
    i = j;
  }
  return out;
}

std::optional<Schedule> schedule_of(const Contract& c, const Waterfall* w, std::string& error) {
  if (w == nullptr) return std::nullopt;
  auto built = build_schedule(*w, c.parties.size());
  if (auto* e = std::get_if<ScheduleError>(&built)) {
    error = e->message;
    return std::nullopt;
  }
  return std::get<Schedule>(std::move(built));
}

WaterfallPayoutDiff compare(const Contract& old_c, const Waterfall* old_w, const Contract& new_c,
                            const Waterfall* new_w, const NameMap& names) {
  WaterfallPayoutDiff out;
  out.change = old_w == nullptr ? TermChangeKind::added : new_w == nullptr ? TermChangeKind::removed
                                                                           : TermChangeKind::changed;
  out.name = new_w != nullptr ? new_w->name : old_w->name;
  out.of = new_w != nullptr ? new_c.parties[new_w->of].name : old_c.parties[old_w->of].name;
  const std::optional<Schedule> old_s = schedule_of(old_c, old_w, out.error);
  const std::optional<Schedule> new_s = schedule_of(new_c, new_w, out.error);
  if (!out.error.empty()) return out;

  // Every profit where either schedule bends.
  std::vector<Rational> points{Rational()};
  for (const auto* s : {&old_s, &new_s}) {
    if (!*s) continue;
    for (const Breakpoint& b : (*s)->breakpoints()) points.push_back(b.profit);
  }
  std::sort(points.begin(), points.end());
  points.erase(std::unique(points.begin(), points.end()), points.end());

  // The parties either waterfall pays, in the order its tiers name them (the new one first).
  std::vector<std::string> parties;
  const auto add_party = [&](std::string_view name) {
    if (std::find(parties.begin(), parties.end(), name) == parties.end()) parties.emplace_back(name);
  };
  if (new_s) {
    for (const Index p : new_s->parties()) add_party(new_c.parties[p].name);
  }
  if (old_s) {
    for (const Index p : old_s->parties()) add_party(names.to_new(old_c.parties[p].name));
  }
  const auto index_in = [](const Contract& c, std::string_view name) -> Index {
    const auto ref = c.find(name);
    return ref && ref->kind == DeclKind::party ? ref->index : kNone;
  };
  // Round profits: powers of ten around the last breakpoint of either schedule.
  std::vector<Rational> round_profits;
  {
    // A waterfall that never bends (one `rest` tier) is sampled at $1B to $100B.
    const Rational top = points.back().is_zero() ? Rational(std::int64_t{10'000'000'000'000}) : points.back();
    std::int64_t dollars = 1;
    while (dollars <= std::int64_t{100'000'000'000'000} && Rational(dollars * 1000) <= top) dollars *= 10;
    // Now 10 * dollars * 100 cents > top >= dollars * 100 cents (or top is below $10).
    std::int64_t from = std::max<std::int64_t>(1, dollars / 100);
    for (std::int64_t p = from; p <= dollars * 10 && p <= std::int64_t{10'000'000'000'000'000} / 100; p *= 10) {
      round_profits.push_back(Rational(p * 100));
    }
  }
  for (const std::string& party : parties) {
    const PayoutOf old_p{old_s ? &*old_s : nullptr, index_in(old_c, names.to_old(party))};
    const PayoutOf new_p{new_s ? &*new_s : nullptr, index_in(new_c, party)};
    auto ranges = ranges_for(old_p, new_p, points);
    if (!ranges) {
      out.parties.clear();
      out.error = "the payout difference needs figures beyond 127 bits to be exact";
      return out;
    }
    if (ranges->empty()) continue;
    PartyPayoutDiff diff{party, std::move(*ranges), {}};
    for (const Rational& profit : round_profits) {
      const auto a = old_p.at(profit);
      const auto b = new_p.at(profit);
      if (a && b) diff.samples.push_back(PayoutSample{profit, *a, *b});
    }
    out.parties.push_back(std::move(diff));
  }
  return out;
}

}  // namespace

std::vector<WaterfallPayoutDiff> diff_payouts(const Contract& old_c, const Contract& new_c, const NameMap& names) {
  std::vector<WaterfallPayoutDiff> out;
  const auto find_waterfall = [](const Contract& c, std::string_view name) -> const Waterfall* {
    const auto ref = c.find(name);
    return ref && ref->kind == DeclKind::waterfall ? &c.waterfalls[ref->index] : nullptr;
  };
  const auto add = [&](const Waterfall* old_w, const Waterfall* new_w) {
    WaterfallPayoutDiff d = compare(old_c, old_w, new_c, new_w, names);
    if (!d.parties.empty() || !d.error.empty()) out.push_back(std::move(d));
  };
  for (const Waterfall& w : old_c.waterfalls) add(&w, find_waterfall(new_c, names.to_new(w.name)));
  for (const Waterfall& w : new_c.waterfalls) {
    if (find_waterfall(old_c, names.to_old(w.name)) == nullptr) add(nullptr, &w);
  }
  return out;
}

}  // namespace clause::engine
