// `clause diff` as a lawyer reads it: both sides of a change written alike, every event of
// an example with its outcome on each side, labels that never run into their headline,
// scenarios read through renames, a summary in plain words, payouts said in sentences.
#include <algorithm>

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "cli/diff_output.hpp"
#include "cli/diff_terms_text.hpp"
#include "dsl/source.hpp"
#include "support.hpp"

namespace diff_reading_test {

using clause::test::repo_path;
using clause::test::run_clause;

namespace {

const std::string k2024 = repo_path("contracts/microsoft-openai/2024-06.clause");
const std::string kProposal = repo_path("contracts/microsoft-openai/2024-10-proposal.clause");
const std::string k2025 = repo_path("contracts/microsoft-openai/2025-01.clause");
const std::string k2025_10 = repo_path("contracts/microsoft-openai/2025-10.clause");
const std::string kHolderOld = repo_path("tests/diff/holder-old.clause");
const std::string kHolderNew = repo_path("tests/diff/holder-new.clause");

// The memo's summary with its wrapped lines joined again.
std::string summary_of(const std::string& memo) {
  // Built by appending (GCC 12 at -O2 warns falsely about std::string::replace here).
  const std::string head = memo.substr(0, memo.find("\nTerms:"));
  std::string text;
  std::size_t from = 0;
  for (std::size_t at; (at = head.find("\n    ", from)) != std::string::npos; from = at + 5) {
    text.append(head, from, at - from);
    text.push_back(' ');
  }
  text.append(head, from, std::string::npos);
  return text;
}

std::string detail(std::string what, std::string old_value, std::string new_value) {
  return clause::cli::detail_text(clause::engine::TermDetail{std::move(what), std::move(old_value), std::move(new_value)});
}

}  // namespace

TEST_CASE("a changed power keeps its `only` on both sides, in text as in JSON", "[diff-reading]") {
  const auto r = run_clause({"diff", kHolderOld, kHolderNew});
  INFO(r.out << r.err);
  CHECK_THAT(r.out, Catch::Contains("~ changed power agi_definition: only Lab.board may declare agi → only Panel may declare agi\n"));
  const auto j = nlohmann::json::parse(run_clause({"diff", kHolderOld, kHolderNew, "--json"}).out);
  CHECK(j["terms"][0]["parts"][0]["new"] == "only Panel may declare agi");
  CHECK(j["terms"][0]["details"][0] == "only Lab.board may declare agi → only Panel may declare agi");
}

TEST_CASE("a changed part is shortened only when its last word alone differs", "[diff-reading]") {
  // Every kind's whole-sentence parts: a word that differs before the end keeps both sides whole.
  CHECK(detail("", "only Anthropic.ltbt may declare agi", "only Anthropic.board may declare agi") ==
        "only Anthropic.ltbt may declare agi → only Anthropic.board may declare agi");
  CHECK(detail("", "when Lab.board declares agi", "when Panel declares agi") ==
        "when Lab.board declares agi → when Panel declares agi");
  CHECK(detail("", "Lab must offer compute to Cloud first", "Lab must offer compute to Chips first") ==
        "Lab must offer compute to Cloud first → Lab must offer compute to Chips first");
  CHECK(detail("", "Lab grants Cloud", "Chips grants Cloud") == "Lab grants Cloud → Chips grants Cloud");
  CHECK(detail("", "Cloud may do \"train own models\"", "Cloud may do \"train own agents\"") ==
        "Cloud may do \"train own models\" → Cloud may do \"train own agents\"");
  // The last word alone: written once before it.
  CHECK(detail("tier \"Capped returns\"", "Microsoft 49% cap $130B", "Microsoft 49% cap $100B") ==
        "tier \"Capped returns\": Microsoft 49% cap $130B → $100B");
  CHECK(detail("", "Lab may buy app_hosting from Cloud", "Lab may buy app_hosting from anyone") ==
        "Lab may buy app_hosting from Cloud → anyone");
  // A phrase that goes away says what replaces it, as `until` and `from` do.
  CHECK(detail("by", "2027-06-30", "") == "by 2027-06-30 → no deadline");
  CHECK(detail("at least", "$10B", "") == "at least $10B → no minimum");
  CHECK(detail("until", "2030-12-31", "") == "until 2030-12-31 → no end date");
}

TEST_CASE("an uncovered outcome of an example says why", "[diff-reading]") {
  const auto r = run_clause({"diff", k2025, k2025_10});
  CHECK_THAT(r.out, Catch::Contains("       old  ? uncovered   OpenAI does \"release open-weight models\"\n"
                                    "              the contract is silent on OpenAI doing \"release open-weight models\": "
                                    "no clause is about it\n"));
}

TEST_CASE("a one-line example whose kinds read alike on both sides says why each", "[diff-reading]") {
  const auto r = run_clause({"diff", k2025, k2025_10});
  CHECK_THAT(r.out, Catch::Contains("  9. agi is verified — old: ineffective, because `agi_definition` asks no verification "
                                    "of agi: a declaration by OpenAI.board takes effect at once; new: ineffective, because "
                                    "agi has not been declared"));
}

TEST_CASE("every outcome label is as wide as the widest and ends in a space", "[diff-reading]") {
  std::size_t width = 0;
  for (int k = 0; k <= static_cast<int>(clause::engine::OutcomeKind::fulfilled); ++k) {
    const auto kind = static_cast<clause::engine::OutcomeKind>(k);
    const std::string label = clause::cli::outcome_label(kind);
    INFO(label);
    CHECK(label.back() == ' ');
    CHECK(label.find(clause::engine::outcome_kind_name(kind)) != std::string::npos);
    // Each symbol takes one cell: a two-cell one (⌛) would push its line out of line.
    CHECK(clause::dsl::display_width(clause::cli::symbol(kind)) == 1);
    if (width == 0) width = clause::dsl::display_width(label);
    CHECK(clause::dsl::display_width(label) == width);
  }
  const auto r = run_clause({"diff", kHolderOld, kHolderNew});
  CHECK_THAT(r.out, Catch::Contains("new  ○ ineffective Lab.board declares agi\n"));
  CHECK_THAT(r.out, Catch::Contains("new  ● declared    agi by Panel\n"));
}

TEST_CASE("an example of several events shows every event with each contract's outcome", "[diff-reading]") {
  const auto r = run_clause({"diff", k2024, kProposal});
  INFO(r.out);
  CHECK_THAT(r.out, Catch::Contains("  3. Microsoft consents to oracle_capacity, then OpenAI buys compute from Oracle for $1\n"
                                    "       Microsoft consents to oracle_capacity\n"
                                    "         old  ✎ consented   Microsoft to `oracle_capacity`\n"
                                    "         new  ? not in this contract: the contract has no exception `oracle_capacity`\n"
                                    "       then OpenAI buys compute from Oracle for $1\n"
                                    "         old  ✓ permitted   OpenAI buys compute from Oracle (`oracle_capacity`)\n"
                                    "         new  ✓ permitted   OpenAI buys compute from Oracle (`exclusivity`)\n"));
}

TEST_CASE("the memo speaks plainly: no probes, no witnesses", "[diff-reading]") {
  for (const auto& pair : {std::pair{k2024, kProposal}, std::pair{k2025, k2025_10}, std::pair{kHolderOld, kHolderNew}}) {
    const auto r = run_clause({"diff", pair.first, pair.second});
    CHECK(r.out.find("probe") == std::string::npos);
    CHECK(r.out.find("witness") == std::string::npos);
  }
}

TEST_CASE("diff --scenarios reads a scenario through the renames the terms found", "[diff-reading]") {
  const auto r = run_clause({"diff", repo_path("examples/v2-features/v2-features.clause"),
                             repo_path("tests/diff/v2-renamed.clause"), "--scenarios",
                             repo_path("examples/v2-features")});
  INFO(r.out << r.err);
  CHECK_THAT(r.out, Catch::Contains("+ added licence lab_models: renamed from `models`, otherwise the same"));
  CHECK(r.out.find("cannot run") == std::string::npos);
  CHECK_THAT(r.out, Catch::Contains("run against the new contract with its new names: models → lab_models"));
  // The one event before the new contract's effective date says why it is uncovered.
  CHECK_THAT(r.out, Catch::Contains("new  uncovered Lab buys compute from Chips for $600M, because the contract takes "
                                    "effect on 2026-02-01: it is not in force on 2026-01-15"));
  const auto j = nlohmann::json::parse(run_clause({"diff", repo_path("examples/v2-features/v2-features.clause"),
                                                   repo_path("tests/diff/v2-renamed.clause"), "--scenarios",
                                                   repo_path("examples/v2-features"), "--json"})
                                           .out);
  CHECK(j["scenarios"][0]["renamed"] == nlohmann::json::parse(R"([{"old": "models", "new": "lab_models"}])"));
  CHECK(j["scenarios"][0]["impact"] == "outcomes changed");
}

TEST_CASE("the memo opens with who may now do what, and whose money moves", "[diff-reading]") {
  const auto holder = run_clause({"diff", kHolderOld, kHolderNew});
  CHECK_THAT(summary_of(holder.out), Catch::Contains("In short\n"
                                         "  Panel may now declare agi; the old contract gave that no effect.\n"
                                         "  Lab.board may no longer declare agi; the new contract gives that no effect.\n"));
  const auto r = run_clause({"diff", k2024, kProposal});
  CHECK_THAT(summary_of(r.out), Catch::Contains("  OpenAI may now buy compute from Oracle; the old contract made that a breach of "
                                    "`exclusivity` by OpenAI.\n"));
  // With what must come first, said as a condition of the new freedom.
  CHECK_THAT(summary_of(run_clause({"diff", repo_path("contracts/microsoft-openai/2019-07.clause"), k2024}).out),
             Catch::Contains("  OpenAI may now buy compute from Oracle once Microsoft consents to oracle_capacity; the old "
                             "contract made that a breach of `exclusivity` by OpenAI.\n"));
  CHECK_THAT(summary_of(r.out), Catch::Contains("  Microsoft is paid less by waterfall profits of OpenAI: $30B less at $1T; the same at "
                                    "$1B, $10B and $100B.\n"));
  CHECK_THAT(summary_of(r.out), Catch::Contains("  Nonprofit is paid more by waterfall profits of OpenAI: $30B more at $1T"));
  // Of no effect on one side and silence on the other is no freedom gained or lost: in
  // 2025-10 no first refusal exists, so OpenAI's declining means nothing in either.
  const auto later = summary_of(run_clause({"diff", k2025, k2025_10}).out);
  CHECK(later.find("decline compute") == std::string::npos);
  CHECK_THAT(later, Catch::Contains("Panel may now verify agi once agi is declared; the old contract gave that no effect."));
  // The summary comes first, its lines no wider than the memo's.
  for (std::size_t at = 0, next; (next = r.out.find('\n', at)) != std::string::npos && next < r.out.find("Terms:"); at = next + 1) {
    CHECK(clause::dsl::display_width(r.out.substr(at, next - at)) <= clause::cli::kMemoWidth);
  }
  CHECK(r.out.find("In short") < r.out.find("Terms:"));
}

TEST_CASE("payouts are said in sentences, and a payout that did not change is not shown as one", "[diff-reading]") {
  const auto r = run_clause({"diff", k2024, kProposal});
  INFO(r.out);
  CHECK_THAT(r.out, Catch::Contains("    Microsoft loses when the profit is ≈ $195.096B or more: up to $30B less, from a "
                                    "profit of ≈ $256.321B on.\n"));
  CHECK_THAT(r.out, Catch::Contains("    Nonprofit gains when the profit is ≈ $195.096B or more: up to $30B more"));
  CHECK(r.out.find("$100B → $100B") == std::string::npos);  // equal at the start of the range: no change there
  // The summary's round profits, exactly, in JSON.
  const auto j = nlohmann::json::parse(run_clause({"diff", k2024, kProposal, "--json"}).out);
  const auto& microsoft = j["payouts"][0]["parties"][0];
  CHECK(microsoft["party"] == "Microsoft");
  REQUIRE(microsoft["samples"].size() == 4);
  CHECK(microsoft["samples"][3] == nlohmann::json::parse(R"({"profit": "1000000000000.00", "old": "130000000000.00", "new": "100000000000.00"})"));
}

}  // namespace diff_reading_test
