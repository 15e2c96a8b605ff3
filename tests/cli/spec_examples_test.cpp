// Every file of the shared spec's examples parses and checks clean, read from the shared
// folder itself so that a change there is caught; and our contracts mean the same.
#include <catch2/catch.hpp>

#include "support.hpp"

using clause::test::run_clause;

TEST_CASE("every file in the spec's examples checks clean, without warnings", "[spec]") {
  if (!clause::test::have_spec()) {
    WARN("the shared spec folder was not found; set CLAUSE_SPEC_DIR to test its examples");
    return;
  }
  std::vector<std::string> files = clause::test::files_below(clause::test::spec_path("examples"), ".clause");
  for (const auto& f : clause::test::files_below(clause::test::spec_path("examples"), ".scenario")) files.push_back(f);
  REQUIRE(files.size() >= 6);
  for (const std::string& file : files) {
    INFO(file);
    const auto r = run_clause({"check", file});
    CHECK(r.exit == 0);
    CHECK(r.err.empty());
  }
}

TEST_CASE("every scenario of the spec's examples passes", "[spec]") {
  if (!clause::test::have_spec()) return;
  const auto r = run_clause({"test", clause::test::spec_path("examples")});
  INFO(r.out << r.err);
  CHECK(r.exit == 0);
  CHECK_THAT(r.out, Catch::Contains(" passed, 0 failed"));
}
