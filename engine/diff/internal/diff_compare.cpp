#include "engine/diff/internal/diff_compare.hpp"

#include <algorithm>

#include "engine/diff/internal/diff_parts.hpp"

namespace clause::engine {

OutcomeComparer::OutcomeComparer(const Contract& old_c, const Contract& new_c, const NameMap& names)
    : contracts_{&old_c, &new_c}, names_(names) {
  // Both contracts' declarations numbered together: the same number for the same kind and
  // name (the old contract's name for a renamed declaration).
  std::unordered_map<std::string, std::uint32_t> ids;
  for (int side = 0; side < 2; ++side) {
    const Contract& c = *contracts_[side];
    for (const DeclRef r : declarations_in_order(c)) {
      const std::string_view name = side == 0 ? c.name_of(r) : names.to_old(c.name_of(r));
      std::string key(1, static_cast<char>('0' + static_cast<int>(r.kind)));
      key += name;
      const auto [it, fresh] = ids.emplace(std::move(key), static_cast<std::uint32_t>(ids.size()));
      auto& table = decl_ids_[side][static_cast<int>(r.kind)];
      if (table.size() <= r.index) table.resize(r.index + 1, kNone);
      table[r.index] = it->second;
    }
  }
}

std::uint32_t OutcomeComparer::decl(Side side, DeclRef ref) const {
  if (!ref.valid()) return kNone;
  return decl_ids_[static_cast<int>(side)][static_cast<int>(ref.kind)][ref.index];
}

std::uint32_t OutcomeComparer::actor_named(const std::string& name) {
  return actor_ids_.emplace(name, static_cast<std::uint32_t>(actor_ids_.size())).first->second;
}

std::uint32_t OutcomeComparer::actor(Side side, Actor a, const std::vector<std::string>& outsiders) {
  if (a.party == kNone) return kNone;
  const Contract& c = *contracts_[static_cast<int>(side)];
  if (a.is_outsider()) return actor_named(c.actor_name(a, &outsiders));
  auto& cache = declared_actor_ids_[static_cast<int>(side)];
  const std::uint64_t key = (std::uint64_t{a.party} << 32) | a.body;
  if (const auto it = cache.find(key); it != cache.end()) return it->second;
  const Party& p = c.parties[a.party];
  std::string name(side == Side::old_contract ? p.name : names_.to_old(p.name));
  if (a.body != kNone) fmt::format_to(std::back_inserter(name), ".{}", p.bodies[a.body]);
  const std::uint32_t id = actor_named(name);
  cache.emplace(key, id);
  return id;
}

namespace {

// What an outcome's key holds besides its kind and deciding declaration.
struct KeyFacts {
  std::uint8_t why = 0;
  Actor party;
  DeclRef subject;  // what ended, or the clause an exception overrode
  DeclRef cause;    // what had ended a licence or clause before
};

struct FactsOf {
  KeyFacts operator()(const Permitted& o) const { return {static_cast<std::uint8_t>(o.why), o.party, o.overrides, {}}; }
  KeyFacts operator()(const Breach& o) const { return {static_cast<std::uint8_t>(o.why), o.party, {}, o.ended_by}; }
  KeyFacts operator()(const Declared& o) const { return {static_cast<std::uint8_t>(o.pending), o.party, {}, {}}; }
  KeyFacts operator()(const Ineffective& o) const { return {static_cast<std::uint8_t>(o.why), o.party, {}, {}}; }
  KeyFacts operator()(const Consented& o) const { return {static_cast<std::uint8_t>(o.why), o.party, {}, {}}; }
  KeyFacts operator()(const Ended& o) const { return {0, {}, o.subject, {}}; }
  KeyFacts operator()(const Payout& o) const { return {0, o.party, {}, {}}; }
  KeyFacts operator()(const Uncovered& o) const {
    return {static_cast<std::uint8_t>(o.why), o.party, {}, o.subject};
  }
  KeyFacts operator()(const Verified& o) const { return {0, o.party, {}, {}}; }
  KeyFacts operator()(const Rejected& o) const { return {0, o.party, {}, {}}; }
  KeyFacts operator()(const Declined& o) const { return {0, o.party, {}, {}}; }
  KeyFacts operator()(const Expired& o) const { return {0, {}, o.subject, {}}; }
  KeyFacts operator()(const Fulfilled&) const { return {}; }
};

}  // namespace

void OutcomeComparer::keys(Side side, const OutcomeLog& log, const EventRecord& record,
                           const std::vector<std::string>& outsiders, bool with_time,
                           std::vector<OutcomeKey>& out) {
  out.clear();
  for (const Outcome& o : log.outcomes_of(record)) {
    if (!with_time) {
      if (std::holds_alternative<Expired>(o)) continue;
      if (const auto* b = std::get_if<Breach>(&o); b && b->why == Breach::Why::commitment_short) continue;
    }
    const KeyFacts facts = std::visit(FactsOf{}, o);
    OutcomeKey k;
    k.kind = static_cast<std::uint8_t>(kind_of(o));
    k.why = facts.why;
    k.rule = decl(side, rule_of(o));
    k.party = actor(side, facts.party, outsiders);
    k.subject = decl(side, facts.subject);
    k.cause = decl(side, facts.cause);
    out.push_back(k);
  }
  std::sort(out.begin(), out.end());
}

}  // namespace clause::engine
