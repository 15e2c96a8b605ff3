// A table from names to values, built for a contract's hundred thousand names: open
// addressing over one array of slots, each holding part of its key's hash, the key itself
// when it is short (most names are), and the value. A lookup of a short name reads one
// slot, usually one cache line, and nothing else; a long name is compared with its copy
// in one string of keys. Entries are kept in insertion order for iteration; copies stay
// valid (no pointers inside). It replaced node-based `std::unordered_map`s: at 100,000
// declarations their three dependent cache misses per lookup (bucket, node, key) were the
// top of the check profile.
//
// Iteration is in insertion order, so anything listed from it (suggestions) is the same on
// every run. Pointers returned by find and try_emplace last until the next insertion.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dsl/huge_pages.hpp"

namespace clause::engine {

// A 64-bit hash of a name: eight bytes at a time, each mixed by a multiplication, then
// MurmurHash3's finalizer so every bit of the result depends on every byte.
inline std::uint64_t hash_name(std::string_view s) {
  constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;
  std::uint64_t h = s.size() * kMul;
  const char* p = s.data();
  std::size_t n = s.size();
  while (n >= 8) {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    h = std::rotl((h ^ w) * kMul, 31);
    p += 8;
    n -= 8;
  }
  if (n != 0) {
    // The last 1 to 7 bytes in at most two loads of fixed size (a copy of variable size
    // went through the stack and stalled the load that read it back).
    std::uint64_t w;
    if (n >= 4) {
      std::uint32_t lo, hi;
      std::memcpy(&lo, p, 4);
      std::memcpy(&hi, p + n - 4, 4);
      w = (std::uint64_t{hi} << 32) | lo;
    } else {
      w = static_cast<std::uint64_t>(static_cast<unsigned char>(p[0])) |
          static_cast<std::uint64_t>(static_cast<unsigned char>(p[n / 2])) << 8 |
          static_cast<std::uint64_t>(static_cast<unsigned char>(p[n - 1])) << 16;
    }
    h = std::rotl((h ^ w) * kMul, 31);
  }
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  h ^= h >> 33;
  return h;
}

template <typename Value>
class NameTable {
  struct Entry {
    std::uint32_t offset;  // of the key in keys_
    std::uint32_t size;
    std::uint32_t slot;    // where the key and its value are
  };

 public:
  // What iteration yields: `for (const auto& [name, value] : table)`.
  template <typename V>
  struct Item {
    std::string_view first;
    V& second;
  };

  template <typename Table, typename V>
  class Iterator {
   public:
    Iterator(Table* table, std::size_t i) : table_(table), i_(i) {}
    Item<V> operator*() const {
      const Entry& e = table_->entries_[i_];
      return {table_->key_of(e), table_->slots_[e.slot].value};
    }
    Iterator& operator++() {
      ++i_;
      return *this;
    }
    friend bool operator==(const Iterator& a, const Iterator& b) { return a.i_ == b.i_; }

   private:
    Table* table_;
    std::size_t i_;
  };
  using iterator = Iterator<NameTable, Value>;
  using const_iterator = Iterator<const NameTable, const Value>;

  iterator begin() { return {this, 0}; }
  iterator end() { return {this, entries_.size()}; }
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, entries_.size()}; }

  std::size_t size() const { return entries_.size(); }
  bool empty() const { return entries_.empty(); }

  // Room for `n` names without growing: at least twice as many slots.
  void reserve(std::size_t n) {
    entries_.reserve(n);
    std::size_t want = kMinSlots;
    while (want < 2 * n) want *= 2;
    if (want > slots_.size()) rehash(want);
  }

  Value* find(std::string_view key) { return const_cast<Value*>(std::as_const(*this).find(key)); }
  const Value* find(std::string_view key) const { return find(key, hash_name(key)); }
  // With the key's hash_name already computed.
  const Value* find(std::string_view key, std::uint64_t h) const {
    if (entries_.empty()) return nullptr;
    for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.used == 0) return nullptr;
      if (s.tag == tag_of(h) && matches(s, key)) return &s.value;
    }
  }
  bool contains(std::string_view key) const { return find(key) != nullptr; }

  // The value of `key`, inserted as `value` when absent; whether it was inserted.
  std::pair<Value*, bool> try_emplace(std::string_view key, Value value = Value{}) {
    return try_emplace(key, hash_name(key), std::move(value));
  }
  std::pair<Value*, bool> try_emplace(std::string_view key, std::uint64_t h, Value value) {
    if (2 * (entries_.size() + 1) > slots_.size()) rehash(slots_.empty() ? kMinSlots : 2 * slots_.size());
    std::size_t i = h & mask_;
    for (;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.used == 0) break;
      if (s.tag == tag_of(h) && matches(s, key)) return {&s.value, false};
    }
    entries_.push_back(
        Entry{static_cast<std::uint32_t>(keys_.size()), static_cast<std::uint32_t>(key.size()), static_cast<std::uint32_t>(i)});
    keys_.append(key);
    Slot& s = slots_[i];
    fill(s, h, key, static_cast<std::uint32_t>(entries_.size() - 1));
    s.value = std::move(value);
    return {&s.value, true};
  }
  Value& operator[](std::string_view key) { return *try_emplace(key).first; }

  // Asks the processor to fetch the slot where a key of hash `h` starts its search: a
  // caller inserting many names hashes a few ahead, so their slots arrive in time.
  void prefetch(std::uint64_t h) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[h & mask_]);
  }

 private:
  static constexpr std::size_t kMinSlots = 16;
  static constexpr std::size_t kInline = 15;  // keys this long or shorter live in their slot
  static constexpr std::uint8_t kLong = 0xFF;  // the size of a longer key's slot

  struct Slot {
    std::uint32_t tag = 0;   // the hash's high half
    std::uint8_t used = 0;
    std::uint8_t size = 0;   // of an inline key
    char key[kInline] = {};  // the key when it is at most kInline bytes
    Value value{};
  };

  static std::uint32_t tag_of(std::uint64_t h) { return static_cast<std::uint32_t>(h >> 32); }

  std::string_view key_of(const Entry& e) const { return std::string_view(keys_).substr(e.offset, e.size); }

  bool matches(const Slot& s, std::string_view key) const {
    if (key.size() <= kInline) return s.size == key.size() && std::memcmp(s.key, key.data(), key.size()) == 0;
    if (s.size != kLong) return false;
    std::uint32_t entry;  // a long key's slot holds the place of its entry instead
    std::memcpy(&entry, s.key, sizeof entry);
    return key_of(entries_[entry]) == key;
  }

  void fill(Slot& s, std::uint64_t h, std::string_view key, std::uint32_t entry) {
    s.tag = tag_of(h);
    s.used = 1;
    if (key.size() <= kInline) {
      s.size = static_cast<std::uint8_t>(key.size());
      std::memcpy(s.key, key.data(), key.size());
    } else {
      s.size = kLong;
      std::memcpy(s.key, &entry, sizeof entry);
    }
  }

  void rehash(std::size_t slot_count) {
    std::vector<Slot> old;
    old.reserve(slot_count);
    dsl::advise_huge_pages(old);  // looked up at random
    old.resize(slot_count);
    old.swap(slots_);
    mask_ = slot_count - 1;
    for (std::size_t n = 0; n < entries_.size(); ++n) {
      Entry& e = entries_[n];
      const std::string_view key = key_of(e);
      const std::uint64_t h = hash_name(key);
      std::size_t i = h & mask_;
      while (slots_[i].used != 0) i = (i + 1) & mask_;
      fill(slots_[i], h, key, static_cast<std::uint32_t>(n));
      slots_[i].value = std::move(old[e.slot].value);
      e.slot = static_cast<std::uint32_t>(i);
    }
  }

  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::vector<Entry> entries_;
  std::string keys_;
};

}  // namespace clause::engine
