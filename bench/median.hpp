// The median of a benchmark's repetitions, shared by the table (report.cpp) and
// check_phases, which both show it beside the best.
#pragma once

#include <cstddef>
#include <vector>

namespace clause::bench {

// `sorted` in ascending order, not empty.
inline double median_of_sorted(const std::vector<double>& sorted) {
  const std::size_t n = sorted.size();
  return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

}  // namespace clause::bench
