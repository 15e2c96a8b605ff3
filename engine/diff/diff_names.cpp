// Matching the declarations of two contracts: by kind and name, and renames by content.
#include <algorithm>
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "engine/diff/diff.hpp"
#include "engine/diff/internal/diff_parts.hpp"

namespace clause::engine {

std::string_view NameMap::to_new(std::string_view old_name) const {
  const auto it = to_new_.find(old_name);
  return it == to_new_.end() ? old_name : it->second;
}

std::string_view NameMap::to_old(std::string_view new_name) const {
  const auto it = to_old_.find(new_name);
  return it == to_old_.end() ? new_name : it->second;
}

void NameMap::add_rename(std::string_view old_name, std::string_view new_name) {
  to_new_[std::string(old_name)] = new_name;
  to_old_[std::string(new_name)] = old_name;
  renames_.emplace_back(old_name, new_name);
}

namespace {

// Everything a declaration says but its name, as one string.
std::string content_of(const Contract& c, DeclRef ref, const NameReader& name) {
  std::vector<Part> parts = declaration_parts(c, ref, name);
  std::sort(parts.begin(), parts.end(),
            [](const Part& a, const Part& b) { return std::tie(a.what, a.key) < std::tie(b.what, b.key); });
  std::string out = decl_kind_name(ref.kind);
  for (const Part& p : parts) out += fmt::format("\x1f{}\x1e{}\x1e{}", p.what, p.key, p.value);
  return out;
}

}  // namespace

NameMap match_names(const Contract& old_c, const Contract& new_c) {
  NameMap names;
  // Declarations only one side has; a rename pairs one of each.
  std::vector<DeclRef> removed;
  std::vector<DeclRef> added;
  for (const DeclRef r : declarations_in_order(old_c)) {
    const auto other = new_c.find(old_c.name_of(r));
    if (!other || other->kind != r.kind) removed.push_back(r);
  }
  for (const DeclRef r : declarations_in_order(new_c)) {
    const auto other = old_c.find(new_c.name_of(r));
    if (!other || other->kind != r.kind) added.push_back(r);
  }
  if (removed.empty() || added.empty()) return names;

  // A rename of a party changes what a clause naming it says, so match in rounds until a
  // round finds nothing new: each round reads the old side through the renames so far.
  const NameReader as_is = [](std::string_view n) { return n; };
  const NameReader through_renames = [&names](std::string_view n) { return names.to_new(n); };
  std::vector<bool> removed_done(removed.size(), false);
  std::vector<bool> added_done(added.size(), false);
  // Chains of renames deeper than a few rounds are left as removed and added.
  constexpr int kRounds = 8;
  bool found = true;
  for (int round = 0; found && round < kRounds; ++round) {
    found = false;
    std::multimap<std::string, std::size_t> by_content;
    for (std::size_t i = 0; i < added.size(); ++i) {
      if (!added_done[i]) by_content.emplace(content_of(new_c, added[i], as_is), i);
    }
    for (std::size_t i = 0; i < removed.size(); ++i) {
      if (removed_done[i]) continue;
      const auto it = by_content.find(content_of(old_c, removed[i], through_renames));
      if (it == by_content.end()) continue;
      names.add_rename(old_c.name_of(removed[i]), new_c.name_of(added[it->second]));
      removed_done[i] = true;
      added_done[it->second] = true;
      by_content.erase(it);
      found = true;
    }
  }
  return names;
}

}  // namespace clause::engine
