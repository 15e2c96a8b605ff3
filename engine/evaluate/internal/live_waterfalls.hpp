// The waterfalls of a contract as an evaluator pays through them: each waterfall's running
// totals, payees, tiers and shares in one block of memory, and each party's waterfalls in
// one list.
//
// Why: in the checked model a waterfall's tiers, each tier's shares and its payees are
// heap blocks of their own, and a PayeeState holds two more; an earning against a contract
// of 100,000 declarations read about a dozen lines in as many places. In one block, the
// lines a profit in the first tier reads are three or four neighbours.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <span>
#include <vector>

#include "engine/model/contract.hpp"
#include "engine/payout/waterfall.hpp"

namespace clause::engine {

class LiveWaterfalls {
 public:
  // A waterfall of a party, and where its block starts.
  struct Entry {
    Index waterfall = kNone;
    std::size_t block = 0;  // in bytes from the start of the storage
  };

  // Needs every waterfall's payees (index_payees).
  explicit LiveWaterfalls(const Contract& c);
  // The blocks hold spans of themselves: a copy would view the original's storage.
  LiveWaterfalls(const LiveWaterfalls&) = delete;
  LiveWaterfalls& operator=(const LiveWaterfalls&) = delete;
  LiveWaterfalls(LiveWaterfalls&&) = default;
  LiveWaterfalls& operator=(LiveWaterfalls&&) = default;

  // The waterfalls that distribute `party`'s profit, in file order.
  std::span<const Entry> of(Index party) const {
    const Party& p = parties_[party];
    return one_or_run<Entry>(p.only, p.first, p.count, entries_);
  }

  Money total(std::size_t block) const { return header(block).total; }
  // What an earning counts for the waterfall: its payees and every share of every tier.
  std::uint64_t steps(std::size_t block) const { return header(block).steps; }
  std::span<const Index> payees(std::size_t block) const {
    const Header& h = header(block);
    return {std::launder(reinterpret_cast<const Index*>(received(block) + h.payee_count)), h.payee_count};
  }
  WaterfallRules rules(std::size_t block) const {
    const Header& h = header(block);
    const std::byte* tiers =
        reinterpret_cast<const std::byte*>(received(block) + h.payee_count) + padded(h.payee_count * sizeof(Index));
    return {{std::launder(reinterpret_cast<const LiveTier*>(tiers)), h.tier_count}, payees(block)};
  }
  PayeeTotals totals(std::size_t block) {
    Header& h = header(block);
    return {h.total, h.complete_tiers, {tier_taken(block), h.tier_count}, {received(block), h.payee_count}};
  }

  // Back to nothing distributed: every waterfall, or one.
  void reset();
  void reset(Index waterfall);
  // A waterfall's running totals as a PayeeState.
  PayeeState snapshot(Index waterfall) const;

 private:
  struct Header {
    Money total;
    std::size_t complete_tiers = 0;
    std::uint64_t steps = 0;
    Index tier_count = 0;
    Index payee_count = 0;
    // Followed by Money tier_taken[tier_count], Money received[payee_count],
    // Index payees[payee_count] (padded to 8 bytes), LiveTier tiers[tier_count] and the
    // tiers' LiveShares in order.
  };
  static constexpr std::size_t padded(std::size_t bytes) { return (bytes + 7) / 8 * 8; }
  const Header& header(std::size_t block) const {
    return *std::launder(reinterpret_cast<const Header*>(storage_.get() + block));
  }
  Header& header(std::size_t block) { return *std::launder(reinterpret_cast<Header*>(storage_.get() + block)); }
  Money* tier_taken(std::size_t block) const {
    return std::launder(reinterpret_cast<Money*>(storage_.get() + block + sizeof(Header)));
  }
  Money* received(std::size_t block) const { return tier_taken(block) + header(block).tier_count; }

  // A party's waterfalls: the one itself when it has one (most parties with any), else
  // where its entries are.
  struct Party {
    Entry only;
    Index count = 0;
    Index first = 0;  // in entries_
  };

  std::unique_ptr<std::byte[]> storage_;
  std::vector<std::size_t> block_of_;  // by waterfall
  std::vector<Party> parties_;
  std::vector<Entry> entries_;  // of the parties with more than one
};

}  // namespace clause::engine
