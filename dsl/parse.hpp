// Parsing: text in, syntax tree and diagnostics out. PEGTL stays inside parser.cpp.
#pragma once

#include <optional>
#include <string_view>
#include <variant>

#include "dsl/diagnostic.hpp"
#include "dsl/syntax.hpp"

namespace clause::dsl {

struct ContractParse {
  ContractSyntax syntax;
  DiagnosticList diagnostics;
};

struct ScenarioParse {
  ScenarioSyntax syntax;
  DiagnosticList diagnostics;
};

struct EventParse {
  SourcePtr source;  // the text the event's Idents view
  std::optional<EventSyntax> event;
  DiagnosticList diagnostics;
};

// Every syntax error in the file is reported: after one, parsing resumes at the next
// line that begins a declaration (or a scenario line).
ContractParse parse_contract(const SourcePtr& source);
ScenarioParse parse_scenario(const SourcePtr& source);
// One event as typed in a question: `what if AGI is declared?` reads as `AGI is declared`.
EventParse parse_event(const SourcePtr& source);

struct ReceivesParse {
  SourcePtr source;  // the text the party's Idents view
  std::optional<ReceivesExpectation> receives;  // absent after a syntax error
  DiagnosticList diagnostics;
};

// `PARTY receives MONEY` on its own, as `clause payout --until` takes it: a scenario's
// expectation, whose amount may leave out its `$`.
ReceivesParse parse_receives(const SourcePtr& source);

enum class FileKind { contract, scenario, unknown };
// Tells a contract from a scenario by its first word.
FileKind sniff_file_kind(std::string_view text);

// A value given on the command line or in an `assume` line: money or a percentage.
using Value = std::variant<Money, Percent>;
std::variant<Value, LiteralError> parse_value(std::string_view text);
std::string value_to_string(const Value& v);

}  // namespace clause::dsl
