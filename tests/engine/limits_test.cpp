// Every limit of docs/limits.md, at the limit and one past it: at the limit the input
// works; past it, a clear error that names the limit, at the place that passes it.
#include <catch2/catch.hpp>

#include <filesystem>

#include <fmt/format.h>

#include "cli/scenario_text.hpp"
#include "dsl/diagnostic.hpp"
#include "dsl/money.hpp"
#include "dsl/read_source.hpp"
#include "engine/model/check.hpp"
#include "engine/evaluate/evaluate.hpp"
#include "engine/payout/load.hpp"
#include "engine/scenario/scenario.hpp"
#include "engine/model/suggest.hpp"
#include "scratch.hpp"
#include "support.hpp"

namespace limits_test {

using namespace clause;
using clause::test::run_clause;

namespace {

engine::LoadedContract load(const std::string& text) { return engine::load_contract_from_bytes("limits.clause", text); }

// The first error's message and its line, or "" when there is none.
std::string first_error(const dsl::DiagnosticList& list, std::uint32_t* line = nullptr) {
  for (const dsl::Diagnostic& d : list.items()) {
    if (d.severity != dsl::Severity::error) continue;
    if (line != nullptr && d.where.source) *line = d.where.source->position(d.where.span.begin).line;
    return d.message;
  }
  return "";
}

// `contract "limits"` and one party `A`, then the given lines.
std::string contract_with(const std::string& lines) { return "contract \"limits\"\nparty A\n" + lines; }

std::string parties(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += fmt::format("party P{}\n", i);
  return out;
}

const std::string flagship = clause::test::repo_path("contracts/microsoft-openai/2024-06.clause");

engine::ScenarioRun scenario(const std::string& lines) {
  auto read = dsl::source_from_bytes("limits.scenario", "scenario \"limits\"\n" + lines);
  engine::ScenarioOptions options;
  options.contract_path = flagship;
  engine::ScenarioRun run = engine::prepare_scenario_source(read.source, clause::dsl::read_source_file, options);
  engine::run_scenario(run);
  return run;
}

std::string repeated(const std::string& line, std::size_t n) {
  std::string out;
  out.reserve(line.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += line;
  return out;
}

}  // namespace

TEST_CASE("limit: a text of exactly the largest size is read; one byte more is refused, naming the limit", "[limits]") {
  const auto at = dsl::source_from_bytes("big", std::string(dsl::kMaxSourceBytes, ' '));
  REQUIRE(at.source);
  CHECK(at.source->text().size() == dsl::kMaxSourceBytes);

  const auto past = dsl::source_from_bytes("big", std::string(dsl::kMaxSourceBytes + 1, ' '));
  REQUIRE_FALSE(past.source);
  CHECK(first_error(past.diagnostics) ==
        "the text is 268435457 bytes; the most Clause reads is 268435456 bytes (256 MiB)");
}

TEST_CASE("limit: a file one byte past the largest size is refused before it is read", "[limits]") {
  const clause::test::Scratch scratch;
  const std::string path = scratch.write("huge.clause", "");
  std::filesystem::resize_file(path, dsl::kMaxSourceBytes + 1);  // sparse: nothing is written
  const auto r = run_clause({"check", path});
  CHECK(r.exit == 2);
  CHECK(r.err == path + ": error[E0005]: the file is 268435457 bytes; the most Clause reads is 268435456 bytes (256 MiB)\n"
                        "1 file checked: 1 error, 0 warnings\n");
}

TEST_CASE("limit: a file of exactly the largest size, on one line, gets its error with a window of the line",
          "[limits]") {
  const clause::test::Scratch scratch;
  std::string text = "party A";
  text.resize(dsl::kMaxSourceBytes, ' ');
  const std::string path = scratch.write("one-line.clause", text);
  const auto r = run_clause({"check", path});
  CHECK(r.exit == 1);
  CHECK(r.err.size() < 1000);  // a window of the line, not 256 MiB of it
  CHECK_THAT(r.err, Catch::Contains(":1:1: error[E0101]: expected `contract \"TITLE\"` at the start of a contract"));
}

TEST_CASE("limit: a contract holds at most 1,000,000 declarations", "[limits]") {
  const std::string line = "assume a = $1\n";
  std::string text = "contract \"many\"\n";
  text.reserve(16 * (engine::kMaxDeclarations + 2));
  for (std::size_t i = 0; i < engine::kMaxDeclarations; ++i) text += fmt::format("assume a{} = $1\n", i);
  const auto at = load(text);
  CHECK(at.contract);
  CHECK_FALSE(at.diagnostics.has_errors());
  CHECK(at.diagnostics.warning_count() == engine::kMaxDeclarations);  // every assumption is unused

  text += "assume one_more = $1\n";
  const auto past = load(text);
  std::uint32_t where = 0;
  CHECK_FALSE(past.contract);
  CHECK(first_error(past.diagnostics, &where) == "too many declarations: a contract holds at most 1000000");
  CHECK(where == engine::kMaxDeclarations + 2);
}

// Parties and waterfalls have no limit of their own beyond the declarations: a waterfall
// keeps totals only for its own payees, so many of both cost linear memory.
TEST_CASE("limit: parties and waterfalls are bounded only by the declarations", "[limits]") {
  const auto many_parties = load("contract \"parties\"\n" + parties(50'000));
  CHECK(many_parties.contract);
  CHECK(many_parties.contract->parties.size() == 50'000);

  const std::string one = "waterfall w{} of A: tier rest: A 100%\n";
  std::string lines;
  for (std::size_t i = 0; i < 2'000; ++i) lines += fmt::format(fmt::runtime(one), i);
  const auto many_waterfalls = load(contract_with(lines));
  REQUIRE(many_waterfalls.contract);
  CHECK_FALSE(many_waterfalls.diagnostics.has_errors());
  CHECK(many_waterfalls.contract->waterfalls.size() == 2'000);
}

TEST_CASE("limit: a waterfall has at most 1,000 tiers", "[limits]") {
  const auto waterfall = [](std::size_t tiers) {
    std::string w = "waterfall w of A:\n  tier first $1: A 100%\n";
    for (std::size_t i = 2; i < tiers; ++i) w += "  tier next $1: A 100%\n";
    return w + "  tier rest: A 100%\n";
  };
  const auto at = load(contract_with(waterfall(engine::kMaxTiers)));
  REQUIRE(at.contract);
  CHECK(at.contract->waterfalls[0].tiers.size() == engine::kMaxTiers);
  const auto past = load(contract_with(waterfall(engine::kMaxTiers + 1)));
  std::uint32_t where = 0;
  CHECK(first_error(past.diagnostics, &where) == "too many tiers: a waterfall has at most 1000");
  CHECK(where == engine::kMaxTiers + 4);
}

TEST_CASE("limit: a tier has at most 1,000 shares, and a tier of 1,000 pays every cent", "[limits]") {
  const auto waterfall = [](std::size_t shares) {
    std::string w = "waterfall w of A: tier rest: ";
    for (std::size_t i = 0; i < shares; ++i) w += fmt::format("{}P{} 0.1%", i == 0 ? "" : ", ", i);
    return w + "\n";
  };
  const auto at = load(contract_with(parties(engine::kMaxShares) + waterfall(engine::kMaxShares)));
  REQUIRE(at.contract);
  engine::WaterfallState state;
  state.reset(at.contract->waterfalls[0], at.contract->parties.size());
  std::vector<engine::PayoutLine> lines;
  const auto left = engine::distribute(at.contract->waterfalls[0], state, dsl::Money::from_cents(12'345), lines);
  REQUIRE(left);
  std::int64_t paid = 0;
  for (const auto& l : lines) paid += l.amount.cents();
  CHECK(paid == 12'345);  // 12.345 cents each, rounded: 345 parties get 13 cents, 655 get 12
  CHECK(lines.size() == engine::kMaxShares);

  const auto past = load(contract_with(parties(engine::kMaxShares + 1) + waterfall(engine::kMaxShares + 1)));
  CHECK(first_error(past.diagnostics) == "too many shares: a tier has at most 1000");
}

TEST_CASE("limit: an exception asks at most 32 parties' consent", "[limits]") {
  const auto contract = [](std::size_t consents) {
    std::string c = parties(consents) + "clause excl: A must buy compute only from P0\n";
    c += "exception x to excl: A may buy compute from P1";
    for (std::size_t i = 0; i < consents; ++i) c += fmt::format(" if P{} consents", i);
    return contract_with(c + "\n");
  };
  const auto at = load(contract(engine::kMaxConsents));
  REQUIRE(at.contract);
  CHECK(at.contract->exceptions[0].consents.size() == engine::kMaxConsents);
  const auto past = load(contract(engine::kMaxConsents + 1));
  CHECK(first_error(past.diagnostics) == "too many consents: an exception asks at most 32 parties");
}

TEST_CASE("limit: a party has at most 1,000 bodies", "[limits]") {
  const auto contract = [](std::size_t bodies) {
    std::string c = "contract \"bodies\"\nparty A {";
    for (std::size_t i = 0; i < bodies; ++i) c += fmt::format("{} body b{}", i == 0 ? "" : ",", i);
    return c + " }\nlicence l: A grants A.b999\n";
  };
  const auto at = load(contract(engine::kMaxBodies));
  REQUIRE(at.contract);
  CHECK(at.contract->parties[0].bodies.size() == engine::kMaxBodies);
  const auto past = load(contract(engine::kMaxBodies + 1));
  CHECK(first_error(past.diagnostics) == "too many bodies: a party has at most 1000");
}

TEST_CASE("limit: a scenario holds at most 100,000 events", "[limits]") {
  const std::string event = "on 2024-07-01: OpenAI does \"something\"\n";
  const auto at = scenario(repeated(event, engine::kMaxEvents));
  CHECK(at.ran);
  CHECK(at.log.events.size() == engine::kMaxEvents);
  const auto past = scenario(repeated(event, engine::kMaxEvents + 1));
  std::uint32_t where = 0;
  CHECK_FALSE(past.ran);
  CHECK(first_error(past.diagnostics, &where) == "too many events: a scenario holds at most 100000");
  CHECK(where == engine::kMaxEvents + 2);
}

TEST_CASE("limit: a scenario holds at most 1,000 expectations", "[limits]") {
  const std::string lines = "on 2024-07-01: OpenAI buys compute from Microsoft for $1B\n";
  const auto at = scenario(lines + repeated("expect no breach\n", engine::kMaxExpectations));
  CHECK(at.ran);
  CHECK(at.passed() == engine::kMaxExpectations);
  const auto past = scenario(lines + repeated("expect no breach\n", engine::kMaxExpectations + 1));
  std::uint32_t where = 0;
  CHECK_FALSE(past.ran);
  CHECK(first_error(past.diagnostics, &where) == "too many expectations: a scenario holds at most 1000");
  CHECK(where == engine::kMaxExpectations + 3);
}

TEST_CASE("limit: one run records at most 1,000,000 outcomes, checks and payout lines", "[limits]") {
  const auto loaded = load(contract_with("licence l: A grants A\n"));
  REQUIRE(loaded.contract);
  engine::Evaluator evaluator(*loaded.contract);
  engine::OutcomeLog log;
  engine::Event deed;  // `A does "x"`: no trigger waits for it, one outcome (uncovered)
  deed.kind = engine::EventKind::does;
  deed.actor = engine::Actor{0, engine::kNone};
  deed.text = "x";
  const dsl::Date on = dsl::Date::from_ymd(2025, 1, 1);
  std::size_t errors = 0;
  for (std::size_t i = 0; i < engine::kMaxLogEntries; ++i) errors += evaluator.apply(deed, on, log) ? 1u : 0u;
  CHECK(errors == 0);
  CHECK(log.outcomes.size() == engine::kMaxLogEntries);
  const auto error = evaluator.apply(deed, on, log);
  REQUIRE(error);
  CHECK(*error == "evaluation stops at this event: the events so far record more than 1000000 outcomes, exception "
                  "checks and payout lines, the most Clause keeps for one run (docs/limits.md)");
  CHECK(log.outcomes.size() == engine::kMaxLogEntries);  // the event that passed it left nothing
}

TEST_CASE("limit: one run takes at most 200,000,000 steps", "[limits]") {
  // 7,812 triggers on `s`: each declaration looks at every trigger and at what each ends,
  // 1 + 2 * 7,812 = 15,625 steps; 12,800 declarations take exactly the limit.
  std::string lines = "licence l: A grants A\npower p: only A may declare s\n";
  for (int i = 0; i < 7'812; ++i) lines += fmt::format("clause t{}: when s is declared then l ends\n", i);
  const auto loaded = load(contract_with(lines));
  REQUIRE(loaded.contract);
  engine::Evaluator evaluator(*loaded.contract);
  engine::OutcomeLog log;
  engine::Event declares;
  declares.kind = engine::EventKind::declares;
  declares.actor = engine::Actor{0, engine::kNone};
  declares.word = loaded.contract->find_word("s");
  const dsl::Date on = dsl::Date::from_ymd(2025, 1, 1);
  static_assert(engine::kMaxSteps == 12'800ull * 15'625ull);
  int errors = 0;
  for (int i = 0; i < 12'800; ++i) errors += evaluator.apply(declares, on, log) ? 1 : 0;
  CHECK(errors == 0);
  const auto error = evaluator.apply(declares, on, log);
  REQUIRE(error);
  CHECK_THAT(*error, Catch::StartsWith("evaluation stops at this event: the events so far take more than 200000000 "
                                       "steps"));
  evaluator.reset();  // a fresh state starts a fresh count
  CHECK_FALSE(evaluator.apply(declares, on, log));
}

TEST_CASE("limit: money literals reach $1000T exactly; a cent more is refused, naming the range", "[limits]") {
  const auto at = dsl::parse_money("$1,000,000,000,000,000");
  REQUIRE(std::holds_alternative<dsl::Money>(at));
  CHECK(std::get<dsl::Money>(at) == dsl::Money::max());
  CHECK(std::get<dsl::Money>(dsl::parse_money("$1000T")) == dsl::Money::max());
  const auto past = dsl::parse_money("$1,000,000,000,000,000.01");
  REQUIRE(std::holds_alternative<dsl::LiteralError>(past));
  CHECK(std::get<dsl::LiteralError>(past).message.text ==
        "`$1,000,000,000,000,000.01` is beyond the money range: at most $1,000,000,000,000,000 ($1000T)");
  const auto r = run_clause({"payout", flagship, "--profit", "1000T", "--json"});
  CHECK(r.exit == 0);
  CHECK(run_clause({"payout", flagship, "--profit", "1000.00000000000001T"}).exit == 1);
}

TEST_CASE("limit: the grammar does not nest, so a million open braces is one error, not a deep recursion",
          "[limits]") {
  const auto l = load("contract \"deep\"\nparty A " + std::string(1'000'000, '{') + "\n");
  CHECK(l.diagnostics.error_count() == 1);
  CHECK_THAT(first_error(l.diagnostics), Catch::StartsWith("expected a body name"));
}

TEST_CASE("limit: 100,000 lines of errors are each reported, counted past the 500 shown", "[limits]") {
  const auto l = load("contract \"errors\"\n" + repeated("party 9\n", 100'000));
  CHECK(l.diagnostics.error_count() == 100'000);
  CHECK(l.diagnostics.items().size() == dsl::DiagnosticList::kMaxPerList + 1);
}

TEST_CASE("limit: 500 diagnostics are shown; past that, one note says the rest are not", "[limits]") {
  const auto at = load("contract \"errors\"\n" + repeated("party 9\n", dsl::DiagnosticList::kMaxPerList));
  CHECK(at.diagnostics.items().size() == dsl::DiagnosticList::kMaxPerList);
  CHECK(at.diagnostics.items().back().severity == dsl::Severity::error);
  const auto past = load("contract \"errors\"\n" + repeated("party 9\n", dsl::DiagnosticList::kMaxPerList + 1));
  CHECK(past.diagnostics.error_count() == dsl::DiagnosticList::kMaxPerList + 1);
  REQUIRE(past.diagnostics.items().size() == dsl::DiagnosticList::kMaxPerList + 1);
  CHECK(past.diagnostics.items().back().message == "too many problems: the rest are not shown");
}

TEST_CASE("limit: the first 50 unknown names get a suggestion, later ones do not", "[limits]") {
  const auto contract = [](std::size_t unknown) {
    std::string c;
    for (std::size_t i = 0; i < unknown; ++i) c += fmt::format("licence l{}: Alpha grants Alhpa\n", i);
    return "contract \"typos\"\nparty Alpha\n" + c;
  };
  const auto at = load(contract(engine::kMaxSuggestions));
  CHECK(at.diagnostics.error_count() == engine::kMaxSuggestions);
  CHECK(at.diagnostics.items().back().message == "unknown party `Alhpa` (did you mean `Alpha`?)");
  const auto past = load(contract(engine::kMaxSuggestions + 1));
  CHECK(past.diagnostics.items().back().message == "unknown party `Alhpa`: declare it with `party Alhpa` (every party a clause names is declared)");
}

TEST_CASE("limit: a failed expectation lists 10 outcomes, then how many more", "[limits]") {
  const auto breaches = [](int n) {
    return repeated("on 2024-07-01: OpenAI buys compute from Google for $1\n", static_cast<std::size_t>(n)) +
           "expect no breach\n";
  };
  const auto at = scenario(breaches(10));
  REQUIRE(at.results.size() == 1);
  const auto& listed_at = std::get<engine::happened::UnexpectedBreaches>(at.results[0].actual).breaches;
  CHECK(listed_at.shown.size() == 10);
  CHECK(listed_at.total == 10);
  CHECK_THAT(cli::what_happened(at, at.results[0].actual), Catch::EndsWith("on 2024-07-01"));
  CHECK_THAT(cli::what_happened(at, at.results[0].actual), !Catch::Contains("more"));
  const auto past = scenario(breaches(11));
  REQUIRE(past.results.size() == 1);
  const auto& listed_past = std::get<engine::happened::UnexpectedBreaches>(past.results[0].actual).breaches;
  CHECK(listed_past.shown.size() == 10);
  CHECK(listed_past.total == 11);
  CHECK_THAT(cli::what_happened(past, past.results[0].actual), Catch::EndsWith(" and 1 more"));
}

TEST_CASE("limit: a source line of 240 bytes is shown whole; a longer one as a window around the place",
          "[limits]") {
  const auto rendered = [](std::size_t width) {
    std::string line = "party A \"" + std::string(width - 12, 'x') + "\" ?";
    REQUIRE(line.size() == width);
    const auto l = load("contract \"wide\"\n" + line + "\n");
    return dsl::render_diagnostics(l.diagnostics, {});
  };
  const std::string at = rendered(240);
  CHECK_THAT(at, Catch::Contains(" 2 | party A \"xxx"));
  CHECK_THAT(at, !Catch::Contains("…"));
  const std::string past = rendered(241);
  CHECK_THAT(past, Catch::Contains(" 2 | …xxx"));
  CHECK_THAT(past, Catch::Contains("xxx\" ?\n   |"));
  // The caret still stands under the `?`: the window starts 80 bytes before it.
  CHECK_THAT(past, Catch::Contains("\n   | " + std::string(81, ' ') + "^\n"));
}

}  // namespace limits_test
