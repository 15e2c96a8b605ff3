// Diff, part 2: behaviour. Probes run against both contracts; the probes whose outcomes
// differ are witnesses, grouped by the change they show, smallest first.
#include <algorithm>
#include <set>

#include "engine/diff_support.hpp"

namespace diff_behaviour_test {

using clause::engine::Outcome;
using clause::engine::OutcomeKind;
using clause::engine::kind_of;
using clause::engine::ProbeAnswer;
using clause::engine::Witness;
using clause::test::DiffOf;
using clause::test::k2019;
using clause::test::k2024;
using clause::test::kProposal;

namespace {


// The outcomes one contract gave the witness's i-th event.
std::vector<Outcome> outcomes_of(const ProbeAnswer& a, std::size_t i) {
  std::vector<Outcome> out;
  for (const auto& r : a.log.events) {
    if (r.event != i) continue;
    for (const Outcome& o : a.log.outcomes_of(r)) out.push_back(o);
  }
  return out;
}

std::vector<const Witness*> all_witnesses(const clause::engine::BehaviourDiff& b) {
  std::vector<const Witness*> out;
  for (const auto& g : b.groups) {
    for (const Witness& w : g.witnesses) out.push_back(&w);
  }
  return out;
}

const Witness* find_witness(const clause::engine::BehaviourDiff& b, const std::vector<std::string>& events) {
  for (const Witness* w : all_witnesses(b)) {
    if (w->events == events) return w;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("a contract diffed with itself has no witness", "[diff][behaviour]") {
  const DiffOf d(k2024, k2024);
  CHECK(d.diff.behaviour.probes > 0);
  CHECK(d.diff.behaviour.groups.empty());
  CHECK(d.diff.behaves_the_same());
}

TEST_CASE("probes are dated on the later effective date", "[diff][behaviour]") {
  const DiffOf d(k2019, k2024);
  CHECK(d.diff.behaviour.on.to_string() == "2024-06-01");
}

TEST_CASE("2019-07 to 2024-06: buying from Oracle after Microsoft's consent is a breach before, permitted after",
          "[diff][behaviour]") {
  const DiffOf d(k2019, k2024);
  const Witness* w =
      find_witness(d.diff.behaviour, {"Microsoft consents to oracle_capacity", "OpenAI buys compute from Oracle for $10B"});
  REQUIRE(w);
  // The 2019 terms have no such exception: the consent names nothing there.
  CHECK(w->old_answer.missing[0] == "the contract has no exception `oracle_capacity`");
  const auto before = outcomes_of(w->old_answer, 1);
  const auto after = outcomes_of(w->new_answer, 1);
  REQUIRE(before.size() == 1);
  REQUIRE(after.size() == 1);
  CHECK(kind_of(before[0]) == OutcomeKind::breach);
  CHECK(d.old_loaded.contract->name_of(clause::engine::rule_of(before[0])) == "exclusivity");
  CHECK(kind_of(after[0]) == OutcomeKind::permitted);
  CHECK(d.new_loaded.contract->name_of(clause::engine::rule_of(after[0])) == "oracle_capacity");

  // The smallest witness of that change comes first in its group, the others counted.
  const auto group = std::find_if(d.diff.behaviour.groups.begin(), d.diff.behaviour.groups.end(), [&](const auto& g) {
    return std::any_of(g.witnesses.begin(), g.witnesses.end(), [&](const Witness& x) { return &x == w; });
  });
  REQUIRE(group != d.diff.behaviour.groups.end());
  CHECK(group->witnesses.front().events ==
        std::vector<std::string>{"Microsoft consents to oracle_capacity", "OpenAI buys compute from Oracle for $1"});
  CHECK(group->witnesses.size() == 4);  // $1, a cent below $10B, $10B, and $10B then one cent more
}

TEST_CASE("2019-07 to 2024-06: purchases beyond the $10B limit end the same way", "[diff][behaviour]") {
  const DiffOf d(k2019, k2024);
  for (const Witness* w : all_witnesses(d.diff.behaviour)) {
    // Every purchase that takes the Oracle total past $10B is a breach in both.
    clause::engine::Money total;
    for (std::size_t i = 0; i < w->events.size(); ++i) {
      const auto& e = w->new_answer.events[i];
      if (e.kind != clause::engine::EventKind::buys) continue;
      total = *total.plus(e.amount);
      if (total > clause::engine::Money::dollars(10'000'000'000)) {
        INFO(w->events[i]);
        CHECK_FALSE(w->differs[i]);
        const auto before = outcomes_of(w->old_answer, i);
        const auto after = outcomes_of(w->new_answer, i);
        REQUIRE(after.size() == 1);
        CHECK(kind_of(before.front()) == OutcomeKind::breach);
        CHECK(kind_of(after.front()) == OutcomeKind::breach);
      }
    }
  }
  // The probe a cent over the limit ran, and only its consent differs.
  const Witness* over = find_witness(d.diff.behaviour, {"Microsoft consents to oracle_capacity",
                                                        "OpenAI buys compute from Oracle for $10,000,000,000.01"});
  REQUIRE(over);
  CHECK(over->differs == std::vector<bool>{true, false});
}

TEST_CASE("2019-07 to 2024-06: no payout difference", "[diff][behaviour]") {
  const DiffOf d(k2019, k2024);
  CHECK(d.diff.payouts.empty());
  CHECK_FALSE(d.diff.behaves_the_same());
}

TEST_CASE("diff B A has the witnesses of diff A B, old and new swapped", "[diff][behaviour]") {
  for (const auto& [a, b] : {std::pair{k2019, k2024}, std::pair{k2024, kProposal}}) {
    const DiffOf forward(a, b);
    const DiffOf backward(b, a);
    const auto fw = all_witnesses(forward.diff.behaviour);
    const auto bw = all_witnesses(backward.diff.behaviour);
    REQUIRE(fw.size() == bw.size());
    for (const Witness* w : fw) {
      INFO(a << " → " << b << ": " << w->events.front());
      const Witness* m = find_witness(backward.diff.behaviour, w->events);
      REQUIRE(m);
      CHECK(m->differs == w->differs);
      CHECK(m->old_answer.missing == w->new_answer.missing);
      CHECK(m->new_answer.missing == w->old_answer.missing);
      for (std::size_t i = 0; i < w->events.size(); ++i) {
        const auto x = outcomes_of(w->old_answer, i);
        const auto y = outcomes_of(m->new_answer, i);
        REQUIRE(x.size() == y.size());
        for (std::size_t k = 0; k < x.size(); ++k) CHECK(kind_of(x[k]) == kind_of(y[k]));
      }
    }
  }
}

TEST_CASE("a pair differing only in a tier percentage has no behaviour witness", "[diff][behaviour]") {
  const DiffOf d("tests/diff/tier-old.clause", "tests/diff/tier-new.clause");
  CHECK(d.diff.behaviour.groups.empty());
}

TEST_CASE("a pair differing only in a cap assumption has no behaviour witness", "[diff][behaviour]") {
  const DiffOf d("tests/diff/cap-old.clause", "tests/diff/cap-new.clause");
  CHECK(d.diff.behaviour.groups.empty());
}

TEST_CASE("renamed-only and reordered-only contracts behave the same", "[diff][behaviour]") {
  for (const std::string other : {"tests/diff/2024-06-renamed.clause", "tests/diff/2024-06-reordered.clause"}) {
    INFO(other);
    const DiffOf d(k2024, other);
    CHECK(d.diff.behaviour.groups.empty());
    CHECK(d.diff.payouts.empty());
    CHECK(d.diff.behaves_the_same());
  }
}

TEST_CASE("the proposal: buying from Oracle without consent, a breach before, is permitted by the clause after",
          "[diff][behaviour]") {
  const DiffOf d(k2024, kProposal);
  CHECK(d.diff.behaviour.on.to_string() == "2024-10-01");
  REQUIRE_FALSE(d.diff.behaviour.groups.empty());
  // Smallest first: one event, then fewer dollars.
  std::size_t last_events = 0;
  for (const auto& g : d.diff.behaviour.groups) {
    CHECK(g.witnesses.front().size_events >= last_events);
    last_events = g.witnesses.front().size_events;
    for (std::size_t i = 1; i < g.witnesses.size(); ++i) {
      const Witness& a = g.witnesses[i - 1];
      const Witness& b = g.witnesses[i];
      CHECK((a.size_events < b.size_events || (a.size_events == b.size_events && a.size_amount <= b.size_amount)));
    }
  }
  const Witness* w = find_witness(d.diff.behaviour, {"OpenAI buys compute from Oracle for $1"});
  REQUIRE(w);
  CHECK(kind_of(outcomes_of(w->old_answer, 0).front()) == OutcomeKind::breach);
  const auto after = outcomes_of(w->new_answer, 0);
  CHECK(kind_of(after.front()) == OutcomeKind::permitted);
  CHECK(d.new_loaded.contract->name_of(clause::engine::rule_of(after.front())) == "exclusivity");
}

TEST_CASE("a trigger then a use: ending a licence only in the new terms is a witness", "[diff][behaviour]") {
  // The same contract without the AGI trigger, against the flagship that has it.
  const std::string without = R"(contract "AGI"
effective 2024-06-01
party Microsoft
party OpenAI { body board }
licence technology: OpenAI grants Microsoft
power agi_definition: only OpenAI.board may declare agi
)";
  const std::string with = without + "clause agi_termination: when agi is declared then technology ends\n";
  auto old_loaded = clause::engine::load_contract_from_bytes("without.clause", without);
  auto new_loaded = clause::engine::load_contract_from_bytes("with.clause", with);
  REQUIRE(old_loaded.contract);
  REQUIRE(new_loaded.contract);
  const auto d = clause::engine::diff_contracts(*old_loaded.contract, *new_loaded.contract,
                                                clause::dsl::Date::from_ymd(2026, 1, 1));
  const Witness* w = find_witness(d.behaviour, {"agi is declared", "Microsoft uses technology"});
  REQUIRE(w);
  CHECK(w->differs == std::vector<bool>{true, true});
  CHECK(kind_of(outcomes_of(w->old_answer, 1).front()) == OutcomeKind::permitted);
  CHECK(kind_of(outcomes_of(w->new_answer, 1).front()) == OutcomeKind::breach);
}

TEST_CASE("exception windows are probed on the day before, on and after each end", "[diff][behaviour]") {
  const DiffOf d(k2024, "contracts/microsoft-openai/2024-06-oracle-window.clause");
  REQUIRE(d.diff.behaviour.groups.size() == 1);
  const Witness& w = d.diff.behaviour.groups.front().witnesses.front();
  CHECK(w.on.to_string() == "2025-07-01");
  CHECK(w.events ==
        std::vector<std::string>{"Microsoft consents to oracle_capacity", "OpenAI buys compute from Oracle for $1"});
  CHECK(kind_of(outcomes_of(w.old_answer, 1).front()) == OutcomeKind::permitted);
  CHECK(kind_of(outcomes_of(w.new_answer, 1).front()) == OutcomeKind::breach);
}

TEST_CASE("an exception that asks one consent fewer: the consents only the new terms ask for are a witness",
          "[diff][behaviour]") {
  const std::string both = R"(contract "C"
effective 2024-01-01
party Microsoft
party OpenAI
party Oracle
clause exclusivity: OpenAI must buy compute only from Microsoft
exception oracle_capacity to exclusivity: OpenAI may buy compute from Oracle if Microsoft consents if Oracle consents
)";
  std::string one = both;
  one.replace(one.find(" if Oracle consents"), std::string(" if Oracle consents").size(), "");
  auto old_loaded = clause::engine::load_contract_from_bytes("both.clause", both);
  auto new_loaded = clause::engine::load_contract_from_bytes("one.clause", one);
  REQUIRE(old_loaded.contract);
  REQUIRE(new_loaded.contract);
  const auto d = clause::engine::diff_contracts(*old_loaded.contract, *new_loaded.contract,
                                                clause::dsl::Date::from_ymd(2026, 1, 1));
  const Witness* w =
      find_witness(d.behaviour, {"Microsoft consents to oracle_capacity", "OpenAI buys compute from Oracle for $1"});
  REQUIRE(w);
  CHECK(w->differs == std::vector<bool>{false, true});
  CHECK(kind_of(outcomes_of(w->old_answer, 1).front()) == OutcomeKind::breach);
  CHECK(kind_of(outcomes_of(w->new_answer, 1).front()) == OutcomeKind::permitted);
  // Oracle's consent is asked before and not after: the same `consented`, for another reason.
  const Witness* consent = find_witness(d.behaviour, {"Oracle consents to oracle_capacity"});
  REQUIRE(consent);
  CHECK(std::get<clause::engine::Consented>(outcomes_of(consent->old_answer, 0).front()).why ==
        clause::engine::Consented::Why::asked);
  CHECK(std::get<clause::engine::Consented>(outcomes_of(consent->new_answer, 0).front()).why ==
        clause::engine::Consented::Why::not_asked);
}

}  // namespace diff_behaviour_test
