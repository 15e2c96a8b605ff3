// distribute() against the simple reference on thousands of random waterfalls and profit
// sequences (fixed seeds), and the properties every payout must have.
#include <catch2/catch.hpp>

#include "engine/payout/load.hpp"
#include "engine/payout/waterfall.hpp"
#include "support.hpp"
#include "waterfall_cases.hpp"
#include "cli/files.hpp"

namespace waterfall_property_test {

using namespace clause::test::waterfall;
namespace engine = clause::engine;

namespace {

clause::dsl::Value dsl_money(std::int64_t cents) { return clause::dsl::Value{Money::from_cents(cents)}; }
std::string repo(const std::string& path) { return clause::test::repo_path(path); }

struct Run {
  std::vector<Lines> events;   // what each event paid, (tier, party) -> cents
  std::vector<I128> undistributed;
  engine::WaterfallState state;
};

// The engine on a sequence of events from a fresh state.
Run engine_run(const Waterfall& w, std::size_t parties, const std::vector<std::int64_t>& profits) {
  Run r;
  r.state.reset(w, parties);
  std::vector<engine::PayoutLine> lines;
  for (const std::int64_t p : profits) {
    lines.clear();
    const auto left = engine::distribute(w, r.state, Money::from_cents(p), lines);
    REQUIRE(left);
    Lines event;
    for (const engine::PayoutLine& l : lines) event[{l.tier, l.party}] += l.amount.cents();
    r.events.push_back(event);
    r.undistributed.push_back(left->cents());
  }
  return r;
}

// The most any party's total from `parts` paid as events differs from their sum paid at once.
std::int64_t split_difference(const Waterfall& w, std::size_t parties, const std::vector<std::int64_t>& parts) {
  const std::int64_t whole = std::accumulate(parts.begin(), parts.end(), std::int64_t{0});
  const Run split = engine_run(w, parties, parts);
  const Run once = engine_run(w, parties, {whole});
  std::int64_t most = 0;
  for (std::size_t i = 0; i < parties; ++i) {
    most = std::max(most, std::abs(split.state.received[i].cents() - once.state.received[i].cents()));
  }
  return most;
}

std::string lines_text(const Lines& lines) {
  std::string s;
  for (const auto& [key, cents] : lines) s += "tier " + std::to_string(key.first) + " P" + std::to_string(key.second) + " " + str(cents) + "; ";
  return s;
}

}  // namespace

TEST_CASE("distribute pays what the reference pays, cent for cent, on random waterfalls", "[waterfall][property]") {
  std::mt19937_64 rng(20240601);
  const Shape shape;
  for (int c = 0; c < 4000; ++c) {
    const std::size_t parties = 2 + rng() % 5;
    const Waterfall w = random_waterfall(rng, parties, shape);
    const std::vector<std::int64_t> profits = random_profits(rng, 1 + rng() % 6);
    INFO("case " << c << "\n" << describe(w));
    const Run got = engine_run(w, parties, profits);
    RefState ref(w, parties);
    for (std::size_t e = 0; e < profits.size(); ++e) {
      const Lines want = ref_distribute(w, ref, profits[e]);
      INFO("event " << e << ": profit " << profits[e] << " cents");
      REQUIRE(lines_text(got.events[e]) == lines_text(want));
    }
    for (std::size_t p = 0; p < parties; ++p) REQUIRE(got.state.received[p].cents() == ref.received[p]);
  }
}

TEST_CASE("every cent of every profit is paid or reported undistributed", "[waterfall][property]") {
  std::mt19937_64 rng(7);
  for (int c = 0; c < 3000; ++c) {
    const std::size_t parties = 2 + rng() % 5;
    const Waterfall w = random_waterfall(rng, parties, Shape{});
    const std::vector<std::int64_t> profits = random_profits(rng, 1 + rng() % 6);
    INFO("case " << c << "\n" << describe(w));
    const Run r = engine_run(w, parties, profits);
    I128 total_profit = 0;
    I128 total_paid = 0;
    I128 total_left = 0;
    for (std::size_t e = 0; e < profits.size(); ++e) {
      I128 paid = 0;
      for (const auto& [key, cents] : r.events[e]) {
        REQUIRE(cents > 0);
        paid += cents;
      }
      REQUIRE(paid + r.undistributed[e] == profits[e]);
      total_profit += profits[e];
      total_paid += paid;
      total_left += r.undistributed[e];
    }
    I128 received = 0;
    for (const Money m : r.state.received) received += m.cents();
    REQUIRE(received == total_paid);
    REQUIRE(total_paid + total_left == total_profit);
    REQUIRE(r.state.total.cents() == total_profit);
  }
}

TEST_CASE("no capped share ever takes a party past its cap", "[waterfall][property]") {
  // A cap limits its share only: after a capped tier has paid the party, the party has
  // received at most its cap (later tiers may pay it more, as written).
  std::mt19937_64 rng(11);
  int capped_payments = 0;
  for (int c = 0; c < 3000; ++c) {
    const std::size_t parties = 2 + rng() % 5;
    const Waterfall w = random_waterfall(rng, parties, Shape{});
    const std::vector<std::int64_t> profits = random_profits(rng, 1 + rng() % 6);
    INFO("case " << c << "\n" << describe(w));
    engine::WaterfallState state;
    state.reset(w, parties);
    std::vector<I128> received(parties, 0);
    std::vector<engine::PayoutLine> lines;
    for (const std::int64_t p : profits) {
      lines.clear();
      REQUIRE(engine::distribute(w, state, Money::from_cents(p), lines));
      for (const engine::PayoutLine& l : lines) {  // in tier order
        received[l.party] += l.amount.cents();
        for (const Share& sh : w.tiers[l.tier].shares) {
          if (sh.party != l.party || !sh.cap) continue;
          ++capped_payments;
          REQUIRE(received[l.party] <= sh.cap->cents());
        }
      }
    }
  }
  CHECK(capped_payments > 1000);  // the generator does exercise caps
}

TEST_CASE("what a party has received never falls as events add profit", "[waterfall][property]") {
  std::mt19937_64 rng(13);
  for (int c = 0; c < 2000; ++c) {
    const std::size_t parties = 2 + rng() % 5;
    const Waterfall w = random_waterfall(rng, parties, Shape{});
    const std::vector<std::int64_t> profits = random_profits(rng, 2 + rng() % 5);
    engine::WaterfallState state;
    state.reset(w, parties);
    std::vector<engine::PayoutLine> lines;
    for (const std::int64_t p : profits) {
      const std::vector<Money> before = state.received;
      REQUIRE(engine::distribute(w, state, Money::from_cents(p), lines));
      for (std::size_t i = 0; i < parties; ++i) REQUIRE(state.received[i] >= before[i]);
    }
  }
}

TEST_CASE("one event of a larger profit pays nobody less, but for one cent of largest-remainder rounding",
          "[waterfall][property]") {
  // Largest remainders (section 9) are not monotone in the amount split (the Alabama
  // paradox: see the next test), so a party can receive one cent less from a profit one
  // cent larger. Only the tier being filled is split differently, so never more than one.
  std::mt19937_64 rng(17);
  int drops = 0;
  for (int c = 0; c < 3000; ++c) {
    const std::size_t parties = 2 + rng() % 5;
    const Waterfall w = random_waterfall(rng, parties, Shape{});
    std::int64_t a = random_profits(rng, 1)[0];
    std::int64_t b = rng() % 2 == 0 ? a + 1 + static_cast<std::int64_t>(rng() % 3) : random_profits(rng, 1)[0];
    if (b < a) std::swap(a, b);
    const Run small = engine_run(w, parties, {a});
    const Run large = engine_run(w, parties, {b});
    INFO("case " << c << ": " << a << " then " << b << " cents\n" << describe(w));
    for (std::size_t i = 0; i < parties; ++i) {
      const std::int64_t before = small.state.received[i].cents();
      const std::int64_t after = large.state.received[i].cents();
      REQUIRE(after >= before - 1);
      if (after < before) ++drops;
    }
  }
  CHECK(drops > 0);  // it does happen: the bound of one cent is needed
}

TEST_CASE("several events pay what one event pays, within one cent per recipient per event (no caps)",
          "[waterfall][property]") {
  std::mt19937_64 rng(19);
  Shape shape;
  shape.caps = false;
  for (int c = 0; c < 3000; ++c) {
    const std::size_t parties = 2 + rng() % 5;
    const Waterfall w = random_waterfall(rng, parties, shape);
    const std::vector<std::int64_t> parts = random_profits(rng, 2 + rng() % 5);
    INFO("case " << c << "\n" << describe(w));
    REQUIRE(split_difference(w, parties, parts) <= static_cast<std::int64_t>(parts.size()));
  }
}

TEST_CASE("the flagship pays the same in several events as at once, within one cent per recipient per event",
          "[waterfall][property]") {
  // Whatever the caps: Nonprofit is both the overflow party and the `rest` tier, so where a
  // cap binds only moves money between two of Nonprofit's own streams.
  std::mt19937_64 rng(29);
  for (int c = 0; c < 300; ++c) {
    std::vector<engine::Override> caps;
    for (const char* name : {"microsoft_cap", "employees_cap", "first_investors_cap"}) {
      caps.push_back({name, dsl_money(random_amount(rng, 50'000'000'000'000)), {}});
    }
    const auto loaded = clause::cli::load_contract_file(repo("contracts/microsoft-openai/2024-06.clause"), caps);
    REQUIRE(loaded.contract);
    const Waterfall& w = loaded.contract->waterfalls[0];
    const std::size_t parties = loaded.contract->parties.size();
    const std::vector<std::int64_t> parts = random_profits(rng, 2 + rng() % 5);
    INFO("case " << c << "\n" << describe(w));
    REQUIRE(split_difference(w, parties, parts) <= static_cast<std::int64_t>(parts.size()));
  }
}

TEST_CASE("with a cap, several events pay what one event pays up to where rounding moves the cap",
          "[waterfall][property]") {
  // Caps count the cents a party was actually paid (section 9). An event that ends inside
  // a tier rounds each part to cents, so a capped party may have a cent more or less than
  // it would have at once; its cap then binds up to (that cent / its share) of profit
  // earlier or later, and that much profit goes to other recipients. So with one `until
  // capped` tier whose smallest capped share is s, each recipient is within
  //   d (rounding of the tiers before) + ceil(d / s) (profit routed through a moved cap)
  //   + 1 (the cent in which the tier completes) + d (rounding of the tiers after)
  // cents of paying at once, d being the number of events. (With several capped tiers a
  // moved cap moves the next one again; see docs/waterfalls.md.)
  std::mt19937_64 rng(23);
  int checked_cases = 0;
  int beyond_a_cent_per_event = 0;
  for (int c = 0; c < 8000; ++c) {
    const std::size_t parties = 2 + rng() % 5;
    const Waterfall w = random_waterfall(rng, parties, Shape{});
    const std::vector<std::int64_t> parts = random_profits(rng, 2 + rng() % 5);
    int capped_tiers = 0;
    std::int64_t smallest = Percent::kWhole;
    for (const Tier& t : w.tiers) {
      if (t.kind != TierKind::until_capped) continue;
      ++capped_tiers;
      for (const Share& sh : t.shares) {
        if (sh.cap) smallest = std::min(smallest, sh.percent.units());
      }
    }
    if (capped_tiers != 1) continue;
    ++checked_cases;
    const auto d = static_cast<std::int64_t>(parts.size());
    const std::int64_t bound = 2 * d + 1 + (d * Percent::kWhole + smallest - 1) / smallest;
    INFO("case " << c << "\n" << describe(w));
    const std::int64_t diff = split_difference(w, parties, parts);
    REQUIRE(diff <= bound);
    if (diff > d) ++beyond_a_cent_per_event;
  }
  CHECK(checked_cases > 2000);
  CHECK(beyond_a_cent_per_event > 0);  // the effect is real: a cent per event is not enough here
}

TEST_CASE("a cent of rounding moves a cap by a cent divided by the share", "[waterfall]") {
  //   tier until capped: A 1% cap $1, C 99% overflow to C
  //   tier rest: B 100%
  // At once, $1,000 (100,000 cents): A reaches its cap after 100 / 1% = 10,000 cents of the
  // capped tier (A 100, C 9,900) and B's `rest` tier takes the other 90,000.
  // In two events, 50 cents then 99,950: the first splits 50 cents as A 0.5, C 49.5; the
  // remainders tie, so the cent goes to A, written first (A 1, C 49). A has one cent of
  // its cap already, so the second event fills it after 99 / 1% = 9,900 cents: the capped
  // tier takes 9,950 cents in all, and B's tier 50 cents more than at once.
  Waterfall w;
  w.name = "moved";
  Tier capped;
  capped.kind = TierKind::until_capped;
  capped.shares = {{0, Percent::from_units(10'000), Money::from_cents(100)},
                   {2, Percent::from_units(990'000), std::nullopt}};
  capped.overflow = 2;
  Tier rest;
  rest.kind = TierKind::rest;
  rest.shares = {{1, Percent::from_units(1'000'000), std::nullopt}};
  w.tiers = {capped, rest};
  const Run once = engine_run(w, 3, {100'000});
  CHECK(once.state.received[0].cents() == 100);
  CHECK(once.state.received[1].cents() == 90'000);
  CHECK(once.state.received[2].cents() == 9'900);
  const Run split = engine_run(w, 3, {50, 99'950});
  CHECK(split.events[0] == Lines{{{0, 0}, 1}, {{0, 2}, 49}});
  CHECK(split.state.received[0].cents() == 100);
  CHECK(split.state.received[1].cents() == 90'050);
  CHECK(split.state.received[2].cents() == 9'850);
}

TEST_CASE("largest remainders are not monotone: 22 cents can pay a share less than 21 (Alabama paradox)",
          "[waterfall]") {
  // Shares 73%, 25%, 2%: 21 cents are 15.33, 5.25, 0.42 -> floors 15, 5, 0 and one cent to
  // the largest remainder (C's .42): 15, 5, 1. 22 cents are 16.06, 5.5, 0.44 -> floors 16,
  // 5, 0 and the cent to B's .5: 16, 6, 0. C receives less from more.
  Waterfall w;
  w.name = "alabama";
  Tier rest;
  rest.kind = TierKind::rest;
  rest.shares = {{0, Percent::from_units(730'000), std::nullopt},
                 {1, Percent::from_units(250'000), std::nullopt},
                 {2, Percent::from_units(20'000), std::nullopt}};
  w.tiers = {rest};
  const Run at21 = engine_run(w, 3, {21});
  const Run at22 = engine_run(w, 3, {22});
  CHECK(at21.events[0] == Lines{{{0, 0}, 15}, {{0, 1}, 5}, {{0, 2}, 1}});
  CHECK(at22.events[0] == Lines{{{0, 0}, 16}, {{0, 1}, 6}});
}

}  // namespace waterfall_property_test
