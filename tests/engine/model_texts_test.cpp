// The checked model's names, titles, descriptions, bodies, tier names and deed texts are
// views of the source, or of decoded copies of texts with escapes, that the contract keeps
// alive: they must read the same once the syntax tree and every other handle on the
// source are gone, and in a copy that outlives the original (ASan checks the reads in the
// sanitizer build).
#include <catch2/catch.hpp>

#include <memory>
#include <optional>
#include <string>

#include "engine/payout/load.hpp"

namespace model_texts_test {

using namespace clause;

namespace {

constexpr const char* kText = R"(contract "Texts \"quoted\""
version "v\\2"

party A "the \"first\" party" { body board, body staff }
party B "plain"
party C
assume ceiling = $5B "a \"cap\""
licence tech "models \"and\" code":
  A grants B
clause duty "Exclusive \\ compute":
  A must buy compute only from B
clause deed_end "ends on a deed":
  when A does "sign \"the\" paper" then tech ends
exception window to duty "a \"window\"":
  A may buy compute from C
power rule "who \"declares\"": only A.board may declare milestone
waterfall profits "split \"it\"" of A:
  tier "Seed \"round\"" first $10: B 100%
  tier rest: A 100%
)";

std::optional<engine::Contract> load_and_drop_everything_else() {
  engine::LoadedContract loaded = engine::load_contract_from_bytes("texts.clause", kText);
  REQUIRE_FALSE(loaded.diagnostics.has_errors());
  std::optional<engine::Contract> copy = *loaded.contract;  // a copy; the original goes with `loaded`
  return copy;
}

void require_texts(const engine::Contract& c) {
  CHECK(c.title == "Texts \"quoted\"");
  CHECK(c.version == std::optional<std::string_view>("v\\2"));
  CHECK(c.parties.at(0).description == "the \"first\" party");
  CHECK(c.parties.at(0).bodies == std::vector<std::string_view>{"board", "staff"});
  CHECK(c.parties.at(1).description == "plain");
  CHECK(c.licences.at(0).description == "models \"and\" code");
  CHECK(c.clauses.at(0).title == "Exclusive \\ compute");
  CHECK(c.clauses.at(1).pattern.text == "sign \"the\" paper");
  CHECK(c.exceptions.at(0).title == "a \"window\"");
  CHECK(c.powers.at(0).title == "who \"declares\"");
  CHECK(c.waterfalls.at(0).title == "split \"it\"");
  CHECK(c.waterfalls.at(0).tiers.at(0).name == std::optional<std::string_view>("Seed \"round\""));
  CHECK_FALSE(c.waterfalls.at(0).tiers.at(1).name);
  CHECK(c.parties.at(0).name == "A");
  CHECK(c.parties.at(2).name == "C");
  CHECK(c.assumptions.at(0).name == "ceiling");
  CHECK(c.assumptions.at(0).description == "a \"cap\"");
  CHECK(c.licences.at(0).name == "tech");
  CHECK(c.clauses.at(1).name == "deed_end");
  CHECK(c.exceptions.at(0).name == "window");
  CHECK(c.powers.at(0).name == "rule");
  CHECK(c.waterfalls.at(0).name == "profits");
  CHECK(c.name_of(engine::DeclRef{engine::DeclKind::clause, 0}) == "duty");
}

}  // namespace

TEST_CASE("the model's texts read the same after the syntax tree and the source handles are gone", "[check]") {
  const std::optional<engine::Contract> c = load_and_drop_everything_else();
  REQUIRE(c);
  require_texts(*c);
}

TEST_CASE("a copy of the model keeps its texts after the original is gone", "[check]") {
  auto original = std::make_unique<engine::Contract>(*load_and_drop_everything_else());
  const engine::Contract copy = *original;
  original.reset();
  require_texts(copy);
}

}  // namespace model_texts_test
