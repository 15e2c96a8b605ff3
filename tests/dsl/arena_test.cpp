// A syntax tree's lists come from its parse's arena (dsl/arena.hpp); lists made elsewhere,
// and copies, come from the heap, so that nothing outlives the memory it is in.
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "dsl/arena.hpp"
#include "dsl/parse.hpp"
#include "dsl/read_source.hpp"

using namespace clause;

namespace {

constexpr const char* kContract = R"(contract "Arena"
party A { body board }
party B
party C
clause duty: A must buy compute only from B or C
clause end: when A.board declares milestone then duty ends, window ends
exception window to duty: A may buy compute from C if B consents up to $10B in total
waterfall profits of A:
  tier first $1M: B 60%, C 40%
  tier rest: A 100%
)";

template <typename T>
dsl::Arena* arena_of(const dsl::List<T>& list) {
  return list.get_allocator().arena();
}

}  // namespace

TEST_CASE("an arena hands out aligned memory, and blocks for lists larger than a block", "[arena]") {
  dsl::Arena arena;
  for (const std::size_t alignment : {1u, 2u, 4u, 8u, 16u, 64u}) {
    void* p = arena.allocate(3, alignment);
    CHECK(reinterpret_cast<std::uintptr_t>(p) % alignment == 0);
  }
  auto* large = static_cast<std::uint8_t*>(arena.allocate(1 << 20, 8));  // more than a block
  large[0] = 1;
  large[(1 << 20) - 1] = 2;  // the whole of it is usable (ASan checks in the sanitizer build)
  auto* after = static_cast<std::uint8_t*>(arena.allocate(16, 8));
  after[15] = 3;
  CHECK(large[0] == 1);
  CHECK(large[(1 << 20) - 1] == 2);
}

TEST_CASE("an arena's blocks grow past the largest size, and every allocation keeps its bytes", "[arena]") {
  // 24 MB in allocations of 4 KiB and one of 9 MiB: through blocks of 64 KiB doubling to
  // 8 MiB and past the largest; no two allocations overlap (each keeps its own fill), and
  // each is usable to its end (ASan checks in the sanitizer build).
  dsl::Arena arena;
  std::vector<std::uint8_t*> parts;
  constexpr std::size_t kPart = 4096;
  for (std::size_t i = 0; i < 6144; ++i) {
    if (i == 3000) {
      constexpr std::size_t kLarge = std::size_t{9} << 20;
      auto* large = static_cast<std::uint8_t*>(arena.allocate(kLarge, 64));
      CHECK(reinterpret_cast<std::uintptr_t>(large) % 64 == 0);
      std::memset(large, 0xAB, kLarge);
      CHECK(large[kLarge - 1] == 0xAB);
    }
    auto* p = static_cast<std::uint8_t*>(arena.allocate(kPart, 8));
    std::memset(p, static_cast<int>(i % 251), kPart);
    parts.push_back(p);
  }
  std::size_t intact = 0;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto fill = static_cast<std::uint8_t>(i % 251);
    intact += parts[i][0] == fill && parts[i][kPart / 2] == fill && parts[i][kPart - 1] == fill;
  }
  CHECK(intact == parts.size());
}

TEST_CASE("a list uses the arena current where it is made, and the heap elsewhere", "[arena]") {
  dsl::List<int> outside;
  CHECK(arena_of(outside) == nullptr);
  dsl::Arena arena;
  std::optional<dsl::List<int>> inside;
  {
    const dsl::ArenaScope scope(&arena);
    inside.emplace();
    inside->assign({1, 2, 3});
    CHECK(arena_of(*inside) == &arena);
  }
  CHECK(dsl::current_arena() == nullptr);
  const dsl::List<int> copy = *inside;  // made outside any scope: the heap
  CHECK(arena_of(copy) == nullptr);
  CHECK(copy == dsl::List<int>{1, 2, 3});
  dsl::List<int> moved = std::move(*inside);  // a move keeps the arena
  CHECK(arena_of(moved) == &arena);
  outside = std::move(moved);  // and so does a move assignment
  CHECK(arena_of(outside) == &arena);
}

TEST_CASE("scopes nest, and the outer arena is current again after the inner one", "[arena]") {
  dsl::Arena outer;
  dsl::Arena inner;
  const dsl::ArenaScope a(&outer);
  {
    const dsl::ArenaScope b(&inner);
    CHECK(dsl::current_arena() == &inner);
  }
  CHECK(dsl::current_arena() == &outer);
}

TEST_CASE("a parsed contract's lists are in its arena, and a copied declaration outlives the parse", "[arena]") {
  // The source stays: a tree's words view it, and this is about the lists.
  const dsl::SourcePtr source = dsl::source_from_bytes("arena.clause", kContract).source;
  std::optional<dsl::Declaration> copied;
  {
    const dsl::ContractParse parsed = dsl::parse_contract(source);
    REQUIRE_FALSE(parsed.diagnostics.has_errors());
    REQUIRE(parsed.syntax.arena != nullptr);
    dsl::Arena* arena = parsed.syntax.arena.get();
    const auto& d = parsed.syntax.declarations;
    REQUIRE(d.size() == 7);
    CHECK(arena_of(std::get<dsl::PartyDecl>(d[0].node).bodies) == arena);
    const auto& duty = std::get<dsl::ExclusivityStmt>(std::get<dsl::ClauseDecl>(d[3].node).statement);
    CHECK(arena_of(duty.more_vendors) == arena);
    const auto& end = std::get<dsl::TriggerStmt>(std::get<dsl::ClauseDecl>(d[4].node).statement);
    CHECK(arena_of(end.effects) == arena);
    CHECK(arena_of(std::get<dsl::ExceptionDecl>(d[5].node).conditions) == arena);
    const auto& profits = std::get<dsl::WaterfallDecl>(d[6].node);
    CHECK(arena_of(profits.tiers) == arena);
    CHECK(arena_of(profits.tiers[0].shares) == arena);
    copied = d[6];  // a copy, outside the parse's scope: the heap
    CHECK(dsl::current_arena() == nullptr);
  }
  const auto& profits = std::get<dsl::WaterfallDecl>(copied->node);
  CHECK(arena_of(profits.tiers) == nullptr);
  REQUIRE(profits.tiers.size() == 2);
  REQUIRE(profits.tiers[0].shares.size() == 2);
  CHECK(profits.tiers[0].shares[1].party.party.text == "C");
  CHECK(profits.tiers[1].shares[0].party.party.text == "A");
}
