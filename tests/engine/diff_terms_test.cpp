// Diff, part 1: the terms, matched by kind and name, each change spelled out to the figure.
#include <algorithm>

#include "cli/diff_terms_text.hpp"
#include "engine/diff_support.hpp"

namespace diff_terms_test {

using clause::engine::TermChange;
using clause::engine::TermChangeKind;
using clause::engine::TermDetail;
using clause::test::DiffOf;
using clause::test::k2019;
using clause::test::k2024;
using clause::test::kProposal;

namespace {


const TermChange* find_term(const std::vector<TermChange>& terms, const std::string& kind, const std::string& name) {
  const auto it = std::find_if(terms.begin(), terms.end(),
                               [&](const TermChange& t) { return t.kind == kind && t.name == name; });
  return it == terms.end() ? nullptr : &*it;
}

std::vector<std::string> details_of(const TermChange& t) { return clause::cli::term_details(t); }

}  // namespace

TEST_CASE("a detail writes the words both values share once", "[diff][terms]") {
  using clause::cli::detail_text;
  CHECK(detail_text(TermDetail{"limit", "$10B", "$20B"}) == "limit: $10B → $20B");
  CHECK(detail_text(TermDetail{"tier \"Microsoft's recoupment\"", "Microsoft 75%", "Microsoft 70%"}) ==
        "tier \"Microsoft's recoupment\": Microsoft 75% → 70%");
  // What differs is not the same number of words: both values in full.
  CHECK(detail_text(TermDetail{"", "only from Microsoft", "only from Microsoft or Oracle"}) ==
        "only from Microsoft → only from Microsoft or Oracle");
  CHECK(detail_text(TermDetail{"condition", "", "if Oracle consents"}) == "condition: added if Oracle consents");
  CHECK(detail_text(TermDetail{"until", "2025-06-30", ""}) == "until 2025-06-30 → no end date");
  // Quoted text is never cut.
  CHECK(detail_text(TermDetail{"title", "\"Oracle capacity, June\"", "\"Oracle capacity, July\""}) ==
        "title: \"Oracle capacity, June\" → \"Oracle capacity, July\"");
}

TEST_CASE("a contract diffed with itself has no term changes", "[diff][terms]") {
  const DiffOf d(k2024, k2024);
  CHECK(d.diff.terms.empty());
}

TEST_CASE("2019-07 to 2024-06 adds the Oracle party and the oracle_capacity exception", "[diff][terms]") {
  const DiffOf d(k2019, k2024);
  REQUIRE(d.diff.terms.size() == 3);
  const TermChange* header = find_term(d.diff.terms, "contract", "");
  REQUIRE(header);
  CHECK(details_of(*header) ==
        std::vector<std::string>{"version: \"2019-07\" → \"2024-06\"", "effective: 2019-07-22 → 2024-06-01"});
  const TermChange* oracle = find_term(d.diff.terms, "party", "Oracle");
  REQUIRE(oracle);
  CHECK(oracle->change == TermChangeKind::added);
  const TermChange* exception = find_term(d.diff.terms, "exception", "oracle_capacity");
  REQUIRE(exception);
  CHECK(exception->change == TermChangeKind::added);
  CHECK(details_of(*exception) == std::vector<std::string>{"title \"Oracle capacity, June 2024\"", "to exclusivity",
                                                           "OpenAI may buy compute from Oracle",
                                                           "if Microsoft consents", "up to $10B in total"});
}

TEST_CASE("diff B A lists as removed what diff A B lists as added, old and new swapped", "[diff][terms]") {
  const DiffOf forward(k2019, k2024);
  const DiffOf backward(k2024, k2019);
  REQUIRE(forward.diff.terms.size() == backward.diff.terms.size());
  for (const TermChange& f : forward.diff.terms) {
    const TermChange* b = find_term(backward.diff.terms, f.kind, f.name);
    REQUIRE(b);
    const TermChangeKind mirrored = f.change == TermChangeKind::added     ? TermChangeKind::removed
                                    : f.change == TermChangeKind::removed ? TermChangeKind::added
                                                                          : TermChangeKind::changed;
    CHECK(b->change == mirrored);
    REQUIRE(b->details.size() == f.details.size());
    for (std::size_t i = 0; i < f.details.size(); ++i) {
      CHECK(b->details[i].what == f.details[i].what);
      CHECK(b->details[i].old_value == f.details[i].new_value);
      CHECK(b->details[i].new_value == f.details[i].old_value);
    }
  }
}

TEST_CASE("a changed tier percentage is spelled out per party", "[diff][terms]") {
  const DiffOf d("tests/diff/tier-old.clause", "tests/diff/tier-new.clause");
  REQUIRE(d.diff.terms.size() == 1);
  const TermChange& t = d.diff.terms.front();
  CHECK(t.change == TermChangeKind::changed);
  CHECK(t.kind == "waterfall");
  CHECK(t.name == "w");
  CHECK(details_of(t) == std::vector<std::string>{"tier \"split\": A 60% → 55%", "tier \"split\": B 40% → 45%"});
}

TEST_CASE("a changed cap assumption shows on the assumption and on the cap it sets", "[diff][terms]") {
  const DiffOf d("tests/diff/cap-old.clause", "tests/diff/cap-new.clause");
  const TermChange* assumption = find_term(d.diff.terms, "assumption", "a_cap");
  REQUIRE(assumption);
  CHECK(details_of(*assumption) == std::vector<std::string>{"$30 → $20"});
  const TermChange* waterfall = find_term(d.diff.terms, "waterfall", "w");
  REQUIRE(waterfall);
  CHECK(details_of(*waterfall) == std::vector<std::string>{"tier \"capped\": A 50% cap $30 → $20"});
}

TEST_CASE("the proposal widens the exclusivity and drops the Oracle exception", "[diff][terms]") {
  const DiffOf d(k2024, kProposal);
  const TermChange* exclusivity = find_term(d.diff.terms, "clause", "exclusivity");
  REQUIRE(exclusivity);
  CHECK(details_of(*exclusivity) == std::vector<std::string>{"only from Microsoft → only from Microsoft or Oracle"});
  const TermChange* exception = find_term(d.diff.terms, "exception", "oracle_capacity");
  REQUIRE(exception);
  CHECK(exception->change == TermChangeKind::removed);
  const TermChange* cap = find_term(d.diff.terms, "assumption", "microsoft_cap");
  REQUIRE(cap);
  CHECK(details_of(*cap).front() == "$130B → $100B");
}

TEST_CASE("declarations in another order, with other comments and layout, are no change", "[diff][terms]") {
  const DiffOf d(k2024, "tests/diff/2024-06-reordered.clause");
  CHECK(d.diff.terms.empty());
}

TEST_CASE("a renamed declaration is removed and added, each saying so", "[diff][terms]") {
  const DiffOf d(k2024, "tests/diff/2024-06-renamed.clause");
  CHECK(d.diff.names.renames().size() == 7);
  CHECK(d.diff.terms.size() == 14);
  for (const TermChange& t : d.diff.terms) CHECK(t.change != TermChangeKind::changed);
  const TermChange* removed = find_term(d.diff.terms, "exception", "oracle_capacity");
  const TermChange* added = find_term(d.diff.terms, "exception", "oracle_deal");
  REQUIRE(removed);
  REQUIRE(added);
  CHECK(details_of(*removed) == std::vector<std::string>{"renamed to `oracle_deal`"});
  CHECK(details_of(*added) == std::vector<std::string>{"renamed from `oracle_capacity`, otherwise the same"});
}

}  // namespace diff_terms_test
