// Every file of the shared spec's examples parses and checks clean, read from the shared
// folder itself so that a change there is caught; and our contracts mean the same.
#include <catch2/catch.hpp>

#include "support.hpp"

namespace spec_examples_test {

using clause::test::run_clause;

// Clean but for the warnings about words a scenario's events use that the contract never
// mentions (W0113, W0114): the examples use outsiders and an unmatched deed on purpose.
bool clean(const std::string& err) {
  std::size_t at = 0;
  while ((at = err.find("warning[", at)) != std::string::npos) {
    const std::string id = err.substr(at + 8, 5);
    if (id != "W0113" && id != "W0114") return false;
    at += 8;
  }
  return err.find("error[") == std::string::npos;
}

TEST_CASE("every file in the spec's examples checks clean, without warnings but about the words of events", "[spec]") {
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
    CHECK(clean(r.err));
  }
}

TEST_CASE("every scenario of the spec's examples passes", "[spec]") {
  if (!clause::test::have_spec()) return;
  const auto r = run_clause({"test", clause::test::spec_path("examples")});
  INFO(r.out << r.err);
  CHECK(r.exit == 0);
  CHECK_THAT(r.out, Catch::Contains(" passed, 0 failed"));
}

}  // namespace spec_examples_test
