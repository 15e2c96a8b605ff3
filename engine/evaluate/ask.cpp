#include "engine/evaluate/ask.hpp"

#include <fmt/format.h>

#include "dsl/parse.hpp"
#include "dsl/read_source.hpp"

namespace clause::engine {

Asked ask(const Contract& contract, const std::vector<std::string>& texts, Date on) {
  Asked a;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    auto src = dsl::source_from_bytes(fmt::format("<event {}>", i + 1), texts[i]);
    if (!src.source) {
      a.problems.append(src.diagnostics);
      continue;
    }
    dsl::EventParse parsed = dsl::parse_event(src.source);
    a.problems.append(parsed.diagnostics);
    if (!parsed.event || parsed.diagnostics.has_errors()) continue;
    if (auto e = resolve_event(contract, *parsed.event, src.source, a.outsiders, a.problems)) {
      a.events.push_back(std::move(*e));
    }
  }
  if (a.problems.has_errors()) return a;

  Evaluator evaluator(contract);
  for (std::size_t i = 0; i < a.events.size(); ++i) {
    if (auto error = evaluator.apply(a.events[i], on, a.log, static_cast<Index>(i))) {
      a.stopped.report<dsl::DiagId::evaluation_stopped>(a.events[i].where, *error);
      return a;
    }
  }
  a.state = evaluator.state();
  return a;
}

}  // namespace clause::engine
