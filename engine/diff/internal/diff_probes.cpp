// Choosing the probes: every event form over the names of both contracts, amounts at and a
// cent either side of every limit, with and without the consents each exception asks for,
// and the short sequences where order matters. Version 2 adds verifications and rejections
// (with and without a declaration pending), declines around the amounts a purchase under a
// first refusal needs, deeds, earnings on every stream, purchases at each commitment's
// amount, and probes dated at every boundary of either contract's terms (the day before, on
// and after each `from`, `until` and `by`). Each declaration adds a bounded number of
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
  std::set<Money> limits;  // exception limits and commitment amounts
};

// A first refusal: the holder, the good and who must offer it.
struct Refusal {
  Index holder = kNone;
  Index good = kNone;
  Index buyer = kNone;
  friend auto operator<=>(const Refusal&, const Refusal&) = default;
};

// A declaration with a term: its boundary dates and the events that show whether it is in force.
struct Dated {
  std::set<Date> dates;
  std::vector<std::vector<ProbeEvent>> observations;
};

// A commitment: the purchase it counts, its amount and its `by` date.
struct Commitment {
  Triple purchase;
  Money amount;
  Date by;
  friend auto operator<=>(const Commitment&, const Commitment&) = default;
};

// Dated probes past this many are not made: each runs time forward over every deadline
// before its date, so a contract of very many terms would cost the square of its size.
constexpr std::size_t kMaxDatedProbes = 20'000;

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
    decline_probes();
    earning_probes();
    deed_probes();
    verification_probes();
    commitment_probes();
    sequence_probes(old_, as_is);
    sequence_probes(new_, to_old);
    dated_probes();
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
  // `profit` is the stream an earning names when it names none: kNone.
  Index stream(std::string_view s) {
    if (s == "profit") return kNone;
    const auto [it, fresh] = stream_index_.emplace(std::string(s), static_cast<Index>(set_.streams.size()));
    if (fresh) set_.streams.emplace_back(s);
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
      if (p.verifier) {
        std::set<Index>& verifiers = verifiers_[word(c.words[p.status])];
        verifiers.insert(actor_of(c, to_old, *p.verifier));
        verifiers.insert(party_of(c, to_old, *p.verifier));
      }
    }
    for (const Licence& l : c.licences) {
      std::set<Index>& who = licences_[target_id(DeclKind::licence, to_old(l.name))];
      who.insert(actor_of(c, to_old, l.grantor));
      who.insert(actor_of(c, to_old, l.grantee));
      who.insert(outsider_);
      dated(c, to_old, DeclRef{DeclKind::licence, static_cast<Index>(&l - c.licences.data())}, l.term);
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
      dated(c, to_old, DeclRef{DeclKind::clause, static_cast<Index>(&cl - c.clauses.data())}, cl.term);
      if (cl.kind == ClauseKind::deed) {
        // By whom the clause names, and by someone else.
        deeds_.emplace(actor_of(c, to_old, cl.buyer), text(cl.deed));
        deeds_.emplace(outsider_, text(cl.deed));
        continue;
      }
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
      if (cl.kind == ClauseKind::first_refusal) refusals_.insert(Refusal{actor_of(c, to_old, cl.vendor), good, buyer});
      if (cl.kind == ClauseKind::commitment) {
        const Triple t{buyer, good, actor_of(c, to_old, cl.vendor)};
        triples_[t].limits.insert(cl.amount);
        if (cl.term.until) commitments_.insert(Commitment{t, cl.amount, *cl.term.until});
      }
    }
    for (const Waterfall& w : c.waterfalls) {
      earners_.emplace(party_of(c, to_old, Actor{w.of, kNone}), stream(w.stream));
      dated(c, to_old, DeclRef{DeclKind::waterfall, static_cast<Index>(&w - c.waterfalls.data())}, w.term);
    }
  }

  // Remembers a declaration's term, to probe it on each side of each end.
  void dated(const Contract& c, const NameReader& to_old, DeclRef ref, const Term& term) {
    if (term.empty()) return;
    Dated d;
    if (term.from) d.dates.insert(*term.from);
    if (term.until) d.dates.insert(*term.until);
    d.observations = observations(c, to_old, ref);
    dated_.push_back(std::move(d));
  }

  // ----- events -----
  static ProbeEvent declares(Index who, Index status) {
    return {.kind = EventKind::declares, .actor = who, .word = status};
  }
  static ProbeEvent is_declared(Index status) { return {.kind = EventKind::is_declared, .word = status}; }
  static ProbeEvent is_verified(Index status) { return {.kind = EventKind::is_verified, .word = status}; }
  static ProbeEvent verifies(Index who, Index status) {
    return {.kind = EventKind::verifies, .actor = who, .word = status};
  }
  static ProbeEvent rejects(Index who, Index status) {
    return {.kind = EventKind::rejects, .actor = who, .word = status};
  }
  static ProbeEvent declines(Index who, Index good, Money amount) {
    return {.kind = EventKind::declines, .actor = who, .word = good, .amount = amount};
  }
  static ProbeEvent nothing_happens(std::optional<Date> on = std::nullopt) {
    return {.kind = EventKind::nothing_happens, .on = on};
  }
  static ProbeEvent consents(Index who, Index exception) {
    return {.kind = EventKind::consents, .actor = who, .target = exception};
  }
  static ProbeEvent buys(const Triple& t, Money amount) {
    return {.kind = EventKind::buys, .actor = t.buyer, .vendor = t.vendor, .word = t.good, .amount = amount};
  }
  static ProbeEvent uses(Index who, Index licence) { return {.kind = EventKind::uses, .actor = who, .target = licence}; }
  static ProbeEvent earns(Index who, Index stream, Money amount) {
    return {.kind = EventKind::earns, .actor = who, .stream = stream, .amount = amount};
  }
  static ProbeEvent does(Index who, Index what) { return {.kind = EventKind::does, .actor = who, .text = what}; }

  // Every consent an exception asks for, in either contract.
  std::vector<ProbeEvent> consents_for(std::string_view exception) const {
    std::vector<ProbeEvent> out;
    const auto it = exceptions_.find(exception);
    if (it == exceptions_.end()) return out;
    for (const Index who : it->second.consenters) out.push_back(consents(who, it->second.target));
    return out;
  }

  // Returns whether the probe is new.
  bool add(Date on, std::vector<ProbeEvent> events) {
    // The probe's date is its first event's; an event carries its own only when it differs.
    if (!events.empty() && events.front().on) on = *events.front().on;
    for (ProbeEvent& e : events) {
      if (e.on == on) e.on.reset();
    }
    std::string signature = fmt::format("{}", on.serial());
    for (const ProbeEvent& e : events) {
      signature += fmt::format("|{},{},{},{},{},{},{},{},{}", static_cast<int>(e.kind), e.actor, e.vendor, e.word,
                               e.target, e.text, e.stream, e.amount.cents(), e.on ? e.on->serial() : -1);
    }
    if (!seen_.insert(std::move(signature)).second) return false;
    set_.probes.push_back(Probe{on, static_cast<Index>(set_.events.size()), static_cast<Index>(events.size())});
    set_.events.insert(set_.events.end(), events.begin(), events.end());
    return true;
  }
  void add(std::vector<ProbeEvent> events) { add(on_, std::move(events)); }

  // ----- the probes -----
  void declaration_probes() {
    for (const auto& [status, who] : statuses_) {
      add({is_declared(status)});
      for (const Index a : who) add({declares(a, status)});
    }
  }

  // Verifications and rejections of every status whose power asks verification in either
  // contract: by the verifier, the holder and an outsider, with and without a declaration
  // pending; twice; and a declaration again while one is pending or after a rejection.
  void verification_probes() {
    for (const auto& [status, verifiers] : verifiers_) {
      std::set<Index> who = verifiers;
      const auto holders = statuses_.find(status);
      if (holders != statuses_.end()) who.insert(holders->second.begin(), holders->second.end());
      who.insert(outsider_);
      add({is_verified(status)});
      add({is_declared(status), is_verified(status)});
      add({is_declared(status), is_verified(status), is_verified(status)});
      add({is_declared(status), is_declared(status)});
      for (const Index v : who) {
        add({verifies(v, status)});
        add({rejects(v, status)});
        add({is_declared(status), verifies(v, status)});
        add({is_declared(status), rejects(v, status)});
      }
      for (const Index v : verifiers) add({is_declared(status), rejects(v, status), is_declared(status)});
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

  // Declines by the holder of each first refusal, by the buyer and by an outsider; then,
  // for each purchase elsewhere the contracts give an amount for ($1, each exception limit),
  // a decline a cent short of it, of it, and a cent over it before that purchase.
  void decline_probes() {
    for (const Refusal& r : refusals_) {
      add({declines(r.holder, r.good, kBase)});
      add({declines(r.buyer, r.good, kBase)});
      add({declines(outsider_, r.good, kBase)});
      for (const auto& [t, f] : triples_) {
        if (t.buyer != r.buyer || t.good != r.good || t.vendor == r.holder) continue;
        std::set<Money> amounts{kBase};
        amounts.insert(f.limits.begin(), f.limits.end());
        for (const Money m : amounts) {
          for (const std::optional<Money> d : {m.minus(kCent), std::optional<Money>(m), m.plus(kCent)}) {
            if (!d || *d <= Money{} || *d > Money::max()) continue;
            add({declines(r.holder, r.good, *d), buys(t, m)});
          }
        }
      }
    }
  }

  void earning_probes() {
    for (const auto& [who, stream] : earners_) add({earns(who, stream, kBase)});
  }

  void deed_probes() {
    for (const auto& [who, what] : deeds_) add({does(who, what)});
  }

  // Each commitment met (or a cent short) at once, then its `by` date passed: a fulfilled
  // commitment records nothing at its deadline, a short one is a breach.
  void commitment_probes() {
    for (const Commitment& c : commitments_) {
      const Date after = c.by.plus_days(1);
      if (after < on_) continue;
      add({nothing_happens(after)});  // nothing bought
      add({buys(c.purchase, c.amount), nothing_happens(after)});
      if (c.amount > kCent) add({buys(c.purchase, *c.amount.minus(kCent)), nothing_happens(after)});
    }
  }

  // The day before, on and after each end of every term, both contracts in force: time
  // passing (nothing happens), and the events that show whether the declaration holds.
  void dated_probes() {
    std::size_t made = 0;
    for (const Dated& d : dated_) {
      for (const Date boundary : d.dates) {
        for (const std::int32_t delta : {-1, 0, 1}) {
          const std::int32_t serial = boundary.serial() + delta;
          if (serial < on_.serial() || serial > kLastDay.serial()) continue;
          const Date day = Date::from_serial(serial);
          if (made >= kMaxDatedProbes) return;
          if (add(day, {nothing_happens()})) ++made;
          for (const std::vector<ProbeEvent>& seen : d.observations) {
            if (add(day, seen)) ++made;
          }
        }
      }
    }
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
        if (cl.kind == ClauseKind::deed) return {{does(buyer, text(cl.deed))}};
        const Index good = word(c.words[cl.good]);
        const Index vendor = actor_of(c, to_old, cl.vendor);
        switch (cl.kind) {
          case ClauseKind::commitment:
          case ClauseKind::freedom: return {{buys(Triple{buyer, good, vendor}, kBase)}};
          case ClauseKind::first_refusal:
            return {{buys(Triple{buyer, good, vendor}, kBase)},
                    {buys(Triple{buyer, good, outsider_}, kBase)},
                    {declines(vendor, good, kBase), buys(Triple{buyer, good, outsider_}, kBase)}};
          default:
            return {{buys(Triple{buyer, good, vendor}, kBase)}, {buys(Triple{buyer, good, outsider_}, kBase)}};
        }
      }
      case DeclKind::exception: {
        const Exception& ex = c.exceptions[target.index];
        std::vector<ProbeEvent> seq = consents_for(to_old(ex.name));
        seq.push_back(
            buys(Triple{actor_of(c, to_old, ex.buyer), word(c.words[ex.good]), actor_of(c, to_old, ex.vendor)}, kBase));
        return {seq};
      }
      case DeclKind::waterfall: {
        const Waterfall& w = c.waterfalls[target.index];
        return {{earns(party_of(c, to_old, Actor{w.of, kNone}), stream(w.stream), kBase)}};
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
  std::unordered_map<std::string, Index> stream_index_;
  std::map<Index, std::set<Index>> statuses_;
  std::map<Index, std::set<Index>> licences_;
  std::map<std::string, ExceptionFacts, std::less<>> exceptions_;
  std::map<Triple, TripleFacts> triples_;
  std::map<Index, std::set<Index>> verifiers_;  // by status: the verifiers either contract names
  std::set<Refusal> refusals_;
  std::set<Commitment> commitments_;
  std::vector<Dated> dated_;
  std::set<std::pair<Index, Index>> earners_;  // party, stream
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
    case EventKind::earns:
      if (e.stream == kNone) return fmt::format("{} earns {}", actor(e.actor), e.amount.to_short());
      return fmt::format("{} earns {} in {}", actor(e.actor), e.amount.to_short(), set.streams[e.stream]);
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
