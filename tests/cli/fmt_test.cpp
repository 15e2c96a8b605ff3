// `clause fmt FILE... [--check]` and `clause fmt -`, as a user runs them.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "support.hpp"

namespace fmt_test {

using clause::test::run_clause;

namespace {

// A scratch folder, removed at the end of the test.
struct Scratch {
  std::filesystem::path dir;
  Scratch() {
    dir = std::filesystem::temp_directory_path() / ("clause-fmt-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
  }
  ~Scratch() { std::filesystem::remove_all(dir); }
  std::string write(const std::string& name, const std::string& text) const {
    const auto p = dir / name;
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
};

// Runs `clause ARGS...` with `input` as its standard input.
clause::test::CliResult run_with_stdin(const std::vector<std::string>& args, const std::string& input) {
  std::istringstream in(input);
  std::streambuf* saved = std::cin.rdbuf(in.rdbuf());
  auto r = run_clause(args);
  std::cin.rdbuf(saved);
  std::cin.clear();
  return r;
}

const std::string kTidy = "contract \"T\"\n\nparty A \"a\"\n";
const std::string kUntidy = "contract   \"T\"\nparty A    \"a\"\n";

}  // namespace

TEST_CASE("fmt --check passes on the flagship contracts", "[fmt]") {
  const auto r = run_clause({"fmt", "--check", clause::test::repo_path("contracts/microsoft-openai/2024-06.clause"),
                             clause::test::repo_path("contracts/microsoft-openai/2019-07.clause")});
  INFO(r.out << r.err);
  CHECK(r.exit == 0);
  CHECK(r.out.empty());
}

TEST_CASE("fmt --check names the files that would change, changes nothing and exits 1", "[fmt]") {
  Scratch s;
  const std::string tidy = s.write("tidy.clause", kTidy);
  const std::string untidy = s.write("untidy.clause", kUntidy);
  const auto r = run_clause({"fmt", "--check", tidy, untidy});
  CHECK(r.exit == 1);
  CHECK(r.out == untidy + "\n");
  CHECK(clause::test::read_file(untidy) == kUntidy);
}

TEST_CASE("fmt rewrites files in place and exits 0", "[fmt]") {
  Scratch s;
  const std::string untidy = s.write("untidy.clause", kUntidy);
  const auto r = run_clause({"fmt", untidy});
  CHECK(r.exit == 0);
  CHECK(clause::test::read_file(untidy) == kTidy);
  CHECK(run_clause({"fmt", "--check", untidy}).exit == 0);
}

TEST_CASE("fmt leaves a file with syntax errors untouched, reports them and exits 1", "[fmt]") {
  Scratch s;
  const std::string broken_text = "contract \"T\"\nparty   \n";
  const std::string broken = s.write("broken.clause", broken_text);
  const auto r = run_clause({"fmt", broken});
  CHECK(r.exit == 1);
  CHECK(r.err.find("broken.clause:2:6: error[E0101]: expected the party's name") != std::string::npos);
  CHECK(clause::test::read_file(broken) == broken_text);
}

TEST_CASE("fmt exits 2 when a file cannot be read", "[fmt]") {
  const auto r = run_clause({"fmt", "no/such/file.clause"});
  CHECK(r.exit == 2);
  CHECK(r.err.find("no/such/file.clause") != std::string::npos);
}

TEST_CASE("fmt - reads standard input and writes standard output", "[fmt]") {
  const auto r = run_with_stdin({"fmt", "-"}, kUntidy);
  CHECK(r.exit == 0);
  CHECK(r.out == kTidy);
  const auto check = run_with_stdin({"fmt", "--check", "-"}, kUntidy);
  CHECK(check.exit == 1);
  CHECK(check.out == "-\n");
}

TEST_CASE("fmt - gives back what it cannot format", "[fmt]") {
  const std::string broken = "scenario \"S\"\non 2025-01-01: nobody\n";
  const auto r = run_with_stdin({"fmt", "-"}, broken);
  CHECK(r.exit == 1);
  CHECK(r.out == broken);
  CHECK(r.err.find("<stdin>:2:") != std::string::npos);
}

}  // namespace fmt_test
