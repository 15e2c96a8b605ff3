// Behaviour: every probe run against both contracts from a fresh state; the probes whose
// outcomes differ are the witnesses, grouped by the change they show.
#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "engine/diff/diff.hpp"
#include "engine/diff/internal/diff_compare.hpp"
#include "engine/diff/internal/diff_probes.hpp"
#include "engine/evaluate/evaluate.hpp"

namespace clause::engine {

std::size_t BehaviourDiff::witness_count() const {
  std::size_t n = 0;
  for (const WitnessGroup& g : groups) n += g.witnesses.size();
  return n;
}

namespace {

// One contract's side of the probing: every probe name bound once to what the contract
// declares, and an evaluator reset between probes in time proportional to the probe.
class ProbeRunner {
 public:
  ProbeRunner(const Contract& c, const ProbeSet& set, const NameReader& name)
      : c_(c), set_(set), name_(name), evaluator_(c) {
    actors_.reserve(set.actors.size());
    for (const ProbeActor& a : set.actors) actors_.push_back(bind_actor(a));
    words_.reserve(set.words.size());
    for (const std::string& w : set.words) words_.push_back(c.find_word(w));
    targets_.reserve(set.targets.size());
    for (const ProbeTarget& t : set.targets) targets_.push_back(bind_target(t));
  }

  void run(const Probe& p) {
    evaluator_.reset();
    log_.clear();
    missing_.assign(p.count, std::string());
    record_of_.assign(p.count, kNone);
    bound_.assign(p.count, false);
    for (Index i = 0; i < p.count; ++i) {
      const ProbeEvent& pe = set_.events[p.first + i];
      Event e;
      if (!bind(pe, e, missing_[i])) continue;
      bound_[i] = true;
      if (auto error = evaluator_.apply(e, probe_event_date(p, pe), log_, i)) {
        missing_[i] = *error;
        continue;
      }
      record_of_[i] = static_cast<Index>(log_.events.size() - 1);
    }
  }

  // The sorted outcome keys of the probe's i-th event. What time revealed before the event
  // (terms expired, commitments judged) counts only for `nothing happens`, the probe that
  // asks about time itself: otherwise every probe dated after an `until` only one contract
  // has would differ.
  void keys(OutcomeComparer& comparer, Side side, const Probe& p, Index i, std::vector<OutcomeKey>& out) const {
    if (record_of_[i] == kNone) {
      out.assign(1, OutcomeKey{static_cast<std::uint8_t>(OutcomeKind::uncovered), bound_[i] ? kWhyError : kWhyMissing,
                               kNone, kNone, kNone, kNone});
      return;
    }
    const bool with_time = set_.events[p.first + i].kind == EventKind::nothing_happens;
    comparer.keys(side, log_, log_.events[record_of_[i]], outsiders_.names(), with_time, out);
  }

  // The whole answer, kept for a witness.
  ProbeAnswer answer(const Probe& p) const {
    ProbeAnswer a;
    a.events.resize(p.count);
    for (Index i = 0; i < p.count; ++i) {
      const ProbeEvent& pe = set_.events[p.first + i];
      std::string ignored;
      if (bound_[i]) bind(pe, a.events[i], ignored);
      a.events[i].canonical = probe_text(set_, pe, name_);
    }
    a.missing = missing_;
    a.log = log_;
    return a;
  }

  const std::vector<std::string>& outsiders() const { return outsiders_.names(); }
  // Why the probe's i-th event did not happen in this contract ("" when it did).
  const std::string& problem(Index i) const { return missing_[i]; }

 private:
  struct BoundActor {
    Actor actor;
    std::string problem;
  };
  struct BoundTarget {
    Index index = kNone;
    std::string problem;
  };

  BoundActor bind_actor(const ProbeActor& a) {
    const std::string_view party = name_(a.party);
    const auto ref = c_.find(party);
    if (!ref) return {outsiders_.intern(a.body.empty() ? std::string(party) : fmt::format("{}.{}", party, a.body)), {}};
    if (ref->kind != DeclKind::party) {
      return {{}, fmt::format("`{}` is {}, not a party", party, decl_kind_with_article(ref->kind))};
    }
    if (a.body.empty()) return {Actor{ref->index, kNone}, {}};
    const Index body = c_.find_body(ref->index, a.body);
    if (body == kNone) return {{}, c_.unknown_body_message(ref->index, a.body).text};
    return {Actor{ref->index, body}, {}};
  }

  BoundTarget bind_target(const ProbeTarget& t) const {
    const std::string_view name = name_(t.name);
    const auto ref = c_.find(name);
    if (!ref) return {kNone, fmt::format("the contract has no {} `{}`", decl_kind_name(t.kind), name)};
    if (ref->kind != t.kind) {
      return {kNone, fmt::format("`{}` is {}, not {}", name, decl_kind_with_article(ref->kind),
                                 decl_kind_with_article(t.kind))};
    }
    return {ref->index, {}};
  }

  bool bind(const ProbeEvent& pe, Event& e, std::string& problem) const {
    e.kind = pe.kind;
    e.amount = pe.amount;
    const auto actor = [&](Index i, Actor& out) {
      if (!actors_[i].problem.empty()) {
        problem = actors_[i].problem;
        return false;
      }
      out = actors_[i].actor;
      return true;
    };
    if (pe.actor != kNone && !actor(pe.actor, e.actor)) return false;
    if (pe.vendor != kNone && !actor(pe.vendor, e.vendor)) return false;
    if (pe.word != kNone) {
      e.word = words_[pe.word];
      e.text = set_.words[pe.word];  // what explain says when the contract does not know the word
    }
    if (pe.target != kNone) {
      if (!targets_[pe.target].problem.empty()) {
        problem = targets_[pe.target].problem;
        return false;
      }
      e.target = targets_[pe.target].index;
    }
    if (pe.text != kNone) e.text = set_.texts[pe.text];
    if (pe.kind == EventKind::earns) e.stream = pe.stream == kNone ? std::string("profit") : set_.streams[pe.stream];
    return true;
  }

  const Contract& c_;
  const ProbeSet& set_;
  NameReader name_;
  Evaluator evaluator_;
  Outsiders outsiders_;
  std::vector<BoundActor> actors_;
  std::vector<Index> words_;
  std::vector<BoundTarget> targets_;
  OutcomeLog log_;
  std::vector<std::string> missing_;
  std::vector<Index> record_of_;
  std::vector<bool> bound_;  // by event of the probe: its names are all this contract's
};

Money total_amount(const ProbeSet& set, const Probe& p) {
  Money total;
  for (Index i = p.first; i < p.first + p.count; ++i) {
    if (auto sum = total.plus(set.events[i].amount)) total = *sum;
  }
  return total;
}

// What a group is known by: the last event whose outcomes differ, but for its amount, and
// that event's outcomes on each side. When that event changes nothing in either contract
// (every outcome `ineffective`: a verification by someone who may not, a decline by someone
// who holds no refusal), who acted is left out: each such actor shows the same change.
std::string group_key(const ProbeEvent& e, const std::vector<OutcomeKey>& old_keys,
                      const std::vector<OutcomeKey>& new_keys) {
  const auto ineffective = [](const std::vector<OutcomeKey>& keys) {
    return !keys.empty() && std::all_of(keys.begin(), keys.end(), [](const OutcomeKey& k) {
      return k.kind == static_cast<std::uint8_t>(OutcomeKind::ineffective);
    });
  };
  const bool anyone = ineffective(old_keys) && ineffective(new_keys);
  std::string key = fmt::format("{},{},{},{},{},{},{}", static_cast<int>(e.kind), anyone ? kNone : e.actor, e.vendor,
                                e.word, e.target, e.text, e.stream);
  for (const auto* keys : {&old_keys, &new_keys}) {
    key += '|';
    for (const OutcomeKey& k : *keys) {
      key += fmt::format("{},{},{},{},{},{};", k.kind, k.why, k.rule, anyone ? kNone : k.party, k.subject, k.cause);
    }
  }
  return key;
}

struct Found {
  Witness witness;
  std::size_t order = 0;  // the probe's place: ties go to the probe made first
};

// Fewest events, then the least amount, then the earliest date (the first day a change
// shows), then the probe made first.
bool smaller(const Found& a, const Found& b) {
  return std::tie(a.witness.size_events, a.witness.size_amount, a.witness.on, a.order) <
         std::tie(b.witness.size_events, b.witness.size_amount, b.witness.on, b.order);
}

}  // namespace

BehaviourDiff diff_behaviour(const Contract& old_c, const Contract& new_c, const NameMap& names, Date default_date) {
  BehaviourDiff out;
  if (old_c.effective && new_c.effective) {
    out.on = std::max(*old_c.effective, *new_c.effective);
  } else if (old_c.effective || new_c.effective) {
    out.on = old_c.effective ? *old_c.effective : *new_c.effective;
  } else {
    out.on = default_date;
  }
  const ProbeSet set = make_probes(old_c, new_c, names, out.on);
  out.probes = set.probes.size();
  for (const Probe& p : set.probes) {
    bool dated = p.on != out.on;
    for (Index i = p.first; i < p.first + p.count; ++i) dated = dated || set.events[i].on.has_value();
    out.dated_probes += dated ? 1 : 0;
  }

  const NameReader as_is = [](std::string_view n) { return n; };
  const NameReader to_new = [&names](std::string_view n) { return names.to_new(n); };
  ProbeRunner old_runner(old_c, set, as_is);
  ProbeRunner new_runner(new_c, set, to_new);
  OutcomeComparer comparer(old_c, new_c, names);

  std::unordered_map<std::string, std::size_t> group_of;
  std::vector<std::vector<Found>> groups;
  std::vector<OutcomeKey> old_keys;
  std::vector<OutcomeKey> new_keys;
  std::vector<bool> differs;
  for (std::size_t pi = 0; pi < set.probes.size(); ++pi) {
    const Probe& p = set.probes[pi];
    old_runner.run(p);
    new_runner.run(p);
    differs.assign(p.count, false);
    std::string key;
    Index shows = 0;
    for (Index i = 0; i < p.count; ++i) {
      old_runner.keys(comparer, Side::old_contract, p, i, old_keys);
      new_runner.keys(comparer, Side::new_contract, p, i, new_keys);
      if (old_keys == new_keys) continue;
      differs[i] = true;
      shows = i;
      // An event naming what one contract lacks shows the same change whoever acts in it.
      if (!old_runner.problem(i).empty() && old_keys.front().why == kWhyMissing) {
        key = "old lacks|" + old_runner.problem(i);
      } else if (!new_runner.problem(i).empty() && new_keys.front().why == kWhyMissing) {
        key = "new lacks|" + new_runner.problem(i);
      } else {
        key = group_key(set.events[p.first + i], old_keys, new_keys);
      }
    }
    if (key.empty()) continue;

    Found f;
    f.order = pi;
    f.witness.on = p.on;
    for (Index i = 0; i < p.count; ++i) {
      f.witness.events.push_back(probe_text(set, set.events[p.first + i], as_is));
      f.witness.dates.push_back(probe_event_date(p, set.events[p.first + i]));
    }
    f.witness.old_answer = old_runner.answer(p);
    f.witness.new_answer = new_runner.answer(p);
    f.witness.differs = differs;
    f.witness.shows = shows;
    f.witness.size_events = p.count;
    f.witness.size_amount = total_amount(set, p);
    const auto [it, fresh] = group_of.emplace(std::move(key), groups.size());
    if (fresh) groups.emplace_back();
    groups[it->second].push_back(std::move(f));
  }

  for (auto& g : groups) std::sort(g.begin(), g.end(), smaller);
  std::sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) { return smaller(a.front(), b.front()); });
  for (auto& g : groups) {
    WitnessGroup wg;
    for (Found& f : g) wg.witnesses.push_back(std::move(f.witness));
    out.groups.push_back(std::move(wg));
  }
  out.old_outsiders = old_runner.outsiders();
  out.new_outsiders = new_runner.outsiders();
  return out;
}

}  // namespace clause::engine
