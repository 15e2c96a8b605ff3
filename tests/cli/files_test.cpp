// Files as people and programs hand them over: missing, a folder, empty, with a
// byte-order mark, with CRLF line ends, with NUL bytes, 100 MB. Each gets a clear message
// or the same result as the plain file.
#include <catch2/catch.hpp>

#include <chrono>

#include "scratch.hpp"
#include "support.hpp"

namespace files_test {

using clause::test::run_clause;

namespace {

const std::string kFlagshipPath = clause::test::repo_path("contracts/microsoft-openai/2024-06.clause");

std::string flagship() { return clause::test::read_file(kFlagshipPath); }

std::string with_crlf(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

// The output of `args` with every mention of `path` replaced by NAME, so that runs on
// copies of one contract in different places compare equal.
std::string output(std::vector<std::string> args, const std::string& path) {
  const auto r = run_clause(args);
  std::string text = std::to_string(r.exit) + "\n" + r.out + r.err;
  for (std::size_t at = text.find(path); at != std::string::npos; at = text.find(path, at)) text.replace(at, path.size(), "NAME");
  return text;
}

// `output` of a command whose second word is the file (`{"check"}` gets it appended).
std::string output_on(std::vector<std::string> command, const std::string& path) {
  if (command.size() == 1) command.push_back(path);
  else command[1] = path;
  return output(command, path);
}

}  // namespace

TEST_CASE("files: a missing contract or scenario is an I/O problem (exit 2) naming the file", "[files]") {
  const clause::test::Scratch scratch;
  const std::string missing = scratch.path("missing.clause");
  for (const auto& args : std::vector<std::vector<std::string>>{{"check", missing},
                                                                {"ask", missing, "agi is declared"},
                                                                {"payout", missing, "--profit", "1B"},
                                                                {"run", scratch.path("missing.scenario")}}) {
    const auto r = run_clause(args);
    INFO(args[0]);
    CHECK(r.exit == 2);
    CHECK_THAT(r.err, Catch::Contains("missing.") && Catch::Contains(": error[E0003]: cannot read the file: it does not exist"));
  }
}

TEST_CASE("files: a folder where a file belongs is an I/O problem (exit 2)", "[files]") {
  const clause::test::Scratch scratch;
  std::filesystem::create_directory(scratch.path("folder.clause"));
  for (const auto& args : std::vector<std::vector<std::string>>{{"check", scratch.path("folder.clause")},
                                                                {"ask", scratch.path("folder.clause"), "agi is declared"},
                                                                {"run", scratch.path("folder.clause")}}) {
    const auto r = run_clause(args);
    INFO(args[0]);
    CHECK(r.exit == 2);
    CHECK_THAT(r.err, Catch::Contains("folder.clause: error[E0004]: cannot read the file: it is a directory"));
  }
}

TEST_CASE("files: an empty contract or scenario says what it should start with", "[files]") {
  const clause::test::Scratch scratch;
  const auto contract = run_clause({"check", scratch.write("empty.clause", "")});
  CHECK(contract.exit == 1);
  CHECK_THAT(contract.err, Catch::Contains("empty.clause:1:1: error[E0101]: expected `contract \"TITLE\"` at the start of a "
                                           "contract file, found the end of the file"));
  const auto scenario = run_clause({"check", scratch.write("empty.scenario", "")});
  CHECK(scenario.exit == 1);
  CHECK_THAT(scenario.err, Catch::Contains("empty.scenario:1:1: error[E0101]: expected `scenario \"TITLE\"`"));
  const auto asked = run_clause({"ask", scratch.write("blank.clause", "  \n\n// nothing\n"), "agi is declared"});
  CHECK(asked.exit == 1);
  CHECK_THAT(asked.err, Catch::Contains("blank.clause:4:1: error[E0101]: expected `contract \"TITLE\"`"));
}

TEST_CASE("files: a byte-order mark changes nothing, not even a column", "[files]") {
  const clause::test::Scratch scratch;
  const std::string plain = scratch.write("plain.clause", flagship());
  const std::string bom = scratch.write("bom.clause", "\xEF\xBB\xBF" + flagship());
  for (const auto& command : std::vector<std::vector<std::string>>{
           {"check"}, {"ask", "", "what if AGI is declared?", "OpenAI earns $50B", "--json"}, {"payout", "", "--profit", "50B"}}) {
    CHECK(output_on(command, bom) == output_on(command, plain));
  }
  // A mistake after the mark is placed as in the plain file.
  const auto r = run_clause({"check", scratch.write("bad.clause", "\xEF\xBB\xBF" "contract \"x\"\nparty 9\n")});
  CHECK_THAT(r.err, Catch::Contains("bad.clause:2:7: error[E0101]:"));
}

TEST_CASE("files: CRLF line ends give the same results and places as LF", "[files]") {
  const clause::test::Scratch scratch;
  const std::string lf = scratch.write("lf.clause", flagship());
  const std::string crlf = scratch.write("crlf.clause", with_crlf(flagship()));
  for (const auto& command : std::vector<std::vector<std::string>>{
           {"check"}, {"ask", "", "what if AGI is declared?", "OpenAI buys compute from Oracle for $2B", "--json"}}) {
    CHECK(output_on(command, crlf) == output_on(command, lf));
  }
  // Errors in a CRLF file: same place, and the shown line carries no carriage return.
  const std::string bad = "contract \"x\"\nparty A\nlicence l: A grants Bx\n";
  const auto lf_bad = output({"check", scratch.write("bad.clause", bad)}, scratch.path("bad.clause"));
  const auto crlf_bad = output({"check", scratch.write("bad.clause", with_crlf(bad))}, scratch.path("bad.clause"));
  CHECK(crlf_bad == lf_bad);
  CHECK(crlf_bad.find('\r') == std::string::npos);
  // A CRLF scenario runs like its LF twin.
  const std::string scenario = "scenario \"s\"\ncontract \"lf.clause\"\non 2024-07-01: OpenAI earns $50B\n"
                               "expect Microsoft receives $28,902,940,000\n";
  const auto lf_run = output({"run", scratch.write("lf.scenario", scenario)}, scratch.path("lf.scenario"));
  const auto crlf_run = output({"run", scratch.write("crlf.scenario", with_crlf(scenario))}, scratch.path("crlf.scenario"));
  CHECK(crlf_run == lf_run);
  CHECK_THAT(lf_run, Catch::Contains("✓ Microsoft receives"));
}

TEST_CASE("files: NUL bytes are text like any other: a clear syntax error at their place", "[files]") {
  const clause::test::Scratch scratch;
  const auto r = run_clause({"check", scratch.write("nul.clause", std::string("contract \"x\"\nparty A\0B\n", 23))});
  CHECK(r.exit == 1);
  CHECK_THAT(r.err, Catch::Contains("nul.clause:2:8: error[E0101]:"));
}

TEST_CASE("files: a 100 MB contract is checked and asked correctly", "[files]") {
  // The flagship followed by 100 MB of comments: the size is the file's, the terms the flagship's.
  const clause::test::Scratch scratch;
  std::string text = flagship();
  const std::string filler = "// " + std::string(96, '=') + "\n";
  text.reserve(100'000'000 + text.size());
  while (text.size() < 100'000'000) text += filler;
  const std::string big = scratch.write("big.clause", text);
  const auto start = std::chrono::steady_clock::now();
  const auto checked = run_clause({"check", big});
  const auto asked = run_clause({"ask", big, "OpenAI earns $50B", "--json"});
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  WARN("checking and asking a 100 MB contract took " << seconds << " s");
  CHECK(checked.exit == 0);
  CHECK(checked.err.empty());
  REQUIRE(asked.exit == 0);
  CHECK_THAT(asked.out, Catch::Contains("\"Microsoft\": \"28902940000.00\""));
}

TEST_CASE("files: a 100 MB contract of a million declarations past the limit gets one clear error", "[files]") {
  const clause::test::Scratch scratch;
  std::string text = "contract \"huge\"\n";
  text.reserve(100'500'000);
  for (std::size_t i = 0; text.size() < 100'000'000; ++i) {
    text += "assume a" + std::to_string(i) + " = $1 \"" + std::string(60, '.') + "\"\n";
  }
  const auto r = run_clause({"check", scratch.write("huge.clause", text)});
  CHECK(r.exit == 1);
  CHECK_THAT(r.err, Catch::Contains("huge.clause:1000002:1: error[E0201]: too many declarations: a contract holds at most "
                                    "1000000"));
  CHECK_THAT(r.err, Catch::EndsWith("1 file checked: 1 error, 0 warnings\n"));
}

}  // namespace files_test
