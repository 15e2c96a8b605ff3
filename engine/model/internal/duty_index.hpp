// The exclusivity and prohibition clauses on a buyer buying a good: what every purchase
// looks up. Open addressing over one array of slots that hold the key and where its
// clauses are in one array of clause indexes, so a lookup is a slot or two and one read
// of the list, with no node to follow. It replaced an `unordered_map` of vectors, whose
// bucket, node and vector were three dependent cache misses per purchase against a large
// contract (16% of evaluating a million events against 100,000 declarations). A key with
// one clause, the usual case, holds the clause itself, and the list is not read at all.
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "engine/model/internal/index_lists.hpp"

namespace clause::engine {

using Index = std::uint32_t;

struct DutyKey {
  Index party;
  Index body;
  Index good;
  friend bool operator==(const DutyKey&, const DutyKey&) = default;
  friend auto operator<=>(const DutyKey&, const DutyKey&) = default;
};

class DutyIndex {
 public:
  // Builds the index from every (key, clause) pair; a key's clauses keep the order of
  // their indexes (file order).
  void build(std::vector<std::pair<DutyKey, Index>> pairs) {
    std::sort(pairs.begin(), pairs.end());
    clauses_.clear();
    clauses_.reserve(pairs.size());
    std::size_t keys = 0;
    for (std::size_t i = 0; i < pairs.size(); ++i) keys += i == 0 || !(pairs[i].first == pairs[i - 1].first);
    std::size_t count = 16;
    while (count < 2 * keys) count *= 2;
    slots_.assign(count, Slot{});
    mask_ = count - 1;
    for (std::size_t i = 0; i < pairs.size();) {
      const DutyKey key = pairs[i].first;
      const auto first = static_cast<std::uint32_t>(clauses_.size());
      for (; i < pairs.size() && pairs[i].first == key; ++i) clauses_.push_back(pairs[i].second);
      const auto listed = static_cast<std::uint32_t>(clauses_.size()) - first;
      std::size_t s = hash(key) & mask_;
      while (slots_[s].count != 0) s = (s + 1) & mask_;
      if (listed == 1) {
        slots_[s] = Slot{key, clauses_.back(), 1};
        clauses_.pop_back();
      } else {
        slots_[s] = Slot{key, first, listed};
      }
    }
  }

  // The clauses on `key`, in file order; empty when there are none.
  std::span<const Index> find(const DutyKey& key) const {
    if (slots_.empty()) return {};
    for (std::size_t s = hash(key) & mask_;; s = (s + 1) & mask_) {
      const Slot& slot = slots_[s];
      if (slot.count == 0) return {};
      if (slot.key == key) return one_or_run<Index>(slot.first, slot.first, slot.count, clauses_);
    }
  }

 private:
  struct Slot {
    DutyKey key{};
    std::uint32_t first = 0;  // where the clauses are in clauses_; the clause itself when count is 1
    std::uint32_t count = 0;  // 0: an empty slot
  };

  static std::uint64_t hash(const DutyKey& k) {
    std::uint64_t h = (std::uint64_t{k.party} << 32 | k.body) * 0x9E3779B97F4A7C15ull;
    h ^= k.good * 0xC2B2AE3D27D4EB4Full;
    h ^= h >> 29;
    h *= 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 32);
  }

  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::vector<Index> clauses_;
};

}  // namespace clause::engine
