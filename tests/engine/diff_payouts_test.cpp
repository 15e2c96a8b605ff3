// Diff, part 3: payouts. Each party's old and new payout, as exact functions of one profit
// paid from a fresh state, compared range by range. The figures below are worked by hand.
#include "engine/diff_support.hpp"

namespace diff_payouts_test {

using clause::engine::PartyPayoutDiff;
using clause::engine::PayoutRange;
using clause::engine::Rational;
using clause::test::decimal;
using clause::test::DiffOf;

namespace {

const PartyPayoutDiff* party(const clause::engine::WaterfallPayoutDiff& w, const std::string& name) {
  for (const PartyPayoutDiff& p : w.parties) {
    if (p.party == name) return &p;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("a contract diffed with itself pays the same", "[diff][payouts]") {
  const DiffOf d(clause::test::k2024, clause::test::k2024);
  CHECK(d.diff.payouts.empty());
}

TEST_CASE("one tier percentage changed: the ranges and figures, worked by hand", "[diff][payouts]") {
  // tier "first" first $100: A 100%; tier "split" next $200: A 60%, B 40% (new: 55%, 45%);
  // tier "rest": Owner 100%. For a profit P:
  //   P <= $100:        A = P under both, B = 0: no difference.
  //   $100 <= P <= $300: old A = 100 + 0.60 (P - 100), new A = 100 + 0.55 (P - 100):
  //                     new - old = -0.05 (P - 100), from $0 at $100 to -$10 at $300;
  //                     B: +0.05 (P - 100), to +$10 at $300.
  //   P >= $300:        the split tier is full (old A 220, new 210; old B 80, new 90) and
  //                     Owner takes the rest under both: the difference stays -$10 / +$10.
  // So A's payout differs from $100 on, both $100 there, the largest difference -$10
  // reached at $300 and kept for every larger profit; B's the same with +$10.
  const DiffOf d("tests/diff/tier-old.clause", "tests/diff/tier-new.clause");
  REQUIRE(d.diff.payouts.size() == 1);
  const auto& w = d.diff.payouts.front();
  CHECK(w.name == "w");
  CHECK(w.of == "Owner");
  REQUIRE(w.parties.size() == 2);  // Owner's payout does not change

  const PartyPayoutDiff* a = party(w, "A");
  REQUIRE(a);
  REQUIRE(a->ranges.size() == 1);
  const PayoutRange& ra = a->ranges.front();
  CHECK(decimal(ra.from) == "100.00");
  CHECK_FALSE(ra.to);
  CHECK(decimal(ra.old_at_from) == "100.00");
  CHECK(decimal(ra.new_at_from) == "100.00");
  REQUIRE(ra.largest);
  CHECK(decimal(*ra.largest) == "-10.00");
  CHECK(decimal(*ra.largest_at) == "300.00");
  CHECK(ra.largest_from_on);
  CHECK(ra.direction == -1);
  CHECK(ra.slope.is_zero());

  const PartyPayoutDiff* b = party(w, "B");
  REQUIRE(b);
  REQUIRE(b->ranges.size() == 1);
  const PayoutRange& rb = b->ranges.front();
  CHECK(decimal(rb.from) == "100.00");
  CHECK(decimal(rb.old_at_from) == "0.00");
  CHECK(decimal(*rb.largest) == "10.00");
  CHECK(decimal(*rb.largest_at) == "300.00");
  CHECK(rb.direction == 1);
}

TEST_CASE("a lower cap: the payout range starts exactly where the lower cap binds", "[diff][payouts]") {
  // tier "capped" until capped: A 50% cap a_cap (old $30, new $20), B 50% cap $50, overflow
  // to Owner; then Owner takes the rest. For a profit P:
  //   new: A reaches $20 at P = $40 (20 / 50%); from there A's half overflows to Owner.
  //   old: A reaches $30 at P = $60; from there A's half overflows to Owner.
  //   B reaches $50 at P = $100 under both (50% all the way): no difference for B.
  // A: equal up to $40 ($20 each there); then old 0.5 P, new $20: -$10 at $60, and so on
  //    for ever (both capped). Owner: new 0.5 (P - 40), old 0 up to $60: +$10 at $60; from
  //    $60 both take A's overflow and, past $100, everything: the difference stays +$10.
  const DiffOf d("tests/diff/cap-old.clause", "tests/diff/cap-new.clause");
  REQUIRE(d.diff.payouts.size() == 1);
  const auto& w = d.diff.payouts.front();
  REQUIRE(w.parties.size() == 2);
  CHECK_FALSE(party(w, "B"));

  const PayoutRange& a = party(w, "A")->ranges.at(0);
  CHECK(decimal(a.from) == "40.00");
  CHECK(decimal(a.old_at_from) == "20.00");
  CHECK(decimal(a.new_at_from) == "20.00");
  CHECK_FALSE(a.to);
  CHECK(decimal(*a.largest) == "-10.00");
  CHECK(decimal(*a.largest_at) == "60.00");
  CHECK(a.largest_from_on);

  const PayoutRange& owner = party(w, "Owner")->ranges.at(0);
  CHECK(decimal(owner.from) == "40.00");
  CHECK(decimal(owner.old_at_from) == "0.00");
  CHECK(decimal(*owner.largest) == "10.00");
  CHECK(decimal(*owner.largest_at) == "60.00");
}

TEST_CASE("the proposal's $100B cap: Microsoft loses up to $30B from where it binds", "[diff][payouts]") {
  // Before the capped tier Microsoft has 75% of $17.3B = $12.975B, and the tier starts at
  // $194M + $17.3B = $17.494B. At 49% it needs ($100B - $12.975B) / 0.49 more profit to
  // reach a $100B cap: $87.025B / 0.49 = $177,602,040,816.32 + 32/49¢, so the range
  // starts at $195,096,040,816.32 + 32/49¢. The old $130B cap binds $30B / 0.49 later;
  // from there Microsoft has $30B less for ever, and the nonprofit $30B more.
  const DiffOf d(clause::test::k2024, clause::test::kProposal);
  REQUIRE(d.diff.payouts.size() == 1);
  const auto& w = d.diff.payouts.front();
  const PayoutRange& ms = party(w, "Microsoft")->ranges.at(0);
  CHECK(decimal(ms.from) == "195096040816.32+32/49");
  CHECK(decimal(ms.new_at_from) == "100000000000.00");
  CHECK(decimal(*ms.largest) == "-30000000000.00");
  CHECK(decimal(*ms.largest_at) == "256320530612.24+24/49");
  CHECK(ms.largest_from_on);
  const PayoutRange& np = party(w, "Nonprofit")->ranges.at(0);
  CHECK(decimal(*np.largest) == "30000000000.00");
  CHECK_FALSE(party(w, "Employees"));
  CHECK_FALSE(party(w, "FirstInvestors"));
}

TEST_CASE("diff B A has the payout ranges of diff A B, old and new swapped", "[diff][payouts]") {
  const DiffOf forward("tests/diff/tier-old.clause", "tests/diff/tier-new.clause");
  const DiffOf backward("tests/diff/tier-new.clause", "tests/diff/tier-old.clause");
  const auto& f = forward.diff.payouts.at(0);
  const auto& b = backward.diff.payouts.at(0);
  REQUIRE(f.parties.size() == b.parties.size());
  for (std::size_t i = 0; i < f.parties.size(); ++i) {
    const PayoutRange& x = f.parties[i].ranges.at(0);
    const PayoutRange& y = party(b, f.parties[i].party)->ranges.at(0);
    CHECK(x.from == y.from);
    CHECK(x.old_at_from == y.new_at_from);
    CHECK(x.new_at_from == y.old_at_from);
    CHECK(*x.largest == y.largest->negated());
    CHECK(x.direction == -y.direction);
  }
}

TEST_CASE("a rest tier's share changed: the difference grows without end", "[diff][payouts]") {
  const std::string base = R"(contract "Rest"
party A
party B
party Owner
waterfall w of Owner:
  tier "rest" rest:
)";
  auto old_loaded = clause::engine::load_contract_from_bytes("old.clause", base + "    A 50%, B 50%\n");
  auto new_loaded = clause::engine::load_contract_from_bytes("new.clause", base + "    A 40%, B 60%\n");
  REQUIRE(old_loaded.contract);
  REQUIRE(new_loaded.contract);
  const auto names = clause::engine::match_names(*old_loaded.contract, *new_loaded.contract);
  const auto payouts = clause::engine::diff_payouts(*old_loaded.contract, *new_loaded.contract, names);
  REQUIRE(payouts.size() == 1);
  const PayoutRange& a = payouts.front().parties.at(0).ranges.at(0);
  CHECK(decimal(a.from) == "0.00");
  CHECK_FALSE(a.to);
  CHECK_FALSE(a.largest);
  CHECK(a.slope == *Rational::fraction(-1, 10));  // 10% less of every further cent
}

}  // namespace diff_payouts_test
