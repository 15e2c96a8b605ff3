#include "dsl/arena.hpp"

#include <algorithm>
#include <cstdint>

#include "dsl/huge_pages.hpp"

namespace clause::dsl {
namespace {

thread_local Arena* t_current = nullptr;

// Blocks double from 64 KiB to 8 MiB: a small tree takes one small block, and the lists
// of a 10 MB contract's tree (about 25 MB; DHAT counted 2.5 MB at 1 MB) take about ten,
// which ask for 2 MiB pages (dsl/huge_pages.hpp). In 64 KiB blocks of 4 KiB pages, the
// checker's reads of those lists missed the TLB too.
constexpr std::size_t kFirstBlockBytes = std::size_t{1} << 16;
constexpr std::size_t kLargestBlockBytes = std::size_t{8} << 20;

}  // namespace

void* Arena::allocate(std::size_t bytes, std::size_t alignment) {
  const auto align_up = [alignment](std::byte* p) {
    const auto address = reinterpret_cast<std::uintptr_t>(p);
    return reinterpret_cast<std::byte*>((address + alignment - 1) & ~(std::uintptr_t{alignment} - 1));
  };
  std::byte* start = next_ != nullptr ? align_up(next_) : nullptr;
  if (start == nullptr || static_cast<std::size_t>(end_ - start) < bytes) {
    // A new block, twice the last up to the largest; larger for a list that needs it.
    const std::size_t block = blocks_.empty() ? kFirstBlockBytes : std::min(2 * block_bytes_, kLargestBlockBytes);
    const std::size_t size = std::max(block, bytes + alignment);
    block_bytes_ = block;
    blocks_.push_back(std::make_unique_for_overwrite<std::byte[]>(size));
    advise_huge_pages(blocks_.back().get(), size);
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
