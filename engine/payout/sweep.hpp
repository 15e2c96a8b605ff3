// Sweeps: many independent what-ifs, each from a fresh state, spread over worker
// threads with their results handed back in order, whatever the number of threads.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "engine/model/contract.hpp"

namespace clause::engine {

// The profits FROM, FROM + STEP, ... up to TO (TO itself when a step lands on it).
struct ProfitRange {
  Money from;
  Money to;
  Money step;  // > 0

  std::uint64_t count() const;
  Money at(std::uint64_t i) const;
};

struct SweepPlan {
  std::uint64_t count = 0;   // tasks, numbered from 0
  std::uint64_t chunk = 1;   // tasks per unit of work
  unsigned threads = 1;      // workers (1: everything on the calling thread)
};

// Runs `work(begin, end)` over [0, count) in chunks on the plan's workers and hands each
// chunk's result to `emit` on the calling thread, in task order, then reports the tasks
// done so far to `progress`. At most a few chunks per worker wait to be emitted, so
// memory stays bounded when emitting is slower than working. An exception thrown by
// `work` stops the sweep and is rethrown here.
void run_in_order(const SweepPlan& plan, const std::function<std::string(std::uint64_t, std::uint64_t)>& work,
                  const std::function<void(const std::string&)>& emit,
                  const std::function<void(std::uint64_t done)>& progress);

}  // namespace clause::engine
