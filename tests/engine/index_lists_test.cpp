// IndexLists keeps, for every key, the indexes paired with it in the order of the pairs:
// the same lists a vector per key would hold.
#include <catch2/catch.hpp>

#include <random>
#include <vector>

#include "engine/model/internal/index_lists.hpp"

using clause::engine::IndexLists;
using Index = IndexLists::Index;

TEST_CASE("index lists hold every key's indexes in the order given, empty keys included", "[index]") {
  std::mt19937_64 rng(20261129);
  for (const std::size_t keys : {std::size_t{0}, std::size_t{1}, std::size_t{7}, std::size_t{5'000}}) {
    for (const std::size_t count : {std::size_t{0}, std::size_t{1}, std::size_t{100}, std::size_t{20'000}}) {
      if (keys == 0 && count > 0) continue;
      std::vector<std::pair<Index, Index>> pairs;
      std::vector<std::vector<Index>> expected(keys);
      for (std::size_t i = 0; i < count; ++i) {
        const auto key = static_cast<Index>(rng() % keys);
        const auto index = static_cast<Index>(rng() % 1'000'000);
        pairs.emplace_back(key, index);
        expected[key].push_back(index);
      }
      const IndexLists lists(keys, pairs);
      REQUIRE(lists.size() == keys);
      for (std::size_t k = 0; k < keys; ++k) {
        const auto got = lists[k];
        REQUIRE(std::vector<Index>(got.begin(), got.end()) == expected[k]);
      }
    }
  }
  CHECK(IndexLists().size() == 0);
}
