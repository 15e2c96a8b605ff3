#include "engine/model/contract.hpp"

#include <array>
#include <unordered_map>
#include <algorithm>

#include <fmt/format.h>

#include "engine/model/suggest.hpp"

namespace clause::engine {

const char* decl_kind_name(DeclKind kind) {
  switch (kind) {
    case DeclKind::party: return "party";
    case DeclKind::assumption: return "assumption";
    case DeclKind::licence: return "licence";
    case DeclKind::clause: return "clause";
    case DeclKind::exception: return "exception";
    case DeclKind::power: return "power";
    case DeclKind::waterfall: return "waterfall";
  }
  return "declaration";
}

const char* decl_kind_with_article(DeclKind kind) {
  switch (kind) {
    case DeclKind::assumption: return "an assumption";
    case DeclKind::exception: return "an exception";
    default: break;
  }
  static const char* const with_a[] = {"a party", "", "a licence", "a clause", "", "a power", "a waterfall"};
  return with_a[static_cast<int>(kind)];
}

const char* Contract::kind_name(DeclKind kind) const { return decl_kind_name(kind); }

Index Contract::find_body(Index party, std::string_view body) const {
  const std::vector<std::string_view>& bodies = parties[party].bodies;
  const auto it = std::find(bodies.begin(), bodies.end(), body);
  return it == bodies.end() ? kNone : static_cast<Index>(it - bodies.begin());
}

dsl::DiagMessage Contract::unknown_body_message(Index party, std::string_view body, bool suggest) const {
  const Party& p = parties[party];
  if (p.bodies.empty()) return dsl::message<dsl::DiagId::party_has_no_bodies>(p.name, p.name, body);
  return dsl::message<dsl::DiagId::unknown_body>(p.name, body, suggest ? did_you_mean(body, p.bodies) : "");
}

std::optional<DeclRef> Contract::find(std::string_view name) const {
  const auto it = names.find(name);
  if (it == names.end()) return std::nullopt;
  return it->second;
}

Index Contract::find_word(std::string_view word) const {
  // Words are short: lower-case on the stack when it fits, so a lookup allocates nothing.
  std::array<char, 64> buffer{};
  std::string heap;
  char* key = buffer.data();
  if (word.size() > buffer.size()) {
    heap.resize(word.size());
    key = heap.data();
  }
  for (std::size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    key[i] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  const auto it = word_index.find(std::string_view(key, word.size()));
  return it == word_index.end() ? kNone : it->second;
}

std::span<const Index> Contract::duties_on(Actor buyer, Index good) const {
  const auto it = duties.find(DutyKey{buyer.party, buyer.body, good});
  return it == duties.end() ? std::span<const Index>() : std::span<const Index>(it->second);
}

Term Contract::term_of(DeclRef ref) const {
  switch (ref.kind) {
    case DeclKind::licence: return licences[ref.index].term;
    case DeclKind::clause: return clauses[ref.index].term;
    case DeclKind::waterfall: return waterfalls[ref.index].term;
    default: return {};
  }
}

std::string_view Contract::name_of(DeclRef ref) const {
  switch (ref.kind) {
    case DeclKind::party: return parties[ref.index].name;
    case DeclKind::assumption: return assumptions[ref.index].name;
    case DeclKind::licence: return licences[ref.index].name;
    case DeclKind::clause: return clauses[ref.index].name;
    case DeclKind::exception: return exceptions[ref.index].name;
    case DeclKind::power: return powers[ref.index].name;
    case DeclKind::waterfall: return waterfalls[ref.index].name;
  }
  return {};
}

Span Contract::keyword_of(DeclRef ref) const {
  switch (ref.kind) {
    case DeclKind::party: return parties[ref.index].keyword;
    case DeclKind::assumption: return assumptions[ref.index].keyword;
    case DeclKind::licence: return licences[ref.index].keyword;
    case DeclKind::clause: return clauses[ref.index].keyword;
    case DeclKind::exception: return exceptions[ref.index].keyword;
    case DeclKind::power: return powers[ref.index].keyword;
    case DeclKind::waterfall: return waterfalls[ref.index].keyword;
  }
  return {};
}

std::string Contract::place_of(DeclRef ref) const { return source->location(keyword_of(ref).begin); }

dsl::Location Contract::location_of(DeclRef ref) const { return {source, keyword_of(ref), {}}; }

std::string Contract::actor_name(Actor a, const std::vector<std::string>* outsiders) const {
  if (a.party == kNone) return "nobody";
  if (a.is_outsider()) {
    const Index i = a.party & ~Actor::kOutsiderBit;
    if (outsiders != nullptr && i < outsiders->size()) return (*outsiders)[i];
    return "an outsider";
  }
  const Party& p = parties[a.party];
  if (a.body == kNone) return std::string(p.name);
  return fmt::format("{}.{}", p.name, p.bodies[a.body]);
}

void index_payees(Waterfall& w) {
  w.payees.clear();
  // A scan while the payees are few (the usual handful: no allocation), a map past that.
  constexpr std::size_t kScanned = 16;
  std::size_t most = 0;  // every share and overflow party a different payee
  for (const Tier& t : w.tiers) most += t.shares.size() + 1;
  w.payees.reserve(std::min(most, kScanned));
  std::unordered_map<Index, Index> slot_of;
  const auto slot = [&](Index party) {
    if (party == kNone) return kNone;
    if (slot_of.empty()) {
      const auto it = std::find(w.payees.begin(), w.payees.end(), party);
      if (it != w.payees.end()) return static_cast<Index>(it - w.payees.begin());
      if (w.payees.size() < kScanned) {
        w.payees.push_back(party);
        return static_cast<Index>(w.payees.size() - 1);
      }
      for (Index i = 0; i < w.payees.size(); ++i) slot_of.emplace(w.payees[i], i);
    }
    const auto [it, fresh] = slot_of.emplace(party, static_cast<Index>(w.payees.size()));
    if (fresh) w.payees.push_back(party);
    return it->second;
  };
  for (Tier& t : w.tiers) {
    for (Share& s : t.shares) s.slot = slot(s.party);
    t.overflow_slot = slot(t.overflow);
  }
}

}  // namespace clause::engine
