// The name table behind every name lookup of a checked contract: it must answer exactly
// what a std::map would, whatever the length of the names (short ones live in their slot,
// long ones are compared through the string of keys), across growth, and in copies.
#include <catch2/catch.hpp>

#include <map>
#include <random>
#include <string>

#include "engine/model/internal/name_table.hpp"

namespace {

using clause::engine::hash_name;
using clause::engine::NameTable;

std::string random_name(std::mt19937_64& rng) {
  // Lengths around the inline limit of 15 bytes, and a shared prefix so that names often
  // agree in their first bytes.
  static const char alphabet[] = "ab_1";
  const std::size_t size = rng() % 34;
  std::string s = size > 5 ? "name_" : "";
  while (s.size() < size) s.push_back(alphabet[rng() % 4]);
  return s;
}

TEST_CASE("name table finds what was inserted and nothing else, like std::map") {
  std::mt19937_64 rng(7);
  NameTable<int> table;
  std::map<std::string, int> reference;
  for (int i = 0; i < 20'000; ++i) {
    const std::string name = random_name(rng);
    const auto [value, fresh] = table.try_emplace(name, i);
    const auto [it, reference_fresh] = reference.try_emplace(name, i);
    REQUIRE(fresh == reference_fresh);
    REQUIRE(*value == it->second);
    const std::string probe = random_name(rng);
    const int* found = table.find(probe);
    const auto expected = reference.find(probe);
    REQUIRE((found != nullptr) == (expected != reference.end()));
    if (found != nullptr) REQUIRE(*found == expected->second);
  }
  REQUIRE(table.size() == reference.size());
  for (const auto& [name, value] : reference) {
    const int* found = table.find(name);
    REQUIRE(found != nullptr);
    CHECK(*found == value);
  }
}

TEST_CASE("name table tells apart long names that agree in their first bytes") {
  NameTable<int> table;
  const std::string stem(40, 'x');
  for (int i = 0; i < 100; ++i) table.try_emplace(stem + std::to_string(i), i);
  for (int i = 0; i < 100; ++i) {
    const int* found = table.find(stem + std::to_string(i));
    REQUIRE(found != nullptr);
    CHECK(*found == i);
  }
  CHECK(table.find(stem) == nullptr);
  CHECK(table.find(stem + "100") == nullptr);
  CHECK(table.find(std::string(15, 'x')) == nullptr);
  CHECK(table.find(std::string(16, 'x')) == nullptr);
}

TEST_CASE("name table keeps the empty name and names of exactly 15 and 16 bytes") {
  NameTable<int> table;
  table.try_emplace("", 1);
  table.try_emplace(std::string(15, 'a'), 2);
  table.try_emplace(std::string(16, 'a'), 3);
  CHECK(*table.find("") == 1);
  CHECK(*table.find(std::string(15, 'a')) == 2);
  CHECK(*table.find(std::string(16, 'a')) == 3);
  CHECK(table.find(std::string(14, 'a')) == nullptr);
  CHECK(table.find(std::string(17, 'a')) == nullptr);
}

TEST_CASE("name table iterates in insertion order and keeps the first value of a name") {
  NameTable<int> table;
  const std::vector<std::string> names = {"zeta", "alpha", "a_rather_long_name_indeed", "mu", "alpha"};
  for (std::size_t i = 0; i < names.size(); ++i) table.try_emplace(names[i], static_cast<int>(i));
  std::vector<std::string> order;
  std::vector<int> values;
  for (const auto& [name, value] : table) {
    order.emplace_back(name);
    values.push_back(value);
  }
  CHECK(order == std::vector<std::string>{"zeta", "alpha", "a_rather_long_name_indeed", "mu"});
  CHECK(values == std::vector<int>{0, 1, 2, 3});
}

TEST_CASE("a copy of a name table answers on its own after the original changes") {
  NameTable<std::vector<int>> table;
  for (int i = 0; i < 1000; ++i) table[std::string(static_cast<std::size_t>(i % 30), 'k') + std::to_string(i)].push_back(i);
  const NameTable<std::vector<int>> copy = table;
  table["extra"].push_back(-1);
  for (int i = 0; i < 1000; ++i) {
    const auto* found = copy.find(std::string(static_cast<std::size_t>(i % 30), 'k') + std::to_string(i));
    REQUIRE(found != nullptr);
    CHECK(*found == std::vector<int>{i});
  }
  CHECK(copy.find("extra") == nullptr);
  CHECK(copy.size() == 1000);
}

TEST_CASE("hash_name depends on every byte and on the length") {
  CHECK(hash_name("a") != hash_name("b"));
  CHECK(hash_name("ab") != hash_name("ba"));
  CHECK(hash_name(std::string_view("a\0", 2)) != hash_name("a"));
  CHECK(hash_name("abcdefgh") != hash_name("abcdefgi"));
  CHECK(hash_name("abcdefghijk") != hash_name("abcdefghijl"));
  CHECK(hash_name("") != hash_name(std::string_view("\0", 1)));
}

}  // namespace
