// What a question answers: each event's outcomes as plain data, with the sentence that
// says why, and every party's payouts. The same facts `clause ask --json` writes.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "clause/diagnostic.hpp"
#include "clause/money.hpp"

namespace clause {

// One outcome of one event.
//
//   for (const clause::Outcome& o : answer->events[0].outcomes)
//     std::cout << o.kind << " " << o.rule << ": " << o.because << "\n";
//   // breach exclusivity: OpenAI bought compute from Oracle, but ...
struct Outcome {
  std::string kind;            // "breach", "permitted", "declared", "ended", "payout", ...
  std::string rule;            // the deciding declaration; empty when none decided
  std::optional<Place> place;  // where that declaration is written
  std::string because;         // the one-sentence reason
  // Every amount the outcome carries, by its JSON key; an object's members are named
  // through a dot: {"total", ...}, {"amounts.Microsoft", ...}.
  std::vector<std::pair<std::string, Money>> amounts;
  std::string json;            // the outcome exactly as `clause ask --json` writes it
};

// One event and what it did, in the order the events were asked.
//
//   for (const clause::EventAnswer& e : answer->events) std::cout << e.on << " " << e.event << "\n";
struct EventAnswer {
  std::string on;     // the event's date, "2026-01-01"
  std::string event;  // the event written canonically
  std::vector<Outcome> outcomes;
};

// What a question answered (Contract::ask) or a scenario did (ScenarioResult::answer).
//
//   for (const auto& [party, amount] : answer->payouts) std::cout << party << " " << amount.decimal() << "\n";
struct Answer {
  std::vector<EventAnswer> events;
  // What each party received from every waterfall, parties that received nothing left out.
  std::vector<std::pair<std::string, Money>> payouts;
  // Warnings about the events' words (a name the contract never mentions).
  std::vector<Diagnostic> warnings;
  std::string json;  // the whole answer exactly as `clause ask --json` writes it
};

}  // namespace clause
