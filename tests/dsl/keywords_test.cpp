// The reserved words: `is_keyword` (which the parser asks for every word it reads)
// answers exactly as membership in the list `keywords()` gives.
#include <catch2/catch.hpp>

#include <random>
#include <set>
#include <string>

#include "dsl/keywords.hpp"

namespace keywords_test {

namespace {

using clause::dsl::is_keyword;
using clause::dsl::keywords;

}  // namespace

TEST_CASE("every reserved word is a keyword, and the list is the language's", "[keywords]") {
  const std::set<std::string_view> all(keywords().begin(), keywords().end());
  CHECK(all.size() == keywords().size());
  CHECK(all.size() == 73);  // 59 of version 1 and 14 of version 2
  for (const std::string_view k : keywords()) {
    INFO(k);
    CHECK(is_keyword(k));
  }
  for (const char* k : {"party", "waterfall", "ineffective", "to", "consent", "consents", "what", "or"}) {
    INFO(k);
    CHECK(is_keyword(k) == (std::string_view(k) != "or"));  // `or` is read only after a vendor
  }
  for (const char* k : {"verified", "verifies", "rejects", "offer", "least", "anyone", "declines", "nothing", "happens",
                        "do", "expired", "fulfilled", "declined", "rejected"}) {
    INFO(k);
    CHECK(is_keyword(k));
  }
  CHECK_FALSE(is_keyword("at"));  // read as a keyword only after `must buy`
}

TEST_CASE("a word near a keyword is not one", "[keywords]") {
  const std::set<std::string_view> all(keywords().begin(), keywords().end());
  for (const std::string_view k : keywords()) {
    std::string w(k);
    const auto check = [&](const std::string& word) {
      INFO(word);
      CHECK(is_keyword(word) == (all.count(word) != 0));
    };
    check(w + "s");
    check(w + "_");
    check(w + "1");
    check(w.substr(0, w.size() - 1));
    check(w.substr(1));
    std::string upper = w;
    upper[0] = static_cast<char>(upper[0] - 'a' + 'A');
    check(upper);
    for (std::size_t i = 0; i < w.size(); ++i) {
      std::string changed = w;
      changed[i] = changed[i] == 'z' ? 'a' : static_cast<char>(changed[i] + 1);
      check(changed);
    }
  }
  CHECK_FALSE(is_keyword(""));
  CHECK_FALSE(is_keyword("a"));
  CHECK_FALSE(is_keyword("ineffectives"));
  CHECK_FALSE(is_keyword(std::string_view("party\0", 6)));
}

TEST_CASE("random words are keywords exactly when the list holds them", "[keywords]") {
  const std::set<std::string_view> all(keywords().begin(), keywords().end());
  std::mt19937_64 random(20241028);
  // Letters of the keywords, so that many random words share a keyword's length and ends.
  const std::string letters = "abcdefilmnoprstuvwxy_";
  for (int round = 0; round < 200'000; ++round) {
    std::string w(1 + random() % 12, ' ');
    for (char& c : w) c = letters[random() % letters.size()];
    if (round % 3 == 0) {  // a keyword with one letter changed, or cut
      const std::string_view k = keywords()[random() % keywords().size()];
      w = std::string(k.substr(0, k.size() - random() % 2));
      w[random() % w.size()] = letters[random() % letters.size()];
    }
    INFO(w);
    REQUIRE(is_keyword(w) == (all.count(w) != 0));
  }
}

}  // namespace keywords_test
