// The evaluator reads clauses, exceptions, licences and powers from LiveRules, copies laid
// out for evaluation, not from the checked model. This pins that every field evaluation
// reads is copied, for every contract in contracts/, and that reset() forgets every
// ending, consent and total.
#include <catch2/catch.hpp>

#include "engine/evaluate/internal/live_rules.hpp"
#include "engine/payout/load.hpp"
#include "support.hpp"
#include "cli/files.hpp"

namespace {

using namespace clause::engine;

template <typename T>
std::vector<T> list(std::span<const T> s) {
  return {s.begin(), s.end()};
}

void require_copied(const Contract& c, const LiveRules& live) {
  REQUIRE(live.clauses.size() == c.clauses.size());
  for (std::size_t i = 0; i < c.clauses.size(); ++i) {
    const Clause& model = c.clauses[i];
    const LiveClause& copy = live.clauses[i];
    INFO(model.name);
    CHECK(copy.clause_kind() == model.kind);
    CHECK(copy.vendor == model.vendor);
    CHECK(list(live.more_vendors(copy)) == model.more_vendors);
    CHECK(list(live.exceptions_of(copy)) == model.exceptions);
    CHECK(copy.pattern() == model.pattern.kind);
    CHECK(copy.pattern_actor == model.pattern.actor);
    CHECK(copy.pattern_vendor == model.pattern.vendor);
    CHECK(list(live.ends(copy)) == model.ends);
    CHECK_FALSE(copy.ending.ended());
    // names_vendor answers as the model's does, for every vendor it names and one it does not.
    for (const Actor v : live.more_vendors(copy)) CHECK(live.names_vendor(copy, v) == model.names_vendor(v));
    CHECK(live.names_vendor(copy, model.vendor) == model.names_vendor(model.vendor));
    CHECK(live.names_vendor(copy, Actor{}) == model.names_vendor(Actor{}));
  }
  REQUIRE(live.exceptions.size() == c.exceptions.size());
  for (std::size_t i = 0; i < c.exceptions.size(); ++i) {
    const Exception& model = c.exceptions[i];
    const LiveException& copy = live.exceptions[i];
    INFO(model.name);
    CHECK(copy.buyer == model.buyer);
    CHECK(copy.vendor == model.vendor);
    CHECK(copy.good == model.good);
    CHECK(copy.has_from == model.from.has_value());
    if (model.from) CHECK(copy.from == *model.from);
    CHECK(copy.has_until == model.until.has_value());
    if (model.until) CHECK(copy.until == *model.until);
    CHECK(copy.has_limit == model.limit.has_value());
    if (model.limit) CHECK(copy.limit == *model.limit);
    CHECK(list(live.consents(copy)) == model.consents);
    CHECK(copy.all_consents() == (model.consents.empty() ? 0u : (0xFFFF'FFFFu >> (32 - model.consents.size()))));
  }
  REQUIRE(live.licences.size() == c.licences.size());
  for (std::size_t i = 0; i < c.licences.size(); ++i) {
    CHECK(live.licences[i].grantor == c.licences[i].grantor);
    CHECK(live.licences[i].grantee == c.licences[i].grantee);
  }
  REQUIRE(live.statuses.size() == c.words.size());
  REQUIRE(c.power_of_status.size() == c.words.size());
  for (std::size_t w = 0; w < c.words.size(); ++w) {
    INFO(c.words[w]);
    CHECK(live.statuses[w].power == c.power_of_status[w]);
    if (c.power_of_status[w] != kNone) CHECK(live.statuses[w].holder == c.powers[c.power_of_status[w]].holder);
    CHECK(list(live.triggers(live.statuses[w])) == list(c.status_triggers[w]));
  }
}

}  // namespace

TEST_CASE("live rules copy every field evaluation reads, for every contract", "[evaluate]") {
  const auto files = clause::test::files_below(clause::test::repo_path("contracts"), ".clause");
  REQUIRE_FALSE(files.empty());
  for (const std::string& file : files) {
    INFO(file);
    const LoadedContract loaded = clause::cli::load_contract_file(file);
    REQUIRE(loaded.contract);
    require_copied(*loaded.contract, LiveRules(*loaded.contract));
  }
}

TEST_CASE("live rules copy lists of every length: vendors, exceptions, effects, consents, triggers", "[evaluate]") {
  // The contracts in contracts/ have at most one exception a clause; lists of one are held
  // inline, longer ones in the shared arrays.
  const LoadedContract loaded = load_contract_from_bytes("lists.clause", R"(contract "Lists"
effective 2024-01-01
party A { body board }
party B
party C
party D
party E
party F
licence L1: A grants B
licence L2: A grants C
clause Only: A must buy compute only from B or C or D
clause Ban: B must not buy chips from C
exception X1 to Only: A may buy compute from E if B consents if C consents if D consents
exception X2 to Only: A may buy compute from F up to $5M in total
exception X3 to Only: A may buy compute from E from 2024-01-01 until 2025-01-01
exception Y to Ban: B may buy chips from C if A consents
power P: only A.board may declare done
clause T1: when done is declared then L1 ends, L2 ends, X1 ends
clause T2: when A declares done then Ban ends
clause T3: when A buys compute from D then Y ends
)");
  REQUIRE(loaded.contract);
  const LiveRules live(*loaded.contract);
  require_copied(*loaded.contract, live);
  CHECK(live.exceptions_of(live.clauses[0]).size() == 3);
  CHECK(live.more_vendors(live.clauses[0]).size() == 2);
  CHECK(live.consents(live.exceptions[0]).size() == 3);
}

TEST_CASE("live rules forget every ending, consent and total on reset", "[evaluate]") {
  const LoadedContract loaded = clause::cli::load_contract_file(clause::test::repo_path("contracts/microsoft-openai/2024-06.clause"));
  REQUIRE(loaded.contract);
  LiveRules live(*loaded.contract);
  REQUIRE_FALSE(live.clauses.empty());
  REQUIRE_FALSE(live.exceptions.empty());
  REQUIRE_FALSE(live.licences.empty());
  for (LiveClause& c : live.clauses) c.ending = LiveEnding{Date::from_ymd(2030, 1, 1), 0};
  for (LiveException& x : live.exceptions) {
    x.ending = LiveEnding{Date::from_ymd(2030, 1, 1), 0};
    x.consented = 1;
    x.bought = Money::from_cents(100);
  }
  for (LiveLicence& l : live.licences) l.ending = LiveEnding{Date::from_ymd(2030, 1, 1), 0};
  REQUIRE(live.ending(DeclRef{DeclKind::licence, 0})->ended());
  CHECK(live.ending(DeclRef{DeclKind::party, 0}) == nullptr);
  live.reset();
  for (const LiveClause& c : live.clauses) CHECK_FALSE(c.ending.ended());
  for (const LiveException& x : live.exceptions) {
    CHECK_FALSE(x.ending.ended());
    CHECK(x.consented == 0);
    CHECK(x.bought == Money{});
  }
  for (const LiveLicence& l : live.licences) CHECK_FALSE(l.ending.ended());
}
