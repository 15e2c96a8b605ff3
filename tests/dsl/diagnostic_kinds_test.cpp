// The registry of diagnostics (dsl/diagnostic_kinds.hpp): every kind has an id of its
// phase and severity, and a section in docs/diagnostics.md; nothing reports a problem
// without a kind.
#include <catch2/catch.hpp>

#include <regex>
#include <set>
#include <string>

#include "dsl/diagnostic.hpp"
#include "support.hpp"

namespace diagnostic_kinds_test {

using namespace clause;

// A diagnostic is made only from a kind: there is no way to report a bare message.
template <typename List>
constexpr bool takes_bare_messages = requires(List list, dsl::Location where, std::string message) {
  list.error(where, message);
} || requires(List list, dsl::Location where, std::string message) {
  list.warning(where, message);
} || requires(List list, dsl::Location where, std::string message) {
  list.report(where, message);
};
static_assert(!takes_bare_messages<dsl::DiagnosticList>);

TEST_CASE("every kind of diagnostic has an id of its severity, a message and a title", "[diagnostics]") {
  const std::regex id(R"([EWN]0[0-9]{3})");
  std::set<std::string_view> codes;
  for (const dsl::DiagKind& k : dsl::kDiagKinds) {
    INFO(k.code);
    CHECK(std::regex_match(std::string(k.code), id));
    const char expected = k.severity == dsl::Severity::error ? 'E' : k.severity == dsl::Severity::warning ? 'W' : 'N';
    CHECK(k.code[0] == expected);
    CHECK_FALSE(k.format.empty());
    CHECK_FALSE(k.title.empty());
    CHECK(codes.insert(k.code).second);
  }
}

TEST_CASE("a reported diagnostic takes its kind's severity and shows its id", "[diagnostics]") {
  const auto source = std::make_shared<const dsl::SourceFile>("t.clause", "party A\n");
  dsl::DiagnosticList list;
  list.report<dsl::DiagId::unused_party>({source, {0, 5}, {}}, "A");
  list.report<dsl::DiagId::duplicate_body>({source, {6, 7}, {}}, "b", "A");
  REQUIRE(list.items().size() == 2);
  CHECK(list.warning_count() == 1);
  CHECK(list.error_count() == 1);
  CHECK(list.items()[0].id == dsl::DiagId::unused_party);
  CHECK(list.items()[0].severity == dsl::Severity::warning);
  CHECK(dsl::render_diagnostic(list.items()[1], {}) ==
        "t.clause:1:7: error[E0203]: duplicate body `b` of party `A`\n"
        " 1 | party A\n"
        "   |       ^\n");
  const dsl::Diagnostic unread{dsl::DiagId::file_missing, dsl::Severity::error, {nullptr, {}, "x.clause"},
                               "cannot read the file: it does not exist", {}};
  CHECK(dsl::render_diagnostic(unread, {}) == "x.clause: error[E0003]: cannot read the file: it does not exist\n");
}

TEST_CASE("docs/diagnostics.md has a section for every id, and for no other", "[diagnostics]") {
  const std::string doc = test::read_file(test::repo_path("docs/diagnostics.md"));
  std::set<std::string> documented;
  const std::regex section(R"(\n### ([EWN][0-9]{4})\n)");
  for (auto it = std::sregex_iterator(doc.begin(), doc.end(), section); it != std::sregex_iterator(); ++it) {
    documented.insert((*it)[1]);
  }
  std::set<std::string> registered;
  for (const dsl::DiagKind& k : dsl::kDiagKinds) registered.insert(std::string(k.code));
  CHECK(documented == registered);
}

}  // namespace diagnostic_kinds_test
