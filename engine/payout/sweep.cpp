#include "engine/payout/sweep.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <map>
#include <mutex>
#include <thread>

namespace clause::engine {

std::uint64_t ProfitRange::count() const {
  if (step.cents() <= 0 || to < from) return 0;
  return static_cast<std::uint64_t>((to.cents() - from.cents()) / step.cents()) + 1;
}

Money ProfitRange::at(std::uint64_t i) const {
  // from + i*step <= to, so the product stays within the money range.
  return Money::from_cents(from.cents() + static_cast<std::int64_t>(i) * step.cents());
}

void run_in_order(const SweepPlan& plan, const std::function<std::string(std::uint64_t, std::uint64_t)>& work,
                  const std::function<void(const std::string&)>& emit,
                  const std::function<void(std::uint64_t done)>& progress) {
  const std::uint64_t chunk = std::max<std::uint64_t>(1, plan.chunk);
  const std::uint64_t chunks = (plan.count + chunk - 1) / chunk;
  const auto range = [&](std::uint64_t c) {
    return std::make_pair(c * chunk, std::min(plan.count, (c + 1) * chunk));
  };
  const auto threads = static_cast<unsigned>(std::min<std::uint64_t>(std::max(1u, plan.threads), chunks));
  if (threads <= 1) {
    for (std::uint64_t c = 0; c < chunks; ++c) {
      const auto [begin, end] = range(c);
      emit(work(begin, end));
      progress(end);
    }
    return;
  }

  std::mutex mutex;
  std::condition_variable chunk_done;   // a worker finished a chunk
  std::condition_variable chunk_taken;  // the emitter took one: there is room to work ahead
  std::map<std::uint64_t, std::string> finished;
  std::uint64_t next_to_work = 0;
  std::uint64_t next_to_emit = 0;
  const std::uint64_t ahead = 4ull * threads;
  std::exception_ptr failure;

  const auto worker = [&] {
    while (true) {
      std::uint64_t c = 0;
      {
        std::unique_lock lock(mutex);
        chunk_taken.wait(lock, [&] { return failure || next_to_work >= chunks || next_to_work < next_to_emit + ahead; });
        if (failure || next_to_work >= chunks) return;
        c = next_to_work++;
      }
      const auto [begin, end] = range(c);
      std::string out;
      try {
        out = work(begin, end);
      } catch (...) {
        std::lock_guard lock(mutex);
        if (!failure) failure = std::current_exception();
        chunk_done.notify_all();
        chunk_taken.notify_all();
        return;
      }
      {
        std::lock_guard lock(mutex);
        finished.emplace(c, std::move(out));
      }
      chunk_done.notify_all();
    }
  };

  std::vector<std::thread> pool;
  pool.reserve(threads);
  for (unsigned i = 0; i < threads; ++i) pool.emplace_back(worker);
  std::exception_ptr emit_failure;
  try {
    while (next_to_emit < chunks) {
      std::string out;
      {
        std::unique_lock lock(mutex);
        chunk_done.wait(lock, [&] { return failure || finished.count(next_to_emit) != 0; });
        if (failure) break;
        const auto it = finished.find(next_to_emit);
        out = std::move(it->second);
        finished.erase(it);
        ++next_to_emit;
      }
      chunk_taken.notify_all();
      emit(out);
      progress(range(next_to_emit - 1).second);
    }
  } catch (...) {
    emit_failure = std::current_exception();
    std::lock_guard lock(mutex);
    if (!failure) failure = emit_failure;
  }
  chunk_taken.notify_all();
  for (std::thread& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace clause::engine
