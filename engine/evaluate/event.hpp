// Events resolved against a checked contract: names become indexes once, so applying an
// event is a handful of table lookups.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "dsl/diagnostic.hpp"
#include "dsl/syntax.hpp"
#include "engine/model/contract.hpp"

namespace clause::engine {

enum class EventKind : std::uint8_t {
  declares,
  is_declared,
  consents,
  buys,
  uses,
  earns,
  does,
  verifies,
  rejects,
  is_verified,
  declines,
  nothing_happens
};

struct Event {
  EventKind kind = EventKind::does;
  Actor actor;          // who declares, verifies, rejects, consents, buys, declines, uses, earns or does
  Actor vendor;         // buys: from whom
  Index word = kNone;   // the status or good, when the contract knows it
  std::string stream;   // earns: lower case, `profit` when none is written
  Index target = kNone; // consents: the exception; uses: the licence
  Money amount;         // buys, declines, earns
  std::string text;     // does: the deed; declares/buys: the word as written when the contract does not know it
  std::string canonical;  // the event written canonically, for output
  dsl::Location where;    // the event's text
};

// Names that events mention but the contract does not declare (`Google`).
class Outsiders {
 public:
  Actor intern(const std::string& name);
  const std::vector<std::string>& names() const { return names_; }

 private:
  std::vector<std::string> names_;
  std::unordered_map<std::string, Index> index_;
};

// Resolves one parsed event. Unknown licences and exceptions, undeclared bodies of
// declared parties, names of the wrong kind and amounts of zero are errors (with a
// suggestion where one is close); an undeclared party is an outsider.
std::optional<Event> resolve_event(const Contract& contract, const dsl::EventSyntax& syntax,
                                   const dsl::SourcePtr& source, Outsiders& outsiders, dsl::DiagnosticList& diags);

}  // namespace clause::engine
