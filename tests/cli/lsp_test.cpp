// `clause lsp` driven as an editor drives it: a child process, real framed JSON-RPC
// messages through pipes, every answer checked.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>

#include "example_files.hpp"
#include "lsp_client.hpp"
#include "support.hpp"
#include "token_boundaries.hpp"

namespace lsp_test {

namespace {

using Json = nlohmann::json;
using clause::test::LspClient;

const std::string kContractPath = clause::test::repo_path("contracts/microsoft-openai/2024-06.clause");

std::string uri_of(const std::string& path) {
  return "file://" + std::filesystem::absolute(path).lexically_normal().string();
}

Json pos(int line, int character) { return {{"line", line}, {"character", character}}; }
Json range(int l1, int c1, int l2, int c2) { return {{"start", pos(l1, c1)}, {"end", pos(l2, c2)}}; }
Json doc(const std::string& uri) { return {{"uri", uri}}; }
Json at(const std::string& uri, int line, int character) {
  return {{"textDocument", doc(uri)}, {"position", pos(line, character)}};
}

// The line (from 0) and byte column of the `nth` occurrence of `needle` in an ASCII part of `text`.
std::pair<int, int> find_in(const std::string& text, const std::string& needle, int nth = 0) {
  std::size_t p = text.find(needle);
  while (nth-- > 0) p = text.find(needle, p + 1);
  REQUIRE(p != std::string::npos);
  const auto line = static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(p), '\n'));
  const std::size_t start = text.rfind('\n', p) == std::string::npos ? 0 : text.rfind('\n', p) + 1;
  return {line, static_cast<int>(p - start)};
}

// Where a whole word occurs as code (not in a comment or a string), in an ASCII text.
std::set<std::pair<int, int>> word_places(const std::string& text, const std::string& word) {
  std::set<std::pair<int, int>> out;
  int line = 0;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string l = text.substr(start, end - start);
    bool in_string = false;
    for (std::size_t i = 0; i < l.size(); ++i) {
      if (l[i] == '"') in_string = !in_string;
      if (in_string) continue;
      if (l.compare(i, 2, "//") == 0) break;
      const auto word_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
      if (l.compare(i, word.size(), word) == 0 && (i == 0 || !word_char(l[i - 1])) &&
          (i + word.size() == l.size() || !word_char(l[i + word.size()]))) {
        out.insert({line, static_cast<int>(i)});
      }
    }
    ++line;
    start = end + 1;
  }
  return out;
}

std::set<std::pair<int, int>> starts(const Json& locations_or_edits, const std::string& uri) {
  std::set<std::pair<int, int>> out;
  for (const Json& x : locations_or_edits) {
    if (x.contains("uri") && x["uri"] != uri) continue;
    out.insert({x["range"]["start"]["line"].get<int>(), x["range"]["start"]["character"].get<int>()});
  }
  return out;
}

std::vector<std::string> labels(const Json& completion) {
  std::vector<std::string> out;
  for (const Json& item : completion["result"]["items"]) out.push_back(item["label"]);
  std::sort(out.begin(), out.end());
  return out;
}

bool contains(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

// Applies LSP text edits (whole-document ones or ones on distinct lines of an ASCII text).
std::string apply_edits(const std::string& text, Json edits) {
  std::vector<std::size_t> line_starts{0};
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') line_starts.push_back(i + 1);
  }
  const auto offset = [&](const Json& p) {
    const auto line = p["line"].get<std::size_t>();
    return line >= line_starts.size() ? text.size() : line_starts[line] + p["character"].get<std::size_t>();
  };
  std::sort(edits.begin(), edits.end(), [&](const Json& a, const Json& b) {
    return offset(a["range"]["start"]) > offset(b["range"]["start"]);
  });
  std::string out = text;
  for (const Json& e : edits) {
    const std::size_t b = offset(e["range"]["start"]);
    out.replace(b, offset(e["range"]["end"]) - b, e["newText"].get<std::string>());
  }
  return out;
}

Json initialize(LspClient& c, Json capabilities = Json::object()) {
  Json r = c.request("initialize", {{"processId", nullptr}, {"rootUri", nullptr}, {"capabilities", capabilities}});
  c.notify("initialized", Json::object());
  return r;
}

void open(LspClient& c, const std::string& uri, const std::string& text, int version = 1) {
  c.notify("textDocument/didOpen",
           {{"textDocument", {{"uri", uri}, {"languageId", "clause"}, {"version", version}, {"text", text}}}});
}

void change(LspClient& c, const std::string& uri, int version, Json changes) {
  c.notify("textDocument/didChange",
           {{"textDocument", {{"uri", uri}, {"version", version}}}, {"contentChanges", std::move(changes)}});
}

// The diagnostics published for a document's version.
Json diagnostics(LspClient& c, const std::string& uri, int version) {
  while (true) {
    Json n = c.notification("textDocument/publishDiagnostics");
    if (n["params"]["uri"] == uri && n["params"]["version"] == version) return n["params"]["diagnostics"];
  }
}

void shutdown_and_exit(LspClient& c) {
  const Json r = c.request("shutdown", nullptr);
  CHECK(r.contains("result"));
  CHECK(r["result"].is_null());
  c.notify("exit", nullptr);
  CHECK(c.wait_for_exit() == 0);
}

}  // namespace

TEST_CASE("an LSP session on the flagship contract: every request answered as an editor needs", "[lsp]") {
  const std::string text = clause::test::read_file(kContractPath);
  const std::string uri = uri_of(kContractPath);
  LspClient c;

  const Json init = initialize(c);
  const Json& caps = init["result"]["capabilities"];
  CHECK(caps["positionEncoding"] == "utf-16");
  CHECK(caps["hoverProvider"] == true);
  CHECK(caps["definitionProvider"] == true);
  CHECK(caps["referencesProvider"] == true);
  CHECK(caps["renameProvider"]["prepareProvider"] == true);
  CHECK(caps["documentSymbolProvider"] == true);
  CHECK(caps["documentFormattingProvider"] == true);
  CHECK(caps["textDocumentSync"]["change"] == 2);

  open(c, uri, text);
  CHECK(diagnostics(c, uri, 1).empty());

  // A broken edit, then the fix: as typed, incrementally.
  const auto [line, column] = find_in(text, "exclusivity \"Oracle");
  change(c, uri, 2, Json::array({{{"range", range(line, column, line, column + 11)}, {"text", "exclusivty"}}}));
  const Json broken = diagnostics(c, uri, 2);
  REQUIRE(broken.size() == 1);
  CHECK(broken[0]["severity"] == 1);
  CHECK(broken[0]["source"] == "clause");
  CHECK(broken[0]["code"] == "E0205");
  CHECK(broken[0]["message"] == "unknown clause `exclusivty` (did you mean `exclusivity`?)");
  CHECK(broken[0]["range"] == range(line, column, line, column + 10));
  change(c, uri, 3, Json::array({{{"range", range(line, column, line, column + 10)}, {"text", "exclusivity"}}}));
  CHECK(diagnostics(c, uri, 3).empty());

  SECTION("hover: a clause's title, text and exceptions") {
    const Json h = c.request("textDocument/hover", at(uri, line, column + 3));
    const std::string value = h["result"]["contents"]["value"];
    CHECK(h["result"]["contents"]["kind"] == "markdown");
    CHECK(value.find("**clause** `exclusivity` — Exclusive compute") == 0);
    CHECK(value.find("OpenAI must buy compute only from Microsoft") != std::string::npos);
    CHECK(value.find("exceptions: `oracle_capacity`") != std::string::npos);
    CHECK(h["result"]["range"] == range(line, column, line, column + 11));
  }
  SECTION("hover: an assumption's value and description") {
    const auto [l, col] = find_in(text, "microsoft_cap,");
    const Json h = c.request("textDocument/hover", at(uri, l, col));
    CHECK(h["result"]["contents"]["value"] ==
          "**assumption** `microsoft_cap` = `$130B` — Microsoft's return cap: not in the sources");
  }
  SECTION("hover: a waterfall's tiers and the assumptions they use") {
    const auto [l, col] = find_in(text, "profits \"");
    const std::string value = c.request("textDocument/hover", at(uri, l, col + 2))["result"]["contents"]["value"];
    CHECK(value.find("**waterfall** `profits` — Distribution of OpenAI Global's profits") == 0);
    CHECK(value.find("  tier \"Microsoft's recoupment\" next $17.3B:\n    Microsoft 75%, FirstInvestors 12.5%, "
                     "Employees 12.5%\n") != std::string::npos);
    CHECK(value.find("    overflow to Nonprofit\n") != std::string::npos);
    CHECK(value.find("`employees_cap` = `$60B` — the employees' return cap: not in the sources") != std::string::npos);
  }
  SECTION("hover: a party's description and a body") {
    const auto [l, col] = find_in(text, "OpenAI.board");
    const std::string party = c.request("textDocument/hover", at(uri, l, col))["result"]["contents"]["value"];
    CHECK(party.find("**party** `OpenAI` — OpenAI Global, LLC, the capped-profit subsidiary") == 0);
    const std::string body = c.request("textDocument/hover", at(uri, l, col + 8))["result"]["contents"]["value"];
    CHECK(body.find("**body** `OpenAI.board` of party `OpenAI`") == 0);
  }
  SECTION("hover: nothing on a keyword") {
    const auto [l, col] = find_in(text, "must buy");
    CHECK(c.request("textDocument/hover", at(uri, l, col + 1))["result"].is_null());
  }
  SECTION("definition: from `exception oracle_capacity to exclusivity` to the clause") {
    const Json d = c.request("textDocument/definition", at(uri, line, column + 3));
    const auto [l, col] = find_in(text, "clause exclusivity \"");
    CHECK(d["result"]["uri"] == uri);
    CHECK(d["result"]["range"] == range(l, col + 7, l, col + 18));
  }
  SECTION("definition: from `OpenAI.board` to the body") {
    const auto [l, col] = find_in(text, "OpenAI.board");
    const auto [bl, bc] = find_in(text, "board }");
    CHECK(c.request("textDocument/definition", at(uri, l, col + 9))["result"]["range"] == range(bl, bc, bl, bc + 5));
  }
  SECTION("references: every use of a party, with and without its declaration") {
    const auto [l, col] = find_in(text, "Microsoft      \"");
    const Json with = c.request("textDocument/references",
                                {{"textDocument", doc(uri)}, {"position", pos(l, col)}, {"context", {{"includeDeclaration", true}}}});
    CHECK(starts(with["result"], uri) == word_places(text, "Microsoft"));
    CHECK(with["result"].size() == 6);
    const Json without = c.request(
        "textDocument/references",
        {{"textDocument", doc(uri)}, {"position", pos(l, col)}, {"context", {{"includeDeclaration", false}}}});
    CHECK(without["result"].size() == 5);
  }
  SECTION("rename: a party everywhere in one step, and the result checks clean") {
    const auto [l, col] = find_in(text, "Microsoft      \"");
    const Json prepared = c.request("textDocument/prepareRename", at(uri, l, col));
    CHECK(prepared["result"]["placeholder"] == "Microsoft");
    CHECK(prepared["result"]["range"] == range(l, col, l, col + 9));
    const Json r = c.request("textDocument/rename", {{"textDocument", doc(uri)}, {"position", pos(l, col)}, {"newName", "MSFT"}});
    const Json edits = r["result"]["changes"][uri];
    CHECK(starts(edits, uri) == word_places(text, "Microsoft"));
    const std::string renamed = apply_edits(text, edits);
    CHECK(word_places(renamed, "Microsoft").empty());
    change(c, uri, 4, Json::array({{{"text", renamed}}}));
    CHECK(diagnostics(c, uri, 4).empty());
  }
  SECTION("rename: refused for a keyword, a non-name, a name already declared, or no name") {
    // Not a structured binding: clang 14 cannot capture one in a lambda.
    const auto place = find_in(text, "Microsoft      \"");
    const auto l = place.first;
    const auto col = place.second;
    const auto refused = [&](const std::string& name) {
      const Json r = c.request("textDocument/rename", {{"textDocument", doc(uri)}, {"position", pos(l, col)}, {"newName", name}});
      CHECK(r["error"]["code"] == -32803);
      return r["error"]["message"].get<std::string>();
    };
    CHECK(refused("party") == "`party` is a reserved keyword and cannot be used as a name");
    CHECK(refused("2nd") == "`2nd` is not a name: a name is a letter or `_`, then letters, digits or `_`");
    CHECK(refused("OpenAI") == "`OpenAI` is already declared (a party); names are unique in a contract");
    const auto [kl, kc] = find_in(text, "must buy");
    const Json none = c.request("textDocument/prepareRename", at(uri, kl, kc + 1));
    CHECK(none["error"]["message"] == "there is no declared name here to rename");
  }
  SECTION("documentSymbol: the outline of parties, clauses, exceptions, waterfalls") {
    const Json s = c.request("textDocument/documentSymbol", {{"textDocument", doc(uri)}})["result"];
    std::vector<std::string> names;
    for (const Json& x : s) names.push_back(x["name"]);
    CHECK(names == std::vector<std::string>{"Microsoft", "OpenAI", "Nonprofit", "FirstInvestors", "Employees", "Oracle",
                                            "microsoft_cap", "employees_cap", "first_investors_cap", "technology",
                                            "exclusivity", "oracle_capacity", "agi_definition", "agi_termination",
                                            "profits"});
    CHECK(s[1]["children"][0]["name"] == "OpenAI.board");
    CHECK(s[10]["kind"] == 12);  // Function: a clause
    CHECK(s[11]["kind"] == 24);  // Event: an exception
    CHECK(s[11]["detail"] == "Oracle capacity, June 2024");
    REQUIRE(s[14]["children"].size() == 4);
    CHECK(s[14]["children"][2]["name"] == "Capped returns");
    const auto [l, col] = find_in(text, "exception oracle_capacity to");
    CHECK(s[11]["selectionRange"] == range(l, col + 10, l, col + 25));
  }
  SECTION("completion: clauses after `to`, actors after `only`, bodies after `Party.`, keywords at the margin") {
    const int last = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
    const auto complete_after = [&](int version, const std::string& typed) {
      change(c, uri, version, Json::array({{{"range", range(last, 0, last, 0)}, {"text", typed}}}));
      diagnostics(c, uri, version);
      const auto [l, col] = std::pair<int, int>{last + static_cast<int>(std::count(typed.begin(), typed.end(), '\n')),
                                                static_cast<int>(typed.size() - typed.rfind('\n') - 1)};
      return labels(c.request("textDocument/completion", at(uri, l, col)));
    };
    CHECK(complete_after(5, "\nexception e2 to ") == std::vector<std::string>{"agi_termination", "exclusivity"});
    const auto actors = complete_after(6, "\npower p2:\n  only ");
    CHECK(contains(actors, "OpenAI.board"));
    CHECK(contains(actors, "Microsoft"));
    CHECK_FALSE(contains(actors, "exclusivity"));
    CHECK(complete_after(7, "OpenAI.") == std::vector<std::string>{"board"});
    const auto keywords = complete_after(8, "\n\n");
    CHECK(contains(keywords, "clause"));
    CHECK(contains(keywords, "waterfall"));
    // What a trigger can end: licences, clauses and exceptions (`e2` and `t` are being typed above).
    const auto ends = complete_after(9, "\nclause t:\n  when agi is declared then ");
    for (const char* name : {"agi_termination", "exclusivity", "oracle_capacity", "technology", "e2", "t"}) {
      CHECK(contains(ends, name));
    }
    CHECK(ends.size() == 6);
  }
  SECTION("formatting: one edit to the canonical layout; none for a broken document") {
    const std::string untidy = "contract   \"T\"\nparty A    \"a\"  // note\n";
    change(c, uri, 10, Json::array({{{"text", untidy}}}));
    diagnostics(c, uri, 10);
    const Json f = c.request("textDocument/formatting",
                             {{"textDocument", doc(uri)}, {"options", {{"tabSize", 2}, {"insertSpaces", true}}}});
    REQUIRE(f["result"].size() == 1);
    CHECK(f["result"][0]["range"] == range(0, 0, 2, 0));
    CHECK(apply_edits(untidy, f["result"]) == "contract \"T\"\n\nparty A \"a\"  // note\n");
    change(c, uri, 11, Json::array({{{"text", "contract \"T\"\nparty\n"}}}));
    CHECK(diagnostics(c, uri, 11).size() == 1);
    CHECK(c.request("textDocument/formatting", {{"textDocument", doc(uri)}, {"options", Json::object()}})["result"] ==
          Json::array());
  }
  shutdown_and_exit(c);
}

TEST_CASE("an LSP session on a scenario: its contract's names, diagnostics and renames across files", "[lsp]") {
  const std::string contract_text = clause::test::read_file(kContractPath);
  const std::string contract_uri = uri_of(kContractPath);
  // Not on disk: the editor's text is what counts. Its contract is read from beside it.
  const std::string scenario_uri = uri_of(clause::test::repo_path("contracts/microsoft-openai/unsaved.scenario"));
  const std::string scenario =
      "scenario \"Oracle\"\ncontract \"2024-06.clause\"\n\non 2024-06-12: Microsoft consents to oracle_capacity\n"
      "on 2024-07-01: OpenAI buys compute from Oracle for $6B\n\nexpect permitted on 2024-07-01\n"
      "expect breach of exclusivty by OpenAI\n";
  LspClient c;
  initialize(c);
  open(c, scenario_uri, scenario);
  const Json d = diagnostics(c, scenario_uri, 1);
  REQUIRE(d.size() == 1);
  CHECK(d[0]["message"] == "the contract has no clause or licence `exclusivty` (did you mean `exclusivity`?)");
  CHECK(d[0]["range"] == range(7, 17, 7, 27));

  SECTION("definition and hover reach into the contract") {
    const Json def = c.request("textDocument/definition", at(scenario_uri, 3, 40));
    const auto [l, col] = find_in(contract_text, "exception oracle_capacity to");
    CHECK(def["result"]["uri"] == contract_uri);
    CHECK(def["result"]["range"] == range(l, col + 10, l, col + 25));
    const std::string h = c.request("textDocument/hover", at(scenario_uri, 3, 40))["result"]["contents"]["value"];
    CHECK(h.find("**exception** `oracle_capacity` to `exclusivity` — Oracle capacity, June 2024") == 0);
  }
  SECTION("rename from the contract reaches the open scenario") {
    open(c, contract_uri, contract_text);
    diagnostics(c, contract_uri, 1);
    const auto [l, col] = find_in(contract_text, "Oracle         \"");
    const Json r = c.request("textDocument/rename",
                             {{"textDocument", doc(contract_uri)}, {"position", pos(l, col)}, {"newName", "OracleCorp"}});
    const Json& changes = r["result"]["changes"];
    CHECK(starts(changes[contract_uri], contract_uri) == word_places(contract_text, "Oracle"));
    CHECK(starts(changes[scenario_uri], scenario_uri) == std::set<std::pair<int, int>>{{4, 40}});
    const Json refs = c.request("textDocument/references",
                                {{"textDocument", doc(scenario_uri)}, {"position", pos(4, 41)}, {"context", {{"includeDeclaration", true}}}});
    CHECK(refs["result"].size() == word_places(contract_text, "Oracle").size() + 1);
  }
  SECTION("completion offers the contract's exceptions after `consents to`") {
    change(c, scenario_uri, 2, Json::array({{{"range", range(8, 0, 8, 0)}, {"text", "on 2025-01-01: Microsoft consents to "}}}));
    diagnostics(c, scenario_uri, 2);
    CHECK(labels(c.request("textDocument/completion", at(scenario_uri, 8, 37))) ==
          std::vector<std::string>{"oracle_capacity"});
  }
  SECTION("an unreadable contract is reported on the `contract` line") {
    change(c, scenario_uri, 3, Json::array({{{"range", range(1, 10, 1, 24)}, {"text", "missing.clause"}}}));
    const Json missing = diagnostics(c, scenario_uri, 3);
    REQUIRE(missing.size() == 1);
    CHECK(missing[0]["range"] == range(1, 9, 1, 25));
    CHECK(missing[0]["message"].get<std::string>().find("cannot read the contract") == 0);
  }
  SECTION("the outline lists the scenario's events and expectations") {
    const Json s = c.request("textDocument/documentSymbol", {{"textDocument", doc(scenario_uri)}})["result"];
    REQUIRE(s.size() == 4);
    CHECK(s[0]["name"] == "Microsoft consents to oracle_capacity");
    CHECK(s[0]["detail"] == "2024-06-12");
    CHECK(s[2]["name"] == "expect permitted on 2024-07-01");
  }
  shutdown_and_exit(c);
}

TEST_CASE("LSP positions count UTF-16 code units by default, UTF-8 or UTF-32 when negotiated", "[lsp]") {
  // `微软` is two UTF-16 units (six bytes), the rocket two units (four bytes).
  const std::string text =
      "contract \"T\"\n\nparty Weiruan \"微软🚀\" { body board }\nparty B \"b\"\n\n"
      "clause c \"🚀\": Weiruan must buy g only from Nobody\npower p: only Weiruan.board may declare agi\n";
  struct Case {
    Json offered;
    std::string chosen;
    int board;   // where `board` begins on line 2
    int nobody;  // where `Nobody` begins on line 5
  };
  for (const Case& k : {Case{Json(), "utf-16", 28, 44}, Case{Json::array({"utf-16"}), "utf-16", 28, 44},
                        Case{Json::array({"utf-32", "utf-16"}), "utf-32", 27, 43},
                        Case{Json::array({"utf-8", "utf-32", "utf-16"}), "utf-8", 34, 46}}) {
    INFO("offered " << k.offered.dump());
    LspClient c;
    const Json caps = k.offered.is_null() ? Json::object() : Json{{"general", {{"positionEncodings", k.offered}}}};
    CHECK(initialize(c, caps)["result"]["capabilities"]["positionEncoding"] == k.chosen);
    const std::string uri = "file:///tmp/unicode.clause";
    open(c, uri, text);
    const Json d = diagnostics(c, uri, 1);
    REQUIRE(d.size() == 1);
    CHECK(d[0]["message"] == "unknown party `Nobody`: declare it with `party Nobody` (every party a clause names is declared)");
    CHECK(d[0]["range"] == range(5, k.nobody, 5, k.nobody + 6));
    CHECK(c.request("textDocument/definition", at(uri, 6, 23))["result"]["range"] == range(2, k.board, 2, k.board + 5));
    // An edit placed after the wide characters lands where it should.
    change(c, uri, 2, Json::array({{{"range", range(5, k.nobody, 5, k.nobody + 6)}, {"text", "B"}}}));
    CHECK(diagnostics(c, uri, 2).empty());
    shutdown_and_exit(c);
  }
}

TEST_CASE("malformed messages get JSON-RPC errors and the server keeps going", "[lsp]") {
  LspClient c;
  // Before `initialize`, requests are refused.
  CHECK(c.request("textDocument/hover", at("file:///x.clause", 0, 0))["error"]["code"] == -32002);
  initialize(c);

  c.send_raw("Content-Length: 8\r\n\r\n{broken!");
  Json e = c.receive();
  CHECK(e["error"]["code"] == -32700);
  CHECK(e["id"].is_null());

  c.send_raw("Content-Length: 2\r\n\r\n[]");
  CHECK(c.receive()["error"]["code"] == -32600);

  c.send({{"jsonrpc", "2.0"}, {"id", 7}});
  e = c.receive();
  CHECK(e["id"] == 7);
  CHECK(e["error"]["code"] == -32600);

  CHECK(c.request("no/such/method", Json::object())["error"]["code"] == -32601);
  CHECK(c.request("textDocument/hover", {{"textDocument", 5}})["error"]["code"] == -32602);
  CHECK(c.request("textDocument/hover", at("file:///not/open.clause", 0, 0))["error"]["code"] == -32602);
  open(c, "file:///tmp/m.clause", "contract \"T\"\n");
  CHECK(diagnostics(c, "file:///tmp/m.clause", 1).empty());
  CHECK(c.request("textDocument/hover", {{"textDocument", doc("file:///tmp/m.clause")}, {"position", {{"line", "x"}}}})
            ["error"]["code"] == -32602);
  // Positions far outside the text are clamped, not trusted.
  CHECK(c.request("textDocument/hover", at("file:///tmp/m.clause", 1000000, -5))["result"].is_null());
  CHECK(c.request("textDocument/hover",
                  {{"textDocument", doc("file:///tmp/m.clause")}, {"position", {{"line", 1e300}, {"character", -1.5}}}})
            ["result"].is_null());
  // A notification with bad params is dropped quietly; a frame without a length is reported.
  c.notify("textDocument/didChange", {{"textDocument", 1}});
  c.send_raw("Content-Type: nothing\r\n\r\n");
  CHECK(c.receive()["error"]["code"] == -32600);
  // Still alive and answering.
  CHECK(c.request("textDocument/documentSymbol", {{"textDocument", doc("file:///tmp/m.clause")}})["result"] ==
        Json::array());
  shutdown_and_exit(c);
}

TEST_CASE("exit without shutdown ends the server with status 1", "[lsp]") {
  LspClient c;
  initialize(c);
  c.notify("exit", nullptr);
  CHECK(c.wait_for_exit() == 1);
}

TEST_CASE("a waterfall of a party whose line is cut short gets diagnostics, not a crash", "[lsp]") {
  // Once a segmentation fault in the checker: the waterfall's party was never resolved.
  const std::string text =
      "contract \"T\"\n\nparty A \"unterminated { body b }\n\nwaterfall w of A:\n  tier rest:\n    A 100%\n";
  LspClient c;
  initialize(c);
  open(c, "file:///tmp/cut.clause", text);
  const Json d = diagnostics(c, "file:///tmp/cut.clause", 1);
  REQUIRE(d.size() == 1);
  CHECK(d[0]["range"]["start"] == pos(2, 32));
  shutdown_and_exit(c);
}

TEST_CASE("every prefix of each example, cut at every token boundary, gets diagnostics and never kills the server",
          "[lsp][prefixes]") {
  const std::vector<std::string> files = clause::test::example_files();
  REQUIRE(!files.empty());

  LspClient c;
  initialize(c);
  std::size_t changes = 0;
  for (const std::string& path : files) {
    const std::string text = clause::test::read_file(path);
    const std::string uri = uri_of(path);
    open(c, uri, "");
    diagnostics(c, uri, 1);
    int version = 1;
    Json d;
    for (const auto& token : clause::test::rough_tokens(text)) {
      ++version;
      change(c, uri, version, Json::array({{{"text", text.substr(0, token.end)}}}));
      d = diagnostics(c, uri, version);
      for (const Json& x : d) {
        INFO(path << " cut after byte " << token.end << ": " << x.dump());
        CHECK(x["message"].get<std::string>().find("internal error") == std::string::npos);
      }
      ++changes;
    }
    // The whole file, as it is, has no errors.
    for (const Json& x : d) CHECK(x["severity"] != 1);
    c.notify("textDocument/didClose", {{"textDocument", doc(uri)}});
  }
  CHECK(changes > 500);
  CHECK(c.alive());
  shutdown_and_exit(c);
}

// ----- version 2 (LANGUAGE.md section 10) on its worked example -----

namespace {

std::string v2_path() { return clause::test::spec_path("examples-v2/v2-features.clause"); }

}  // namespace

TEST_CASE("LSP on version 2 forms: definition, references and rename reach every new place a name stands",
          "[lsp][v2]") {
  if (!clause::test::have_spec()) return;
  const std::string path = v2_path();
  const std::string text = clause::test::read_file(path);
  const std::string uri = uri_of(path);
  LspClient c;
  initialize(c);
  open(c, uri, text);
  CHECK(diagnostics(c, uri, 1).empty());
  const auto refs = [&](std::pair<int, int> p) {
    return starts(c.request("textDocument/references", {{"textDocument", doc(uri)},
                                                         {"position", pos(p.first, p.second)},
                                                         {"context", {{"includeDeclaration", true}}}})["result"],
                  uri);
  };

  SECTION("definition: the verifier in `verified by Panel` is the party") {
    const auto [l, col] = find_in(text, "by Panel");
    const auto [dl, dc] = find_in(text, "party Panel");
    CHECK(c.request("textDocument/definition", at(uri, l, col + 4))["result"]["range"] ==
          range(dl, dc + 6, dl, dc + 11));
  }
  SECTION("references: the verifier, the first-refusal holder, the commitment's vendor, deed actors") {
    // Every place Cloud stands as code: grantee, holder (`to Cloud first`), vendor
    // (`from Cloud by`, `only from Cloud`), deed actor (`Cloud may do`, `Cloud must not do`), shares.
    const auto cloud = refs(find_in(text, "Cloud first"));
    CHECK(cloud == word_places(text, "Cloud"));
    CHECK(cloud.count(find_in(text, "Cloud first")) == 1);
    CHECK(cloud.count(find_in(text, "Cloud by 2027")) == 1);
    CHECK(cloud.count(find_in(text, "Cloud may do")) == 1);
    CHECK(cloud.count(find_in(text, "Cloud must not do")) == 1);
    const auto [pl, pc] = find_in(text, "party Panel");
    CHECK(refs({pl, pc + 6}).size() == 2);  // its declaration and `verified by Panel`
    const auto [vl, vc] = find_in(text, "by Panel");
    CHECK(refs({vl, vc + 3}) == word_places(text, "Panel"));
    // The freedom's buyer and the body in the power with a verifier.
    CHECK(refs(find_in(text, "Lab may buy app_hosting")) == word_places(text, "Lab"));
  }
  SECTION("definition: a trigger's `ends` target is the waterfall; `anyone` is no name") {
    const auto [l, col] = find_in(text, "revenue_share ends");
    const auto [dl, dc] = find_in(text, "waterfall revenue_share");
    CHECK(c.request("textDocument/definition", at(uri, l, col + 2))["result"]["range"] ==
          range(dl, dc + 10, dl, dc + 23));
    const auto [al, ac] = find_in(text, "anyone");
    CHECK(c.request("textDocument/definition", at(uri, al, ac + 1))["result"].is_null());
    CHECK(c.request("textDocument/hover", at(uri, al, ac + 1))["result"].is_null());
  }
  SECTION("references: a waterfall and a licence a trigger ends (`ends` targets)") {
    const auto share = refs(find_in(text, "revenue_share ends"));
    CHECK(share == word_places(text, "revenue_share"));
    CHECK(share.size() == 2);
    CHECK(refs(find_in(text, "research ends")) == word_places(text, "research"));
  }
  SECTION("rename: the verifier everywhere, and the result checks clean") {
    const auto [l, col] = find_in(text, "by Panel");
    const Json r = c.request("textDocument/rename",
                             {{"textDocument", doc(uri)}, {"position", pos(l, col + 3)}, {"newName", "Experts"}});
    const std::string renamed = apply_edits(text, r["result"]["changes"][uri]);
    CHECK(word_places(renamed, "Panel").empty());
    CHECK(renamed.find("verified by Experts") != std::string::npos);
    change(c, uri, 2, Json::array({{{"text", renamed}}}));
    CHECK(diagnostics(c, uri, 2).empty());
  }
  SECTION("rename: the first-refusal holder, commitment vendor and deed actor in one step") {
    const auto [l, col] = find_in(text, "Cloud first");
    const Json r = c.request("textDocument/rename",
                             {{"textDocument", doc(uri)}, {"position", pos(l, col)}, {"newName", "Provider"}});
    const std::string renamed = apply_edits(text, r["result"]["changes"][uri]);
    CHECK(word_places(renamed, "Cloud").empty());
    CHECK(renamed.find("to Provider first") != std::string::npos);
    CHECK(renamed.find("from Provider by 2027-06-30") != std::string::npos);
    CHECK(renamed.find("Provider must not do") != std::string::npos);
    change(c, uri, 3, Json::array({{{"text", renamed}}}));
    CHECK(diagnostics(c, uri, 3).empty());
  }
  shutdown_and_exit(c);
}

TEST_CASE("LSP hover shows version 2 facts: terms, verifiers, commitments, streams", "[lsp][v2]") {
  if (!clause::test::have_spec()) return;
  const std::string path = v2_path();
  const std::string text = clause::test::read_file(path);
  const std::string uri = uri_of(path);
  LspClient c;
  initialize(c);
  open(c, uri, text);
  diagnostics(c, uri, 1);
  const auto hover_at = [&](const std::string& needle, int nth = 0) {
    const auto [l, col] = find_in(text, needle, nth);
    const Json h = c.request("textDocument/hover", at(uri, l, col + 1));
    INFO(needle << ": " << h.dump());
    REQUIRE(h["result"].is_object());
    return h["result"]["contents"]["value"].get<std::string>();
  };
  const std::string power = hover_at("agi_definition \"");
  CHECK(power.find("verified by `Panel`: a declaration waits for its verification") != std::string::npos);
  const std::string commitment = hover_at("commitment \"");
  CHECK(commitment.find("commitment: `Lab` must have bought $10B of `hosting` from `Cloud` by 2027-06-30 "
                        "(judged on 2027-07-01); counting from 2026-01-01 (the effective date)") != std::string::npos);
  CHECK(hover_at("api_on_cloud \"").find("in force from 2026-03-01 until 2027-12-31 (expires on 2028-01-01)") !=
        std::string::npos);
  CHECK(hover_at("models \"").find("in force until 2028-12-31 (expires on 2029-01-01)") != std::string::npos);
  const std::string share = hover_at("revenue_share \"");
  CHECK(share.find("stream: `revenue` of `Lab`") != std::string::npos);
  CHECK(share.find("in force") == std::string::npos);  // no term written
  // From a use of the name too: the `ends` target in the trigger.
  CHECK(hover_at("revenue_share ends").find("stream: `revenue` of `Lab`") != std::string::npos);
  CHECK(hover_at("first_refusal \"").find("first refusal: `Lab` must offer `compute` to `Cloud` first") !=
        std::string::npos);
  CHECK(hover_at("apps_anywhere \"").find("freedom: `Lab` may buy `app_hosting` from anyone") != std::string::npos);
  CHECK(hover_at("no_poaching \"").find("deed: `Cloud` must not do \"hire Lab staff\"") != std::string::npos);
  shutdown_and_exit(c);
}

TEST_CASE("LSP completion offers version 2 keywords and names where they fit", "[lsp][v2]") {
  if (!clause::test::have_spec()) return;
  const std::string path = v2_path();
  const std::string text = clause::test::read_file(path);
  const std::string uri = uri_of(path);
  LspClient c;
  initialize(c);
  open(c, uri, text);
  diagnostics(c, uri, 1);
  const int last = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  int version = 1;
  // Types `typed` at the end of the unchanged file and completes after it.
  const auto complete_after = [&](const std::string& typed) {
    ++version;
    change(c, uri, version, Json::array({{{"text", text + typed}}}));
    diagnostics(c, uri, version);
    const int l = last + static_cast<int>(std::count(typed.begin(), typed.end(), '\n'));
    const int col = static_cast<int>(typed.size() - typed.rfind('\n') - 1);
    return labels(c.request("textDocument/completion", at(uri, l, col)));
  };
  CHECK(complete_after("\npower p2:\n  only Lab.board may declare agi ") == std::vector<std::string>{"verified by"});
  CHECK(complete_after("\npower p2:\n  only Lab.board may declare agi verified ") == std::vector<std::string>{"by"});
  const auto verifiers = complete_after("\npower p2:\n  only Lab.board may declare agi verified by ");
  CHECK(contains(verifiers, "Panel"));
  CHECK(contains(verifiers, "Lab.board"));
  CHECK(contains(complete_after("\nclause c2:\n  Lab must "), "offer"));
  CHECK(complete_after("\nclause c2:\n  Lab must buy ") == std::vector<std::string>{"at least"});
  CHECK(complete_after("\nclause c2:\n  Lab must buy at ") == std::vector<std::string>{"least"});
  CHECK(complete_after("\nclause c2:\n  Lab must buy at least $1B ") == std::vector<std::string>{"of"});
  CHECK(complete_after("\nclause c2:\n  Lab must buy at least $1B of gpus from Cloud ") ==
        std::vector<std::string>{"by"});
  CHECK(complete_after("\nclause c2:\n  Lab must offer gpus ") == std::vector<std::string>{"to"});
  CHECK(contains(complete_after("\nclause c2:\n  Lab must offer gpus to "), "Cloud"));
  CHECK(complete_after("\nclause c2:\n  Lab must offer gpus to Cloud ") == std::vector<std::string>{"first"});
  const auto vendors = complete_after("\nclause c2:\n  Lab may buy gpus from ");
  CHECK(contains(vendors, "anyone"));
  CHECK(contains(vendors, "Chips"));
  CHECK(contains(complete_after("\nclause c2:\n  Cloud may "), "do"));
  CHECK(contains(complete_after("\nclause c2:\n  Cloud must not "), "do"));
  const auto terms = complete_after("\nclause c2:\n  Lab must buy gpus only from Cloud ");
  CHECK(contains(terms, "from"));
  CHECK(contains(terms, "until"));
  CHECK(contains(complete_after("\nclause c2:\n  Lab must buy gpus only from Cloud from 2026-01-01 "), "until"));
  CHECK(contains(complete_after("\nclause c2:\n  when agi is "), "verified"));
  const auto margin = complete_after("\nclause c2:\n  ");
  CHECK(contains(margin, "from"));
  CHECK(contains(margin, "until"));
  CHECK(contains(complete_after("\nlicence l2: Lab grants Cloud "), "until"));
  CHECK(contains(complete_after("\nwaterfall w2 of Lab "), "revenue"));
  shutdown_and_exit(c);
}

TEST_CASE("LSP completion of version 2 events and expectations in a scenario", "[lsp][v2]") {
  if (!clause::test::have_spec()) return;
  // Not on disk: its contract, v2-features.clause, is read from beside it.
  const std::string uri = uri_of(clause::test::spec_path("examples-v2/unsaved.scenario"));
  const std::string head = "scenario \"S\"\ncontract \"v2-features.clause\"\n\n";
  LspClient c;
  initialize(c);
  open(c, uri, head);
  diagnostics(c, uri, 1);
  int version = 1;
  const auto complete_after = [&](const std::string& typed) {
    ++version;
    change(c, uri, version, Json::array({{{"text", head + typed}}}));
    diagnostics(c, uri, version);
    return labels(c.request("textDocument/completion", at(uri, 3, static_cast<int>(typed.size()))));
  };
  CHECK(contains(complete_after("on 2026-01-01: "), "nothing happens"));
  CHECK(complete_after("on 2026-01-01: nothing ") == std::vector<std::string>{"happens"});
  const auto verbs = complete_after("on 2026-01-01: Panel ");
  for (const char* verb : {"verifies", "rejects", "declines", "declares", "buys", "earns", "does"}) {
    CHECK(contains(verbs, verb));
  }
  CHECK(complete_after("on 2026-01-01: Panel verifies ") == std::vector<std::string>{"agi"});
  CHECK(contains(complete_after("on 2026-01-01: agi is "), "verified"));
  CHECK(complete_after("on 2026-01-01: Cloud declines compute ") == std::vector<std::string>{"for"});
  CHECK(complete_after("on 2026-01-01: Lab earns $1B ") == std::vector<std::string>{"in"});
  CHECK(complete_after("on 2026-01-01: Lab earns $1B in ") == std::vector<std::string>{"distributions", "revenue"});
  const auto expect = complete_after("expect ");
  for (const char* kind : {"declined", "verified", "rejected"}) CHECK(contains(expect, kind));
  const auto after_name = complete_after("expect research ");
  CHECK(contains(after_name, "expired"));
  CHECK(contains(after_name, "fulfilled"));
  CHECK(complete_after("expect research expired ") == std::vector<std::string>{"on"});
  shutdown_and_exit(c);
}

}  // namespace lsp_test
