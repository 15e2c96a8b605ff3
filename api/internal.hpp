// What the API's files share: the loaded contract behind a clause::Contract, and the
// conversions from the engine's and the renderers' data to the API's values.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "clause/clause.hpp"
#include "dsl/diagnostic.hpp"
#include "engine/payout/load.hpp"

namespace clause {

struct Contract::Impl {
  engine::LoadedContract loaded;  // holds a contract
  std::string path;               // the file read; empty when loaded from text
  Assumptions set;                // overridden when it was loaded
  std::vector<Diagnostic> warnings;
  std::string json;               // "contract" as --json writes it
};

namespace api {

using Json = nlohmann::ordered_json;

Diagnostic diagnostic(const dsl::Diagnostic& d);
std::vector<Diagnostic> diagnostics(const dsl::DiagnosticList& list);
// Only the warnings and notes of `list`.
std::vector<Diagnostic> warnings(const dsl::DiagnosticList& list);

// "NAME=VALUE", as `--set` takes them.
std::vector<std::string> set_words(const Assumptions& set);

// An amount as `--json` writes it ("-3.00"); nullopt when `text` is not one in whole cents.
std::optional<Money> money(std::string_view text);
// A place written "file:line:col".
Place place(const std::string& text);
// Events and payouts of an answer written as `clause ask --json` writes it.
Answer answer(const Json& j, std::vector<Diagnostic> warnings);

// The contract a question is asked of: the loaded one, or, with assumptions overridden for
// this question, the same text checked again into `storage` (errors into `errors`).
const engine::Contract* contract_for(const Contract::Impl& impl, const Assumptions& set,
                                     std::optional<engine::LoadedContract>& storage, std::vector<Diagnostic>& errors);

// Runs `body`; a bug's exception becomes an error diagnostic instead of leaving the API.
template <typename T, typename Body>
Result<T> guarded(Body&& body) {
  try {
    return body();
  } catch (const std::exception& e) {
    dsl::DiagnosticList bug;
    bug.report<dsl::DiagId::uncaught_exception>({nullptr, {}, {}}, e.what());
    return Result<T>{std::nullopt, diagnostics(bug)};
  }
}

}  // namespace api
}  // namespace clause
