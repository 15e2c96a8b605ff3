// Lists of indexes by a dense key (a party, a word): the waterfalls of each party, the
// trigger clauses of each status and good. Every list lives in one array and a key's list
// is a span of it, so reading one is a load from `first_` and a run of `items_`: a vector
// per key was a heap block per key, one more dependent cache miss per event against a
// large contract.
#pragma once

#include <cstdint>
#include <span>
#include <utility>
#include <vector>

namespace clause::engine {

// A list that is usually one item long, kept so that the usual case reads no list: the
// item itself when there is one (`one`), else a run of `count` items of `runs` from
// `first`. The duty index, a clause's exceptions and a party's waterfalls use it.
template <typename T>
std::span<const T> one_or_run(const T& one, std::size_t first, std::size_t count, std::span<const T> runs) {
  return count == 1 ? std::span<const T>(&one, 1) : runs.subspan(first, count);
}

class IndexLists {
 public:
  using Index = std::uint32_t;

  IndexLists() = default;
  // From (key, index) pairs, every key below `key_count`; a key's indexes keep the order
  // of the pairs.
  IndexLists(std::size_t key_count, const std::vector<std::pair<Index, Index>>& pairs)
      : first_(key_count + 1, 0), items_(pairs.size()) {
    for (const auto& [key, index] : pairs) ++first_[key + 1];
    for (std::size_t k = 0; k < key_count; ++k) first_[k + 1] += first_[k];
    std::vector<Index> next(first_.begin(), first_.end() - 1);
    for (const auto& [key, index] : pairs) items_[next[key]++] = index;
  }

  std::span<const Index> operator[](std::size_t key) const {
    return std::span<const Index>(items_.data() + first_[key], first_[key + 1] - first_[key]);
  }
  std::size_t size() const { return first_.empty() ? 0 : first_.size() - 1; }  // keys

 private:
  std::vector<Index> first_;  // by key, and one past: where its list begins in items_
  std::vector<Index> items_;
};

}  // namespace clause::engine
