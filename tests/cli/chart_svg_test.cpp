// The payout chart as a reader sees it: a plain title, every tier findable (narrow bands
// numbered or listed with their profits), and the `--until` answer marked.
#include <catch2/catch.hpp>

#include <cstdio>
#include <filesystem>

#include "scratch.hpp"
#include "support.hpp"

namespace chart_svg_test {

using clause::test::read_file;
using clause::test::repo_path;
using clause::test::run_clause;

namespace {

std::string chart(std::vector<std::string> extra) {
  // A folder of its own: ctest runs these cases at the same time.
  const clause::test::Scratch scratch;
  const std::string path = scratch.path("chart.svg");
  std::vector<std::string> args{"payout", repo_path("contracts/microsoft-openai/2024-06.clause"), "--chart", path};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto r = run_clause(args);
  INFO(r.err);
  REQUIRE(r.exit == 0);
  return read_file(path);
}

}  // namespace

TEST_CASE("the chart's title has no backticks", "[chart]") {
  const std::string svg = chart({});
  CHECK_THAT(svg, Catch::Contains("<title>Who gets what: waterfall profits — Distribution of OpenAI Global&apos;s profits</title>"));
  CHECK(svg.find('`') == std::string::npos);
}

TEST_CASE("the chart's legend numbers every tier with the profits it pays over", "[chart]") {
  const std::string svg = chart({});
  // Tier 1 ($0 to $194M) is too narrow to name or number on the plot: the legend finds it.
  CHECK_THAT(svg, Catch::Contains(">1. First investors&apos; return</text>"));
  CHECK_THAT(svg, Catch::Contains(">profit $0 to $194M</text>"));
  CHECK_THAT(svg, Catch::Contains(">2. Microsoft&apos;s recoupment</text>"));
  CHECK_THAT(svg, Catch::Contains(">profit $194M to $17.494B</text>"));
  CHECK_THAT(svg, Catch::Contains(">profit ≈ $256.321B and above</text>"));
  // Tier 2 is too narrow for its name but wide enough for its number.
  CHECK_THAT(svg, Catch::Contains(R"(class="tier-number")") && Catch::Contains(R"(fill="#666666">2</text>)"));
}

TEST_CASE("the chart marks the answer to --until", "[chart]") {
  const std::string svg = chart({"--until", "Nonprofit receives $1B"});
  CHECK_THAT(svg, Catch::Contains(R"(<g class="until">)"));
  CHECK_THAT(svg, Catch::Contains(">Nonprofit has received $1B here ($67.494B)</text>"));
  // Without --until, nothing is marked.
  CHECK(chart({}).find(R"(class="until")") == std::string::npos);
  // A threshold never reached (FirstInvestors is capped at $20B) is not drawn.
  CHECK(chart({"--until", "FirstInvestors receives $30B"}).find(R"(class="until")") == std::string::npos);
}

}  // namespace chart_svg_test
