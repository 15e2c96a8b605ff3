// When two contracts' outcomes of one event are the same: compared by what they decide, not
// by where it is written or how the reason is worded. An outcome's key is its kind, its
// reason (its kind's Why), the deciding declaration, the party, what ended (or which clause an
// exception overrode) and what had ended a licence or clause before — declarations by kind
// and name (renames read through), parties by name. Left out on purpose:
// - the `because` sentence's figures (a breach over a $10B limit and over a $20B limit
//   is the same breach) and which conditions of each exception failed;
// - payout amounts: the payouts part of the diff compares them exactly;
// - the order of an event's outcomes (it follows the order declarations are written in);
// - running figures: a first refusal's allowance, a commitment's total. A change in them
//   shows as another outcome (permitted by the allowance against a breach, a `fulfilled`
//   present on one side only) at the probes' amounts, so keying them would only split
//   one change into many;
// - what time revealed before an event, but for `nothing happens`: the dated probes ask
//   about time with `nothing happens` at each boundary.
// docs/diff.md explains the choice. Internal to the diff.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/model/contract.hpp"
#include "engine/diff/diff.hpp"
#include "engine/evaluate/outcome.hpp"

namespace clause::engine {

struct OutcomeKey {
  std::uint8_t kind = 0;
  std::uint8_t why = 0;
  std::uint32_t rule = kNone;
  std::uint32_t party = kNone;
  std::uint32_t subject = kNone;
  std::uint32_t cause = kNone;
  friend auto operator<=>(const OutcomeKey&, const OutcomeKey&) = default;
};

// An event that did not happen in a contract: it names what the contract lacks, or it would
// take a running total past the money range.
inline constexpr std::uint8_t kWhyMissing = 0xFF;
inline constexpr std::uint8_t kWhyError = 0xFE;

enum class Side : std::uint8_t { old_contract = 0, new_contract = 1 };

class OutcomeComparer {
 public:
  OutcomeComparer(const Contract& old_contract, const Contract& new_contract, const NameMap& names);

  // The sorted keys of one event's outcomes, into `out` (cleared first). Without
  // `with_time`, what time revealed before the event (an `expired`, a commitment's deadline
  // breach) is left out.
  void keys(Side side, const OutcomeLog& log, const EventRecord& record, const std::vector<std::string>& outsiders,
            bool with_time, std::vector<OutcomeKey>& out);

 private:
  std::uint32_t decl(Side side, DeclRef ref) const;
  std::uint32_t actor(Side side, Actor a, const std::vector<std::string>& outsiders);
  std::uint32_t actor_named(const std::string& name);

  const Contract* contracts_[2];
  const NameMap& names_;
  std::vector<std::uint32_t> decl_ids_[2][7];  // by side, kind, index
  std::unordered_map<std::string, std::uint32_t> actor_ids_;  // by name as the old contract writes it
  std::unordered_map<std::uint64_t, std::uint32_t> declared_actor_ids_[2];
};

}  // namespace clause::engine
