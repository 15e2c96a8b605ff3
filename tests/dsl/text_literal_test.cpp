// A quoted text in the syntax tree views the source when it has no escapes, and a decoded
// copy it shares when it has: the decoded text must outlive the parse and the source.
#include <catch2/catch.hpp>

#include <optional>
#include <vector>

#include "dsl/parse.hpp"
#include "dsl/read_source.hpp"

namespace text_literal_test {

using namespace clause;

namespace {

const dsl::PartyDecl& party(const dsl::ContractParse& parsed, std::size_t i) {
  return std::get<dsl::PartyDecl>(parsed.syntax.declarations.at(i).node);
}

}  // namespace

TEST_CASE("a quoted text without escapes is a view of the source", "[parser]") {
  const dsl::SourcePtr source =
      dsl::source_from_bytes("t.clause", "contract \"T\"\nparty A \"Plain text, no escapes\"\n").source;
  const dsl::ContractParse parsed = dsl::parse_contract(source);
  REQUIRE_FALSE(parsed.diagnostics.has_errors());
  const dsl::Text& t = *party(parsed, 0).description;
  CHECK(t.value == "Plain text, no escapes");
  CHECK(t.decoded == nullptr);
  CHECK(t.value.data() >= source->text().data());
  CHECK(t.value.data() + t.value.size() <= source->text().data() + source->text().size());
}

TEST_CASE("a quoted text with escapes keeps its decoded copy after the parse and the source are gone", "[parser]") {
  std::vector<std::optional<dsl::Text>> kept;
  {
    const dsl::SourcePtr source =
        dsl::source_from_bytes("t.clause", "contract \"T\"\nparty A \"say \\\"hi\\\" \\\\ there\"\nparty B \"b\"\n").source;
    const dsl::ContractParse parsed = dsl::parse_contract(source);
    REQUIRE_FALSE(parsed.diagnostics.has_errors());
    kept.push_back(party(parsed, 0).description);  // a copy of the Text
    CHECK(kept.back()->decoded != nullptr);
  }
  dsl::Text moved = std::move(*kept.back());
  kept.clear();
  CHECK(moved.value == "say \"hi\" \\ there");
}

}  // namespace text_literal_test
