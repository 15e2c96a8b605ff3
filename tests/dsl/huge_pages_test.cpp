// advise_huge_pages is only a hint: any buffer, aligned or not, tiny or large, keeps
// working and keeps its contents.
#include <catch2/catch.hpp>

#include <cstdint>
#include <numeric>
#include <vector>

#include "dsl/huge_pages.hpp"

TEST_CASE("advising huge pages accepts any buffer and changes no contents", "[memory]") {
  clause::dsl::advise_huge_pages(nullptr, 0);
  const int small = 7;
  clause::dsl::advise_huge_pages(&small, sizeof small);
  for (const std::size_t count : {std::size_t{1}, std::size_t{1} << 19, (std::size_t{3} << 20) + 13}) {
    std::vector<std::uint64_t> buffer;
    buffer.reserve(count);
    clause::dsl::advise_huge_pages(buffer.data() + 1, (count - 1) * sizeof(std::uint64_t));  // unaligned start
    buffer.resize(count);
    std::iota(buffer.begin(), buffer.end(), std::uint64_t{5});
    CHECK(buffer.front() == 5);
    CHECK(buffer.back() == count + 4);
    CHECK(std::accumulate(buffer.begin(), buffer.end(), std::uint64_t{0}) == count * (count - 1) / 2 + 5 * count);
  }
}
