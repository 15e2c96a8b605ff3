// The checker resolves every reference to the declaration of its name, whether declared
// near or far, before or after, and says where each name in the file points.
#include <catch2/catch.hpp>

#include <cctype>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "dsl/parse.hpp"
#include "dsl/read_source.hpp"
#include "engine/model/check.hpp"
#include "engine/payout/load.hpp"

namespace name_resolution_test {

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

namespace {

engine::CheckResult check_text(const std::string& text) {
  const dsl::SourcePtr source = dsl::source_from_bytes("refs.clause", text).source;
  const dsl::ContractParse parsed = dsl::parse_contract(source);
  return engine::check_contract(parsed.syntax, source, {}, parsed.diagnostics.has_errors());
}

// The references to the `n`th (from 0) occurrence of the word `word` in `text`.
std::vector<engine::Reference> at_word(const engine::CheckResult& r, const std::string& text, const std::string& word,
                                       std::size_t n = 0) {
  const auto word_char = [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) != 0 || ch == '_'; };
  std::size_t at = std::string::npos;
  for (std::size_t i = 0, seen = 0; i + word.size() <= text.size(); ++i) {
    const bool whole = text.compare(i, word.size(), word) == 0 && (i == 0 || !word_char(text[i - 1])) &&
                       (i + word.size() == text.size() || !word_char(text[i + word.size()]));
    if (whole && seen++ == n) {
      at = i;
      break;
    }
  }
  REQUIRE(at != std::string::npos);
  std::vector<engine::Reference> out;
  for (const engine::Reference& ref : r.references) {
    if (ref.span.begin == at && ref.span.end == at + word.size()) out.push_back(ref);
  }
  return out;
}

}  // namespace

TEST_CASE("the checker says where every name it resolved points: declarations, uses and bodies", "[check]") {
  const std::string text =
      "contract \"r\"\nparty A { body board }\nparty B\n"
      "clause c \"t\": A.board must buy compute only from B\nexception e to c \"t\": A.board may buy compute from B\n";
  const engine::CheckResult r = check_text(text);
  REQUIRE(r.contract);
  CHECK_FALSE(r.partial);
  CHECK(r.model() == &*r.contract);
  const engine::DeclRef a{engine::DeclKind::party, 0};
  const engine::DeclRef c{engine::DeclKind::clause, 0};

  const auto a_declared = at_word(r, text, "A");
  REQUIRE(a_declared.size() == 1);
  CHECK(a_declared[0].to == a);
  CHECK(a_declared[0].declares);
  const auto board_declared = at_word(r, text, "board");
  REQUIRE(board_declared.size() == 1);
  CHECK(board_declared[0].to == a);
  CHECK(board_declared[0].body == 0);
  CHECK(board_declared[0].declares);

  const auto board_used = at_word(r, text, "board", 1);
  REQUIRE(board_used.size() == 1);
  CHECK(board_used[0].body == 0);
  CHECK_FALSE(board_used[0].declares);
  const auto c_used = at_word(r, text, "c", 1);
  REQUIRE(c_used.size() == 1);
  CHECK(c_used[0].to == c);
  CHECK_FALSE(c_used[0].declares);
  // A, board, B, c and e declared; A, board and B used twice each; c used once.
  CHECK(r.references.size() == 5 + 6 + 1);
}

TEST_CASE("with errors the checker still returns what it resolved: a partial contract and its references", "[check]") {
  const std::string text =
      "contract \"r\"\nparty A\nparty B\nclause c \"t\": A must buy compute only from Nobody\n"
      "clause d \"t\": A must not buy chips from B\n";
  const engine::CheckResult r = check_text(text);
  CHECK_FALSE(r.contract);
  REQUIRE(r.partial);
  CHECK(r.model() == &*r.partial);
  CHECK(r.partial->clauses.size() == 2);
  CHECK(r.partial->clauses[0].vendor.party == engine::kNone);  // `Nobody` is unknown
  CHECK(r.partial->clauses[1].vendor.party == 1);
  CHECK(r.diagnostics.has_errors());
  const auto b_used = at_word(r, text, "B", 1);
  REQUIRE(b_used.size() == 1);
  CHECK(b_used[0].to == engine::DeclRef{engine::DeclKind::party, 1});
  CHECK(at_word(r, text, "Nobody").empty());
}

}  // namespace name_resolution_test
