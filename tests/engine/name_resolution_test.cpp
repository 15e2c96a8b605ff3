// The checker resolves every reference to the declaration of its name, whether declared
// near or far, before or after.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "dsl/parse.hpp"
#include "dsl/read_source.hpp"
#include "engine/model/check.hpp"
#include "engine/payout/load.hpp"

using namespace clause;

TEST_CASE("references resolve to their declaration whether declared near, far, before or after", "[check]") {
  // 3,000 parties, each followed by a clause on it naming a vendor anywhere in the file:
  // the next party, one just before, or one chosen at random (often thousands of
  // declarations away, before or after).
  constexpr std::size_t kParties = 3'000;
  std::mt19937_64 rng(20261129);
  std::vector<std::size_t> vendor(kParties);
  std::string text = "contract \"names\"\n";
  for (std::size_t i = 0; i < kParties; ++i) {
    switch (i % 3) {
      case 0: vendor[i] = (i + 1) % kParties; break;
      case 1: vendor[i] = i == 0 ? 1 : i - 1; break;
      default: vendor[i] = static_cast<std::size_t>(rng() % kParties); break;
    }
    if (vendor[i] == i) vendor[i] = (i + 2) % kParties;
    text += fmt::format("party p{}\nclause c{}: p{} must buy compute only from p{}\n", i, i, i, vendor[i]);
  }
  const engine::LoadedContract loaded = engine::load_contract_from_bytes("names.clause", text);
  REQUIRE(loaded.contract);
  const engine::Contract& c = *loaded.contract;
  REQUIRE(c.clauses.size() == kParties);
  for (std::size_t i = 0; i < kParties; ++i) {
    const engine::Clause& clause = c.clauses[i];
    INFO("clause " << clause.name);
    REQUIRE(c.parties[clause.buyer.party].name == fmt::format("p{}", i));
    REQUIRE(c.parties[clause.vendor.party].name == fmt::format("p{}", vendor[i]));
  }
}

TEST_CASE("a reference to a name declared twice resolves to the first, near or far", "[check]") {
  // `x` is a party and then a clause: the clause is a duplicate and not registered, so a
  // reference right after it still finds the party.
  const engine::LoadedContract loaded = engine::load_contract_from_bytes(
      "dup.clause", "contract \"dup\"\nparty x\nparty y\nclause x: y must buy compute only from x\n"
                    "clause z: x must buy compute only from y\n");
  REQUIRE_FALSE(loaded.contract);
  bool duplicate = false;
  bool other_error = false;
  for (const dsl::Diagnostic& d : loaded.diagnostics.items()) {
    if (d.severity != dsl::Severity::error) continue;
    if (d.message.find("duplicate name `x`") != std::string::npos) {
      duplicate = true;
    } else {
      other_error = true;
    }
  }
  CHECK(duplicate);
  CHECK_FALSE(other_error);  // `x` in `z` is the party: no "must be a party" error
}

TEST_CASE("a reference with an empty name is unknown", "[check]") {
  // The parser never hands the checker a complete declaration with an empty name in it,
  // but a tree built or changed by hand can.
  const dsl::SourcePtr source =
      dsl::source_from_bytes("empty.clause", "contract \"e\"\nparty A\nparty B\nclause c: A must buy compute only from B\n")
          .source;
  dsl::ContractParse parsed = dsl::parse_contract(source);
  REQUIRE_FALSE(parsed.diagnostics.has_errors());
  auto& clause = std::get<dsl::ClauseDecl>(parsed.syntax.declarations.at(2).node);
  std::get<dsl::ExclusivityStmt>(clause.statement).buyer.party.text = "";
  const engine::CheckResult checked = engine::check_contract(parsed.syntax, source);
  CHECK_FALSE(checked.contract);
  bool unknown = false;
  for (const dsl::Diagnostic& d : checked.diagnostics.items()) {
    unknown |= d.message.find("unknown party ``") != std::string::npos;
  }
  CHECK(unknown);
}
