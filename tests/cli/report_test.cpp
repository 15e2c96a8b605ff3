// `clause report`: one self-contained HTML page for every contract, in English and Chinese,
// with every section; with --against, what the renegotiation changed. What a browser makes
// of the pages is tested in tests/browser/ (ctest clause_browser_report).
#include <catch2/catch.hpp>

#include <string>

#include "scratch.hpp"
#include "support.hpp"

namespace report_test {

namespace {

using clause::test::files_below;
using clause::test::read_file;
using clause::test::repo_path;
using clause::test::run_clause;

// Nothing the page could fetch: no URL, no linked style sheet, script, image or font.
void check_self_contained(const std::string& html) {
  for (const char* outside : {"http://", "https://", "<script", "<link", " src=", "url(", "@import", "<iframe"}) {
    INFO(outside);
    CHECK(html.find(outside) == std::string::npos);
  }
}

void check_sections(const std::string& html, bool renegotiation) {
  for (const char* id : {"parties", "terms", "timeline", "payouts", "scenarios"}) {
    INFO(id);
    CHECK(html.find(std::string("<section id=\"") + id + "\">") != std::string::npos);
  }
  CHECK((html.find("<section id=\"renegotiation\">") != std::string::npos) == renegotiation);
}

}  // namespace

TEST_CASE("report of every contract in both languages is self-contained and has every section", "[report]") {
  const clause::test::Scratch scratch;
  const auto contracts = files_below(repo_path("contracts"), ".clause");
  REQUIRE(contracts.size() >= 6);
  for (const std::string& contract : contracts) {
    for (const char* lang : {"en", "zh"}) {
      INFO(contract << " " << lang);
      const std::string out = scratch.path("report.html");
      const auto r = run_clause({"report", contract, "--lang", lang, "-o", out});
      REQUIRE(r.exit == 0);
      CHECK(r.err.empty());
      const std::string html = read_file(out);
      CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
      CHECK(html.find(std::string("<html lang=\"") + (std::string(lang) == "zh" ? "zh-Hans" : "en") + "\">") !=
            std::string::npos);
      check_self_contained(html);
      check_sections(html, false);
    }
  }
}

TEST_CASE("report against an older version adds the renegotiation in both languages", "[report]") {
  const clause::test::Scratch scratch;
  for (const char* lang : {"en", "zh"}) {
    INFO(lang);
    const std::string out = scratch.path("report.html");
    const auto r = run_clause({"report", repo_path("contracts/microsoft-openai/2025-10.clause"), "--against",
                               repo_path("contracts/microsoft-openai/2025-01.clause"), "--scenarios",
                               repo_path("examples"), "--lang", lang, "-o", out});
    REQUIRE(r.exit == 0);
    const std::string html = read_file(out);
    check_self_contained(html);
    check_sections(html, true);
    for (const char* part : {"id=\"diff-summary\"", "id=\"diff-terms\"", "id=\"diff-behaviour\"", "id=\"diff-payouts\""}) {
      INFO(part);
      CHECK(html.find(part) != std::string::npos);
    }
    // The five scenarios written for 2025-10, run; the others are counted, not run.
    std::size_t scenarios = 0;
    for (std::size_t at = html.find("<article class=\"scenario\""); at != std::string::npos;
         at = html.find("<article class=\"scenario\"", at + 1)) {
      ++scenarios;
    }
    CHECK(scenarios == 5);
    CHECK(html.find("azure-commitment-fulfilled.scenario") != std::string::npos);
  }
  // The Chinese page's own words are Chinese.
  const std::string zh = read_file(scratch.path("report.html"));
  CHECK(zh.find("重新谈判改变了什么") != std::string::npos);
  CHECK(zh.find("时间线") != std::string::npos);
}

TEST_CASE("report escapes every text the contract provides", "[report]") {
  const clause::test::Scratch scratch;
  const std::string contract = scratch.write("odd.clause",
                                             "contract \"Deal <script>alert(1)</script> & co\"\n"
                                             "party A \"A <b>bold</b> party\"\n"
                                             "party B \"B\"\n");
  const auto r = run_clause({"report", contract, "-o", scratch.path("odd.html")});
  REQUIRE(r.exit == 0);
  const std::string html = read_file(scratch.path("odd.html"));
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(html.find("<b>") == std::string::npos);
  CHECK(html.find("&lt;script&gt;") != std::string::npos);
  check_sections(html, false);
}

TEST_CASE("report takes only en or zh and must be told where to write", "[report]") {
  const std::string contract = repo_path("contracts/microsoft-openai/2025-10.clause");
  CHECK(run_clause({"report", contract, "--lang", "fr", "-o", "x.html"}).exit == 2);
  CHECK(run_clause({"report", contract}).exit == 2);
  const auto r = run_clause({"report", contract, "-o", "/no/such/folder/report.html"});
  CHECK(r.exit == 2);
  CHECK(r.err.find("E0530") != std::string::npos);
}

}  // namespace report_test
