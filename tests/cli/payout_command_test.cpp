// `clause payout`: one profit (the section 8 rows), the schedule, threshold questions, the
// chart, and bad input that must fail cleanly with nothing on stdout.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>

#include <nlohmann/json.hpp>

#include "support.hpp"

namespace payout_command_test {

using clause::test::read_file;
using clause::test::repo_path;
using clause::test::run_clause;
using Json = nlohmann::json;

namespace {

const std::string kFlagship = repo_path("contracts/microsoft-openai/2024-06.clause");

// A file name in the temporary folder that no other test run uses at the same time.
std::string temp_file(const std::string& name) {
  return (std::filesystem::temp_directory_path() / (std::to_string(std::random_device{}()) + "-" + name)).string();
}

Json payout_json(std::vector<std::string> args) {
  args.insert(args.begin(), {"payout", kFlagship});
  args.push_back("--json");
  const auto r = run_clause(args);
  INFO(r.err);
  REQUIRE(r.exit == 0);
  return Json::parse(r.out);
}

// A failed command: the exit status, nothing on stdout, and the message on stderr.
void require_error(const std::vector<std::string>& args, int exit, const std::string& message) {
  std::vector<std::string> full{"payout", kFlagship};
  full.insert(full.end(), args.begin(), args.end());
  const auto r = run_clause(full);
  INFO(r.err);
  CHECK(r.exit == exit);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::Contains(message));
}

// ----- a tiny XML reader: enough to say an SVG file is well formed and to find its elements.
struct Element {
  std::string name;
  std::map<std::string, std::string> attributes;
  std::string text;  // character data directly inside it
};

// Throws std::runtime_error saying where the text stops being well-formed XML.
std::vector<Element> parse_xml(const std::string& xml) {
  std::vector<Element> out;
  std::vector<std::size_t> open;  // indexes into `out`
  std::size_t i = 0;
  const auto fail = [&](const std::string& why) { throw std::runtime_error(why + " at byte " + std::to_string(i)); };
  const auto name_char = [](char ch) {
    return std::isalnum(static_cast<unsigned char>(ch)) || ch == '-' || ch == '_' || ch == ':' || ch == '.';
  };
  const auto check_entities = [&](const std::string& text) {
    for (std::size_t k = text.find('&'); k != std::string::npos; k = text.find('&', k + 1)) {
      const std::size_t semi = text.find(';', k);
      if (semi == std::string::npos) fail("an `&` without `;`");
      const std::string entity = text.substr(k + 1, semi - k - 1);
      static const std::set<std::string> named{"amp", "lt", "gt", "quot", "apos"};
      if (!named.count(entity) && (entity.empty() || entity[0] != '#')) fail("unknown entity &" + entity + ";");
    }
  };
  bool root_closed = false;
  while (i < xml.size()) {
    if (xml[i] != '<') {
      const std::size_t next = xml.find('<', i);
      const std::string text = xml.substr(i, next - i);
      if (text.find('>') != std::string::npos) fail("a stray `>`");
      check_entities(text);
      if (open.empty() && text.find_first_not_of(" \n\r\t") != std::string::npos) fail("text outside the root");
      if (!open.empty()) out[open.back()].text += text;
      i = next == std::string::npos ? xml.size() : next;
      continue;
    }
    if (xml.compare(i, 5, "<?xml") == 0) {
      if (i != 0) fail("an XML declaration not at the start");
      i = xml.find("?>", i);
      if (i == std::string::npos) fail("an unclosed declaration");
      i += 2;
      continue;
    }
    if (xml.compare(i, 4, "<!--") == 0) {
      i = xml.find("-->", i);
      if (i == std::string::npos) fail("an unclosed comment");
      i += 3;
      continue;
    }
    if (xml.compare(i, 2, "</") == 0) {
      std::size_t k = i + 2;
      while (k < xml.size() && name_char(xml[k])) ++k;
      const std::string name = xml.substr(i + 2, k - i - 2);
      if (open.empty() || out[open.back()].name != name) fail("`</" + name + ">` closes nothing open");
      if (k >= xml.size() || xml[k] != '>') fail("an end tag without `>`");
      open.pop_back();
      if (open.empty()) root_closed = true;
      i = k + 1;
      continue;
    }
    if (root_closed) fail("a second root element");
    Element e;
    std::size_t k = i + 1;
    while (k < xml.size() && name_char(xml[k])) ++k;
    e.name = xml.substr(i + 1, k - i - 1);
    if (e.name.empty()) fail("a `<` without a name");
    while (true) {
      while (k < xml.size() && std::isspace(static_cast<unsigned char>(xml[k]))) ++k;
      if (k >= xml.size()) fail("an unclosed tag");
      if (xml[k] == '>' || xml.compare(k, 2, "/>") == 0) break;
      const std::size_t start = k;
      while (k < xml.size() && name_char(xml[k])) ++k;
      const std::string attr = xml.substr(start, k - start);
      if (attr.empty() || k >= xml.size() || xml[k] != '=') fail("an attribute without `=`");
      const char quote = xml[k + 1];
      if (quote != '"' && quote != '\'') fail("an unquoted attribute value");
      const std::size_t end = xml.find(quote, k + 2);
      if (end == std::string::npos) fail("an unterminated attribute value");
      const std::string value = xml.substr(k + 2, end - k - 2);
      if (value.find('<') != std::string::npos) fail("a `<` inside an attribute value");
      check_entities(value);
      if (!e.attributes.emplace(attr, value).second) fail("attribute `" + attr + "` given twice");
      k = end + 1;
    }
    const bool empty = xml[k] == '/';
    out.push_back(e);
    if (!empty) open.push_back(out.size() - 1);
    else if (open.empty()) root_closed = true;
    i = k + (empty ? 2 : 1);
  }
  if (!open.empty()) fail("`<" + out[open.back()].name + ">` is never closed");
  if (!root_closed) fail("no root element");
  return out;
}

std::vector<Element> with(const std::vector<Element>& all, const std::string& name, const std::string& attr,
                          const std::string& value) {
  std::vector<Element> out;
  for (const Element& e : all) {
    const auto it = e.attributes.find(attr);
    if (e.name == name && it != e.attributes.end() && it->second == value) out.push_back(e);
  }
  return out;
}

}  // namespace

TEST_CASE("payout --json: the section 8 rows for $50B and $1T, totals adding up", "[payout-command]") {
  const Json fifty = payout_json({"--profit", "50B"});
  CHECK(fifty["profit"] == "50000000000.00");
  CHECK(fifty["parties"] == Json{{"FirstInvestors", "4956980000.00"},
                                 {"Microsoft", "28902940000.00"},
                                 {"Employees", "15489960000.00"},
                                 {"Nonprofit", "650120000.00"}});
  CHECK(fifty["undistributed"] == "0.00");
  REQUIRE(fifty["tiers"].size() == 4);
  CHECK(fifty["tiers"][0] == Json{{"name", "First investors' return"},
                                  {"amount", "194000000.00"},
                                  {"parties", {{"FirstInvestors", "194000000.00"}}}});
  CHECK(fifty["tiers"][1]["amount"] == "17300000000.00");
  CHECK(fifty["tiers"][2]["amount"] == "32506000000.00");
  CHECK(fifty["tiers"][3]["parties"].empty());
  const Json trillion = payout_json({"--profit", "$1T"});
  CHECK(trillion["parties"] == Json{{"FirstInvestors", "20000000000.00"},
                                    {"Microsoft", "130000000000.00"},
                                    {"Employees", "60000000000.00"},
                                    {"Nonprofit", "790000000000.00"}});
  // The capped tier takes the cent in which Microsoft's cap binds ($256,320,530,612.24 +
  // 24/49¢ -> .25), and the `rest` tier the remaining $1T - $256,320,530,612.25.
  CHECK(trillion["tiers"][3]["amount"] == "743679469387.75");
}

TEST_CASE("payout --profit prints a table by party and tier whose totals add up", "[payout-command]") {
  const auto r = run_clause({"payout", kFlagship, "--profit", "50B"});
  REQUIRE(r.exit == 0);
  CHECK_THAT(r.out, Catch::Contains("OpenAI earns $50B ($50,000,000,000.00)"));
  CHECK_THAT(r.out, Catch::Contains("Microsoft") && Catch::Contains("$12,975,000,000.00") &&
                        Catch::Contains("$15,927,940,000.00") && Catch::Contains("$28,902,940,000.00"));
  CHECK_THAT(r.out, Catch::Contains("total") && Catch::Contains("$32,506,000,000.00") &&
                        Catch::Contains("$50,000,000,000.00"));
}

TEST_CASE("one payout of $50B equals $10B then $40B asked as events", "[payout-command]") {
  const Json once = payout_json({"--profit", "50B"});
  const auto r = run_clause({"ask", kFlagship, "OpenAI earns $10B", "OpenAI earns $40B", "--json"});
  REQUIRE(r.exit == 0);
  const Json asked = Json::parse(r.out);
  for (const auto& [party, amount] : once["parties"].items()) CHECK(asked["payouts"][party] == amount);
}

TEST_CASE("payout --schedule lists the flagship's breakpoints with exact figures", "[payout-command]") {
  const auto r = run_clause({"payout", kFlagship, "--schedule"});
  REQUIRE(r.exit == 0);
  for (const char* text :
       {"1. profit $0.00", "2. profit $194,000,000.00 ($194M)", "3. profit $17,494,000,000.00 ($17.494B)",
        "4. profit $158,561,073,170.73 + 7/41¢ (≈ $158.561B)", "5. profit $238,037,750,000.00 ($238.03775B)",
        "6. profit $256,320,530,612.24 + 24/49¢ (≈ $256.321B)",
        "Employees reaches its cap ($60B) in tier \"Capped returns\"",
        "tier \"Microsoft's recoupment\" is full ($17.3B)", "$82,097,865,853.65", "+ 35/41¢",
        "$46,320,530,612.24"}) {
    CHECK_THAT(r.out, Catch::Contains(text));
  }
  CHECK_THAT(r.out, !Catch::Contains("7. profit"));
}

TEST_CASE("payout --schedule --json: breakpoints, reasons, payouts and shares, exact", "[payout-command]") {
  const Json j = payout_json({"--schedule"});
  const Json& bs = j["schedule"]["breakpoints"];
  REQUIRE(bs.size() == 6);
  CHECK(bs[1]["profit"] == "194000000.00");
  CHECK(bs[2]["profit"] == "17494000000.00");
  CHECK(bs[3]["profit"] == "158561073170.73+7/41");
  CHECK(bs[4]["profit"] == "238037750000.00");
  CHECK(bs[5]["profit"] == "256320530612.24+24/49");
  CHECK(bs[3]["why"][0]["kind"] == "cap_reached");
  CHECK(bs[3]["why"][0]["party"] == "Employees");
  CHECK(bs[3]["why"][0]["tier"] == "Capped returns");
  CHECK(bs[3]["paid"]["Microsoft"] == "82097865853.65+35/41");
  CHECK(bs[3]["marginal"]["Nonprofit"] == "43%");
  CHECK(bs[5]["paid"]["Microsoft"] == "130000000000.00");
  CHECK(bs[5]["tier"] == "Nonprofit");
  CHECK(j["schedule"]["tiers"][2]["end"] == "256320530612.24+24/49");
  CHECK(j["schedule"]["tiers"][3]["end"].is_null());
  CHECK_FALSE(j.contains("profit"));  // only what was asked for
}

TEST_CASE("payout --until: Nonprofit's first dollar, exactly and in whole cents", "[payout-command]") {
  const auto r = run_clause({"payout", kFlagship, "--until", "Nonprofit receives $1"});
  REQUIRE(r.exit == 0);
  CHECK_THAT(r.out, Catch::Contains("Nonprofit has received $1 once OpenAI has earned $17,494,000,050.00"));
  CHECK_THAT(r.out, Catch::Contains("2% of each further dollar"));
  CHECK_THAT(r.out, Catch::Contains("a profit of $17,494,000,049.74 already pays Nonprofit $1.00"));
  const Json j = payout_json({"--until", "Nonprofit receives 1"});
  CHECK(j["until"]["reached"] == true);
  CHECK(j["until"]["profit"] == "17494000050.00");
  CHECK(j["until"]["tier"] == "Capped returns");
  CHECK(j["until"]["cents"]["profit"] == "17494000049.74");
  // What the answer says is so: $17,494,000,049.74 pays $1.00, one cent less does not.
  const Json at = payout_json({"--profit", "17494000049.74"});
  CHECK(at["parties"]["Nonprofit"] == "1.00");
  const Json below = payout_json({"--profit", "17494000049.73"});
  CHECK(below["parties"]["Nonprofit"] == "0.99");
}

TEST_CASE("payout --until: a capped party never receives more than its cap", "[payout-command]") {
  const auto r = run_clause({"payout", kFlagship, "--until", "Microsoft receives $131B"});
  REQUIRE(r.exit == 0);
  CHECK_THAT(r.out, Catch::Contains("Microsoft never receives $131B"));
  CHECK_THAT(r.out, Catch::Contains("its payout stops at $130,000,000,000.00 ($130B)"));
  CHECK_THAT(r.out, Catch::Contains("Microsoft reaches its cap ($130B)"));
  const Json j = payout_json({"--until", "Microsoft receives $131B"});
  CHECK(j["until"]["reached"] == false);
  CHECK(j["until"]["most"] == "130000000000.00");
  CHECK(j["until"]["stops_at"] == "256320530612.24+24/49");
  CHECK(j["until"]["cents"]["why"] == "never");
  const Json oracle = payout_json({"--until", "Oracle receives $1"});
  CHECK(oracle["until"]["reached"] == false);
  CHECK(oracle["until"]["why"] == "the waterfall pays this party nothing");
}

TEST_CASE("payout --until with --set answers for the assumption given", "[payout-command]") {
  const Json j = payout_json({"--until", "Microsoft receives $100B", "--set", "microsoft_cap=$100B"});
  CHECK(j["until"]["reached"] == true);
  // ($100B - $12.975B) / 49% above $17.494B = 8,702,500,000,000 / 0.49 cents
  // = 17,760,204,081,632 + 32/49 cents; plus 1,749,400,000,000 cents.
  CHECK(j["until"]["profit"] == "195096040816.32+32/49");
}

TEST_CASE("payout: a tier amount given as an assumption follows --set", "[payout-command]") {
  const std::string path = temp_file("clause-payout-tier-size.clause");
  {
    std::ofstream out(path);
    out << "contract \"Sizes\"\nparty A\nparty B\nparty C\nassume size = $100\n"
           "waterfall w of A:\n  tier first size:\n    B 60%, C 40%\n  tier rest:\n    C 100%\n";
  }
  const auto as_written = run_clause({"payout", path, "--profit", "300", "--json"});
  REQUIRE(as_written.exit == 0);
  CHECK(Json::parse(as_written.out)["parties"] == Json{{"B", "60.00"}, {"C", "240.00"}});
  const auto larger = run_clause({"payout", path, "--profit", "300", "--set", "size=$200", "--json"});
  REQUIRE(larger.exit == 0);
  CHECK(Json::parse(larger.out)["parties"] == Json{{"B", "120.00"}, {"C", "180.00"}});
  const auto schedule = run_clause({"payout", path, "--schedule", "--set", "size=$200", "--json"});
  CHECK(Json::parse(schedule.out)["schedule"]["breakpoints"][1]["profit"] == "200.00");
  std::filesystem::remove(path);
}

TEST_CASE("payout: bad input fails with a clear error and prints nothing on stdout", "[payout-command]") {
  require_error({"--profit", "0"}, 1, "--profit:1:1: error[E0504]: the profit must be more than $0, found `0`");
  require_error({"--profit", "-5B"}, 1, "the profit must be more than $0, found `-5B`");
  require_error({"--profit", "2000T"}, 1, "`$2000T` is beyond the money range");
  require_error({"--profit", "1.234"}, 1, "fraction of a cent");
  require_error({"--profit", "50B", "--set", "microsoft_cap=49%"}, 1,
                "`microsoft_cap` is money ($130B), so its value must be money like `$130B`, not `49%`");
  require_error({"--schedule", "--set", "microsoft_cap=49%"}, 1, "`microsoft_cap` is money");
  require_error({"--until", "Microsft receives $1"}, 1,
                "--until:1:1: error[E0206]: the contract has no party `Microsft` (did you mean `Microsoft`?)");
  require_error({"--until", "microsoft_cap receives $1"}, 1, "`microsoft_cap` is an assumption, not a party");
  require_error({"--until", "Nonprofit gets $1"}, 1,
                "--until:1:11: error[E0101]: expected `receives` after the party's name, found `gets`");
  require_error({"--until", "Nonprofit receives "}, 1, "expected an amount like `$1B` after `receives`");
  require_error({"--until", "Nonprofit receives $1.001"}, 1, "fraction of a cent");
  require_error({"--until", "Nonprofit receives $0"}, 1, "the amount must be more than $0");
  require_error({"--until", "Nonprofit receives $1 soon"}, 1, "expected nothing after the amount, found `soon`");
  require_error({"--waterfall", "profit", "--schedule"}, 1, "the contract has no waterfall `profit` (did you mean `profits`?)");
  require_error({}, 2, "say what to show");
}

TEST_CASE("payout --until points at the wrong word with a caret", "[payout-command]") {
  const auto r = run_clause({"payout", kFlagship, "--until", "Nonprofit gets $1"});
  CHECK_THAT(r.err, Catch::Contains(" 1 | Nonprofit gets $1\n   |           ^~~~"));
}

TEST_CASE("payout --chart writes a well-formed SVG: one curve per party, every breakpoint, the tiers",
          "[payout-command]") {
  const std::string path = temp_file("clause-payout-chart.svg");
  std::filesystem::remove(path);
  const auto r = run_clause({"payout", kFlagship, "--chart", path, "--profit", "50B"});
  INFO(r.err);
  REQUIRE(r.exit == 0);
  CHECK_THAT(r.out, Catch::Contains("chart of waterfall `profits` written to " + path));
  const std::string svg = read_file(path);
  std::vector<Element> xml;
  REQUIRE_NOTHROW(xml = parse_xml(svg));
  REQUIRE(xml.front().name == "svg");
  CHECK(xml.front().attributes.at("xmlns") == "http://www.w3.org/2000/svg");
  // One curve per party, and nothing else drawn as a party's curve.
  std::set<std::string> curves;
  for (const Element& e : with(xml, "polyline", "class", "curve")) curves.insert(e.attributes.at("data-party"));
  CHECK(curves == std::set<std::string>{"Microsoft", "Employees", "FirstInvestors", "Nonprofit"});
  CHECK(with(xml, "polyline", "class", "curve").size() == 4);
  // Every breakpoint of the schedule, at its exact profit, and listed in the key.
  const Json schedule = payout_json({"--schedule"});
  for (const Json& b : schedule["schedule"]["breakpoints"]) {
    const std::string profit = b["profit"];
    CHECK(with(xml, "line", "data-profit", profit).size() == 1);
  }
  CHECK_THAT(svg, Catch::Contains("$256,320,530,612.24 + 24/49¢") && Catch::Contains("$158,561,073,170.73 + 7/41¢"));
  // The tiers shaded and named, axes in $B, a legend and a title.
  CHECK(with(xml, "rect", "class", "tier").size() == 4);
  CHECK_THAT(svg, Catch::Contains("Capped returns") && Catch::Contains("$100B") && Catch::Contains("profit ($B)") &&
                      Catch::Contains("payout ($B)") &&
                      Catch::Contains("class=\"legend\"") && Catch::Contains("<title>"));
  std::filesystem::remove(path);
}

TEST_CASE("payout --chart to a folder that does not exist is an I/O error", "[payout-command]") {
  const auto r = run_clause({"payout", kFlagship, "--chart", "/nonexistent-folder/chart.svg"});
  CHECK(r.exit == 2);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::Contains("cannot write the chart"));
}

TEST_CASE("the tiny XML reader rejects what is not well formed", "[payout-command]") {
  CHECK_NOTHROW(parse_xml("<?xml version=\"1.0\"?>\n<a x=\"1\"><b/>t &amp; u</a>"));
  CHECK_THROWS(parse_xml("<a><b></a></b>"));
  CHECK_THROWS(parse_xml("<a x=1/>"));
  CHECK_THROWS(parse_xml("<a x=\"1\" x=\"2\"/>"));
  CHECK_THROWS(parse_xml("<a>&nbsp;</a>"));
  CHECK_THROWS(parse_xml("<a>"));
  CHECK_THROWS(parse_xml("<a/><b/>"));
}

TEST_CASE("examples/profits.scenario: ten billion a year for five years", "[payout-command]") {
  const auto r = run_clause({"test", repo_path("examples/profits.scenario")});
  INFO(r.out << r.err);
  CHECK(r.exit == 0);
  CHECK_THAT(r.out, Catch::Contains("5 passed, 0 failed"));
}

}  // namespace payout_command_test
