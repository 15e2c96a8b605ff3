// Memory for the lists of a contract's syntax tree: one arena per parse, freed at once
// with the tree. A 10 MB contract's tree has about 70,000 small lists (tiers, shares,
// conditions, bodies, effects); allocating each from the heap and freeing each again was
// about a tenth of `clause check` at that size.
//
// A `List` allocates from the arena current on its thread when it was made (an
// `ArenaScope` makes one current while a parse reads into it), and from the heap when
// none is: a list built by hand, or copied (a copy never shares the arena). A list moved
// keeps its arena, so a tree's nodes stay with their tree (`ContractSyntax` keeps its
// arena alive).
#pragma once

#include <cstddef>
#include <memory>
#include <type_traits>
#include <vector>

namespace clause::dsl {

class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  void* allocate(std::size_t bytes, std::size_t alignment);

 private:
  std::vector<std::unique_ptr<std::byte[]>> blocks_;
  std::byte* next_ = nullptr;
  std::byte* end_ = nullptr;
  std::size_t block_bytes_ = 0;  // of the last block, before any list larger than blocks
};

Arena* current_arena() noexcept;

// Makes `arena` current on this thread for the scope's lifetime.
class ArenaScope {
 public:
  explicit ArenaScope(Arena* arena) noexcept;
  ~ArenaScope();
  ArenaScope(const ArenaScope&) = delete;
  ArenaScope& operator=(const ArenaScope&) = delete;

 private:
  Arena* previous_;
};

template <typename T>
class ArenaAllocator {
 public:
  using value_type = T;
  using propagate_on_container_move_assignment = std::true_type;
  using propagate_on_container_swap = std::true_type;
  using is_always_equal = std::false_type;

  ArenaAllocator() noexcept : arena_(current_arena()) {}
  template <typename U>
  ArenaAllocator(const ArenaAllocator<U>& other) noexcept : arena_(other.arena()) {}  // NOLINT: rebinding

  T* allocate(std::size_t n) {
    if (arena_ == nullptr) return std::allocator<T>().allocate(n);
    return static_cast<T*>(arena_->allocate(n * sizeof(T), alignof(T)));
  }
  void deallocate(T* p, std::size_t n) noexcept {
    if (arena_ == nullptr) std::allocator<T>().deallocate(p, n);  // an arena frees everything at once
  }
  // A copy allocates where copies are made now, never from the arena of what it copies.
  ArenaAllocator select_on_container_copy_construction() const noexcept { return ArenaAllocator(); }

  Arena* arena() const noexcept { return arena_; }
  friend bool operator==(const ArenaAllocator& a, const ArenaAllocator& b) noexcept { return a.arena_ == b.arena_; }

 private:
  Arena* arena_;
};

template <typename T>
using List = std::vector<T, ArenaAllocator<T>>;

}  // namespace clause::dsl
