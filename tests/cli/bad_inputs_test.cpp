// tests/bad: malformed and ill-typed inputs. Each file ends with comment lines saying
// exactly which diagnostics `clause check` must print for it:
//   // expect: error LINE:COLUMN: fragment of the message
//   // expect: warning LINE:COLUMN: fragment of the message
// Every expected error must be printed at that place with that fragment, and no other
// error may be: one precise diagnostic per problem. The exit status must be 1 when
// there are errors (0 when only warnings), and nothing may crash.
#include <catch2/catch.hpp>

#include <regex>
#include <sstream>

#include "support.hpp"

namespace {

struct Expected {
  std::string severity;
  int line = 0;
  int column = 0;
  std::string fragment;
};

struct Printed {
  std::string severity;
  int line = 0;
  int column = 0;
  std::string message;
  std::string caret_line;  // the line with the caret under the place
};

std::vector<Expected> expectations(const std::string& text) {
  std::vector<Expected> out;
  static const std::regex re(R"(// expect: (error|warning) (\d+):(\d+): (.*))");
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    std::smatch m;
    if (std::regex_search(line, m, re)) {
      out.push_back({m[1], std::stoi(m[2]), std::stoi(m[3]), m[4]});
    }
  }
  return out;
}

std::vector<Printed> diagnostics(const std::string& err, const std::string& file) {
  std::vector<Printed> out;
  const std::regex re("^" + std::regex_replace(file, std::regex(R"([.^$|()\[\]{}*+?\\])"), R"(\$&)") +
                      R"(:(\d+):(\d+): (error|warning): (.*)$)");
  std::istringstream in(err);
  std::string line;
  while (std::getline(in, line)) {
    std::smatch m;
    if (std::regex_match(line, m, re)) {
      out.push_back({m[3], std::stoi(m[1]), std::stoi(m[2]), m[4], {}});
    } else if (!out.empty() && out.back().caret_line.empty() && line.find('^') != std::string::npos &&
               line.find(" | ") != std::string::npos) {
      out.back().caret_line = line;
    }
  }
  return out;
}

}  // namespace

TEST_CASE("every bad input gets exactly its diagnostics, at its place", "[bad]") {
  std::vector<std::string> files = clause::test::files_below(clause::test::repo_path("tests/bad"), ".clause");
  for (const auto& f : clause::test::files_below(clause::test::repo_path("tests/bad"), ".scenario")) files.push_back(f);
  REQUIRE(files.size() >= 40);
  for (const std::string& file : files) {
    INFO("file: " << file);
    const std::vector<Expected> expected = expectations(clause::test::read_file(file));
    REQUIRE_FALSE(expected.empty());
    const auto r = clause::test::run_clause({"check", file});
    INFO("stderr:\n" << r.err);
    const std::vector<Printed> printed = diagnostics(r.err, file);
    std::size_t expected_errors = 0;
    for (const Expected& e : expected) {
      if (e.severity == "error") ++expected_errors;
      INFO("expected " << e.severity << " " << e.line << ":" << e.column << ": " << e.fragment);
      const bool found = std::any_of(printed.begin(), printed.end(), [&](const Printed& p) {
        return p.severity == e.severity && p.line == e.line && p.column == e.column &&
               p.message.find(e.fragment) != std::string::npos && !p.caret_line.empty();
      });
      CHECK(found);
    }
    const auto printed_errors = std::count_if(printed.begin(), printed.end(),
                                              [](const Printed& p) { return p.severity == "error"; });
    CHECK(static_cast<std::size_t>(printed_errors) == expected_errors);
    CHECK(r.exit == (expected_errors > 0 ? 1 : 0));
  }
}
