// Contract::ask: the same question `clause ask` asks (engine/evaluate/ask.hpp), answered
// with the JSON `clause ask --json` writes and the values read from it.
#include "api/internal.hpp"
#include "cli/answer.hpp"
#include "cli/options.hpp"
#include "engine/evaluate/ask.hpp"

namespace clause {

Result<Answer> Contract::ask(const std::vector<std::string>& events, const AskOptions& options) const {
  return api::guarded<Answer>([&]() -> Result<Answer> {
    std::vector<Diagnostic> errors;
    std::optional<engine::LoadedContract> storage;
    const engine::Contract* contract = api::contract_for(*impl_, options.set, storage, errors);
    if (!contract) return {std::nullopt, std::move(errors)};
    dsl::DiagnosticList problems;
    std::optional<dsl::Date> on;
    if (options.on) {
      on = cli::parse_date_option("on", *options.on, problems);
      if (!on) return {std::nullopt, api::diagnostics(problems)};
    }
    const dsl::Date date = on ? *on : contract->effective ? *contract->effective : dsl::Date::today();
    const engine::Asked asked = engine::ask(*contract, events, date);
    if (asked.problems.has_errors()) return {std::nullopt, api::diagnostics(asked.problems)};
    if (!asked.answered()) return {std::nullopt, api::diagnostics(asked.stopped)};
    const cli::Answer answer{*contract, asked.events, asked.outsiders.names(), asked.log, *asked.state};
    std::vector<Diagnostic> warnings = api::warnings(asked.problems);
    Answer out = api::answer(cli::answer_json(answer, asked.problems), warnings);
    return {std::move(out), std::move(warnings)};
  });
}

}  // namespace clause
