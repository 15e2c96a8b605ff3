// tests/bad: malformed and ill-typed inputs. Beside each file, NAME.expected holds exactly
// what `clause check tests/bad/NAME` prints on stderr: every diagnostic whole (the
// `file:line:col: error[ID]: message` line, the source line and the caret line), one
// precise diagnostic per problem. The exit status must be 1 when there are errors (0 when
// only warnings), and nothing may crash.
//
// Each file is a test case of its own, `bad input: NAME`, so that one can be run by name.
// When a message changes on purpose, the failure prints the new output whole: copy it into
// the .expected file (or run with CLAUSE_UPDATE_GOLDEN=1 and review the diff).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "support.hpp"

namespace bad_inputs_test {

namespace {

constexpr const char* kFolder = "tests/bad";

class BadInput : public Catch::ITestInvoker {
 public:
  explicit BadInput(std::string name) : name_(std::move(name)) {}

  void invoke() const override {
    // Relative, as a user runs it from the repository root, so the output names it so.
    const std::string file = std::string(kFolder) + "/" + name_;
    const std::string expected_path = clause::test::repo_path(std::string(kFolder) + "/" + name_ + ".expected");
    const auto r = clause::test::run_clause({"check", file});
    if (std::getenv("CLAUSE_UPDATE_GOLDEN") != nullptr) {
      std::ofstream(expected_path, std::ios::binary) << r.err;
      return;
    }
    REQUIRE(std::filesystem::exists(expected_path));
    const std::string expected = clause::test::read_file(expected_path);
    if (r.err != expected) {
      // Printed raw, not through Catch (which wraps long lines), so that it can be copied as it is.
      std::cout << "---- the actual stderr, the whole of tests/bad/" << name_ << ".expected:\n" << r.err << "---- end\n";
    }
    CHECK(r.err == expected);
    CHECK(r.exit == (expected.find(": error[") != std::string::npos ? 1 : 0));
  }

 private:
  std::string name_;
};

// One test case a file, registered before main runs.
[[maybe_unused]] const bool kRegistered = [] {
  const std::string dir = clause::test::repo_path(kFolder);
  for (const char* extension : {".clause", ".scenario"}) {
    for (const std::string& path : clause::test::files_below(dir, extension)) {
      const std::string name = std::filesystem::path(path).filename().string();
      // The registry owns the invoker; the name is copied into the test case.
      const std::string test_name = "bad input: " + name;
      const Catch::AutoReg registration(new BadInput(name), CATCH_INTERNAL_LINEINFO, Catch::StringRef(),
                                        Catch::NameAndTags{test_name, "[bad]"});
    }
  }
  return true;
}();

}  // namespace

TEST_CASE("every bad input has its expected output, and there are enough of them", "[bad]") {
  const std::string dir = clause::test::repo_path(kFolder);
  std::size_t inputs = 0;
  for (const char* extension : {".clause", ".scenario"}) {
    for (const std::string& path : clause::test::files_below(dir, extension)) {
      INFO(path);
      CHECK(std::filesystem::exists(path + ".expected"));
      ++inputs;
    }
  }
  CHECK(inputs >= 40);
  // And no expected output is left without its input.
  for (const std::string& path : clause::test::files_below(dir, ".expected")) {
    INFO(path);
    CHECK(std::filesystem::exists(path.substr(0, path.size() - std::string(".expected").size())));
  }
}

}  // namespace bad_inputs_test
