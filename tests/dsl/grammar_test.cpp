// The grammar itself: no rule can loop without consuming input.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include <tao/pegtl/contrib/analyze.hpp>

#include "dsl/grammar.hpp"

namespace grammar_test {

TEST_CASE("the grammar has no rule that can loop without progress", "[grammar]") {
  namespace r = clause::dsl::rules;
  CHECK(tao::pegtl::analyze<r::contract_header>(false) == 0);
  CHECK(tao::pegtl::analyze<r::next_declaration>(false) == 0);
  CHECK(tao::pegtl::analyze<r::scenario_header>(false) == 0);
  CHECK(tao::pegtl::analyze<r::next_scenario_line>(false) == 0);
  CHECK(tao::pegtl::analyze<r::event_text>(false) == 0);
}

namespace {

namespace pegtl = tao::pegtl;

// `ws` as the grammar first wrote it: the definition the one-loop rule must keep.
struct reference_ws : pegtl::star<pegtl::sor<pegtl::one<' ', '\t', '\r', '\n'>,
                                             pegtl::seq<pegtl::two<'/'>, pegtl::until<pegtl::eolf>>>> {};

// How many bytes a rule matches at the start of `text`.
template <typename Rule>
std::size_t matched(const std::string& text) {
  pegtl::memory_input<pegtl::tracking_mode::lazy, pegtl::eol::lf_crlf> in(text, "");
  REQUIRE(pegtl::parse<Rule>(in));
  return static_cast<std::size_t>(in.current() - text.data());
}

}  // namespace

TEST_CASE("ws takes spaces, line ends and comments to the end of their line, and nothing else", "[grammar]") {
  namespace r = clause::dsl::rules;
  CHECK(matched<r::ws>("") == 0);
  CHECK(matched<r::ws>("party") == 0);
  CHECK(matched<r::ws>(" \t\r\n x") == 5);
  CHECK(matched<r::ws>("// a comment\n  // another\r\nparty") == 27);
  CHECK(matched<r::ws>("// to the end, with no line end") == 31);
  CHECK(matched<r::ws>("/ not a comment") == 0);
  CHECK(matched<r::ws>("  /") == 2);
  CHECK(matched<r::ws>("//\r x\ny") == 6);  // a lone carriage return is inside the comment
}

TEST_CASE("ws matches what star<sor<space, comment>> matched, on random text", "[grammar]") {
  namespace r = clause::dsl::rules;
  std::mt19937_64 random(7);
  const std::string alphabet = " \t\r\n//a$";
  for (int round = 0; round < 100'000; ++round) {
    std::string text(random() % 24, ' ');
    for (char& c : text) c = alphabet[random() % alphabet.size()];
    INFO(text);
    REQUIRE(matched<r::ws>(text) == matched<reference_ws>(text));
  }
}

}  // namespace grammar_test
