// Terms: which declarations were added, removed or changed, and in what.
#include <map>
#include <set>
#include <tuple>

#include <fmt/format.h>

#include "engine/diff/diff.hpp"
#include "engine/diff/internal/diff_parts.hpp"

namespace clause::engine {

const char* term_change_name(TermChangeKind change) {
  switch (change) {
    case TermChangeKind::added: return "added";
    case TermChangeKind::removed: return "removed";
    case TermChangeKind::changed: return "changed";
  }
  return "";
}

namespace {

std::vector<std::string> split(const std::string& s, const std::string& separator) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (true) {
    const std::size_t j = s.find(separator, i);
    out.push_back(s.substr(i, j == std::string::npos ? std::string::npos : j - i));
    if (j == std::string::npos) return out;
    i = j + separator.size();
  }
}

using PartKey = std::pair<std::string, std::string>;  // what, key

const NameReader kAsIs = [](std::string_view n) { return n; };

// Tier order among the tiers both sides have: adding or removing a tier is said by the
// tier itself, moving one is said here.
std::string common_order(const std::string& order, const std::set<std::string>& other_labels) {
  std::vector<std::string> kept;
  for (const std::string& label : split(order, "\n")) {
    if (other_labels.count(label) != 0) kept.push_back(label);
  }
  return fmt::format("{}", fmt::join(kept, ", "));
}

// What differs between two declarations' parts. `old_shown` holds the old parts as the
// old contract writes them (`old_parts` reads its names through the renames, to compare).
std::vector<TermDetail> compare_parts(const std::vector<Part>& old_parts, const std::vector<Part>& old_shown,
                                      const std::vector<Part>& new_parts) {
  std::map<PartKey, std::size_t> old_index;
  std::map<PartKey, std::size_t> new_index;
  std::set<std::string> old_labels;
  std::set<std::string> new_labels;
  for (std::size_t i = 0; i < old_parts.size(); ++i) {
    old_index.emplace(PartKey{old_parts[i].what, old_parts[i].key}, i);
    if (old_parts[i].key.empty()) old_labels.insert(old_parts[i].what);
  }
  for (std::size_t i = 0; i < new_parts.size(); ++i) {
    new_index.emplace(PartKey{new_parts[i].what, new_parts[i].key}, i);
    if (new_parts[i].key.empty()) new_labels.insert(new_parts[i].what);
  }
  // A part under a heading (a share of a tier) that only one side has is said by the
  // heading itself when the other side lacks the whole heading (the tier).
  const auto folded = [](const Part& p, const std::set<std::string>& own, const std::set<std::string>& other) {
    return !p.key.empty() && own.count(p.what) != 0 && other.count(p.what) == 0;
  };
  const auto alone = [](const Part& p) { return p.key.empty() && !p.phrase.empty() && p.phrase != p.value; };

  std::vector<TermDetail> out;
  for (std::size_t i = 0; i < old_parts.size(); ++i) {
    const Part& p = old_parts[i];
    const auto it = new_index.find(PartKey{p.what, p.key});
    if (it == new_index.end()) {
      if (folded(p, old_labels, new_labels)) continue;
      const bool whole = new_labels.count(p.what) == 0 && alone(p) && p.what.rfind("tier", 0) == 0;
      out.push_back(TermDetail{whole ? "" : p.what, whole ? old_shown[i].phrase : old_shown[i].value, ""});
      continue;
    }
    const Part& q = new_parts[it->second];
    if (p.what == "tiers" && p.key == "order") {
      const std::string a = common_order(old_shown[i].value, new_labels);
      const std::string b = common_order(q.value, old_labels);
      if (a != b) out.push_back(TermDetail{p.what, a, b});
      continue;
    }
    if (p.value != q.value) out.push_back(TermDetail{p.what, old_shown[i].value, q.value});
  }
  for (const Part& q : new_parts) {
    if (old_index.count(PartKey{q.what, q.key}) != 0) continue;
    if (folded(q, new_labels, old_labels)) continue;
    const bool whole = old_labels.count(q.what) == 0 && alone(q) && q.what.rfind("tier", 0) == 0;
    out.push_back(TermDetail{whole ? "" : q.what, "", whole ? q.phrase : q.value});
  }
  return out;
}

// An added or removed declaration is listed by what it says.
std::vector<TermDetail> listing(const std::vector<Part>& parts, bool added) {
  std::vector<TermDetail> out;
  for (const Part& p : parts) {
    if (p.phrase.empty()) continue;
    out.push_back(added ? TermDetail{"", "", p.phrase} : TermDetail{"", p.phrase, ""});
  }
  return out;
}

}  // namespace

std::vector<TermChange> diff_terms(const Contract& old_c, const Contract& new_c, const NameMap& names) {
  std::vector<TermChange> out;
  const NameReader through_renames = [&names](std::string_view n) { return names.to_new(n); };

  const std::vector<Part> old_header = header_parts(old_c);
  if (auto details = compare_parts(old_header, old_header, header_parts(new_c)); !details.empty()) {
    out.push_back(TermChange{TermChangeKind::changed, "contract", "", std::move(details)});
  }

  for (const DeclRef r : declarations_in_order(old_c)) {
    const std::string_view old_name = old_c.name_of(r);
    const std::string_view new_name = names.to_new(old_name);
    const auto other = new_c.find(new_name);
    const std::string kind = decl_kind_name(r.kind);
    if (!other || other->kind != r.kind) {
      out.push_back(TermChange{TermChangeKind::removed, kind, std::string(old_name), listing(declaration_parts(old_c, r, kAsIs), false)});
      continue;
    }
    std::vector<TermDetail> details = compare_parts(declaration_parts(old_c, r, through_renames),
                                                    declaration_parts(old_c, r, kAsIs),
                                                    declaration_parts(new_c, *other, kAsIs));
    if (new_name != old_name) {
      // A rename is a removal and an addition; said next to each other.
      out.push_back(TermChange{TermChangeKind::removed, kind, std::string(old_name),
                               {TermDetail{"", fmt::format("renamed to `{}`", new_name), ""}}});
      details.insert(details.begin(), TermDetail{"", "", fmt::format("renamed from `{}`{}", old_name,
                                                                     details.empty() ? ", otherwise the same" : "")});
      out.push_back(TermChange{TermChangeKind::added, kind, std::string(new_name), std::move(details)});
      continue;
    }
    if (!details.empty()) out.push_back(TermChange{TermChangeKind::changed, kind, std::string(old_name), std::move(details)});
  }

  for (const DeclRef r : declarations_in_order(new_c)) {
    const auto other = old_c.find(names.to_old(new_c.name_of(r)));
    if (other && other->kind == r.kind) continue;
    out.push_back(TermChange{TermChangeKind::added, decl_kind_name(r.kind), std::string(new_c.name_of(r)),
                             listing(declaration_parts(new_c, r, kAsIs), true)});
  }
  return out;
}

}  // namespace clause::engine
