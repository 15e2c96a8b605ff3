// The checker runs after a syntax error too (to report every problem at once); names
// that refer to a declaration the error cut short stay unresolved and must not crash it.
#include <catch2/catch.hpp>

#include "engine/payout/load.hpp"

namespace check_after_syntax_errors_test {

using clause::engine::load_contract_from_bytes;

TEST_CASE("a waterfall of a party cut short by a syntax error reports the error", "[check]") {
  const auto loaded = load_contract_from_bytes("cut.clause",
                                               "contract \"cut\"\n"
                                               "party A { body b1, party }\n"
                                               "party B\n"
                                               "waterfall w of A:\n"
                                               "  tier first $1,000: A 100%\n"
                                               "  tier until capped: A 50% cap $10, B 50% overflow to B\n");
  REQUIRE(loaded.diagnostics.has_errors());
  CHECK(!loaded.contract);
  CHECK(loaded.diagnostics.items().front().message.find("`party` is a reserved keyword") != std::string::npos);
}

}  // namespace check_after_syntax_errors_test
