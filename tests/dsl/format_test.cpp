// `clause fmt`: the canonical layout (docs/formatting.md), idempotence, comments kept in
// place, and meaning kept: the checked model of the output equals that of the input.
#include <catch2/catch.hpp>

#include <filesystem>

#include "dsl/comments.hpp"
#include "dsl/format.hpp"
#include "dsl/parse.hpp"
#include "engine/payout/load.hpp"
#include "engine/scenario/model_text.hpp"
#include "engine/scenario/scenario.hpp"
#include "example_files.hpp"
#include "support.hpp"
#include "token_boundaries.hpp"

namespace format_test {

namespace {

using clause::dsl::SourceFile;
using clause::dsl::SourcePtr;

SourcePtr source(const std::string& name, const std::string& text) {
  return std::make_shared<const SourceFile>(name, text);
}

std::string format(const std::string& name, const std::string& text) {
  const auto r = clause::dsl::format_source(source(name, text));
  INFO(clause::dsl::render_diagnostics(r.diagnostics, {}));
  REQUIRE(r.formatted());
  return r.text;
}

std::vector<std::string> comment_texts(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& c : clause::dsl::find_comments(text)) out.push_back(text.substr(c.span.begin, c.span.end - c.span.begin));
  return out;
}

bool is_scenario(const std::string& path) { return std::filesystem::path(path).extension() == ".scenario"; }

// The checked model of a contract, or of a scenario and its contract, as text.
std::string model(const std::string& path, const std::string& text) {
  if (is_scenario(path)) {
    const auto run = clause::engine::prepare_scenario_source(source(path, text), clause::dsl::read_source_file);
    INFO(clause::dsl::render_diagnostics(run.diagnostics, {}));
    REQUIRE(run.ready());
    return clause::engine::model_text(run) + clause::engine::model_text(*run.contract.contract);
  }
  const auto loaded = clause::engine::check_contract_source(source(path, text));
  INFO(clause::dsl::render_diagnostics(loaded.diagnostics, {}));
  REQUIRE(loaded.contract);
  return clause::engine::model_text(*loaded.contract);
}

}  // namespace

TEST_CASE("formatting every contract and scenario is idempotent, keeps every comment and the checked model",
          "[format]") {
  const auto files = clause::test::example_files();
  REQUIRE(files.size() >= 2);
  for (const std::string& path : files) {
    INFO(path);
    const std::string input = clause::test::read_file(path);
    const std::string once = format(path, input);
    CHECK(format(path, once) == once);
    CHECK(comment_texts(once) == comment_texts(input));
    CHECK(model(path, once) == model(path, input));
  }
}

TEST_CASE("the flagship contracts are in the canonical layout", "[format]") {
  for (const char* name : {"contracts/microsoft-openai/2024-06.clause", "contracts/microsoft-openai/2019-07.clause"}) {
    const std::string path = clause::test::repo_path(name);
    const std::string text = clause::test::read_file(path);
    CHECK(format(path, text) == text);
  }
}

TEST_CASE("a comment at any token boundary of the flagship stays, in order, and meaning is kept", "[format]") {
  const std::string path = clause::test::repo_path("contracts/microsoft-openai/2024-06.clause");
  const std::string text = clause::test::read_file(path);
  const std::string expected_model = model(path, text);
  std::size_t tried = 0;
  for (const auto& token : clause::test::rough_tokens(text)) {
    // Only where spaces may go: not inside `OpenAI.board`, `$17.3B` or a comment.
    if (token.end >= text.size() || text.compare(token.begin, 2, "//") == 0) continue;
    if (text[token.end] != ' ' && text[token.end] != '\n' && text[token.end] != ':' && text[token.end] != ',') continue;
    for (const char* insert : {" // inserted\n", "\n// inserted\n"}) {
      const std::string edited = text.substr(0, token.end) + insert + text.substr(token.end);
      INFO("comment inserted at byte " << token.end << ":\n" << edited);
      const std::string once = format(path, edited);
      CHECK(format(path, once) == once);
      CHECK(comment_texts(once) == comment_texts(edited));
      CHECK(model(path, once) == expected_model);
      ++tried;
    }
  }
  CHECK(tried > 200);
}

TEST_CASE("the canonical layout of a contract", "[format]") {
  const std::string messy = R"(

// header comment

contract   "T"   // trailing on contract
version "1"
effective 2024-01-01
party A "a"   // a
party Bee { body x, body y }    // bee
party C
party D "d"

party E "e"
assume x = $1B
assume longer_name = 12.5% "desc"   // pct
clause c1 "t": A must buy g only from Bee  // t1
clause c2:
   A   must
   // inner own-line
   not buy g from C // inner trailing
exception e1 to c1 "e": A may buy g from C if Bee.x consents   up to x in total from 2024-01-01 until 2025-01-01
// own line before waterfall


// after two blanks
waterfall w of A: tier first $1,000.50: A 50%, C 50% tier "n" next x:
  A 10%,  // share comment
  C 90%
 tier until capped: A 50% cap x, C 50% overflow to C
  tier rest: C 100%
power p "p": only Bee.y may declare Agi
licence l: A grants Bee
clause c3 "trigger": when A does "x // not a comment" then l ends, e1 ends
// the end


)";
  const std::string canonical = R"(// header comment

contract "T"  // trailing on contract
version "1"
effective 2024-01-01

party A   "a"            // a
party Bee { body x, y }  // bee
party C
party D   "d"

party E "e"

assume x           = $1B
assume longer_name = 12.5% "desc"  // pct

clause c1 "t":
  A must buy g only from Bee  // t1

clause c2:
  // inner own-line
  A must not buy g from C  // inner trailing

exception e1 to c1 "e":
  A may buy g from C
  if Bee.x consents
  up to x in total
  from 2024-01-01
  until 2025-01-01

// own line before waterfall

// after two blanks
waterfall w of A:
  tier first $1,000.50:
    A 50%, C 50%
  tier "n" next x:
    A 10%,  // share comment
    C 90%
  tier until capped:
    A 50% cap x,
    C 50%
    overflow to C
  tier rest:
    C 100%

power p "p":
  only Bee.y may declare Agi

licence l:
  A grants Bee

clause c3 "trigger":
  when A does "x // not a comment" then l ends, e1 ends
// the end
)";
  CHECK(format("messy.clause", messy) == canonical);
  CHECK(format("canonical.clause", canonical) == canonical);
  CHECK(model("messy.clause", messy) == model("canonical.clause", canonical));
}

TEST_CASE("the canonical layout of a scenario", "[format]") {
  const std::string messy =
      "scenario \"S\" // s\ncontract \"x.clause\"\nassume microsoft_cap = $1B\nassume employees_cap=$2B\n\n\n"
      "// events\non 2025-01-15:   Microsoft declares agi\non 2025-01-16: OpenAI   buys Compute from  Oracle for "
      "$1,250,000.50\nexpect ineffective on 2025-01-15 // check\n  expect technology ended on 2025-01-20\n"
      "expect OpenAI receives $0";
  const std::string canonical =
      "scenario \"S\"  // s\ncontract \"x.clause\"\n\nassume microsoft_cap = $1B\nassume employees_cap = $2B\n\n"
      "// events\non 2025-01-15: Microsoft declares agi\non 2025-01-16: OpenAI buys Compute from Oracle for "
      "$1,250,000.50\n\nexpect ineffective on 2025-01-15  // check\nexpect technology ended on 2025-01-20\n"
      "expect OpenAI receives $0\n";
  CHECK(format("s.scenario", messy) == canonical);
  CHECK(format("s.scenario", canonical) == canonical);
}

TEST_CASE("money, percentages and strings stay exactly as written", "[format]") {
  const std::string text =
      "contract \"\\\"Q\\\" \\\\ 微软 🚀\"\n\nparty A \"a\"\nparty B \"b\"\n\n"
      "assume big   = $1,250,000.50\nassume small = $17.3B\nassume share = 0.25%\n\n"
      "waterfall w of A:\n  tier first $194M:\n    A 12.5000%, B 87.5%\n  tier next big:\n    A 100%\n";
  CHECK(format("m.clause", text) == text);
}

TEST_CASE("trailing comments after lines with wide characters line up on screen", "[format]") {
  const std::string text =
      "contract \"T\"\n\nparty A \"微软\" // wide\nparty B \"ab\"   // narrow\n";
  const std::string canonical =
      "contract \"T\"\n\nparty A \"微软\"  // wide\nparty B \"ab\"    // narrow\n";
  CHECK(format("w.clause", text) == canonical);
}

TEST_CASE("comments from several joined lines all stay, and the result is stable", "[format]") {
  const std::string text =
      "contract \"T\"\n\nparty A\nparty B\n\nclause c:\n  A must buy // one\n  g only from // two\n  B // three\n";
  const std::string once = format("j.clause", text);
  CHECK(once ==
        "contract \"T\"\n\nparty A\nparty B\n\nclause c:\n  // one\n  // two\n  A must buy g only from B  // three\n");
  CHECK(format("j.clause", once) == once);
}

TEST_CASE("a comment among shares puts every share on its own line", "[format]") {
  const std::string text =
      "contract \"T\"\n\nparty A\nparty B\n\nwaterfall w of A:\n  tier rest:\n    A 50%,\n    // B's half\n    B 50%\n";
  CHECK(format("s.clause", text) == text);
}

TEST_CASE("a file with syntax errors is refused and comes back unchanged", "[format]") {
  const std::string text = "contract \"T\"\nparty\n  clause   x:\n";
  const auto r = clause::dsl::format_source(source("bad.clause", text));
  CHECK_FALSE(r.formatted());
  CHECK(r.text == text);
  CHECK(r.diagnostics.error_count() >= 1);
}

TEST_CASE("CRLF line ends are kept", "[format]") {
  CHECK(format("c.clause", "contract \"x\"\r\nparty  A\r\n") == "contract \"x\"\r\n\r\nparty A\r\n");
}

TEST_CASE("format_declaration prints one declaration without alignment or comments", "[format]") {
  const std::string text = "contract \"T\"\nassume   x = $1B // c\n";
  const auto parsed = clause::dsl::parse_contract(source("d.clause", text));
  REQUIRE(parsed.syntax.declarations.size() == 1);
  CHECK(clause::dsl::format_declaration(parsed.syntax.declarations[0], text) == "assume x = $1B\n");
}

// ----- version 2 (LANGUAGE.md section 10) -----

TEST_CASE("the canonical layout of every version 2 form: terms `from` first, comments kept", "[format][v2]") {
  const std::string messy =
      "contract \"V2\"   // c\neffective 2026-01-01\nparty Lab \"lab\" { body board }\nparty Cloud\nparty Panel\n"
      "assume big = $10B\n"
      "licence models \"m\":   Lab grants Cloud   until 2028-12-31   from 2026-02-01 // until first\n"
      "power p: only Lab.board may declare agi   verified by Panel\n"
      "clause v:\n    when agi is verified then models ends, share ends\n"
      "clause fr \"first refusal\": Lab must offer compute to Cloud first until 2030-01-01\n"
      "clause cm: Lab must buy at least big of hosting from Cloud by 2027-06-30   from 2026-03-01\n"
      "clause free: Lab may buy apps from   anyone\n"
      "clause own: Cloud may do \"train\"   // deed\n"
      "clause np: Cloud must not do \"hire\"\n"
      "clause ex: Lab must buy api only from Cloud until 2027-12-31 from 2026-03-01\n"
      "exception e to ex: Lab may buy api from anyone\n  if Cloud consents\n"
      "waterfall share \"s\" of Lab REVENUE until 2030-12-31 from 2026-01-01:\n  tier rest: Cloud 20%, Lab 80%\n";
  const std::string canonical =
      "contract \"V2\"  // c\neffective 2026-01-01\n\nparty Lab   \"lab\" { body board }\nparty Cloud\nparty Panel\n\n"
      "assume big = $10B\n\n"
      "licence models \"m\":\n  Lab grants Cloud from 2026-02-01 until 2028-12-31  // until first\n\n"
      "power p:\n  only Lab.board may declare agi verified by Panel\n\n"
      "clause v:\n  when agi is verified then models ends, share ends\n\n"
      "clause fr \"first refusal\":\n  Lab must offer compute to Cloud first until 2030-01-01\n\n"
      "clause cm:\n  Lab must buy at least big of hosting from Cloud by 2027-06-30 from 2026-03-01\n\n"
      "clause free:\n  Lab may buy apps from anyone\n\n"
      "clause own:\n  Cloud may do \"train\"  // deed\n\n"
      "clause np:\n  Cloud must not do \"hire\"\n\n"
      "clause ex:\n  Lab must buy api only from Cloud from 2026-03-01 until 2027-12-31\n\n"
      "exception e to ex:\n  Lab may buy api from anyone\n  if Cloud consents\n\n"
      "waterfall share \"s\" of Lab REVENUE from 2026-01-01 until 2030-12-31:\n  tier rest:\n    Cloud 20%, Lab 80%\n";
  CHECK(format("messy.clause", messy) == canonical);
  CHECK(format("canonical.clause", canonical) == canonical);
  CHECK(comment_texts(format("messy.clause", messy)) == comment_texts(messy));
  CHECK(model("messy.clause", messy) == model("canonical.clause", canonical));
}

TEST_CASE("the canonical layout of version 2 events and expectations in a scenario", "[format][v2]") {
  const std::string messy =
      "scenario \"S\"\ncontract \"x.clause\"\n"
      "on 2026-01-01:   Lab.board   declares agi\non 2026-01-02: Panel  verifies AGI // v\n"
      "on 2026-01-03: Panel rejects agi\non 2026-01-04: agi  is verified\n"
      "on 2026-01-05: Cloud declines Compute for  $5B\non 2026-01-06: Lab earns $1B   in revenue\n"
      "on 2026-01-07: Cloud does   \"train\"\non 2026-01-08:   nothing   happens\n"
      "expect research expired on 2028-01-01\nexpect commitment   fulfilled\nexpect declined on 2026-01-05\n"
      "expect verified on 2026-01-02\nexpect rejected on 2026-01-03\n";
  const std::string canonical =
      "scenario \"S\"\ncontract \"x.clause\"\n\n"
      "on 2026-01-01: Lab.board declares agi\non 2026-01-02: Panel verifies AGI  // v\n"
      "on 2026-01-03: Panel rejects agi\non 2026-01-04: agi is verified\n"
      "on 2026-01-05: Cloud declines Compute for $5B\non 2026-01-06: Lab earns $1B in revenue\n"
      "on 2026-01-07: Cloud does \"train\"\non 2026-01-08: nothing happens\n\n"
      "expect research expired on 2028-01-01\nexpect commitment fulfilled\nexpect declined on 2026-01-05\n"
      "expect verified on 2026-01-02\nexpect rejected on 2026-01-03\n";
  CHECK(format("s.scenario", messy) == canonical);
  CHECK(format("s.scenario", canonical) == canonical);
}

TEST_CASE("the version 2 contracts and worked example round-trip: idempotent, comments and model kept",
          "[format][v2]") {
  std::vector<std::string> paths{clause::test::repo_path("contracts/microsoft-openai/2025-01.clause"),
                                 clause::test::repo_path("contracts/microsoft-openai/2025-10.clause")};
  if (clause::test::have_spec()) {
    paths.push_back(clause::test::spec_path("examples-v2/v2-features.clause"));
    paths.push_back(clause::test::spec_path("examples-v2/v2-features.scenario"));
  }
  for (const std::string& path : paths) {
    INFO(path);
    const std::string input = clause::test::read_file(path);
    const std::string once = format(path, input);
    CHECK(format(path, once) == once);
    CHECK(comment_texts(once) == comment_texts(input));
    CHECK(model(path, once) == model(path, input));
  }
}

TEST_CASE("the version 2 contracts are in the canonical layout", "[format][v2]") {
  for (const char* name : {"contracts/microsoft-openai/2025-01.clause", "contracts/microsoft-openai/2025-10.clause"}) {
    const std::string path = clause::test::repo_path(name);
    const std::string text = clause::test::read_file(path);
    CHECK(format(path, text) == text);
  }
}

}  // namespace format_test
