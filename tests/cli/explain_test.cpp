// `clause explain`: every declaration in plain English or Chinese, by theme, each line
// pointing back to its place. The full text of each Microsoft–OpenAI contract is pinned by
// golden files (tests/golden/explain-*); these tests pin the parts a reader relies on.
#include <catch2/catch.hpp>

#include <set>

#include <nlohmann/json.hpp>

#include "cli/explain.hpp"
#include "engine/payout/load.hpp"
#include "support.hpp"

namespace explain_test {

namespace {

using clause::cli::Language;
using clause::cli::date_words;
using clause::cli::money_words;
using clause::test::repo_path;
using clause::test::run_clause;

clause::dsl::Money dollars(std::int64_t d) { return clause::dsl::Money::dollars(d); }

// Every contract the repository holds: the partnership's versions and the worked example.
std::vector<std::string> every_contract() {
  std::vector<std::string> files = clause::test::files_below(repo_path("contracts"), ".clause");
  for (const std::string& f : clause::test::files_below(repo_path("examples"), ".clause")) files.push_back(f);
  return files;
}

// The text of every line, parties first, then each theme's.
std::vector<std::string> all_text(const clause::cli::Explanation& e) {
  std::vector<std::string> out;
  for (const auto& l : e.parties) out.push_back(l.text);
  for (const auto& t : e.themes) {
    for (const auto& l : t.lines) out.push_back(l.text);
  }
  return out;
}

// Each of `expected` is one of the explanation's lines, word for word.
void check_lines(const clause::cli::Explanation& e, const std::vector<std::string>& expected) {
  const auto lines = all_text(e);
  for (const std::string& text : expected) {
    INFO(text);
    CHECK(std::find(lines.begin(), lines.end(), text) != lines.end());
  }
}

// The explanation of a contract of the repository (its lines are strings: they outlive the contract).
clause::cli::Explanation explained(const std::string& relative, Language language) {
  const std::string path = repo_path(relative);
  const auto loaded = clause::engine::load_contract_from_bytes(path, clause::test::read_file(path));
  REQUIRE(loaded.contract);
  return clause::cli::explain(*loaded.contract, language);
}

}  // namespace

TEST_CASE("money in words is short when round and exact to the cent otherwise", "[explain]") {
  CHECK(money_words(clause::dsl::Money::from_cents(1'730'000'000'000), Language::en) == "$17.3B");
  CHECK(money_words(dollars(250'000'000'000), Language::en) == "$250B");
  CHECK(money_words(dollars(500'000'000), Language::en) == "$500M");
  CHECK(money_words(dollars(194'000'000), Language::en) == "$194M");
  CHECK(money_words(clause::dsl::Money::from_cents(123'456), Language::en) == "$1,234.56");
  CHECK(money_words(dollars(123'456'789), Language::en) == "$123,456,789");
  CHECK(money_words(dollars(50'000), Language::en) == "$50,000");
  CHECK(money_words(dollars(0), Language::en) == "$0");
  CHECK(money_words(-dollars(2'000'000), Language::en) == "-$2M");

  CHECK(money_words(clause::dsl::Money::from_cents(1'730'000'000'000), Language::zh) == "173 亿美元");
  CHECK(money_words(dollars(250'000'000'000), Language::zh) == "2,500 亿美元");
  CHECK(money_words(dollars(500'000'000), Language::zh) == "5 亿美元");
  CHECK(money_words(dollars(194'000'000), Language::zh) == "1.94 亿美元");
  CHECK(money_words(dollars(10'000'000), Language::zh) == "1,000 万美元");
  CHECK(money_words(dollars(2'000'000'000'000), Language::zh) == "2 万亿美元");
  CHECK(money_words(clause::dsl::Money::from_cents(123'456), Language::zh) == "1,234.56 美元");
  CHECK(money_words(dollars(12'345), Language::zh) == "12,345 美元");
  CHECK(money_words(dollars(123'456'789), Language::zh) == "123,456,789 美元");
}

TEST_CASE("dates in words in each language", "[explain]") {
  const auto d = clause::dsl::Date::from_ymd(2032, 12, 31);
  CHECK(date_words(d, Language::en) == "31 December 2032");
  CHECK(date_words(d, Language::zh) == "2032 年 12 月 31 日");
  CHECK(date_words(clause::dsl::Date::from_ymd(2026, 3, 1), Language::en) == "1 March 2026");
}

TEST_CASE("languages are en and zh only", "[explain]") {
  CHECK(clause::cli::parse_language("en") == Language::en);
  CHECK(clause::cli::parse_language("zh") == Language::zh);
  CHECK_FALSE(clause::cli::parse_language("fr"));
  CHECK_FALSE(clause::cli::parse_language("EN"));
  const auto r = run_clause({"explain", "--lang", "fr", repo_path("contracts/microsoft-openai/2025-10.clause")});
  CHECK(r.exit == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("`fr`") != std::string::npos);
  CHECK(r.err.find("en (English)") != std::string::npos);
  CHECK(r.err.find("zh (Chinese)") != std::string::npos);
}

TEST_CASE("the 2025-10 contract in plain English: the licence outlives AGI and the panel verifies", "[explain]") {
  const auto e = explained("contracts/microsoft-openai/2025-10.clause", Language::en);
  check_lines(e, {
    "Until 31 December 2032, Microsoft may use OpenAI's models and products, even after AGI.",
    "Until 31 December 2030 or until AGI is verified, whichever comes first, Microsoft may use "
    "OpenAI's research IP (confidential methods of developing models).",
    "Only OpenAI's board may declare AGI, subject to verification by Panel.",
    "By 31 December 2032, OpenAI must have bought at least $250B of Azure from Microsoft.",
    "OpenAI may buy non-API hosting from anyone.",
    "Microsoft may pursue agi.",
    "Until AGI is verified, what OpenAI earns in revenue is paid out as follows (“OpenAI's revenue share to "
    "Microsoft”):",
  });
}

TEST_CASE("the 2025-10 contract in Chinese: legal-financial words and money in 亿", "[explain]") {
  const auto e = explained("contracts/microsoft-openai/2025-10.clause", Language::zh);
  check_lines(e, {
    "只有 OpenAI 的董事会可以宣布实现 AGI，但须经 Panel 核实。",
    "至 2032 年 12 月 31 日止，OpenAI 许可 Microsoft 使用“OpenAI's models and products”，即使在 AGI "
    "之后亦然。",
    "截至 2032 年 12 月 31 日，OpenAI 须已向 Microsoft 购买至少 2,500 亿美元的 Azure。",
    "OpenAI 只能向 Microsoft 购买 API 托管（排他性）。",
    "作为对条款“API products on Azure”的例外，经 Government 同意，OpenAI 可以向任何一方购买 API 托管。",
  });
}

TEST_CASE("a waterfall is explained tier by tier with its caps and overflow", "[explain]") {
  const auto en = explained("contracts/microsoft-openai/2019-07.clause", Language::en);
  check_lines(en, {
    "The first $194M goes to FirstInvestors (“First investors' return”).",
    "Then, until the caps are reached, it is split: 49% to Microsoft (capped at $130B in all), 41% to "
    "Employees (capped at $60B in all), 8% to FirstInvestors (capped at $20B in all) and 2% to Nonprofit; "
    "a party that reaches its cap has its share go to Nonprofit (“Capped returns”).",
  });
  const auto zh = explained("contracts/microsoft-openai/2019-07.clause", Language::zh);
  check_lines(zh, {
    "其后 173 亿美元由 Microsoft 分得 75%、FirstInvestors 分得 12.5%、Employees 分得 12.5%（“Microsoft's "
    "recoupment”）。",
    "假设：microsoft_cap 为 1,300 亿美元（Microsoft's return cap: not in the sources）。",
  });
}

TEST_CASE("every declaration of every contract is explained in both languages from the same walk", "[explain]") {
  for (const std::string& file : every_contract()) {
    INFO(file);
    const auto loaded = clause::engine::load_contract_from_bytes(file, clause::test::read_file(file));
    REQUIRE(loaded.contract);
    const clause::engine::Contract& c = *loaded.contract;
    const auto en = clause::cli::explain(c, Language::en);
    const auto zh = clause::cli::explain(c, Language::zh);
    // The same lines in the same places: the languages differ only in words.
    REQUIRE(en.themes.size() == zh.themes.size());
    REQUIRE(en.parties.size() == zh.parties.size());
    for (std::size_t t = 0; t < en.themes.size(); ++t) {
      CHECK(en.themes[t].key == zh.themes[t].key);
      REQUIRE(en.themes[t].lines.size() == zh.themes[t].lines.size());
      for (std::size_t i = 0; i < en.themes[t].lines.size(); ++i) {
        CHECK(en.themes[t].lines[i].place == zh.themes[t].lines[i].place);
        CHECK(en.themes[t].lines[i].name == zh.themes[t].lines[i].name);
      }
    }
    std::set<std::string> named;
    std::size_t assumptions = 0;
    for (const auto& l : en.parties) named.insert(l.name);
    for (const auto& t : en.themes) {
      for (const auto& l : t.lines) {
        named.insert(l.name);
        CHECK_FALSE(l.text.empty());
        if (l.assumption) ++assumptions;
      }
    }
    for (const auto& [name, ref] : c.names) CHECK(named.count(std::string(name)) == 1);
    CHECK(assumptions == c.assumptions.size());
    for (const char* lang : {"en", "zh"}) {
      const auto r = run_clause({"explain", "--lang", lang, file});
      CHECK(r.exit == 0);
      CHECK(r.err.empty());
    }
  }
}

TEST_CASE("every statement kind and trigger pattern has its sentence in both languages", "[explain]") {
  const std::string text =
      "contract \"Every kind\"\n"
      "party A \"The buyer\" { body board, committee }\nparty B\nparty C \"A vendor\"\n"
      "assume rate = 12.5% \"assumed rate\"\nassume cap_b = $1,234.56\n"
      "licence tech: A grants B from 2026-01-01\n"
      "licence data \"A's data\": A grants C\n"
      "clause no_c: A must not buy gpu_compute from C until 2027-01-01\n"
      "clause excl \"Exclusive\": A must buy compute only from B or C\n"
      "exception both to excl \"Both consent\": A may buy compute from anyone\n"
      "  if B consents\n  if C consents\n  from 2026-01-01\n"
      "clause free: A may buy storage from B\n"
      "clause rofr: A must offer chips to B first\n"
      "clause commit: A must buy at least $1,500,000 of storage from B by 2027-06-30 from 2026-02-01\n"
      "clause t1: when A.board declares insolvency then tech ends\n"
      "clause t2: when A buys compute from C then data ends, free ends\n"
      "clause t3: when A does \"leak data\" then commit ends, both ends\n"
      "clause t4: when insolvency is declared then t1 ends\n"
      "clause d: A.committee must not do \"leak data\"\n"
      "power p: only A.board may declare insolvency verified by A.committee\n"
      "waterfall w of A:\n  tier first $10M: B 100%\n  tier next $5M: B rate, C 87.5%\n"
      "  tier until capped: B 50% cap cap_b, C 50%\n    overflow to C\n";
  const auto loaded = clause::engine::load_contract_from_bytes("all.clause", text);
  INFO(clause::dsl::render_diagnostics(loaded.diagnostics, {}));
  REQUIRE(loaded.contract);
  check_lines(clause::cli::explain(*loaded.contract, Language::en), {
      "A: The buyer. It acts through its board and its committee.",
      "B: a party to the contract.",
      "Until 1 January 2027, A must not buy GPU compute from C.",
      "A must buy compute only from B or C.",
      "As an exception to the clause “Exclusive”, A may buy compute from anyone if B and C consent, from 1 "
      "January 2026.",
      "Until A buys compute from C, A may buy storage from B.",
      "A must offer chips to B first (a right of first refusal): it may buy chips elsewhere only as much as B "
      "has declined.",
      "From 1 January 2026 until A's board declares insolvency, B may use tech, licensed by A.",
      "Until A buys compute from C, C may use A's data.",
      "A's committee must not leak data.",
      "Only A's board may declare insolvency, subject to verification by A's committee.",
      "When A does “leak data”, the clause `commit` and the exception “Both consent” end.",
      "By 30 June 2027, A must have bought at least $1.5M of storage from B, counting purchases from 1 February "
      "2026. It ends early if A does “leak data”.",
      "The next $5M is split: 12.5% to B and 87.5% to C.",
      "Assumed: rate is 12.5% (assumed rate).",
  });
  check_lines(clause::cli::explain(*loaded.contract, Language::zh), {
      "A：The buyer。下设董事会和委员会。",
      "至 2027 年 1 月 1 日止，A 不得向 C 购买 GPU 算力。",
      "作为对条款“Exclusive”的例外，自 2026 年 1 月 1 日起，经 B 和 C 同意，A 可以向任何一方购买算力。",
      "A 购买芯片须先向 B 提出（优先购买权）：仅在 B 放弃的额度内，方可向他方购买。",
      "一旦 A 向 C 购买算力，对“A's data”的许可和条款 `free` 即告终止。",
      "截至 2027 年 6 月 30 日，A 须已向 B 购买至少 150 万美元的存储（自 2026 年 2 月 1 日起计）。如 A "
      "从事“leak data”，该承诺提前终止。",
      "其后直至各方达到上限，由 B 分得 50%（上限 1,234.56 美元）、C 分得 50%；达到上限一方的份额溢出归 C。",
  });
}

TEST_CASE("assumptions are marked as assumptions", "[explain]") {
  const auto e = explained("contracts/microsoft-openai/2025-10.clause", Language::en);
  const auto it = std::find_if(e.themes.begin(), e.themes.end(), [](const auto& t) { return t.key == "assumptions"; });
  REQUIRE(it != e.themes.end());
  REQUIRE(it->lines.size() == 1);
  CHECK(it->lines[0].assumption);
  CHECK(it->lines[0].text == "Assumed: azure_commitment_amount is $250B (the incremental Azure commitment, as announced).");
}

TEST_CASE("explain --json gives the themes, each line with its place", "[explain]") {
  const auto r = run_clause({"explain", "--json", "--lang", "zh", repo_path("contracts/microsoft-openai/2025-10.clause")});
  REQUIRE(r.exit == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["language"] == "zh");
  CHECK(j["title"] == "Microsoft–OpenAI partnership（版本 2025-10）");
  std::vector<std::string> keys;
  for (const auto& t : j["themes"]) keys.push_back(t["key"]);
  CHECK(keys == std::vector<std::string>{"who-buys", "who-uses", "who-does", "who-decides", "what-ends", "when",
                                         "who-is-paid", "assumptions"});
  const auto& first = j["parties"]["lines"][0];
  CHECK(first["name"] == "Microsoft");
  CHECK(first["assumption"] == false);
  CHECK(first["at"].get<std::string>().ends_with("2025-10.clause:29"));
  CHECK(first["line"] == 29);
}

TEST_CASE("explain of an unreadable or broken contract says why and fails", "[explain]") {
  CHECK(run_clause({"explain", "no/such/file.clause"}).exit == 2);
  const auto bad = run_clause({"explain", repo_path("tests/bad/keyword-as-name.clause")});
  CHECK(bad.exit == 1);
  CHECK(bad.out.empty());
}

}  // namespace explain_test
