// The quick reader (dsl/quick_reader.hpp) reads a declaration exactly as the grammar
// does, or declines and lets the grammar read it: the parser's tree and diagnostics are
// the same with it and without it, on every file we have and on many broken copies.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "dsl/parse_by_grammar.hpp"
#include "dsl/quick_reader.hpp"
#include "dsl/read_source.hpp"
#include "example_files.hpp"
#include "support.hpp"

using namespace clause;

namespace {

dsl::SourcePtr source_of(const std::string& text) { return dsl::source_from_bytes("t.clause", text).source; }

std::string describe(const dsl::Diagnostic& d) {
  return fmt::format("{}:{}..{}: {} ({} notes)", static_cast<int>(d.severity), d.where.span.begin, d.where.span.end,
                     d.message, d.notes.size());
}

// What the parser makes of `text` with the quick reader, against the grammar alone: the
// first difference, or "" when there is none.
std::string difference(const std::string& text) {
  const dsl::SourcePtr source = source_of(text);
  if (!source) return "";  // not UTF-8: never parsed
  const dsl::ContractParse quick = dsl::parse_contract(source);
  const dsl::ContractParse grammar = dsl::parse_contract_by_grammar(source);
  const auto& q = quick.syntax.declarations;
  const auto& g = grammar.syntax.declarations;
  for (std::size_t i = 0; i < std::min(q.size(), g.size()); ++i) {
    if (!(q[i] == g[i])) {
      const dsl::Span s = g[i].span;
      return fmt::format("declaration {} differs: `{}`", i, text.substr(s.begin, s.end - s.begin));
    }
  }
  if (q.size() != g.size()) return fmt::format("{} declarations, not {}", q.size(), g.size());
  if (!(quick.syntax == grammar.syntax)) return "the header differs";
  const auto& qd = quick.diagnostics.items();
  const auto& gd = grammar.diagnostics.items();
  for (std::size_t i = 0; i < std::max(qd.size(), gd.size()); ++i) {
    const std::string a = i < qd.size() ? describe(qd[i]) : "nothing";
    const std::string b = i < gd.size() ? describe(gd[i]) : "nothing";
    if (a != b) return fmt::format("diagnostic {}: {}, not {}", i, a, b);
  }
  return "";
}

std::vector<std::string> contract_texts() {
  std::vector<std::string> out;
  for (const std::string& path : test::example_files()) {
    if (path.ends_with(".clause")) out.push_back(test::read_file(path));
  }
  for (const std::string& path : test::files_below(test::repo_path("tests/bad"), ".clause")) {
    out.push_back(test::read_file(path));
  }
  return out;
}

// Reads `text` (a contract header and one declaration) with the quick reader alone.
std::optional<dsl::QuickRead> read_quickly(const std::string& text, std::vector<dsl::Declaration>& out) {
  const std::size_t at = text.find('\n') + 1;
  return dsl::read_declaration_quickly(text.data(), text.data() + at, text.data() + text.size(), out);
}

}  // namespace

TEST_CASE("the quick reader reads every kind of declaration as the grammar does", "[parser][quick]") {
  // Each is read by the quick reader itself (it does not decline), and the whole parse
  // equals the grammar's.
  const std::vector<std::string> declarations = {
      "party OpenAI",
      "party OpenAI \"The lab\" { body board, body nonprofit }",
      "party Lab{board,body staff}",
      "party Esc \"a \\\"quoted\\\" name,\\nand a backslash \\\\\"",
      "assume return_cap = $130B \"the cap\"",
      "assume share = 49.5%",
      "assume small=$1,250,000.50",
      "licence technology \"the IP\": Microsoft.board grants OpenAI",
      "clause excl \"Exclusive\": OpenAI must buy compute only from Microsoft",
      "clause excl2: OpenAI.board must buy compute only from Microsoft or Oracle or CoreWeave.cloud",
      "clause ban: OpenAI must not buy chips from Nvidia",
      "clause t1: when agi is declared then technology ends, excl ends",
      "clause t2: when OpenAI.board declares agi then technology ends",
      "clause t3: when OpenAI buys compute from Oracle then excl ends",
      "clause t4: when OpenAI does \"ships a model\" then excl ends",
      "exception window to excl \"A window\": OpenAI may buy compute from Oracle\n  if Microsoft.board consents"
      " up to $10B in total\n  from 2024-01-01 until 2030-12-31",
      "exception w2 to excl: OpenAI may buy compute from Oracle up to limit in total",
      "exception w3 to excl: OpenAI may buy compute from Oracle",
      "power rule \"AGI\": only OpenAI.board may declare agi",
      "waterfall profits \"Profits\" of OpenAI:\n  tier \"Seed\" first $194M: A 100%\n  tier next $17.3B: B 75%, "
      "C 25%\n  tier until capped: B 49% cap cap_b, C pct cap $1T overflow to D\n  tier rest: A 100%",
      "waterfall w // a comment\n of X : tier rest : A 100% // the end",
  };
  for (const std::string& declaration : declarations) {
    const std::string text = "contract \"T\"\n" + declaration + "\n";
    INFO(text);
    std::vector<dsl::Declaration> read;
    const auto quick = read_quickly(text, read);
    REQUIRE(quick.has_value());
    CHECK(quick->next == text.data() + text.size());
    REQUIRE(read.size() == 1);
    const dsl::ContractParse grammar = dsl::parse_contract_by_grammar(source_of(text));
    REQUIRE(grammar.syntax.declarations.size() == 1);
    CHECK(read[0] == grammar.syntax.declarations[0]);
    CHECK(quick->last_token_end == grammar.syntax.declarations[0].span.end);
    CHECK(difference(text).empty());
  }
}

TEST_CASE("the quick reader declines what the grammar reports, and leaves the tree as it was", "[parser][quick]") {
  const std::vector<std::string> declarations = {
      "party",                                                                // no name
      "party party",                                                          // a keyword as a name
      "party A \"unclosed",                                                   // an open text
      "party A \"bad \\q escape\"",                                           // an unknown escape
      "party A { body }",                                                     // no body name
      "assume x = $1.234",                                                    // a fraction of a cent
      "assume x = 49",                                                        // no percent sign
      "assume x = 101.5%",                                                    // over 100%
      "licence l: A. grants B",                                               // a dot and no body
      "clause c: when A.board is declared then l ends",                       // a status with a body
      "clause c: A must buy x from B",                                        // no `only`
      "exception e to c: A may buy x from B from 2024-02-30",                 // no such day
      "exception e to c: A may buy x from B up to $1,2345 in total",          // a bad separator
      "waterfall w of A:",                                                    // no tier
      "waterfall w of A: tier rest: B 100% overflow C",                       // no `to`
      "waterfall w of A: tier until: B 100%",                                 // no `capped`
      "contract \"again\"",                                                   // not a declaration
  };
  for (const std::string& declaration : declarations) {
    const std::string text = "contract \"T\"\n" + declaration + "\n";
    INFO(text);
    std::vector<dsl::Declaration> read(2);
    CHECK_FALSE(read_quickly(text, read).has_value());
    CHECK(read.size() == 2);
    CHECK(difference(text).empty());
  }
}

TEST_CASE("the parser reads every example contract the same with the quick reader and without", "[parser][quick]") {
  const std::vector<std::string> texts = contract_texts();
  REQUIRE(texts.size() > 10);
  for (const std::string& text : texts) {
    INFO(text.substr(0, 200));
    CHECK(difference(text) == "");
  }
}

TEST_CASE("the parser reads broken copies of the examples the same with the quick reader and without",
          "[parser][quick]") {
  // Each round breaks one example in one to three places: a byte deleted, inserted or
  // replaced (by one the grammar cares about), or a run of text repeated.
  const std::vector<std::string> texts = contract_texts();
  std::mt19937_64 random(2026);
  const std::string marks = " \n\t\".,:{}$%-\\/09aZ_";
  for (int round = 0; round < 6'000; ++round) {
    std::string text = texts[random() % texts.size()];
    const int edits = 1 + static_cast<int>(random() % 3);
    for (int e = 0; e < edits && !text.empty(); ++e) {
      const std::size_t at = random() % text.size();
      switch (random() % 4) {
        case 0: text.erase(at, 1); break;
        case 1: text.insert(at, 1, marks[random() % marks.size()]); break;
        case 2: text[at] = marks[random() % marks.size()]; break;
        default: text.insert(at, text.substr(at, 1 + random() % 12)); break;
      }
    }
    INFO(text);
    REQUIRE(difference(text) == "");
  }
}
