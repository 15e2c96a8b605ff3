// The index every purchase looks its clauses up in: for each key (buyer, body, good) the
// clauses in file order, nothing for a key no clause has, whatever the number of keys.
#include <catch2/catch.hpp>

#include <map>
#include <random>

#include "engine/model/internal/duty_index.hpp"

namespace {

using clause::engine::DutyIndex;
using clause::engine::DutyKey;
using clause::engine::Index;

TEST_CASE("duty index gives each key its clauses in file order, like a map of vectors") {
  std::mt19937_64 rng(11);
  for (const Index clauses : {0u, 1u, 5u, 300u, 20'000u}) {
    std::vector<std::pair<DutyKey, Index>> pairs;
    std::map<DutyKey, std::vector<Index>> reference;
    for (Index i = 0; i < clauses; ++i) {
      // Few parties and goods, so that keys repeat; bodies 0xFFFFFFFF (none) or small.
      const DutyKey key{static_cast<Index>(rng() % 50), rng() % 3 == 0 ? 0xFFFF'FFFFu : static_cast<Index>(rng() % 2),
                        static_cast<Index>(rng() % 7)};
      pairs.emplace_back(key, i);
      reference[key].push_back(i);
    }
    DutyIndex index;
    index.build(pairs);
    for (Index party = 0; party < 52; ++party) {
      for (const Index body : {0u, 1u, 2u, 0xFFFF'FFFFu}) {
        for (Index good = 0; good < 8; ++good) {
          const DutyKey key{party, body, good};
          const auto found = index.find(key);
          const auto it = reference.find(key);
          const std::vector<Index> got(found.begin(), found.end());
          REQUIRE(got == (it == reference.end() ? std::vector<Index>{} : it->second));
        }
      }
    }
  }
}

TEST_CASE("an empty duty index finds nothing") {
  const DutyIndex index;
  CHECK(index.find(DutyKey{0, 0, 0}).empty());
}

}  // namespace
