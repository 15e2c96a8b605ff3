// The probe events of a diff (LANGUAGE.md section 7): short event sequences built from the
// names and figures of both contracts, each to be run against both from a fresh state.
// Names are kept as the old contract writes them (a declaration only the new contract has
// keeps its own name); each contract reads them through the renames. Internal to the diff.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/model/contract.hpp"
#include "engine/diff/diff.hpp"
#include "engine/diff/internal/diff_parts.hpp"
#include "engine/evaluate/event.hpp"

namespace clause::engine {

struct ProbeActor {
  std::string party;
  std::string body;  // empty: the party itself
};

struct ProbeTarget {
  DeclKind kind = DeclKind::exception;  // an exception (consents) or a licence (uses)
  std::string name;
};

// One event, its names as indexes into the ProbeSet's tables.
struct ProbeEvent {
  EventKind kind = EventKind::does;
  Index actor = kNone;   // who declares, verifies, rejects, consents, buys, declines, uses, earns or does
  Index vendor = kNone;  // buys
  Index word = kNone;    // the status or good
  Index target = kNone;  // consents: an exception; uses: a licence
  Index text = kNone;    // does
  Index stream = kNone;  // earns: into ProbeSet::streams; kNone is `profit`
  Money amount{};        // buys, declines, earns
  std::optional<Date> on{};  // its own date, when not the probe's (a later step of a sequence)
  friend bool operator==(const ProbeEvent&, const ProbeEvent&) = default;
};

struct Probe {
  Date on;          // the date of its events, but those that carry their own
  Index first = 0;  // into ProbeSet::events
  Index count = 0;
};

struct ProbeSet {
  std::vector<ProbeActor> actors;
  std::vector<std::string> words;  // lower case
  std::vector<ProbeTarget> targets;
  std::vector<std::string> texts;
  std::vector<std::string> streams;  // lower case
  std::vector<ProbeEvent> events;
  std::vector<Probe> probes;
};

// The date of one event of a probe.
inline Date probe_event_date(const Probe& p, const ProbeEvent& e) { return e.on ? *e.on : p.on; }

// Every probe for the pair, none twice. `on` is the day both contracts are in force; probes
// are also dated at every boundary of either contract's terms (the day before, on and after
// each `from`, `until` and `by`, and each exception's window) on or after `on`.
ProbeSet make_probes(const Contract& old_contract, const Contract& new_contract, const NameMap& names, Date on);

// The event written canonically, with names as `name` reads them (the same form `ask` takes).
std::string probe_text(const ProbeSet& set, const ProbeEvent& e, const NameReader& name);

}  // namespace clause::engine
