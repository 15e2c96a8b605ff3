#include "engine/evaluate/internal/live_waterfalls.hpp"

#include <utility>

#include "dsl/huge_pages.hpp"

namespace clause::engine {

namespace {

// Every part of a block is 8-byte aligned: its size is a multiple of 8, and so is each
// part's offset.
static_assert(alignof(Money) <= 8 && alignof(LiveTier) <= 8 && alignof(LiveShare) <= 8);

std::size_t share_count(const Waterfall& w) {
  std::size_t n = 0;
  for (const Tier& t : w.tiers) n += t.shares.size();
  return n;
}

}  // namespace

LiveWaterfalls::LiveWaterfalls(const Contract& c) {
  std::size_t bytes = 0;
  block_of_.reserve(c.waterfalls.size());
  for (const Waterfall& w : c.waterfalls) {
    block_of_.push_back(bytes);
    bytes += sizeof(Header) + (w.tiers.size() + w.payees.size()) * sizeof(Money) +
             padded(w.payees.size() * sizeof(Index)) + w.tiers.size() * sizeof(LiveTier) +
             share_count(w) * sizeof(LiveShare);
  }
  storage_ = std::make_unique<std::byte[]>(bytes);
  dsl::advise_huge_pages(storage_.get(), bytes);
  for (std::size_t wi = 0; wi < c.waterfalls.size(); ++wi) {
    const Waterfall& w = c.waterfalls[wi];
    std::byte* at = storage_.get() + block_of_[wi];
    Header* h = ::new (at) Header{};
    h->tier_count = static_cast<Index>(w.tiers.size());
    h->payee_count = static_cast<Index>(w.payees.size());
    h->steps = w.payees.size() + share_count(w);
    at += sizeof(Header);
    for (std::size_t i = 0; i < w.tiers.size() + w.payees.size(); ++i, at += sizeof(Money)) ::new (at) Money{};
    std::byte* const payees_at = at;
    for (const Index p : w.payees) {
      ::new (at) Index{p};
      at += sizeof(Index);
    }
    at = payees_at + padded(w.payees.size() * sizeof(Index));
    auto* tiers = reinterpret_cast<LiveTier*>(at);
    auto* shares = reinterpret_cast<LiveShare*>(at + w.tiers.size() * sizeof(LiveTier));
    for (const Tier& t : w.tiers) {
      LiveShare* first = shares;
      for (const Share& s : t.shares) ::new (shares++) LiveShare{s.cap, s.percent, s.slot};
      ::new (tiers++) LiveTier{t.amount, std::span<const LiveShare>(first, t.shares.size()), t.kind, t.overflow_slot};
    }
  }

  parties_.assign(c.parties.size(), Party{});
  for (std::size_t p = 0; p < c.parties.size() && p < c.waterfalls_of.size(); ++p) {
    const std::span<const Index> mine = c.waterfalls_of[p];
    Party& party = parties_[p];
    party.count = static_cast<Index>(mine.size());
    if (mine.size() == 1) {
      party.only = Entry{mine[0], block_of_[mine[0]]};
      continue;
    }
    party.first = static_cast<Index>(entries_.size());
    for (const Index wi : mine) entries_.push_back(Entry{wi, block_of_[wi]});
  }
}

void LiveWaterfalls::reset() {
  for (std::size_t wi = 0; wi < block_of_.size(); ++wi) reset(static_cast<Index>(wi));
}

void LiveWaterfalls::reset(Index waterfall) {
  const std::size_t block = block_of_[waterfall];
  Header& h = header(block);
  h.total = Money{};
  h.complete_tiers = 0;
  Money* totals = tier_taken(block);
  for (std::size_t i = 0; i < h.tier_count + h.payee_count; ++i) totals[i] = Money{};
}

PayeeState LiveWaterfalls::snapshot(Index waterfall) const {
  const std::size_t block = block_of_[waterfall];
  const Header& h = header(block);
  PayeeState s;
  s.tier_taken.assign(tier_taken(block), tier_taken(block) + h.tier_count);
  s.received.assign(received(block), received(block) + h.payee_count);
  s.total = h.total;
  s.complete_tiers = h.complete_tiers;
  return s;
}

}  // namespace clause::engine
