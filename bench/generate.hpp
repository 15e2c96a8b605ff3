// Seeded generators of benchmark inputs: contracts of a given size, event streams and
// profits. The same seed gives the same bytes on every machine (a splitmix64 stream,
// never the standard library's distributions), so no large input is committed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "engine/model/contract.hpp"
#include "engine/evaluate/event.hpp"

namespace clause::bench {

// splitmix64: tiny, fast and the same everywhere.
class Random {
 public:
  explicit Random(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next();
  // Uniform in [0, n), n > 0 (the slight modulo bias does not matter here).
  std::uint64_t below(std::uint64_t n) { return next() % n; }
  // Uniform in [lo, hi].
  std::int64_t between(std::int64_t lo, std::int64_t hi);
  // Log-uniform in [lo, hi] (lo > 0): every order of magnitude equally likely.
  std::int64_t log_between(std::int64_t lo, std::int64_t hi);

 private:
  std::uint64_t state_;
};

// A valid contract of about `declarations` declarations (about 100 bytes each) in groups
// of eleven: three parties, an assumption, a licence, an exclusivity with its exception,
// a prohibition, a power, a trigger and a waterfall. Names across groups are referenced
// at random, so lookups touch the whole table. It checks without errors or warnings.
//
// `changed_per_mille` > 0 makes the renegotiated version of the same contract: about
// that many declarations in a thousand differ (a limit, a cap, a share, a vendor, a holder,
// a trigger's effects, a description), chosen by the seed.
std::string generate_contract(std::size_t declarations, std::uint64_t seed, unsigned changed_per_mille = 0);

// How many declarations generate_contract writes for a request of `declarations`.
std::size_t generated_declarations(std::size_t declarations);

// A stream of events: a pool of distinct resolved events and the order to apply them in
// (indexes into the pool), so a million events cost four bytes each.
struct EventStream {
  engine::Outsiders outsiders;
  std::vector<engine::Event> pool;
  std::vector<std::uint32_t> order;
};

// Mixed events against the flagship (contracts/microsoft-openai/2024-06.clause):
// purchases from every vendor and from outsiders, consents asked and not asked,
// declarations by the holder, by others and of unknown statuses, uses by grantor,
// grantee and others, profits of the waterfall's party and of others, deeds.
EventStream flagship_events(const engine::Contract& flagship, std::size_t count, std::uint64_t seed);

// The same mix against a contract from generate_contract, spread over all its groups.
EventStream generated_events(const engine::Contract& contract, std::size_t count, std::uint64_t seed);

// Profits log-uniform between $1 and $1T: every tier of the flagship is reached.
std::vector<dsl::Money> random_profits(std::size_t count, std::uint64_t seed);

}  // namespace clause::bench
