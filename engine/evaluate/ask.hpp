// A question as a caller words it: events as text, read and resolved against a contract,
// then applied in order on one date from a fresh state. `clause ask` and the library API
// both ask through here.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dsl/diagnostic.hpp"
#include "engine/evaluate/evaluate.hpp"

namespace clause::engine {

struct Asked {
  std::vector<Event> events;  // resolved, in order
  Outsiders outsiders;
  OutcomeLog log;
  std::optional<State> state;         // after the last event, when every event applied
  dsl::DiagnosticList problems;       // about the events' words: errors stop the question
  dsl::DiagnosticList stopped;        // why an event could not be applied (the run stops there)

  bool answered() const { return state.has_value(); }
};

// Event i's text is read as the source "<event i+1>".
Asked ask(const Contract& contract, const std::vector<std::string>& events, Date on);

}  // namespace clause::engine
