// Version 2's semantics where LANGUAGE.md section 10 and the project's own readings
// (docs/language.md, "Readings") decide between two careful answers: terms and time,
// verification, first refusal, commitments, freedoms and deeds, streams.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "dsl/parse.hpp"
#include "engine/evaluate/evaluate.hpp"
#include "engine/payout/load.hpp"

namespace version2_test {

using namespace clause;
using namespace clause::engine;

namespace {

// A contract in the file `t.clause`, checked; its events applied one by one.
class Run {
 public:
  explicit Run(const std::string& text) : loaded_(load_contract_from_bytes("t.clause", "contract \"T\"\neffective 2026-01-01\n" + text)) {
    INFO(render());
    REQUIRE(loaded_.contract);
    evaluator_.emplace(*loaded_.contract);
  }

  // Applies one event on `on`; returns the kinds and rules of its outcomes, "kind rule".
  std::vector<std::string> ask(const std::string& event, const std::string& on) {
    auto src = dsl::source_from_bytes("<event>", event);
    dsl::EventParse parsed = dsl::parse_event(src.source);
    REQUIRE(parsed.event);
    dsl::DiagnosticList diags;
    auto e = resolve_event(*loaded_.contract, *parsed.event, src.source, outsiders_, diags);
    REQUIRE(e);
    events_.push_back(std::move(*e));
    const auto date = std::get<dsl::Date>(dsl::parse_date(on));
    REQUIRE_FALSE(evaluator_->apply(events_.back(), date, log_));
    std::vector<std::string> out;
    for (const Outcome& o : log_.outcomes_of(log_.events.back())) {
      const DeclRef rule = rule_of(o);
      out.push_back(std::string(kind_name(o)) + (rule.valid() ? " " + std::string(loaded_.contract->name_of(rule)) : ""));
    }
    return out;
  }

  const Outcome& last(std::size_t i = 0) const { return log_.outcomes_of(log_.events.back())[i]; }
  const State& state() const { return evaluator_->state(); }
  const Contract& contract() const { return *loaded_.contract; }

 private:
  std::string render() const {
    std::string out;
    for (const auto& d : loaded_.diagnostics.items()) out += d.message + "\n";
    return out;
  }

  LoadedContract loaded_;
  std::optional<Evaluator> evaluator_;
  Outsiders outsiders_;
  std::vector<Event> events_;
  OutcomeLog log_;
};

using V = std::vector<std::string>;

Money money(const char* text) { return std::get<Money>(dsl::parse_money(text)); }

const std::string kVerified = R"(
party Lab { body board }
party Panel
party Cloud
licence research: Lab grants Cloud
power agi_definition: only Lab.board may declare agi verified by Panel
clause on_declared: when agi is declared then research ends
)";

}  // namespace

TEST_CASE("a declaration waits for its verifier; a rejection lets the holder declare again", "[version2]") {
  Run r(kVerified);
  CHECK(r.ask("Lab.board declares agi", "2026-02-01") == V{"declared agi_definition", "ended on_declared"});
  CHECK(std::get<Declared>(r.last()).pending);
  CHECK(r.ask("Lab.board declares agi", "2026-02-02") == V{"ineffective agi_definition"});
  CHECK(std::get<Ineffective>(r.last()).why == Ineffective::Why::already_pending);
  CHECK(r.ask("Cloud verifies agi", "2026-02-03") == V{"ineffective agi_definition"});
  CHECK(std::get<Ineffective>(r.last()).why == Ineffective::Why::not_verifier);
  CHECK(r.ask("Panel rejects agi", "2026-02-04") == V{"rejected agi_definition"});
  CHECK(r.ask("Panel rejects agi", "2026-02-05") == V{"ineffective agi_definition"});
  CHECK(std::get<Ineffective>(r.last()).why == Ineffective::Why::nothing_pending);
  // A rejection undoes nothing the declaration's own triggers did; declaring again ends nothing more.
  CHECK(r.state().licences[0].ended);
  CHECK(r.ask("Lab.board declares agi", "2026-02-06") == V{"declared agi_definition"});
  CHECK(r.ask("agi is verified", "2026-02-07") == V{"verified agi_definition"});
  CHECK(r.ask("Lab.board declares agi", "2026-02-08") == V{"ineffective agi_definition"});
  CHECK(std::get<Ineffective>(r.last()).why == Ineffective::Why::already_verified);
  CHECK(std::get<Ineffective>(r.last()).on == dsl::Date::from_ymd(2026, 2, 7));
}

TEST_CASE("a verification of a power that asks none is ineffective; of no power, uncovered", "[version2]") {
  Run r(R"(
party Lab
party Panel
power p: only Lab may declare agi
)");
  CHECK(r.ask("Lab declares agi", "2026-02-01") == V{"declared p"});
  CHECK_FALSE(std::get<Declared>(r.last()).pending);
  CHECK(r.ask("Panel verifies agi", "2026-02-02") == V{"ineffective p"});
  CHECK(std::get<Ineffective>(r.last()).why == Ineffective::Why::no_verification);
  CHECK(r.ask("agi is verified", "2026-02-03") == V{"ineffective p"});
  CHECK(r.ask("Panel verifies asi", "2026-02-04") == V{"uncovered"});
}

TEST_CASE("a first refusal's allowance is used all or nothing, and shrinks", "[version2]") {
  Run r(R"(
party Lab
party Cloud
party Other
clause rofr: Lab must offer compute to Cloud first
)");
  CHECK(r.ask("Lab buys compute from Cloud for $9B", "2026-02-01") == V{"permitted rofr"});
  CHECK(r.ask("Lab buys compute from Rival for $1", "2026-02-01") == V{"breach rofr"});
  CHECK(r.ask("Other declines compute for $5B", "2026-02-02") == V{"ineffective rofr"});
  CHECK(r.ask("Cloud declines compute for $5B", "2026-02-03") == V{"declined rofr"});
  CHECK(r.ask("Lab buys compute from Rival for $3B", "2026-02-04") == V{"permitted rofr"});
  CHECK(std::get<Permitted>(r.last()).left == money("$2B"));
  CHECK(r.ask("Lab buys compute from Rival for $3B", "2026-02-05") == V{"breach rofr"});
  const Breach& b = std::get<Breach>(r.last());
  CHECK(b.declined == money("$5B"));
  CHECK(b.left == money("$2B"));
  CHECK(r.ask("Lab buys compute from Rival for $2B", "2026-02-06") == V{"permitted rofr"});
  CHECK(r.ask("Cloud declines gpus for $1B", "2026-02-07") == V{"uncovered"});
}

TEST_CASE("declines before a first refusal's term are uncovered and name its term", "[version2]") {
  Run r(R"(
party Lab
party Cloud
clause rofr: Lab must offer compute to Cloud first from 2027-01-01
)");
  CHECK(r.ask("Cloud declines compute for $5B", "2026-06-01") == V{"uncovered"});
  const Uncovered& u = std::get<Uncovered>(r.last());
  CHECK(u.why == Uncovered::Why::not_yet);
  CHECK(r.contract().name_of(u.subject) == "rofr");
  CHECK(r.ask("Lab buys compute from Rival for $5B", "2026-06-02") == V{"uncovered"});
  CHECK(r.ask("Lab buys compute from Rival for $5B", "2027-01-01") == V{"breach rofr"});
}

TEST_CASE("a commitment counts purchases in its term only, and a fulfilled one records nothing at its deadline",
          "[version2]") {
  Run r(R"(
party Lab
party Cloud
clause c: Lab must buy at least $10B of hosting from Cloud by 2026-12-31 from 2026-03-01
)");
  CHECK(r.ask("Lab buys hosting from Cloud for $4B", "2026-02-01") == V{"uncovered"});
  CHECK(r.ask("Lab buys hosting from Other for $4B", "2026-03-01") == V{"uncovered"});
  CHECK(r.ask("Lab buys hosting from Cloud for $6B", "2026-03-01") == V{"permitted c"});
  CHECK(r.ask("Lab buys hosting from Cloud for $4B", "2026-04-01") == V{"permitted c", "fulfilled c"});
  CHECK(r.ask("Lab buys hosting from Cloud for $1B", "2026-05-01") == V{"permitted c"});
  CHECK(std::get<Permitted>(r.last()).commitment.total == money("$11B"));
  CHECK(r.ask("nothing happens", "2027-01-01").empty());
  CHECK(r.state().clauses[0].ending.ended);  // no longer live after its deadline
  CHECK(r.ask("Lab buys hosting from Cloud for $1B", "2027-01-02") == V{"uncovered"});
}

TEST_CASE("time expires terms in date order, then file order, before the event's own outcomes", "[version2]") {
  Run r(R"(
party Lab
party Cloud
clause b: Lab must buy gpus only from Cloud until 2026-06-30
licence a: Lab grants Cloud until 2026-06-30
licence early: Lab grants Cloud until 2025-12-31
waterfall w of Lab until 2026-03-31:
  tier rest: Lab 100%
)");
  CHECK(r.ask("Cloud uses a", "2026-08-01") ==
        V{"expired early", "expired w", "expired b", "expired a", "breach a"});
  CHECK(std::get<Expired>(r.last(0)).on == dsl::Date::from_ymd(2026, 1, 1));
  CHECK(std::get<Expired>(r.last(1)).on == dsl::Date::from_ymd(2026, 4, 1));
  CHECK(std::get<Breach>(r.last(4)).why == Breach::Why::licence_expired);
  CHECK(r.ask("nothing happens", "2026-09-01").empty());
}

TEST_CASE("a licence used before its from is a breach; by its grantor, always permitted", "[version2]") {
  Run r(R"(
party Lab
party Cloud
licence m: Lab grants Cloud from 2026-06-01 until 2026-12-31
)");
  CHECK(r.ask("Cloud uses m", "2026-05-31") == V{"breach m"});
  CHECK(std::get<Breach>(r.last()).why == Breach::Why::licence_not_yet);
  CHECK(r.ask("Cloud uses m", "2026-06-01") == V{"permitted m"});
  CHECK(r.ask("Lab uses m", "2027-06-01") == V{"expired m", "permitted m"});
}

TEST_CASE("a trigger that would end only what expired records nothing, and the event is not uncovered",
          "[version2]") {
  Run r(R"(
party Lab
party Cloud
licence m: Lab grants Cloud until 2026-03-31
clause t: when Lab does "convert" then m ends
)");
  CHECK(r.ask("Lab does \"convert\"", "2026-06-01") == V{"expired m"});
}

TEST_CASE("a trigger not in force does not fire", "[version2]") {
  Run r(R"(
party Lab
party Cloud
licence m: Lab grants Cloud
clause t: when Lab does "convert" then m ends from 2027-01-01
)");
  CHECK(r.ask("Lab does \"convert\"", "2026-06-01") == V{"uncovered"});
  CHECK(r.ask("Lab does \"convert\"", "2027-06-01") == V{"ended t"});
}

TEST_CASE("streams keep revenue apart from profit, match without regard to case, and waterfalls end", "[version2]") {
  Run r(R"(
party Lab
party Cloud
party Holders
waterfall share of Lab Revenue:
  tier rest: Cloud 20%, Lab 80%
waterfall equity of Lab:
  tier rest: Holders 100%
clause t: when Lab does "restructure" then share ends
)");
  CHECK(r.ask("Lab earns $1B in revenue", "2026-02-01") == V{"payout share"});
  CHECK(r.ask("Lab earns $1B in REVENUE", "2026-02-02") == V{"payout share"});
  CHECK(r.ask("Lab earns $1B", "2026-02-03") == V{"payout equity"});
  CHECK(r.ask("Lab does \"restructure\"", "2026-02-04") == V{"ended t"});
  CHECK(r.ask("Lab earns $1B in revenue", "2026-02-05") == V{"uncovered"});
  CHECK(std::get<Uncovered>(r.last()).why == Uncovered::Why::waterfall_ended);
  CHECK(r.ask("Lab earns $1B in royalties", "2026-02-06") == V{"uncovered"});
  CHECK(std::get<Uncovered>(r.last()).why == Uncovered::Why::no_waterfall);
  CHECK(r.state().received[1] == money("$400M"));  // kept what it paid before it ended
}

TEST_CASE("may do and must not do of one text both give their outcome; a freedom and a duty both do", "[version2]") {
  Run r(R"(
party Lab
party Cloud
clause allowed: Cloud may do "hire"
clause forbidden: Cloud must not do "hire"
clause exclusive: Lab must buy compute only from Cloud
clause free: Lab may buy compute from anyone
)");
  CHECK(r.ask("Cloud does \"hire\"", "2026-02-01") == V{"permitted allowed", "breach forbidden"});
  CHECK(r.ask("Lab does \"hire\"", "2026-02-01") == V{"uncovered"});
  CHECK(r.ask("Lab buys compute from Rival for $1B", "2026-02-02") == V{"breach exclusive", "permitted free"});
}

TEST_CASE("an exception from anyone matches every vendor", "[version2]") {
  Run r(R"(
party Lab
party Cloud
party Government
clause exclusive: Lab must buy api_hosting only from Cloud
exception natsec to exclusive: Lab may buy api_hosting from anyone if Government consents
)");
  CHECK(r.ask("Lab buys api_hosting from Rival for $1M", "2026-02-01") == V{"breach exclusive"});
  CHECK(r.ask("Government consents to natsec", "2026-02-02") == V{"consented natsec"});
  CHECK(r.ask("Lab buys api_hosting from Rival for $1M", "2026-02-03") == V{"permitted natsec"});
}

TEST_CASE("an event before the contract takes effect still shows what time expired", "[version2]") {
  Run r(R"(
party Lab
party Cloud
licence old: Lab grants Cloud until 2025-06-30
)");
  CHECK(r.ask("Cloud uses old", "2025-12-01") == V{"expired old", "uncovered"});
}

}  // namespace version2_test
