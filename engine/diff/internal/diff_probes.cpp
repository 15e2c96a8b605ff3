// Choosing the probes: every event form over the names of both contracts, amounts at and a
// cent either side of every limit, with and without the consents each exception asks for,
// and the short sequences where order matters. Each declaration adds a bounded number of
// probes, so the count grows with the contracts, not with pairs of declarations.
#include "engine/diff/internal/diff_probes.hpp"

#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include <fmt/format.h>

namespace clause::engine {
namespace {

const Money kBase = Money::dollars(1);  // the amount of a purchase or profit that tests no limit
const Money kCent = Money::from_cents(1);

struct Triple {
  Index buyer = kNone;
  Index good = kNone;
  Index vendor = kNone;
  friend auto operator<=>(const Triple&, const Triple&) = default;
};

// What either contract says about one exception, by its name.
struct ExceptionFacts {
  Index target = kNone;
  std::set<Triple> permissions;
  std::set<Index> consenters;          // asked by either contract
  std::set<std::set<Index>> asked;     // the consents each contract asks for
  std::set<Money> limits;
  std::set<Date> window;  // from and until dates
};

struct TripleFacts {
  std::set<std::string, std::less<>> exceptions;  // whose permission is this purchase
  std::set<Money> limits;
};

class ProbeBuilder {
 public:
  ProbeBuilder(const Contract& old_c, const Contract& new_c, const NameMap& names, Date on)
      : old_(old_c), new_(new_c), names_(names), on_(on) {
    outsider_ = actor(outsider_name(), "");
  }

  ProbeSet build() {
    const NameReader as_is = [](std::string_view n) { return n; };
    const NameReader to_old = [this](std::string_view n) { return names_.to_old(n); };
    collect(old_, as_is);
    collect(new_, to_old);
    declaration_probes();
    consent_probes();
    use_probes();
    purchase_probes();
    earning_probes();
    deed_probes();
    sequence_probes(old_, as_is);
    sequence_probes(new_, to_old);
    return std::move(set_);
  }

 private:
  // ----- names -----
  std::string outsider_name() const {
    // A party neither contract declares: it holds nothing and nobody asks its consent.
    for (int n = 1;; ++n) {
      const std::string name = n == 1 ? "Outsider" : fmt::format("Outsider{}", n);
      if (!old_.find(name) && !new_.find(name)) return name;
    }
  }

  Index actor(std::string_view party, std::string_view body) {
    const auto [it, fresh] = actor_index_.emplace(body.empty() ? std::string(party) : fmt::format("{}.{}", party, body),
                                                  static_cast<Index>(set_.actors.size()));
    if (fresh) set_.actors.push_back(ProbeActor{std::string(party), std::string(body)});
    return it->second;
  }
  Index actor_of(const Contract& c, const NameReader& to_old, Actor a) {
    if (a.party == kNone || a.is_outsider()) return outsider_;
    const Party& p = c.parties[a.party];
    return actor(to_old(p.name), a.body == kNone ? std::string_view() : p.bodies[a.body]);
  }
  Index party_of(const Contract& c, const NameReader& to_old, Actor a) {
    return actor_of(c, to_old, Actor{a.party, kNone});
  }
  Index word(const std::string& w) {
    const auto [it, fresh] = word_index_.emplace(w, static_cast<Index>(set_.words.size()));
    if (fresh) set_.words.push_back(w);
    return it->second;
  }
  Index target_id(DeclKind kind, std::string_view name) {
    const auto [it, fresh] = target_index_.emplace(fmt::format("{}{}", static_cast<int>(kind), name),
                                                   static_cast<Index>(set_.targets.size()));
    if (fresh) set_.targets.push_back(ProbeTarget{kind, std::string(name)});
    return it->second;
  }
  Index text(std::string_view t) {
    const auto [it, fresh] = text_index_.emplace(std::string(t), static_cast<Index>(set_.texts.size()));
    if (fresh) set_.texts.emplace_back(t);
    return it->second;
  }

  // ----- facts from both contracts -----
  void collect(const Contract& c, const NameReader& to_old) {
    for (const Power& p : c.powers) {
      std::set<Index>& who = statuses_[word(c.words[p.status])];
      who.insert(actor_of(c, to_old, p.holder));
      who.insert(party_of(c, to_old, p.holder));
      who.insert(outsider_);
    }
    for (const Licence& l : c.licences) {
      std::set<Index>& who = licences_[target_id(DeclKind::licence, to_old(l.name))];
      who.insert(actor_of(c, to_old, l.grantor));
      who.insert(actor_of(c, to_old, l.grantee));
      who.insert(outsider_);
    }
    for (const Exception& ex : c.exceptions) {
      const std::string_view name = to_old(ex.name);
      ExceptionFacts& f = exceptions_.try_emplace(std::string(name)).first->second;
      f.target = target_id(DeclKind::exception, name);
      const Triple t{actor_of(c, to_old, ex.buyer), word(c.words[ex.good]), actor_of(c, to_old, ex.vendor)};
      f.permissions.insert(t);
      std::set<Index> asked;
      for (const Actor a : ex.consents) asked.insert(actor_of(c, to_old, a));
      f.consenters.insert(asked.begin(), asked.end());
      f.asked.insert(std::move(asked));
      if (ex.limit) f.limits.insert(*ex.limit);
      if (ex.from) f.window.insert(*ex.from);
      if (ex.until) f.window.insert(*ex.until);
      TripleFacts& tf = triples_[t];
      tf.exceptions.emplace(name);
      if (ex.limit) tf.limits.insert(*ex.limit);
    }
    for (const Clause& cl : c.clauses) {
      if (cl.kind == ClauseKind::trigger) {
        const TriggerPattern& p = cl.pattern;
        switch (p.kind) {
          case PatternKind::status_declared:
          case PatternKind::status_verified: statuses_[word(c.words[p.word])]; break;
          case PatternKind::actor_declares:
            statuses_[word(c.words[p.word])].insert(actor_of(c, to_old, p.actor));
            break;
          case PatternKind::buys:
            triples_[Triple{actor_of(c, to_old, p.actor), word(c.words[p.word]), actor_of(c, to_old, p.vendor)}];
            break;
          case PatternKind::does: deeds_.emplace(actor_of(c, to_old, p.actor), text(p.text)); break;
        }
        continue;
      }
      // A duty: buying from each vendor it names, from the vendor of each exception to it,
      // and from someone it never names.
      const Index buyer = actor_of(c, to_old, cl.buyer);
      const Index good = word(c.words[cl.good]);
      triples_[Triple{buyer, good, actor_of(c, to_old, cl.vendor)}];
      for (const Actor v : cl.more_vendors) triples_[Triple{buyer, good, actor_of(c, to_old, v)}];
      for (const Index xi : cl.exceptions) {
        triples_[Triple{buyer, good, actor_of(c, to_old, c.exceptions[xi].vendor)}];
      }
      triples_[Triple{buyer, good, outsider_}];
    }
    for (const Waterfall& w : c.waterfalls) earners_.insert(party_of(c, to_old, Actor{w.of, kNone}));
  }

  // ----- events -----
  static ProbeEvent declares(Index who, Index status) {
    return {.kind = EventKind::declares, .actor = who, .word = status};
  }
  static ProbeEvent is_declared(Index status) { return {.kind = EventKind::is_declared, .word = status}; }
  static ProbeEvent is_verified(Index status) { return {.kind = EventKind::is_verified, .word = status}; }
  static ProbeEvent consents(Index who, Index exception) {
    return {.kind = EventKind::consents, .actor = who, .target = exception};
  }
  static ProbeEvent buys(const Triple& t, Money amount) {
    return {.kind = EventKind::buys, .actor = t.buyer, .vendor = t.vendor, .word = t.good, .amount = amount};
  }
  static ProbeEvent uses(Index who, Index licence) { return {.kind = EventKind::uses, .actor = who, .target = licence}; }
  static ProbeEvent earns(Index who, Money amount) { return {.kind = EventKind::earns, .actor = who, .amount = amount}; }
  static ProbeEvent does(Index who, Index what) { return {.kind = EventKind::does, .actor = who, .text = what}; }

  // Every consent an exception asks for, in either contract.
  std::vector<ProbeEvent> consents_for(std::string_view exception) const {
    std::vector<ProbeEvent> out;
    const auto it = exceptions_.find(exception);
    if (it == exceptions_.end()) return out;
    for (const Index who : it->second.consenters) out.push_back(consents(who, it->second.target));
    return out;
  }

  void add(Date on, std::vector<ProbeEvent> events) {
    std::string signature = fmt::format("{}", on.serial());
    for (const ProbeEvent& e : events) {
      signature += fmt::format("|{},{},{},{},{},{},{}", static_cast<int>(e.kind), e.actor, e.vendor, e.word, e.target,
                               e.text, e.amount.cents());
    }
    if (!seen_.insert(std::move(signature)).second) return;
    set_.probes.push_back(Probe{on, static_cast<Index>(set_.events.size()), static_cast<Index>(events.size())});
    set_.events.insert(set_.events.end(), events.begin(), events.end());
  }
  void add(std::vector<ProbeEvent> events) { add(on_, std::move(events)); }

  // ----- the probes -----
  void declaration_probes() {
    for (const auto& [status, who] : statuses_) {
      add({is_declared(status)});
      for (const Index a : who) add({declares(a, status)});
    }
  }

  void consent_probes() {
    for (const auto& [name, f] : exceptions_) {
      for (const Index who : f.consenters) add({consents(who, f.target)});
      add({consents(outsider_, f.target)});
    }
  }

  void use_probes() {
    for (const auto& [licence, who] : licences_) {
      for (const Index a : who) add({uses(a, licence)});
    }
  }

  void purchase_probes() {
    for (const auto& [t, f] : triples_) {
      // At, a cent below and a cent above every limit on this purchase, in either contract.
      std::set<Money> amounts{kBase};
      for (const Money limit : f.limits) {
        if (limit > kCent) amounts.insert(*limit.minus(kCent));
        amounts.insert(limit);
        if (auto above = limit.plus(kCent); above && *above <= Money::max()) amounts.insert(*above);
      }
      for (const Money m : amounts) {
        add({buys(t, m)});
        for (const std::string& x : f.exceptions) {
          std::vector<ProbeEvent> seq = consents_for(x);
          if (seq.empty()) continue;
          seq.push_back(buys(t, m));
          add(std::move(seq));
        }
      }
      // The consents only one contract asks for: enough there, perhaps not in the other.
      for (const std::string& x : f.exceptions) {
        const ExceptionFacts& facts = exceptions_.at(x);
        for (const std::set<Index>& asked : facts.asked) {
          if (asked.empty() || asked == facts.consenters) continue;
          std::vector<ProbeEvent> seq;
          for (const Index who : asked) seq.push_back(consents(who, facts.target));
          seq.push_back(buys(t, kBase));
          add(std::move(seq));
        }
      }
      for (const std::string& x : f.exceptions) {
        const ExceptionFacts& facts = exceptions_.at(x);
        // A total that reaches a limit exactly, then one cent more.
        for (const Money limit : facts.limits) {
          std::vector<ProbeEvent> seq = consents_for(x);
          seq.push_back(buys(t, limit));
          seq.push_back(buys(t, kCent));
          add(std::move(seq));
        }
        // The day before, on and after each end of a window (both contracts in force).
        for (const Date d : facts.window) {
          for (const std::int32_t delta : {-1, 0, 1}) {
            const std::int32_t serial = d.serial() + delta;
            if (serial < on_.serial() || serial > kLastDay.serial()) continue;
            const Date day = Date::from_serial(serial);
            add(day, {buys(t, kBase)});
            std::vector<ProbeEvent> seq = consents_for(x);
            seq.push_back(buys(t, kBase));
            add(day, std::move(seq));
          }
        }
      }
    }
  }

  void earning_probes() {
    for (const Index who : earners_) add({earns(who, kBase)});
  }

  void deed_probes() {
    for (const auto& [who, what] : deeds_) add({does(who, what)});
  }

  // What sets off a trigger, as events.
  std::vector<ProbeEvent> firing(const Contract& c, const NameReader& to_old, const Clause& trigger) {
    const TriggerPattern& p = trigger.pattern;
    switch (p.kind) {
      case PatternKind::status_declared: return {is_declared(word(c.words[p.word]))};
      case PatternKind::status_verified: return {is_declared(word(c.words[p.word])), is_verified(word(c.words[p.word]))};
      case PatternKind::actor_declares: return {declares(actor_of(c, to_old, p.actor), word(c.words[p.word]))};
      case PatternKind::buys:
        return {buys(Triple{actor_of(c, to_old, p.actor), word(c.words[p.word]), actor_of(c, to_old, p.vendor)}, kBase)};
      case PatternKind::does: return {does(actor_of(c, to_old, p.actor), text(p.text))};
    }
    return {};
  }

  // Events that show whether `target` still holds.
  std::vector<std::vector<ProbeEvent>> observations(const Contract& c, const NameReader& to_old, DeclRef target) {
    switch (target.kind) {
      case DeclKind::licence: {
        const Licence& l = c.licences[target.index];
        return {{uses(actor_of(c, to_old, l.grantee), target_id(DeclKind::licence, to_old(l.name)))}};
      }
      case DeclKind::clause: {
        const Clause& cl = c.clauses[target.index];
        if (cl.kind == ClauseKind::trigger) return {firing(c, to_old, cl)};
        const Index buyer = actor_of(c, to_old, cl.buyer);
        const Index good = word(c.words[cl.good]);
        return {{buys(Triple{buyer, good, actor_of(c, to_old, cl.vendor)}, kBase)},
                {buys(Triple{buyer, good, outsider_}, kBase)}};
      }
      case DeclKind::exception: {
        const Exception& ex = c.exceptions[target.index];
        std::vector<ProbeEvent> seq = consents_for(to_old(ex.name));
        seq.push_back(
            buys(Triple{actor_of(c, to_old, ex.buyer), word(c.words[ex.good]), actor_of(c, to_old, ex.vendor)}, kBase));
        return {seq};
      }
      default: return {};
    }
  }

  // A trigger, then each thing it ends put to use: "a declaration then a use".
  void sequence_probes(const Contract& c, const NameReader& to_old) {
    for (const Clause& cl : c.clauses) {
      if (cl.kind != ClauseKind::trigger) continue;
      const std::vector<ProbeEvent> fire = firing(c, to_old, cl);
      for (const DeclRef target : cl.ends) {
        for (const std::vector<ProbeEvent>& seen : observations(c, to_old, target)) {
          std::vector<ProbeEvent> seq = fire;
          seq.insert(seq.end(), seen.begin(), seen.end());
          add(std::move(seq));
        }
      }
    }
  }

  static inline const Date kLastDay = Date::from_ymd(9999, 12, 31);

  const Contract& old_;
  const Contract& new_;
  const NameMap& names_;
  Date on_;
  Index outsider_ = kNone;
  ProbeSet set_;
  std::unordered_map<std::string, Index> actor_index_;
  std::unordered_map<std::string, Index> word_index_;
  std::unordered_map<std::string, Index> target_index_;
  std::unordered_map<std::string, Index> text_index_;
  std::map<Index, std::set<Index>> statuses_;
  std::map<Index, std::set<Index>> licences_;
  std::map<std::string, ExceptionFacts, std::less<>> exceptions_;
  std::map<Triple, TripleFacts> triples_;
  std::set<Index> earners_;
  std::set<std::pair<Index, Index>> deeds_;
  std::unordered_set<std::string> seen_;
};

}  // namespace

ProbeSet make_probes(const Contract& old_c, const Contract& new_c, const NameMap& names, Date on) {
  return ProbeBuilder(old_c, new_c, names, on).build();
}

std::string probe_text(const ProbeSet& set, const ProbeEvent& e, const NameReader& name) {
  const auto actor = [&](Index i) -> std::string {
    const ProbeActor& a = set.actors[i];
    return a.body.empty() ? std::string(name(a.party)) : fmt::format("{}.{}", name(a.party), a.body);
  };
  switch (e.kind) {
    case EventKind::declares: return fmt::format("{} declares {}", actor(e.actor), set.words[e.word]);
    case EventKind::is_declared: return fmt::format("{} is declared", set.words[e.word]);
    case EventKind::consents: return fmt::format("{} consents to {}", actor(e.actor), name(set.targets[e.target].name));
    case EventKind::buys:
      return fmt::format("{} buys {} from {} for {}", actor(e.actor), set.words[e.word], actor(e.vendor),
                         e.amount.to_short());
    case EventKind::uses: return fmt::format("{} uses {}", actor(e.actor), name(set.targets[e.target].name));
    case EventKind::earns: return fmt::format("{} earns {}", actor(e.actor), e.amount.to_short());
    case EventKind::verifies: return fmt::format("{} verifies {}", actor(e.actor), set.words[e.word]);
    case EventKind::rejects: return fmt::format("{} rejects {}", actor(e.actor), set.words[e.word]);
    case EventKind::is_verified: return fmt::format("{} is verified", set.words[e.word]);
    case EventKind::declines:
      return fmt::format("{} declines {} for {}", actor(e.actor), set.words[e.word], e.amount.to_short());
    case EventKind::nothing_happens: return "nothing happens";
    case EventKind::does: {
      std::string quoted;
      for (const char ch : set.texts[e.text]) {
        if (ch == '"' || ch == '\\') quoted.push_back('\\');
        if (ch == '\n') {
          quoted += "\\n";
          continue;
        }
        quoted.push_back(ch);
      }
      return fmt::format("{} does \"{}\"", actor(e.actor), quoted);
    }
  }
  return "";
}

}  // namespace clause::engine
