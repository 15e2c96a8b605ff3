// The payout schedule: the flagship's breakpoints checked by hand, the schedule against the
// exact reference on random waterfalls, its relation to distribute's cents, and the
// threshold questions (exact and in whole cents, the latter against a brute-force search).
#include <catch2/catch.hpp>

#include "engine/payout/load.hpp"
#include "engine/payout/schedule.hpp"
#include "support.hpp"
#include "waterfall_cases.hpp"
#include "cli/files.hpp"

namespace waterfall_schedule_test {

using namespace clause::test::waterfall;
namespace engine = clause::engine;
using engine::Rational;

namespace {

Rational R(I128 num, I128 den = 1) { return *Rational::fraction(num, den); }
Rational sum(const Rational& a, const Rational& b) { return *a.plus(b); }
Q to_q(const Rational& r) { return Q(r.numerator(), r.denominator()); }

engine::Schedule schedule_of(const Waterfall& w, std::size_t parties) {
  auto built = engine::build_schedule(w, parties);
  REQUIRE(std::holds_alternative<engine::Schedule>(built));
  return std::get<engine::Schedule>(std::move(built));
}

struct Flagship {
  engine::Contract contract;
  const Waterfall& w() const { return contract.waterfalls[0]; }
  Index party(const std::string& name) const { return contract.find(name)->index; }
};

Flagship flagship() {
  auto loaded = clause::cli::load_contract_file(clause::test::repo_path("contracts/microsoft-openai/2024-06.clause"));
  REQUIRE(loaded.contract);
  return Flagship{std::move(*loaded.contract)};
}

// One event of `profit` cents from a fresh state.
engine::WaterfallState pay(const Waterfall& w, std::size_t parties, std::int64_t profit) {
  engine::WaterfallState s;
  s.reset(w, parties);
  std::vector<engine::PayoutLine> lines;
  if (profit > 0) REQUIRE(engine::distribute(w, s, Money::from_cents(profit), lines));
  return s;
}

}  // namespace

TEST_CASE("the flagship's schedule: two tier ends and three cap points, exact", "[schedule]") {
  const Flagship f = flagship();
  const engine::Schedule s = schedule_of(f.w(), f.contract.parties.size());
  const Index M = f.party("Microsoft"), E = f.party("Employees"), FI = f.party("FirstInvestors"),
              N = f.party("Nonprofit");
  const auto& bs = s.breakpoints();
  REQUIRE(bs.size() == 6);

  // Tier 1 pays FirstInvestors its first $194M; tier 2 the next $17.3B at 75/12.5/12.5, so
  // at its end ($17.494B) Microsoft has $12.975B, Employees $2.1625B and FirstInvestors
  // $194M + $2.1625B = $2.3565B — all whole cents.
  CHECK(bs[0].profit == R(0));
  CHECK(bs[1].profit == R(19'400'000'000));
  CHECK(bs[2].profit == R(1'749'400'000'000));
  CHECK(bs[2].paid[M] == R(1'297'500'000'000));
  CHECK(bs[2].paid[E] == R(216'250'000'000));
  CHECK(bs[2].paid[FI] == R(235'650'000'000));

  // Tier 3 (49/41/8/2) from $17.494B. Each cap binds (cap - received) / share above it:
  //   Employees:      ($60B  - $2.1625B) / 41% = 5,783,750,000,000 / 0.41 cents
  //                   = 578,375,000,000,000 / 41 = 14,106,707,317,073 + 7/41 cents
  //   FirstInvestors: ($20B  - $2.3565B) /  8% = $220.54375B exactly
  //   Microsoft:      ($130B - $12.975B) / 49% = 1,170,250,000,000,000 / 49
  //                   = 23,882,653,061,224 + 24/49 cents — the last, so the tier ends there.
  const Rational start = R(1'749'400'000'000);
  const Rational employees_cap_at = sum(start, R(578'375'000'000'000, 41));
  const Rational investors_cap_at = sum(start, R(22'054'375'000'000));
  const Rational microsoft_cap_at = sum(start, R(1'170'250'000'000'000, 49));
  CHECK(bs[3].profit == employees_cap_at);
  CHECK(bs[4].profit == investors_cap_at);
  CHECK(bs[5].profit == microsoft_cap_at);
  CHECK(engine::money_display(bs[3].profit) == "$158,561,073,170.73 + 7/41¢");
  CHECK(engine::money_display(bs[4].profit) == "$238,037,750,000.00");
  CHECK(engine::money_display(bs[5].profit) == "$256,320,530,612.24 + 24/49¢");

  // Payouts there: each capped party exactly at its cap from its point on; Microsoft at
  // Employees' point has $12.975B + 49% of 578,375,000,000,000/41 cents
  // = 336,601,250,000,000/41 cents = $82,097,865,853.65 + 35/41¢; at FirstInvestors'
  // point $12.975B + 49% of $220.54375B = $121.0414375B.
  CHECK(bs[3].paid[E] == R(6'000'000'000'000));
  CHECK(bs[3].paid[M] == R(336'601'250'000'000, 41));
  CHECK(engine::money_display(bs[3].paid[M]) == "$82,097,865,853.65 + 35/41¢");
  CHECK(bs[4].paid[FI] == R(2'000'000'000'000));
  CHECK(bs[4].paid[M] == R(12'104'143'750'000));
  CHECK(bs[5].paid[M] == R(13'000'000'000'000));
  // Nonprofit has the rest: profit - $130B - $60B - $20B.
  CHECK(bs[5].paid[N] == *bs[5].profit.minus(R(21'000'000'000'000)));
  CHECK(engine::money_display(bs[5].paid[N]) == "$46,320,530,612.24 + 24/49¢");

  // Marginal shares above each point; an overflowed share goes to Nonprofit.
  const auto pct = [](std::int64_t percent) { return engine::Percent::from_units(percent * 10'000); };
  CHECK(bs[0].marginal[FI] == pct(100));
  CHECK(bs[1].marginal[M] == pct(75));
  CHECK(bs[2].marginal[N] == pct(2));
  CHECK(bs[3].marginal[E] == pct(0));
  CHECK(bs[3].marginal[N] == pct(43));
  CHECK(bs[4].marginal[FI] == pct(0));
  CHECK(bs[4].marginal[N] == pct(51));
  CHECK(bs[5].marginal[M] == pct(0));
  CHECK(bs[5].marginal[N] == pct(100));

  // Why each point is one.
  using K = engine::ReasonKind;
  CHECK(bs[1].reasons == std::vector<engine::Reason>{{K::tier_full, 0, engine::kNone}, {K::tier_starts, 1, engine::kNone}});
  CHECK(bs[3].reasons == std::vector<engine::Reason>{{K::cap_reached, 2, E}});
  CHECK(bs[4].reasons == std::vector<engine::Reason>{{K::cap_reached, 2, FI}});
  CHECK(bs[5].reasons == std::vector<engine::Reason>{
                             {K::cap_reached, 2, M}, {K::tier_complete, 2, engine::kNone}, {K::tier_starts, 3, engine::kNone}});
  CHECK(s.most(M) == R(13'000'000'000'000));
  CHECK_FALSE(s.most(N));  // the `rest` tier pays Nonprofit for ever
}

TEST_CASE("the flagship's schedule gives the section 8 payouts at $50B and $1T", "[schedule]") {
  const Flagship f = flagship();
  const engine::Schedule s = schedule_of(f.w(), f.contract.parties.size());
  CHECK(s.payout(f.party("Microsoft"), R(5'000'000'000'000)) == R(2'890'294'000'000));
  CHECK(s.payout(f.party("Employees"), R(5'000'000'000'000)) == R(1'548'996'000'000));
  CHECK(s.payout(f.party("FirstInvestors"), R(5'000'000'000'000)) == R(495'698'000'000));
  CHECK(s.payout(f.party("Nonprofit"), R(5'000'000'000'000)) == R(65'012'000'000));
  CHECK(s.payout(f.party("Nonprofit"), R(100'000'000'000'000)) == R(79'000'000'000'000));
  CHECK(s.payout(f.party("Oracle"), R(100'000'000'000'000)) == R(0));
}

TEST_CASE("the schedule equals the exact reference at every breakpoint and between them", "[schedule][property]") {
  std::mt19937_64 rng(31);
  int points = 0;
  int beyond_reference = 0;
  for (int c = 0; c < 2500; ++c) {
    const std::size_t parties = 2 + rng() % 5;
    const Waterfall w = random_waterfall(rng, parties, Shape{});
    INFO("case " << c << "\n" << describe(w));
    const engine::Schedule s = schedule_of(w, parties);
    const auto& bs = s.breakpoints();
    REQUIRE(bs.front().profit == R(0));
    std::vector<Rational> probes;
    for (std::size_t k = 0; k < bs.size(); ++k) {
      probes.push_back(bs[k].profit);
      if (k + 1 < bs.size()) probes.push_back(*sum(bs[k].profit, bs[k + 1].profit).times(R(1, 2)));
    }
    probes.push_back(sum(bs.back().profit, R(1, 3)));
    probes.push_back(sum(bs.back().profit, R(random_amount(rng, 100'000'000'000'000))));
    for (int i = 0; i < 4; ++i) probes.push_back(R(random_amount(rng, 100'000'000'000'000), 1 + rng() % 7));
    for (const Rational& x : probes) {
      ExactPayout want;
      try {
        want = ref_exact(w, parties, to_q(x));
      } catch (const std::overflow_error&) {
        ++beyond_reference;  // fractions too fine for the simple reference's 128 bits
        continue;
      }
      INFO("profit " << x.to_string());
      for (std::size_t p = 0; p < parties; ++p) {
        const auto got = s.payout(static_cast<Index>(p), x);
        REQUIRE(got);
        REQUIRE(to_q(*got) == want.paid[p]);
      }
      REQUIRE(to_q(*s.undistributed(x)) == want.undistributed);
      ++points;
    }
  }
  CHECK(points > 20'000);
  CHECK(beyond_reference < points / 100);
}

TEST_CASE("each segment's shares add up to 100% and every breakpoint accounts for its profit", "[schedule][property]") {
  std::mt19937_64 rng(37);
  for (int c = 0; c < 2000; ++c) {
    const std::size_t parties = 2 + rng() % 5;
    const Waterfall w = random_waterfall(rng, parties, Shape{});
    INFO("case " << c << "\n" << describe(w));
    const engine::Schedule s = schedule_of(w, parties);
    const auto& bs = s.breakpoints();
    for (std::size_t k = 0; k < bs.size(); ++k) {
      std::int64_t units = bs[k].marginal_undistributed.units();
      Rational total = bs[k].undistributed;
      for (std::size_t p = 0; p < parties; ++p) {
        units += bs[k].marginal[p].units();
        total = sum(total, bs[k].paid[p]);
        REQUIRE(bs[k].marginal[p].units() >= 0);
        if (k > 0) REQUIRE(bs[k].paid[p] >= bs[k - 1].paid[p]);  // payouts never fall
      }
      REQUIRE(units == engine::Percent::kWhole);
      REQUIRE(total == bs[k].profit);
      REQUIRE(!bs[k].reasons.empty());
      if (k > 0) REQUIRE(bs[k - 1].profit < bs[k].profit);
    }
  }
}

TEST_CASE("distribute pays each tier's exact part from the schedule, rounded to within a cent",
          "[schedule][property]") {
  // For one event of P cents: tier t starts from the state distribute leaves after the
  // tiers before it; the schedule built from that state gives tier t's exact parts, and
  // distribute's cents are those parts rounded by largest remainders (an `until capped`
  // tier's last, partial cent going to the overflow party).
  std::mt19937_64 rng(41);
  for (int c = 0; c < 1500; ++c) {
    const std::size_t parties = 2 + rng() % 5;
    const Waterfall w = random_waterfall(rng, parties, Shape{});
    const std::int64_t profit = random_profits(rng, 1)[0];
    INFO("case " << c << ": profit " << profit << "\n" << describe(w));
    engine::WaterfallState full;
    full.reset(w, parties);
    std::vector<engine::PayoutLine> lines;
    REQUIRE(engine::distribute(w, full, Money::from_cents(profit), lines));
    std::int64_t before = 0;  // profit the tiers before t took
    for (std::size_t t = 0; t < w.tiers.size(); ++t) {
      const std::int64_t take = full.tier_taken[t].cents();
      if (take == 0) continue;
      const engine::WaterfallState start = pay(w, parties, before);
      auto built = engine::build_schedule(w, start);
      REQUIRE(std::holds_alternative<engine::Schedule>(built));
      const engine::Schedule& s = std::get<engine::Schedule>(built);
      const engine::TierSpan& span = s.tiers()[t];
      REQUIRE(span.start == R(0));
      Rational y = R(take);
      Rational sliver;  // past the exact end of an `until capped` tier: its last cent
      if (span.end && *span.end < y) {
        sliver = *y.minus(*span.end);
        REQUIRE(sliver < R(1));
        y = *span.end;
      }
      for (std::size_t p = 0; p < parties; ++p) {
        std::int64_t cents = 0;
        for (const engine::PayoutLine& l : lines) {
          if (l.tier == t && l.party == p) cents += l.amount.cents();
        }
        Rational exact = *s.payout(static_cast<Index>(p), y);
        if (w.tiers[t].overflow == p) exact = sum(exact, sliver);
        const Rational diff = *R(cents).minus(exact);
        REQUIRE(R(-1) < diff);
        REQUIRE(diff < R(1));
      }
      before += take;
    }
  }
}

TEST_CASE("distribute is within one cent of the flagship's schedule at every profit", "[schedule][property]") {
  // Every tier before the capped one splits into whole cents, and past Microsoft's cap
  // Nonprofit takes everything either way, so only the tier being filled is rounded.
  const Flagship f = flagship();
  const std::size_t parties = f.contract.parties.size();
  const engine::Schedule s = schedule_of(f.w(), parties);
  std::mt19937_64 rng(43);
  std::vector<std::int64_t> profits;
  for (const engine::Breakpoint& b : s.breakpoints()) {
    for (std::int64_t d = -3; d <= 3; ++d) profits.push_back(static_cast<std::int64_t>(b.profit.floor()) + d);
  }
  for (int i = 0; i < 3000; ++i) profits.push_back(random_amount(rng, 50'000'000'000'000));
  for (const std::int64_t p : profits) {
    if (p <= 0) continue;
    const engine::WaterfallState got = pay(f.w(), parties, p);
    for (std::size_t q = 0; q < parties; ++q) {
      const Rational diff = *R(got.received[q].cents()).minus(*s.payout(static_cast<Index>(q), R(p)));
      INFO("profit " << p << " party " << q);
      REQUIRE(R(-1) < diff);
      REQUIRE(diff < R(1));
    }
  }
}

TEST_CASE("least_profit is the exact inverse of the payout", "[schedule][property]") {
  std::mt19937_64 rng(47);
  int reached = 0, never = 0;
  for (int c = 0; c < 2000; ++c) {
    const std::size_t parties = 2 + rng() % 5;
    const Waterfall w = random_waterfall(rng, parties, Shape{});
    const engine::Schedule s = schedule_of(w, parties);
    const auto p = static_cast<Index>(rng() % parties);
    const Rational amount = R(random_amount(rng, 100'000'000'000'000));
    INFO("case " << c << ": party " << p << " amount " << amount.to_string() << "\n" << describe(w));
    const auto t = s.least_profit(p, amount);
    REQUIRE(t);
    if (t->reached) {
      ++reached;
      REQUIRE(s.payout(p, t->profit) == amount);
      // Just below it the party has less: halfway back to the breakpoint before it.
      const std::size_t k = s.segment_at(t->profit);
      const Rational before = s.breakpoints()[k].profit == t->profit && k > 0 ? s.breakpoints()[k - 1].profit
                                                                             : s.breakpoints()[k].profit;
      if (before < t->profit) REQUIRE(*s.payout(p, *sum(before, t->profit).times(R(1, 2))) < amount);
    } else {
      ++never;
      REQUIRE(s.most(p));
      REQUIRE(*s.most(p) < amount);
      REQUIRE(t->most == *s.most(p));
    }
  }
  CHECK(reached > 300);
  CHECK(never > 300);
}

TEST_CASE("least_cent_profit finds the least whole-cent profit that distribute pays, as a search does",
          "[schedule][property]") {
  std::mt19937_64 rng(53);
  Shape small;
  small.max_amount = 2'000;  // cents: a brute-force search stays short
  int found = 0;
  for (int c = 0; c < 400; ++c) {
    const std::size_t parties = 2 + rng() % 4;
    const Waterfall w = random_waterfall(rng, parties, small);
    const auto p = static_cast<Index>(rng() % parties);
    const std::int64_t amount = 1 + static_cast<std::int64_t>(rng() % 300);
    INFO("case " << c << ": party " << p << " amount " << amount << "\n" << describe(w));
    constexpr std::int64_t kLimit = 4'000;
    std::int64_t search = 0;
    for (std::int64_t profit = 1; profit <= kLimit && search == 0; ++profit) {
      if (pay(w, parties, profit).received[p].cents() >= amount) search = profit;
    }
    const auto got = engine::least_cent_profit(w, parties, p, Money::from_cents(amount));
    REQUIRE(std::holds_alternative<engine::CentThreshold>(got));
    const auto& answer = std::get<engine::CentThreshold>(got);
    if (search != 0) {
      ++found;
      REQUIRE(answer.kind == engine::CentThreshold::Kind::reached);
      REQUIRE(answer.profit.cents() == search);
    } else if (answer.kind == engine::CentThreshold::Kind::reached) {
      REQUIRE(answer.profit.cents() > kLimit);
      REQUIRE(pay(w, parties, answer.profit.cents()).received[p].cents() >= amount);
    }
  }
  CHECK(found > 150);
}

TEST_CASE("the flagship: Nonprofit's first dollar, exactly and in cents", "[schedule]") {
  // Exactly: 2% of what passes $17.494B, so $1 needs $50 more: $17,494,000,050.
  // In cents: largest remainders can round Nonprofit's 2% up early; the least profit
  // distribute pays $1.00 to Nonprofit is checked against every cent before it.
  const Flagship f = flagship();
  const std::size_t parties = f.contract.parties.size();
  const Index N = f.party("Nonprofit");
  const engine::Schedule s = schedule_of(f.w(), parties);
  const auto exact = s.least_profit(N, R(100));
  REQUIRE(exact);
  CHECK(exact->profit == R(1'749'400'005'000));
  const auto cents = engine::least_cent_profit(f.w(), parties, N, Money::from_cents(100));
  const auto& answer = std::get<engine::CentThreshold>(cents);
  REQUIRE(answer.kind == engine::CentThreshold::Kind::reached);
  CHECK(answer.profit.cents() == 1'749'400'004'974);
  for (std::int64_t p = 1'749'400'000'000; p < answer.profit.cents(); ++p) {
    REQUIRE(pay(f.w(), parties, p).received[N].cents() < 100);
  }
  CHECK(pay(f.w(), parties, answer.profit.cents()).received[N].cents() == 100);
}

TEST_CASE("least_cent_profit says never and beyond the range when it must", "[schedule]") {
  const Flagship f = flagship();
  const std::size_t parties = f.contract.parties.size();
  using Kind = engine::CentThreshold::Kind;
  const auto over_cap = engine::least_cent_profit(f.w(), parties, f.party("Microsoft"), Money::from_cents(13'000'000'000'001));
  CHECK(std::get<engine::CentThreshold>(over_cap).kind == Kind::never);
  const auto at_cap = engine::least_cent_profit(f.w(), parties, f.party("Microsoft"), Money::from_cents(13'000'000'000'000));
  CHECK(std::get<engine::CentThreshold>(at_cap).kind == Kind::reached);
  const auto oracle = engine::least_cent_profit(f.w(), parties, f.party("Oracle"), Money::from_cents(1));
  CHECK(std::get<engine::CentThreshold>(oracle).kind == Kind::never);
  const auto huge = engine::least_cent_profit(f.w(), parties, f.party("Nonprofit"), Money::max());
  CHECK(std::get<engine::CentThreshold>(huge).kind == Kind::beyond_range);
}

TEST_CASE("a schedule from a state continues where the state stands", "[schedule]") {
  // After $10B, the next $40B pays what the schedule from that state says — the same as the
  // fresh schedule from $10B to $50B, since $10B ends inside a tier with whole-cent parts.
  const Flagship f = flagship();
  const std::size_t parties = f.contract.parties.size();
  const engine::WaterfallState after10 = pay(f.w(), parties, 1'000'000'000'000);
  auto built = engine::build_schedule(f.w(), after10);
  const engine::Schedule& next = std::get<engine::Schedule>(built);
  const engine::Schedule fresh = schedule_of(f.w(), parties);
  for (const Index p : fresh.parties()) {
    const Rational more = *next.payout(p, R(4'000'000'000'000));
    CHECK(sum(R(after10.received[p].cents()), more) == *fresh.payout(p, R(5'000'000'000'000)));
  }
  CHECK(next.tiers()[0].end == R(0));  // the first tier is already full
}

TEST_CASE("the random waterfalls cover what the properties are about", "[schedule][property]") {
  // Overflow parties inside and outside the shares, caps already reached when their tier
  // starts, parties capped in one tier and paid in others, waterfalls with no `rest`.
  std::mt19937_64 rng(59);
  int overflow_outside = 0, overflow_inside = 0, capped_at_start = 0, capped_and_paid_elsewhere = 0, no_rest = 0;
  for (int c = 0; c < 2000; ++c) {
    const std::size_t parties = 2 + rng() % 5;
    const Waterfall w = random_waterfall(rng, parties, Shape{});
    if (w.tiers.back().kind != TierKind::rest) ++no_rest;
    for (std::size_t t = 0; t < w.tiers.size(); ++t) {
      const Tier& tier = w.tiers[t];
      if (tier.kind != TierKind::until_capped) continue;
      const bool inside = std::any_of(tier.shares.begin(), tier.shares.end(),
                                      [&](const Share& sh) { return sh.party == tier.overflow; });
      ++(inside ? overflow_inside : overflow_outside);
      for (const Share& sh : tier.shares) {
        if (!sh.cap) continue;
        for (std::size_t u = 0; u < w.tiers.size(); ++u) {
          if (u == t) continue;
          for (const Share& other : w.tiers[u].shares) capped_and_paid_elsewhere += other.party == sh.party;
        }
      }
    }
    const engine::Schedule s = schedule_of(w, parties);
    for (const engine::Breakpoint& b : s.breakpoints()) {
      for (const engine::Reason& r : b.reasons) capped_at_start += r.kind == engine::ReasonKind::capped_at_start;
    }
  }
  CHECK(overflow_outside > 200);
  CHECK(overflow_inside > 200);
  CHECK(capped_at_start > 100);
  CHECK(capped_and_paid_elsewhere > 200);
  CHECK(no_rest > 500);
}

}  // namespace waterfall_schedule_test
