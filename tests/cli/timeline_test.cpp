// `clause timeline` (LANGUAGE.md 10.7): every dated boundary in date order, in words and
// JSON. The 2025-10 contract's output is also pinned by golden files (tests/golden/timeline-*).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "engine/model/timeline.hpp"
#include "engine/payout/load.hpp"
#include "support.hpp"

namespace timeline_test {

namespace {

using clause::test::read_file;
using clause::test::repo_path;
using clause::test::run_clause;

}  // namespace

TEST_CASE("timeline of the 2025-10 contract: effective date, expiries and the commitment's deadline", "[timeline]") {
  const auto r = run_clause({"timeline", repo_path("contracts/microsoft-openai/2025-10.clause")});
  CHECK(r.exit == 0);
  CHECK(r.err.empty());
  CHECK(r.out ==
        "2025-10-28  the contract takes effect\n"
        "2030-12-31  last day of licence `research` (\"OpenAI's research IP (confidential methods of developing "
        "models)\"); it expires on 2031-01-01\n"
        "2032-12-31  last day of licence `models` (\"OpenAI's models and products\"); it expires on 2033-01-01\n"
        "2032-12-31  commitment `azure_commitment` (\"Incremental Azure services\") falls due: OpenAI must have "
        "bought $250B of azure from Microsoft; if not, it is breached on 2033-01-01\n");
}

TEST_CASE("timeline --json names each boundary's declaration and place", "[timeline]") {
  const auto r = run_clause({"timeline", "--json", repo_path("contracts/microsoft-openai/2025-10.clause")});
  REQUIRE(r.exit == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["contract"]["effective"] == "2025-10-28");
  const auto& b = j["boundaries"];
  REQUIRE(b.size() == 4);
  CHECK(b[0]["what"] == "takes effect");
  CHECK(b[1]["what"] == "last day");
  CHECK(b[1]["name"] == "research");
  CHECK(b[1]["expires"] == "2031-01-01");
  CHECK(b[3]["what"] == "falls due");
  CHECK(b[3]["kind"] == "commitment");
  CHECK(b[3]["amount"] == "250000000000.00");
  CHECK(b[3]["judged"] == "2033-01-01");
  CHECK(b[3]["at"].get<std::string>().find("2025-10.clause:54:1") != std::string::npos);
}

TEST_CASE("timeline of the version 2 worked example: terms start and end, the commitment falls due", "[timeline]") {
  if (!clause::test::have_spec()) return;
  const auto r = run_clause({"timeline", clause::test::spec_path("examples-v2/v2-features.clause")});
  CHECK(r.exit == 0);
  CHECK(r.out ==
        "2026-01-01  the contract takes effect\n"
        "2026-03-01  clause `api_on_cloud` (\"APIs on Cloud\") comes into force\n"
        "2027-06-30  commitment `commitment` (\"Minimum spend on hosting\") falls due: Lab must have bought $10B of "
        "hosting from Cloud; if not, it is breached on 2027-07-01\n"
        "2027-12-31  last day of licence `research` (\"The lab's research methods\"); it expires on 2028-01-01\n"
        "2027-12-31  last day of clause `api_on_cloud` (\"APIs on Cloud\"); it expires on 2028-01-01\n"
        "2028-12-31  last day of licence `models` (\"The lab's models\"); it expires on 2029-01-01\n");
}

TEST_CASE("timeline orders by date, then effective date first, then file order, a start before its end",
          "[timeline]") {
  const std::string text =
      "contract \"T\"\neffective 2026-01-01\nparty A\nparty B\n"
      "waterfall w of A from 2026-01-01 until 2026-01-01:\n  tier rest: A 100%\n"
      "clause cm: A must buy at least $1 of g from B by 2026-01-01 from 2026-01-01\n"
      "clause ex: A must buy h only from B\n"
      "exception e to ex: A may buy h from anyone\n  from 2025-06-01\n  until 2026-01-01\n"
      "licence l: A grants B until 2025-12-31\n";
  const auto loaded = clause::engine::load_contract_from_bytes("t.clause", text);
  INFO(clause::dsl::render_diagnostics(loaded.diagnostics, {}));
  REQUIRE(loaded.contract);
  using K = clause::engine::BoundaryKind;
  std::vector<std::pair<std::string, K>> got;
  for (const auto& b : clause::engine::timeline(*loaded.contract)) got.emplace_back(b.on.to_string(), b.kind);
  const std::vector<std::pair<std::string, K>> want{
      {"2025-06-01", K::window_opens},  {"2025-12-31", K::last_day},       {"2026-01-01", K::takes_effect},
      {"2026-01-01", K::starts},        {"2026-01-01", K::last_day},       {"2026-01-01", K::counting_starts},
      {"2026-01-01", K::falls_due},     {"2026-01-01", K::window_closes},
  };
  CHECK(got == want);
}

TEST_CASE("timeline of an unreadable or broken contract says why and fails", "[timeline]") {
  CHECK(run_clause({"timeline", "no/such/file.clause"}).exit == 2);
  const auto bad = run_clause({"timeline", repo_path("tests/bad/keyword-as-name.clause")});
  CHECK(bad.exit == 1);
  CHECK_FALSE(bad.err.empty());
  const auto help = run_clause({"--help"});
  CHECK(help.out.find("timeline") != std::string::npos);
}

}  // namespace timeline_test
