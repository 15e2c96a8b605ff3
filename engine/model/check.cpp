#include "engine/model/check.hpp"

#include <algorithm>
#include <array>
#include <unordered_set>

#include <fmt/format.h>

#include "engine/model/suggest.hpp"

namespace clause::engine {
namespace {

using dsl::ActorRef;
using dsl::AmountRef;
using dsl::Declaration;
using dsl::Ident;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

const char* article_kind(DeclKind k) { return decl_kind_with_article(k); }

std::string tier_label(const dsl::Tier& t, std::size_t index) {
  if (t.name) return fmt::format("tier \"{}\"", t.name->value);
  return fmt::format("tier {}", index + 1);
}

// Whether a key was seen before: a scan of a small array while there are few (no
// allocation for the usual handful), a hash set past that (never quadratic).
template <typename Key>
class SeenSet {
 public:
  bool insert(Key key) {
    if (set_.empty()) {
      if (std::find(small_.begin(), small_.begin() + static_cast<std::ptrdiff_t>(size_), key) !=
          small_.begin() + static_cast<std::ptrdiff_t>(size_)) {
        return false;
      }
      if (size_ < small_.size()) {
        small_[size_++] = key;
        return true;
      }
      set_.insert(small_.begin(), small_.end());
    }
    return set_.insert(key).second;
  }

 private:
  std::array<Key, 16> small_{};
  std::size_t size_ = 0;
  std::unordered_set<Key> set_;
};

class Checker {
 public:
  Checker(const dsl::ContractSyntax& syntax, const dsl::SourcePtr& source, const std::vector<Override>& overrides,
          bool syntax_errors, dsl::DiagnosticList& diags)
      : syn_(syntax), src_(source), overrides_(overrides), syntax_errors_(syntax_errors), diags_(diags) {}

  // Fills the result's contract (or partial contract) and references.
  void run(CheckResult& result) {
    check_all();
    result.references = std::move(references_);
    if (syn_.declarations.size() > kMaxDeclarations) return;
    if (diags_.has_errors()) {
      result.partial = std::move(c_);
    } else {
      result.contract = std::move(c_);
    }
  }

 private:
  void check_all() {
    c_.source = src_;
    if (syn_.source != src_) c_.text_owners.push_back(syn_.source);  // what the tree's texts view
    c_.title = keep(syn_.title);
    if (syn_.version) c_.version = keep(*syn_.version);
    if (syn_.effective && syn_.effective->valid) c_.effective = syn_.effective->value;
    c_.effective_keyword = syn_.effective_keyword;

    if (syn_.declarations.size() > kMaxDeclarations) {
      diags_.report<DiagId::too_many_declarations>(at(syn_.declarations[kMaxDeclarations].keyword), kMaxDeclarations);
      return;
    }
    declare_names();
    apply_overrides();
    for (const Declaration& d : syn_.declarations) {
      if (!d.complete || !is_registered(d)) continue;
      std::visit([&](const auto& node) { check(d, node); }, d.node);
    }
    check_powers();
    if (!diags_.has_errors()) {
      build_indexes();
      // Warnings about a file with syntax errors would be about the parts that are missing.
      if (!syntax_errors_) warn_about_waterfalls();
    }
    if (!syntax_errors_ && !diags_.has_errors()) warn_about_unused();
  }

  dsl::Location at(Span s) const { return {src_, s, {}}; }

  // A text as the model views it: the source's bytes, or the decoded copy of a text with
  // escapes, which the contract then keeps alive.
  std::string_view keep(const dsl::Text& t) {
    if (t.decoded) c_.text_owners.push_back(t.decoded);
    return t.value;
  }
  // A text the declaration may leave out: "" when absent.
  std::string_view keep(const std::optional<dsl::Text>& t) { return t ? keep(*t) : std::string_view(); }

  // ----- names -----------------------------------------------------------------------

  // A declaration's place in the syntax tree; its reference once declare_names has run.
  std::size_t position(const Declaration& d) const { return static_cast<std::size_t>(&d - syn_.declarations.data()); }
  bool is_registered(const Declaration& d) const { return refs_[position(d)].valid(); }
  DeclRef ref_of(const Declaration& d) const { return refs_[position(d)]; }

  // One hash lookup per declaration: the checked model's name table is also the table
  // that finds duplicates.
  void declare_names() {
    const std::vector<Declaration>& decls = syn_.declarations;
    refs_.assign(decls.size(), DeclRef{});
    c_.names.reserve(decls.size());
    references_.reserve(3 * decls.size());  // a declaration's name and the two or so it uses
    std::array<std::size_t, 7> per_kind{};
    for (const Declaration& d : decls) ++per_kind[static_cast<std::size_t>(d.kind())];
    const auto reserve = [&](auto& table, DeclKind kind) { table.reserve(per_kind[static_cast<std::size_t>(kind)]); };
    reserve(c_.parties, DeclKind::party);
    reserve(c_.assumptions, DeclKind::assumption);
    reserve(c_.licences, DeclKind::licence);
    reserve(c_.clauses, DeclKind::clause);
    reserve(c_.exceptions, DeclKind::exception);
    reserve(c_.powers, DeclKind::power);
    reserve(c_.waterfalls, DeclKind::waterfall);
    for (std::size_t k = 0; k < per_kind.size(); ++k) syntax_index_[k].reserve(per_kind[k]);
    for (std::size_t i = 0; i < decls.size(); ++i) {
      const Declaration& d = decls[i];
      const Ident& name = d.name();
      if (name.text.empty()) continue;
      const Declaration* first = nullptr;
      DeclRef first_ref;  // of the first declaration, when it registered
      if (const auto inc = incomplete_.find(name.text); inc != incomplete_.end()) first = &decls[inc->second];
      if (!first && !d.complete) {
        if (const auto known = c_.names.find(name.text); known != c_.names.end()) {
          first_ref = known->second;
          first = &decls[syntax_of(first_ref)];
        }
      }
      DeclRef ref;
      if (!first && d.complete) {
        const auto [known, fresh] = c_.names.try_emplace(name.text, DeclRef{d.kind(), next_index(d.kind())});
        if (fresh) {
          ref = known->second;
        } else {
          first_ref = known->second;
          first = &decls[syntax_of(first_ref)];
        }
      }
      if (first) {
        if (first_ref.valid()) references_.push_back({name.span, first_ref});
        auto& diag = diags_.report<DiagId::duplicate_name>(at(name.span), name.text, article_kind(first->kind()),
                                                           name.text);
        diag.notes.push_back({at(first->name().span), "first declared here"});
        continue;
      }
      if (!d.complete) {
        incomplete_.try_emplace(name.text, i);
        continue;
      }
      refs_[i] = ref;
      references_.push_back({name.span, ref, kNone, true});
      syntax_index_[static_cast<std::size_t>(ref.kind)].push_back(static_cast<Index>(i));
      register_placeholder(d, ref);
    }
    mentioned_.assign(c_.parties.size(), false);
    used_assumption_.assign(c_.assumptions.size(), false);
  }

  // The position in the syntax tree of a registered declaration.
  std::size_t syntax_of(DeclRef ref) const { return syntax_index_[static_cast<std::size_t>(ref.kind)][ref.index]; }

  Index next_index(DeclKind k) {
    switch (k) {
      case DeclKind::party: return static_cast<Index>(c_.parties.size());
      case DeclKind::assumption: return static_cast<Index>(c_.assumptions.size());
      case DeclKind::licence: return static_cast<Index>(c_.licences.size());
      case DeclKind::clause: return static_cast<Index>(c_.clauses.size());
      case DeclKind::exception: return static_cast<Index>(c_.exceptions.size());
      case DeclKind::power: return static_cast<Index>(c_.powers.size());
      case DeclKind::waterfall: return static_cast<Index>(c_.waterfalls.size());
    }
    return kNone;
  }

  void register_placeholder(const Declaration& d, DeclRef ref) {
    const std::string_view name = d.name().text;  // a view of the source, as the model's texts are
    switch (ref.kind) {
      case DeclKind::party: {
        const auto& p = std::get<dsl::PartyDecl>(d.node);
        Party party{name, keep(p.description), {}, d.keyword};
        SeenSet<std::string_view> seen;
        for (const Ident& b : p.bodies) {
          if (!seen.insert(b.text)) {
            diags_.report<DiagId::duplicate_body>(at(b.span), b.text, party.name);
            const auto first = std::find(party.bodies.begin(), party.bodies.end(), b.text);
            references_.push_back({b.span, ref, static_cast<Index>(first - party.bodies.begin())});
            continue;
          }
          references_.push_back({b.span, ref, static_cast<Index>(party.bodies.size()), true});
          party.bodies.emplace_back(b.text);
        }
        if (party.bodies.size() > kMaxBodies) {
          diags_.report<DiagId::too_many_bodies>(at(d.keyword), kMaxBodies);
        }
        c_.parties.push_back(std::move(party));
        break;
      }
      case DeclKind::assumption: {
        const auto& a = std::get<dsl::AssumeDecl>(d.node);
        Assumption assumption{name, dsl::Value{Money{}}, keep(a.description), false, d.keyword};
        if (const auto* m = std::get_if<dsl::MoneyLit>(&a.value)) {
          assumption.value = m->value;
          if (!m->valid) invalid_assumptions_.insert(ref.index);
        } else {
          assumption.value = std::get<dsl::PercentLit>(a.value).value;
          if (!std::get<dsl::PercentLit>(a.value).valid) invalid_assumptions_.insert(ref.index);
        }
        c_.assumptions.push_back(std::move(assumption));
        break;
      }
      case DeclKind::licence: add_entry(c_.licences, name, d.keyword); break;
      case DeclKind::clause: add_entry(c_.clauses, name, d.keyword); break;
      case DeclKind::exception: add_entry(c_.exceptions, name, d.keyword); break;
      case DeclKind::power: add_entry(c_.powers, name, d.keyword); break;
      case DeclKind::waterfall: add_entry(c_.waterfalls, name, d.keyword); break;
    }
  }

  // An entry with its name and keyword only: checking its declaration fills the rest.
  template <typename Entry>
  static void add_entry(std::vector<Entry>& table, std::string_view name, Span keyword) {
    Entry entry;
    entry.name = name;
    entry.keyword = keyword;
    table.push_back(std::move(entry));
  }

  void apply_overrides() {
    for (const Override& o : overrides_) {
      const auto ref = c_.find(o.name);
      if (!ref || ref->kind != DeclKind::assumption) {
        std::vector<std::string_view> names;
        for (const Assumption& a : c_.assumptions) names.push_back(a.name);
        const std::string suggestion = did_you_mean(o.name, names);
        if (ref) diags_.report<DiagId::not_an_assumption>(o.where, o.name, article_kind(ref->kind), suggestion);
        else diags_.report<DiagId::no_such_assumption>(o.where, o.name, suggestion);
        continue;
      }
      Assumption& a = c_.assumptions[ref->index];
      if (a.value.index() != o.value.index()) {
        const bool money = std::holds_alternative<Money>(a.value);
        diags_.report<DiagId::override_of_other_type>(o.where, o.name,
                                          money ? "money" : "a percentage", dsl::value_to_string(a.value),
                                          money ? "money like `$130B`" : "a percentage like `49%`",
                                          dsl::value_to_string(o.value));
        continue;
      }
      a.value = o.value;
      a.overridden = true;
      invalid_assumptions_.erase(ref->index);
    }
  }

  // Looks a name up; reports it when it is unknown. nullopt when unknown or when it names
  // a declaration that did not parse (already reported).
  std::optional<DeclRef> lookup(const Ident& name, std::initializer_list<DeclKind> wanted, const char* noun) {
    if (const auto found = c_.find(name.text)) {
      references_.push_back({name.span, *found});
      return found;
    }
    if (incomplete_.contains(name.text)) return std::nullopt;
    std::vector<std::string_view> candidates;
    if (may_suggest(diags_)) {
      for (const auto& [n, ref] : c_.names) {
        if (std::find(wanted.begin(), wanted.end(), ref.kind) != wanted.end()) candidates.push_back(n);
      }
    }
    std::sort(candidates.begin(), candidates.end());
    std::string suggestion = did_you_mean(name.text, candidates);
    if (suggestion.empty() && wanted.size() == 1 && *wanted.begin() == DeclKind::party) {
      suggestion = fmt::format(": declare it with `party {}` (every party a clause names is declared)", name.text);
    }
    diags_.report<DiagId::unknown_name>(at(name.span), noun, name.text, suggestion);
    return std::nullopt;
  }

  std::optional<Index> party(const ActorRef& a, const char* role) {
    const auto ref = lookup(a.party, {DeclKind::party}, "party");
    if (!ref) return std::nullopt;
    if (ref->kind != DeclKind::party) {
      diags_.report<DiagId::must_be_party>(at(a.party.span), a.party.text, article_kind(ref->kind), role);
      return std::nullopt;
    }
    if (a.body) {
      if (const Index body = c_.find_body(ref->index, a.body->text); body != kNone) {
        references_.push_back({a.body->span, *ref, body});
      }
      diags_.report<DiagId::party_not_body>(at(a.span), role, a.party.text);
      return std::nullopt;
    }
    mentioned_[ref->index] = true;
    return ref->index;
  }

  std::optional<Actor> actor(const ActorRef& a, const char* role) {
    const auto ref = lookup(a.party, {DeclKind::party}, "party");
    if (!ref) return std::nullopt;
    if (ref->kind != DeclKind::party) {
      diags_.report<DiagId::must_be_party_or_body>(at(a.party.span), a.party.text, article_kind(ref->kind), role);
      return std::nullopt;
    }
    mentioned_[ref->index] = true;
    Actor result{ref->index, kNone};
    if (a.body) {
      result.body = c_.find_body(ref->index, a.body->text);
      if (result.body == kNone) {
        diags_.report(at(a.body->span), c_.unknown_body_message(ref->index, a.body->text, may_suggest(diags_)));
        return std::nullopt;
      }
      references_.push_back({a.body->span, *ref, result.body});
    }
    return result;
  }

  Index word(const Ident& w) {
    const bool is_lower = std::none_of(w.text.begin(), w.text.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
    if (is_lower) {
      // The usual case: no temporary string, and no node allocated for a word already known.
      if (const auto known = c_.word_index.find(w.text); known != c_.word_index.end()) return known->second;
    }
    const std::string key = is_lower ? std::string(w.text) : lower(w.text);
    const auto [known, fresh] = c_.word_index.try_emplace(key, static_cast<Index>(c_.words.size()));
    if (fresh) c_.words.push_back(key);
    return known->second;
  }

  std::optional<Money> money(const AmountRef& a, const char* role) {
    if (const auto* lit = std::get_if<dsl::MoneyLit>(&a.value)) {
      if (!lit->valid) return std::nullopt;
      return lit->value;
    }
    const Ident& name = std::get<Ident>(a.value);
    const auto ref = lookup(name, {DeclKind::assumption}, "assumption");
    if (!ref) return std::nullopt;
    if (ref->kind != DeclKind::assumption) {
      diags_.report<DiagId::must_be_money>(at(name.span), name.text, article_kind(ref->kind), role);
      return std::nullopt;
    }
    used_assumption_[ref->index] = true;
    if (invalid_assumptions_.count(ref->index) != 0) return std::nullopt;  // already reported
    const Assumption& as = c_.assumptions[ref->index];
    if (const auto* m = std::get_if<Money>(&as.value)) return *m;
    auto& d = diags_.report<DiagId::percentage_for_money>(at(name.span), name.text, dsl::value_to_string(as.value),
                                                          role);
    d.notes.push_back({at(as.keyword), fmt::format("`{}` is declared here", name.text)});
    return std::nullopt;
  }

  std::optional<Percent> percent(const dsl::PercentRef& p) {
    if (const auto* lit = std::get_if<dsl::PercentLit>(&p.value)) {
      if (!lit->valid) return std::nullopt;
      return lit->value;
    }
    const Ident& name = std::get<Ident>(p.value);
    const auto ref = lookup(name, {DeclKind::assumption}, "assumption");
    if (!ref) return std::nullopt;
    if (ref->kind != DeclKind::assumption) {
      diags_.report<DiagId::must_be_percentage>(at(name.span), name.text, article_kind(ref->kind));
      return std::nullopt;
    }
    used_assumption_[ref->index] = true;
    if (invalid_assumptions_.count(ref->index) != 0) return std::nullopt;  // already reported
    const Assumption& as = c_.assumptions[ref->index];
    if (const auto* v = std::get_if<Percent>(&as.value)) return *v;
    diags_.report<DiagId::money_for_percentage>(at(name.span), name.text, dsl::value_to_string(as.value));
    return std::nullopt;
  }

  // ----- declarations ----------------------------------------------------------------


  void check(const Declaration&, const dsl::PartyDecl&) {}
  void check(const Declaration&, const dsl::AssumeDecl&) {}

  // A term as the model holds it; `from` after `until` is reported and leaves it open.
  Term term(const dsl::Term& t) {
    Term out;
    if (t.from && t.from->valid) out.from = t.from->value;
    if (t.until && t.until->valid) out.until = t.until->value;
    if (out.from && out.until && *out.from > *out.until) {
      diags_.report<DiagId::term_backwards>(at(t.from_keyword.begin < t.until_keyword.begin ? t.until->span : t.from->span),
                                            out.from->to_string(), out.until->to_string());
      return {};
    }
    return out;
  }

  void check(const Declaration& d, const dsl::LicenceDecl& l) {
    Licence& model = c_.licences[ref_of(d).index];
    model.description = keep(l.description);
    if (auto g = actor(l.grantor, "the grantor")) model.grantor = *g;
    if (auto g = actor(l.grantee, "the grantee")) model.grantee = *g;
    model.term = term(l.term);
  }

  void check(const Declaration& d, const dsl::ClauseDecl& cl) {
    const Index self = ref_of(d).index;
    c_.clauses[self].title = keep(cl.title);
    if (const auto* commitment = std::get_if<dsl::CommitmentStmt>(&cl.statement); commitment && cl.term.until) {
      if (cl.term.until->valid && commitment->by.valid) {
        diags_.report<DiagId::until_on_commitment>(at(cl.term.until_keyword), commitment->by.value.to_string(),
                                                   cl.term.until->value.to_string());
      }
      dsl::Term from_only = cl.term;
      from_only.until.reset();
      c_.clauses[self].term = term(from_only);
    } else {
      c_.clauses[self].term = term(cl.term);
    }
    std::visit([&](const auto& s) { statement(self, s); }, cl.statement);
    if (c_.clauses[self].kind == ClauseKind::freedom) freedom_sites_.push_back({self, cl.statement_span});
  }

  void duty(Index self, ClauseKind kind, const ActorRef& buyer, const Ident& good, const ActorRef& vendor) {
    Clause& model = c_.clauses[self];
    model.kind = kind;
    if (auto b = actor(buyer, "the buyer")) model.buyer = *b;
    model.good = word(good);
    if (auto v = party(vendor, "the vendor")) model.vendor = Actor{*v, kNone};
  }
  void statement(Index self, const dsl::ExclusivityStmt& s) {
    duty(self, ClauseKind::exclusivity, s.buyer, s.good, s.vendor);
    Clause& model = c_.clauses[self];
    for (const ActorRef& v : s.more_vendors) {
      const auto p = party(v, "the vendor");
      if (!p) continue;
      if (model.names_vendor(Actor{*p, kNone})) {
        diags_.report<DiagId::vendor_repeated>(at(v.span), v.to_string(), model.name);
        continue;
      }
      model.more_vendors.push_back(Actor{*p, kNone});
    }
  }
  void statement(Index self, const dsl::ProhibitionStmt& s) {
    duty(self, ClauseKind::prohibition, s.buyer, s.good, s.vendor);
  }
  void statement(Index self, const dsl::FirstRefusalStmt& s) {
    duty(self, ClauseKind::first_refusal, s.buyer, s.good, s.holder);
  }
  void statement(Index self, const dsl::CommitmentStmt& s) {
    duty(self, ClauseKind::commitment, s.buyer, s.good, s.vendor);
    Clause& model = c_.clauses[self];
    if (auto m = money(s.amount, "a commitment")) {
      if (m->is_zero()) diags_.report<DiagId::zero_commitment>(at(s.amount.span));
      model.amount = *m;
    }
    if (s.by.valid) {
      model.term.until = s.by.value;
      if (model.term.from && *model.term.from > s.by.value) {
        diags_.report<DiagId::term_backwards>(at(s.by.span), model.term.from->to_string(), s.by.value.to_string());
        model.term.from.reset();
      }
    }
  }
  void statement(Index self, const dsl::FreedomStmt& s) {
    Clause& model = c_.clauses[self];
    model.kind = ClauseKind::freedom;
    if (auto b = actor(s.buyer, "the buyer")) model.buyer = *b;
    model.good = word(s.good);
    if (s.vendor.anyone) {
      model.any_vendor = true;
    } else if (auto v = party(s.vendor, "the vendor")) {
      model.vendor = Actor{*v, kNone};
    }
  }
  void statement(Index self, const dsl::DeedStmt& s) {
    Clause& model = c_.clauses[self];
    model.kind = ClauseKind::deed;
    if (auto a = actor(s.actor, "the actor")) model.buyer = *a;
    model.deed = keep(s.text);
    model.forbidden = s.forbidden;
  }
  void statement(Index self, const dsl::TriggerStmt& s) {
    Clause& model = c_.clauses[self];
    model.kind = ClauseKind::trigger;
    TriggerPattern& p = model.pattern;
    std::visit(
        [&](const auto& pat) {
          using P = std::decay_t<decltype(pat)>;
          if constexpr (std::is_same_v<P, dsl::StatusDeclaredPattern>) {
            p.kind = PatternKind::status_declared;
            p.word = word(pat.status);
            trigger_statuses_.push_back({p.word, pat.status.span});
          } else if constexpr (std::is_same_v<P, dsl::ActorDeclaresPattern>) {
            p.kind = PatternKind::actor_declares;
            if (auto a = actor(pat.actor, "the declarer")) p.actor = *a;
            p.word = word(pat.status);
            trigger_statuses_.push_back({p.word, pat.status.span});
          } else if constexpr (std::is_same_v<P, dsl::BuysPattern>) {
            p.kind = PatternKind::buys;
            if (auto a = actor(pat.buyer, "the buyer")) p.actor = *a;
            p.word = word(pat.good);
            if (auto v = party(pat.vendor, "the vendor")) p.vendor = Actor{*v, kNone};
          } else if constexpr (std::is_same_v<P, dsl::StatusVerifiedPattern>) {
            p.kind = PatternKind::status_verified;
            p.word = word(pat.status);
            trigger_statuses_.push_back({p.word, pat.status.span});
            verified_statuses_.push_back({p.word, pat.status.span});
          } else {
            p.kind = PatternKind::does;
            if (auto a = actor(pat.actor, "the actor")) p.actor = *a;
            p.text = keep(pat.text);
          }
        },
        s.pattern);
    for (const dsl::Effect& e : s.effects) {
      const auto ref = lookup(e.target, {DeclKind::licence, DeclKind::clause, DeclKind::exception, DeclKind::waterfall},
                              "licence, clause, exception or waterfall");
      if (!ref) continue;
      if (ref->kind != DeclKind::licence && ref->kind != DeclKind::clause && ref->kind != DeclKind::exception &&
          ref->kind != DeclKind::waterfall) {
        diags_.report<DiagId::cannot_end>(at(e.target.span), e.target.text, article_kind(ref->kind));
        continue;
      }
      model.ends.push_back(*ref);
    }
  }

  void check(const Declaration& d, const dsl::ExceptionDecl& e) {
    const Index self = ref_of(d).index;
    Exception& model = c_.exceptions[self];
    model.title = keep(e.title);
    if (const auto ref = lookup(e.clause, {DeclKind::clause}, "clause")) {
      if (ref->kind != DeclKind::clause) {
        diags_.report<DiagId::exception_not_to_clause>(at(e.clause.span), e.clause.text, article_kind(ref->kind));
      } else {
        model.clause = ref->index;
      }
    }
    if (auto b = actor(e.buyer, "the buyer")) model.buyer = *b;
    model.good = word(e.good);
    if (e.vendor.anyone) {
      model.any_vendor = true;
    } else if (auto v = party(e.vendor, "the vendor")) {
      model.vendor = Actor{*v, kNone};
    }

    std::optional<Span> limit_span, from_span, until_span;
    for (const dsl::Condition& cond : e.conditions) {
      std::visit(
          [&](const auto& k) {
            using K = std::decay_t<decltype(k)>;
            if constexpr (std::is_same_v<K, dsl::ConsentCondition>) {
              if (auto a = actor(k.party, "the consenting party")) {
                if (std::find(model.consents.begin(), model.consents.end(), *a) != model.consents.end()) {
                  diags_.report<DiagId::consent_repeated>(at(cond.span), k.party.to_string(), model.name);
                } else if (model.consents.size() >= kMaxConsents) {
                  diags_.report<DiagId::too_many_consents>(at(cond.span), kMaxConsents);
                } else {
                  model.consents.push_back(*a);
                }
              }
            } else if constexpr (std::is_same_v<K, dsl::LimitCondition>) {
              if (limit_span) {
                auto& diag = diags_.report<DiagId::second_limit>(at(cond.span));
                diag.notes.push_back({at(*limit_span), "the first limit is here"});
                return;
              }
              limit_span = cond.span;
              if (auto m = money(k.limit, "the limit")) {
                if (m->is_zero()) {
                  diags_.report<DiagId::zero_limit>(at(k.limit.span));
                }
                model.limit = *m;
              }
            } else if constexpr (std::is_same_v<K, dsl::FromCondition>) {
              if (from_span) {
                diags_.report<DiagId::second_from>(at(cond.span));
                return;
              }
              from_span = cond.span;
              if (k.date.valid) model.from = k.date.value;
            } else {
              if (until_span) {
                diags_.report<DiagId::second_until>(at(cond.span));
                return;
              }
              until_span = cond.span;
              if (k.date.valid) model.until = k.date.value;
            }
          },
          cond.value);
    }
    if (model.from && model.until && *model.from > *model.until) {
      diags_.report<DiagId::empty_window>(at(*until_span), model.until->to_string(), model.from->to_string());
    }
    if (model.clause != kNone) {
      c_.clauses[model.clause].exceptions.push_back(self);
      exception_sites_.push_back({self, d.keyword, e.clause.span, e.permission_span});
    }
  }

  void check(const Declaration& d, const dsl::PowerDecl& p) {
    Power& model = c_.powers[ref_of(d).index];
    model.title = keep(p.title);
    if (auto h = actor(p.holder, "the holder")) model.holder = *h;
    model.status = word(p.status);
    if (p.verifier) {
      if (auto v = actor(*p.verifier, "the verifier")) model.verifier = *v;
    }
    power_sites_.push_back({ref_of(d).index, p.status.span});
  }

  void check(const Declaration& d, const dsl::WaterfallDecl& w) {
    Waterfall& model = c_.waterfalls[ref_of(d).index];
    model.title = keep(w.title);
    if (auto p = party(w.of, "the party whose income is paid out")) model.of = *p;
    if (w.stream) model.stream = lower(w.stream->text);
    model.term = term(w.term);
    if (w.tiers.size() > kMaxTiers) {
      diags_.report<DiagId::too_many_tiers>(at(w.tiers[kMaxTiers].keyword), kMaxTiers);
      return;
    }
    std::optional<std::size_t> rest_at;
    // Sized up front, here and for each tier's shares: growing them one element at a time
    // allocated and copied three times for the usual four tiers.
    model.tiers.reserve(w.tiers.size());
    for (std::size_t i = 0; i < w.tiers.size(); ++i) {
      const dsl::Tier& t = w.tiers[i];
      // Only error messages need the label: build it only for them.
      const auto label = [&t, i] { return tier_label(t, i); };
      Tier tier;
      if (t.name) tier.name = keep(*t.name);
      tier.kind = t.kind;
      tier.keyword = t.keyword;
      if (t.kind == TierKind::first && i != 0) {
        diags_.report<DiagId::first_not_first>(at(t.kind_span), t.name ? label() : std::string("this"), i + 1);
      }
      if (rest_at) {
        auto& diag = diags_.report<DiagId::tier_after_rest>(at(t.keyword), label());
        diag.notes.push_back({at(w.tiers[*rest_at].kind_span), "the `rest` tier is here"});
      }
      if (t.kind == TierKind::rest && !rest_at) rest_at = i;
      if (t.amount) {
        if (auto m = money(*t.amount, "a tier amount")) {
          if (m->is_zero()) diags_.report<DiagId::zero_tier_amount>(at(t.amount->span), label());
          tier.amount = *m;
        }
      }
      if (t.shares.size() > kMaxShares) {
        diags_.report<DiagId::too_many_shares>(at(t.shares[kMaxShares].span), kMaxShares);
        continue;
      }
      std::int64_t sum = 0;
      bool sum_known = true;
      bool any_cap = false;
      SeenSet<Index> seen;
      tier.shares.reserve(t.shares.size());
      for (const dsl::Share& s : t.shares) {
        Share share;
        const auto p = party(s.party, "a share");
        if (p) {
          share.party = *p;
          if (!seen.insert(*p)) {
            diags_.report<DiagId::two_shares>(at(s.party.span), s.party.to_string(), label());
          }
        }
        const auto pct = percent(s.percent);
        if (pct) {
          share.percent = *pct;
          sum += pct->units();
          if (pct->units() == 0) {
            diags_.report<DiagId::zero_share>(at(s.percent.span), s.party.to_string(), label());
          }
        } else {
          sum_known = false;
        }
        if (s.cap) {
          any_cap = true;
          if (t.kind != TierKind::until_capped) {
            diags_.report<DiagId::cap_outside_until_capped>(at(s.cap_keyword), label(), tier_kind_word(t.kind));
          }
          if (auto m = money(*s.cap, "a cap")) share.cap = *m;
        }
        tier.shares.push_back(share);
      }
      if (sum_known && sum != Percent::kWhole && !t.shares.empty()) {
        const Span shares{t.shares.front().span.begin, t.shares.back().span.end};
        diags_.report<DiagId::shares_not_100>(at(shares), label(), Percent::from_units(sum).to_string());
      }
      if (t.kind == TierKind::until_capped) {
        if (!any_cap) {
          diags_.report<DiagId::no_cap>(at(t.kind_span), label());
        }
        if (!t.overflow) {
          diags_.report<DiagId::no_overflow>(at(t.kind_span), label());
        }
      } else if (t.overflow) {
        diags_.report<DiagId::overflow_outside_until_capped>(at(t.overflow_keyword), label(), tier_kind_word(t.kind));
      }
      if (t.overflow) {
        if (const auto o = party(*t.overflow, "the overflow party")) {
          tier.overflow = *o;
          for (const dsl::Share& s : t.shares) {
            if (s.cap && s.party.party.text == t.overflow->party.text && !s.party.body) {
              auto& diag = diags_.report<DiagId::overflow_party_capped>(at(t.overflow->span), t.overflow->to_string(),
                                                                        label());
              diag.notes.push_back({at(s.span), "its capped share is here"});
            }
          }
        }
      }
      model.tiers.push_back(std::move(tier));
    }
    index_payees(model);
  }

  static const char* tier_kind_word(TierKind k) {
    switch (k) {
      case TierKind::first: return "first";
      case TierKind::next: return "next";
      case TierKind::until_capped: return "until capped";
      case TierKind::rest: return "rest";
    }
    return "";
  }

  // Two powers over one status: the second is an error.
  void check_powers() {
    std::vector<Index> first(c_.words.size(), kNone);  // by status: the first power over it
    for (const auto& [index, status_span] : power_sites_) {
      const Power& p = c_.powers[index];
      if (p.status >= first.size()) continue;
      if (first[p.status] == kNone) {
        first[p.status] = index;
      } else {
        const Power& other = c_.powers[first[p.status]];
        auto& d = diags_.report<DiagId::two_powers>(at(status_span), c_.words[p.status], other.name);
        d.notes.push_back({at(other.keyword), fmt::format("power `{}` is here", other.name)});
      }
    }
  }

  // ----- indexes and warnings --------------------------------------------------------

  // A part left unresolved (kNone) by an error, or by a syntax error that cut its
  // declaration short, is left out: the indexes only serve a contract without errors.
  void build_indexes() {
    const auto word = [&](Index w) { return w < c_.words.size(); };
    c_.power_of_status.assign(c_.words.size(), kNone);
    for (Index i = 0; i < c_.powers.size(); ++i) {
      if (word(c_.powers[i].status)) c_.power_of_status[c_.powers[i].status] = i;
    }
    c_.status_triggers.assign(c_.words.size(), {});
    c_.purchase_triggers.assign(c_.words.size(), {});
    c_.verified_triggers.assign(c_.words.size(), {});
    c_.refusals_of.assign(c_.words.size(), {});
    for (Index i = 0; i < c_.clauses.size(); ++i) {
      const Clause& cl = c_.clauses[i];
      if (cl.kind == ClauseKind::trigger) {
        switch (cl.pattern.kind) {
          case PatternKind::status_declared:
          case PatternKind::actor_declares:
            if (word(cl.pattern.word)) c_.status_triggers[cl.pattern.word].push_back(i);
            break;
          case PatternKind::status_verified:
            if (word(cl.pattern.word)) c_.verified_triggers[cl.pattern.word].push_back(i);
            break;
          case PatternKind::buys:
            if (word(cl.pattern.word)) c_.purchase_triggers[cl.pattern.word].push_back(i);
            break;
          case PatternKind::does: c_.deed_triggers[cl.pattern.text].push_back(i); break;
        }
      } else if (cl.kind == ClauseKind::deed) {
        c_.deed_clauses[cl.deed].push_back(i);
      } else {
        c_.duties[Contract::DutyKey{cl.buyer.party, cl.buyer.body, cl.good}].push_back(i);
        if (cl.kind == ClauseKind::first_refusal && word(cl.good)) c_.refusals_of[cl.good].push_back(i);
      }
    }
    std::vector<std::pair<std::uint32_t, Contract::Deadline>> deadlines;  // with the keyword's offset, for file order
    const auto deadline = [&](const Term& t, DeclRef ref) {
      if (t.until) deadlines.push_back({c_.keyword_of(ref).begin, {*t.until, ref}});
    };
    for (Index i = 0; i < c_.licences.size(); ++i) deadline(c_.licences[i].term, {DeclKind::licence, i});
    for (Index i = 0; i < c_.clauses.size(); ++i) deadline(c_.clauses[i].term, {DeclKind::clause, i});
    for (Index i = 0; i < c_.waterfalls.size(); ++i) deadline(c_.waterfalls[i].term, {DeclKind::waterfall, i});
    std::stable_sort(deadlines.begin(), deadlines.end(), [](const auto& a, const auto& b) {
      return a.second.until != b.second.until ? a.second.until < b.second.until : a.first < b.first;
    });
    c_.deadlines.clear();
    for (const auto& d : deadlines) c_.deadlines.push_back(d.second);
    c_.waterfalls_of.assign(c_.parties.size(), {});
    for (Index i = 0; i < c_.waterfalls.size(); ++i) {
      if (c_.waterfalls[i].of < c_.parties.size()) c_.waterfalls_of[c_.waterfalls[i].of].push_back(i);
    }
  }

  // A waterfall without `rest` is warned about in engine/payout (it needs the distribution rules).
  void warn_about_waterfalls() {
    for (const auto& site : exception_sites_) {
      const Exception& e = c_.exceptions[site.exception];
      const Clause& cl = c_.clauses[e.clause];
      if (cl.kind == ClauseKind::trigger) {
        diags_.report<DiagId::exception_without_duty>(at(site.clause_span), e.name, cl.name);
        continue;
      }
      if (cl.kind == ClauseKind::commitment || cl.kind == ClauseKind::freedom || cl.kind == ClauseKind::deed) {
        diags_.report<DiagId::exception_cannot_apply>(at(site.clause_span), e.name, cl.name, clause_kind_phrase(cl.kind));
        continue;
      }
      if (e.buyer != cl.buyer || e.good != cl.good) {
        diags_.report<DiagId::exception_never_applies>(at(site.permission_span),
                                   e.name, cl.name, c_.actor_name(cl.buyer), c_.words[cl.good],
                                   c_.actor_name(e.buyer), c_.words[e.good]);
        continue;
      }
      const bool already = e.any_vendor                           ? false
                           : cl.kind == ClauseKind::exclusivity    ? cl.names_vendor(e.vendor)
                           : cl.kind == ClauseKind::first_refusal ? e.vendor == cl.vendor
                                                                  : e.vendor != cl.vendor;
      if (already) {
        diags_.report<DiagId::exception_changes_nothing>(at(site.permission_span), e.name,
                                   cl.name, c_.words[e.good], c_.actor_name(e.vendor));
      }
    }
    for (const auto& [status, span] : trigger_statuses_) {
      if (status >= c_.power_of_status.size() || c_.power_of_status[status] == kNone) {
        diags_.report<DiagId::status_without_power>(at(span), c_.words[status]);
      }
    }
    for (const auto& [status, span] : verified_statuses_) {
      if (status >= c_.power_of_status.size() || c_.power_of_status[status] == kNone) continue;
      const Power& p = c_.powers[c_.power_of_status[status]];
      if (!p.verifier) {
        diags_.report<DiagId::verified_without_verifier>(at(span), p.name, c_.words[status], c_.words[status]);
      }
    }
    warn_about_freedoms();
  }

  static const char* clause_kind_phrase(ClauseKind k) {
    switch (k) {
      case ClauseKind::commitment: return "a commitment";
      case ClauseKind::freedom: return "a freedom";
      case ClauseKind::deed: return "about a deed";
      default: return "a clause";
    }
  }

  static bool overlap(const Term& a, const Term& b) {
    const bool a_before_b = a.until && b.from && *a.until < *b.from;
    const bool b_before_a = b.until && a.from && *b.until < *a.from;
    return !a_before_b && !b_before_a;
  }

  // A freedom that permits what an exclusivity or prohibition on the same buyer and good
  // forbids while both are in force.
  void warn_about_freedoms() {
    for (const auto& [fi, span] : freedom_sites_) {
      const Clause& f = c_.clauses[fi];
      for (const Index di : c_.duties_on(f.buyer, f.good)) {
        const Clause& d = c_.clauses[di];
        if (d.kind != ClauseKind::exclusivity && d.kind != ClauseKind::prohibition) continue;
        const bool forbids = d.kind == ClauseKind::exclusivity ? f.any_vendor || !d.names_vendor(f.vendor)
                                                               : f.any_vendor || f.vendor == d.vendor;
        if (!forbids || !overlap(f.term, d.term)) continue;
        const std::string vendor = f.any_vendor ? std::string("anyone") : c_.actor_name(f.vendor);
        auto& diag = diags_.report<DiagId::freedom_contradicts>(at(span), f.name, c_.actor_name(f.buyer),
                                                                c_.words[f.good], vendor, d.name);
        diag.notes.push_back({at(d.keyword), fmt::format("`{}` is here", d.name)});
      }
    }
  }

  void warn_about_unused() {
    for (Index i = 0; i < c_.parties.size(); ++i) {
      if (!mentioned_[i]) {
        diags_.report<DiagId::unused_party>(at(c_.parties[i].keyword), c_.parties[i].name);
      }
    }
    for (Index i = 0; i < c_.assumptions.size(); ++i) {
      if (!used_assumption_[i]) {
        diags_.report<DiagId::unused_assumption>(at(c_.assumptions[i].keyword), c_.assumptions[i].name);
      }
    }
  }

  struct ExceptionSite {
    Index exception;
    Span keyword;
    Span clause_span;
    Span permission_span;
  };

  const dsl::ContractSyntax& syn_;
  const dsl::SourcePtr& src_;
  const std::vector<Override>& overrides_;
  bool syntax_errors_;
  dsl::DiagnosticList& diags_;
  Contract c_;
  std::vector<DeclRef> refs_;                         // by position in the syntax tree
  std::array<std::vector<Index>, 7> syntax_index_;    // by kind and index: position in the syntax tree
  Contract::NameMap<std::size_t> incomplete_;         // names of declarations cut short by a syntax error
  std::unordered_set<Index> invalid_assumptions_;
  std::vector<bool> mentioned_;
  std::vector<bool> used_assumption_;
  std::vector<std::pair<Index, Span>> power_sites_;
  std::vector<std::pair<Index, Span>> trigger_statuses_;
  std::vector<std::pair<Index, Span>> verified_statuses_;
  std::vector<std::pair<Index, Span>> freedom_sites_;
  std::vector<ExceptionSite> exception_sites_;
  std::vector<Reference> references_;
};

}  // namespace

CheckResult check_contract(const dsl::ContractSyntax& syntax, const dsl::SourcePtr& source,
                           const std::vector<Override>& overrides, bool syntax_errors) {
  CheckResult result;
  Checker checker(syntax, source, overrides, syntax_errors, result.diagnostics);
  checker.run(result);
  return result;
}

}  // namespace clause::engine
