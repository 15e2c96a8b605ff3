// The editor support in editors/: the TextMate grammar knows every keyword of the
// language, and the VS Code extension finds its grammar and starts `clause lsp`.
#include <catch2/catch.hpp>

#include <filesystem>
#include <functional>
#include <regex>
#include <set>

#include <nlohmann/json.hpp>

#include "dsl/keywords.hpp"
#include "support.hpp"

namespace editors_test {

using Json = nlohmann::json;

TEST_CASE("the TextMate grammar colours every reserved keyword", "[editors]") {
  const Json grammar = Json::parse(clause::test::read_file(clause::test::repo_path("editors/clause.tmLanguage.json")));
  CHECK(grammar["scopeName"] == "source.clause");
  // Every word listed in a `\b(a|b|c)` alternation of any pattern.
  std::set<std::string> coloured;
  const std::regex alternation(R"(\\b\(([a-z|]+)\))");
  const std::function<void(const Json&)> visit = [&](const Json& j) {
    if (j.is_object()) {
      if (j.contains("match")) {
        const std::string match = j["match"];
        for (std::sregex_iterator it(match.begin(), match.end(), alternation), end; it != end; ++it) {
          std::string words = (*it)[1];
          std::size_t start = 0;
          while (start <= words.size()) {
            const std::size_t bar = std::min(words.find('|', start), words.size());
            coloured.insert(words.substr(start, bar - start));
            start = bar + 1;
          }
        }
      }
      for (const auto& [key, value] : j.items()) visit(value);
    } else if (j.is_array()) {
      for (const Json& v : j) visit(v);
    }
  };
  visit(grammar);
  for (const std::string_view k : clause::dsl::keywords()) {
    INFO(k);
    CHECK(coloured.count(std::string(k)) == 1);
  }
}

TEST_CASE("the VS Code extension uses the grammar and starts `clause lsp`", "[editors]") {
  const std::string dir = clause::test::repo_path("editors/vscode");
  const Json manifest = Json::parse(clause::test::read_file(dir + "/package.json"));
  const Json& language = manifest["contributes"]["languages"][0];
  CHECK(language["extensions"] == Json::array({".clause", ".scenario"}));
  const std::string grammar = manifest["contributes"]["grammars"][0]["path"];
  CHECK(std::filesystem::exists(dir + "/" + grammar));
  CHECK(std::filesystem::exists(dir + "/" + language["configuration"].get<std::string>()));
  CHECK(clause::test::read_file(dir + "/extension.js").find("args: ['lsp']") != std::string::npos);
  CHECK(manifest["dependencies"].contains("vscode-languageclient"));
}

}  // namespace editors_test
