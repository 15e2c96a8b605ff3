#include "dsl/arena.hpp"

#include <algorithm>
#include <cstdint>

namespace clause::dsl {
namespace {

thread_local Arena* t_current = nullptr;

constexpr std::size_t kBlockBytes = std::size_t{1} << 16;

}  // namespace

void* Arena::allocate(std::size_t bytes, std::size_t alignment) {
  const auto align_up = [alignment](std::byte* p) {
    const auto address = reinterpret_cast<std::uintptr_t>(p);
    return reinterpret_cast<std::byte*>((address + alignment - 1) & ~(std::uintptr_t{alignment} - 1));
  };
  std::byte* start = next_ != nullptr ? align_up(next_) : nullptr;
  if (start == nullptr || static_cast<std::size_t>(end_ - start) < bytes) {
    // A new block; one larger than a block for a list that needs it.
    const std::size_t size = std::max(kBlockBytes, bytes + alignment);
    blocks_.push_back(std::make_unique_for_overwrite<std::byte[]>(size));
    next_ = blocks_.back().get();
    end_ = next_ + size;
    start = align_up(next_);
  }
  next_ = start + bytes;
  return start;
}

Arena* current_arena() noexcept { return t_current; }

ArenaScope::ArenaScope(Arena* arena) noexcept : previous_(t_current) { t_current = arena; }
ArenaScope::~ArenaScope() { t_current = previous_; }

}  // namespace clause::dsl
