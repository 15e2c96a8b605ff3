// The outcome log's array writes appends past its first megabyte around the cache
// (log_array.hpp): what it keeps must be what was appended, streamed or not, through
// growth, copies, moves, shrinking and reuse; and a run long enough to stream records the
// same outcomes as the same events one at a time.
#include <catch2/catch.hpp>

#include <cstdint>
#include <memory>
#include <vector>

#include "dsl/parse.hpp"
#include "engine/evaluate/evaluate.hpp"
#include "engine/payout/load.hpp"
#include "engine/evaluate/internal/log_array.hpp"
#include "support.hpp"
#include "cli/files.hpp"

namespace {

using namespace clause::engine;
using clause::dsl::Money;

// An outcome whose every field depends on `i`, so that a misplaced or torn line shows.
Outcome numbered(std::uint32_t i) {
  Outcome o;
  o.kind = static_cast<OutcomeKind>(i % 8);
  o.why = static_cast<Why>(i % 20);
  o.rule = DeclRef{static_cast<DeclKind>(i % 5), i};
  o.party = Actor{i + 1, i + 2};
  o.subject = DeclRef{DeclKind::clause, i + 3};
  o.first = i + 4;
  o.count = i + 5;
  o.amount = Money::from_cents(static_cast<std::int64_t>(i) * 1'000'003);
  o.date = clause::dsl::Date::from_serial(static_cast<std::int32_t>(i % 100'000));
  o.cause = DeclRef{DeclKind::exception, i + 6};
  return o;
}

bool same(const Outcome& a, const Outcome& b) {
  return a.kind == b.kind && a.why == b.why && a.rule == b.rule && a.party == b.party && a.subject == b.subject &&
         a.first == b.first && a.count == b.count && a.amount == b.amount && a.date == b.date && a.cause == b.cause;
}

// How many of `log` differ from numbered(first + i).
std::size_t wrong(const LogArray<Outcome>& log, std::uint32_t first = 0) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < log.size(); ++i) n += same(log[i], numbered(first + static_cast<std::uint32_t>(i))) ? 0u : 1u;
  return n;
}

constexpr std::size_t kStreamed = LogArray<Outcome>::kStreamFrom / sizeof(Outcome);  // the first streamed index

}  // namespace

TEST_CASE("the log array keeps every outcome appended, before and past where it streams", "[log]") {
  LogArray<Outcome> log;
  const auto count = static_cast<std::uint32_t>(3 * kStreamed + 17);
  for (std::uint32_t i = 0; i < count; ++i) log.push_back(numbered(i));
  REQUIRE(log.size() == count);
  CHECK(reinterpret_cast<std::uintptr_t>(log.data()) % 64 == 0);  // an outcome is one whole line
  CHECK(wrong(log) == 0);
  CHECK(std::distance(log.begin(), log.end()) == static_cast<std::ptrdiff_t>(count));
  CHECK(same(log.front(), numbered(0)));
  CHECK(same(log.back(), numbered(count - 1)));

  SECTION("a copy and a move keep them; the moved-from array is empty and usable") {
    LogArray<Outcome> copy = log;
    CHECK(copy.size() == count);
    CHECK(wrong(copy) == 0);
    LogArray<Outcome> moved = std::move(log);
    CHECK(log.empty());  // NOLINT(bugprone-use-after-move): a moved-from array is empty
    CHECK(wrong(moved) == 0);
    log.push_back(numbered(0));
    CHECK(wrong(log) == 0);
    copy = moved;
    CHECK(wrong(copy) == 0);
    LogArray<Outcome> assigned;
    assigned = std::move(copy);
    CHECK(wrong(assigned) == 0);
  }
  SECTION("shrinking to below where it streams and appending again writes over the old ones") {
    log.resize(kStreamed - 3);
    for (std::uint32_t i = static_cast<std::uint32_t>(kStreamed) - 3; i < count + 100; ++i) log.push_back(numbered(i));
    CHECK(log.size() == count + 100);
    CHECK(wrong(log) == 0);
  }
  SECTION("a cleared array is refilled from the start, streaming again past the megabyte") {
    log.clear();
    CHECK(log.empty());
    for (std::uint32_t i = 0; i < 2 * kStreamed; ++i) log.push_back(numbered(i + 7));
    CHECK(wrong(log, 7) == 0);
  }
  SECTION("growing by resize appends fresh outcomes") {
    log.resize(count + 2);
    CHECK(wrong(log) == 2);
    CHECK(same(log[count], Outcome{}));
    CHECK(same(log[count + 1], Outcome{}));
  }
}

TEST_CASE("appending one of the log array's own elements copies it even when the array grows", "[log]") {
  LogArray<Outcome> log;
  log.push_back(numbered(0));
  for (std::uint32_t i = 1; i < 1'000; ++i) {
    log.push_back(log[0]);  // at sizes 16, 32, 64, ... the array moves first
  }
  std::size_t bad = 0;
  for (const Outcome& o : log) bad += same(o, numbered(0)) ? 0u : 1u;
  CHECK(bad == 0);
}

TEST_CASE("the log array keeps elements of other sizes too (never streamed)", "[log]") {
  LogArray<EventRecord> records;
  const std::size_t count = 2 * LogArray<EventRecord>::kStreamFrom / sizeof(EventRecord) + 5;
  for (std::size_t i = 0; i < count; ++i) {
    records.push_back(EventRecord{clause::dsl::Date::from_serial(1), static_cast<Index>(i), static_cast<Index>(2 * i), 1});
  }
  std::size_t bad = 0;
  for (std::size_t i = 0; i < count; ++i) bad += records[i].event == i && records[i].first == 2 * i ? 0u : 1u;
  CHECK(bad == 0);
}

TEST_CASE("a run long enough to stream its log records what the same events record one at a time", "[log]") {
  const LoadedContract loaded = clause::cli::load_contract_file(clause::test::repo_path("contracts/microsoft-openai/2024-06.clause"));
  REQUIRE(loaded.contract);
  const Contract& c = *loaded.contract;
  Outsiders outsiders;
  clause::dsl::DiagnosticList diags;
  std::vector<Event> events;
  for (const std::string text :
       {"OpenAI buys compute from Oracle for $1M", "Microsoft consents to oracle_capacity", "OpenAI earns $3M",
        "OpenAI buys compute from Microsoft for $2M", "Oracle uses technology", "OpenAI.board declares agi",
        "OpenAI buys compute from Oracle for $1M", "OpenAI uses technology", "Microsoft earns $5M"}) {
    auto source = std::make_shared<const clause::dsl::SourceFile>("<event>", text);
    const auto parsed = clause::dsl::parse_event(source);
    REQUIRE(parsed.event);
    auto e = resolve_event(c, *parsed.event, source, outsiders, diags);
    REQUIRE(e);
    events.push_back(std::move(*e));
  }
  // Enough events for about three times the outcomes the log writes before it streams.
  const std::size_t count = 3 * kStreamed;
  Evaluator whole(c);
  OutcomeLog log;
  for (std::size_t i = 0; i < count; ++i) REQUIRE_FALSE(whole.apply(events[i % events.size()], *c.effective, log));
  REQUIRE(log.outcomes.size() > 2 * kStreamed);

  Evaluator each(c);
  OutcomeLog one;
  std::size_t at = 0;
  std::size_t differ = 0;
  for (std::size_t i = 0; i < count; ++i) {
    one.clear();
    REQUIRE_FALSE(each.apply(events[i % events.size()], *c.effective, one));
    for (Outcome o : one.outcomes) {
      // `first` counts from the start of each log's checks and lines.
      o.first = log.outcomes[at].first;
      differ += same(o, log.outcomes[at]) ? 0u : 1u;
      ++at;
    }
  }
  CHECK(at == log.outcomes.size());
  CHECK(differ == 0);
}
