// The grammar itself: no rule can loop without consuming input.
#include <catch2/catch.hpp>

#include <tao/pegtl/contrib/analyze.hpp>

#include "dsl/grammar.hpp"

TEST_CASE("the grammar has no rule that can loop without progress", "[grammar]") {
  namespace r = clause::dsl::rules;
  CHECK(tao::pegtl::analyze<r::contract_header>(false) == 0);
  CHECK(tao::pegtl::analyze<r::next_declaration>(false) == 0);
  CHECK(tao::pegtl::analyze<r::scenario_header>(false) == 0);
  CHECK(tao::pegtl::analyze<r::next_scenario_line>(false) == 0);
  CHECK(tao::pegtl::analyze<r::event_text>(false) == 0);
}
