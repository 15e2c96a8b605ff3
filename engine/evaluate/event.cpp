#include "engine/evaluate/event.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "engine/model/suggest.hpp"

namespace clause::engine {

Actor Outsiders::intern(const std::string& name) {
  const auto [it, fresh] = index_.emplace(name, static_cast<Index>(names_.size()));
  if (fresh) names_.push_back(name);
  return Actor{Actor::kOutsiderBit | it->second, kNone};
}

namespace {

class Resolver {
 public:
  Resolver(const Contract& c, const dsl::SourcePtr& src, Outsiders& o, dsl::DiagnosticList& d)
      : c_(c), src_(src), outsiders_(o), diags_(d) {}

  bool ok = true;

  dsl::Location at(Span s) const { return {src_, s, {}}; }

  void error(Span s, dsl::DiagMessage message) {
    diags_.report(at(s), std::move(message));
    ok = false;
  }

  std::vector<std::string_view> names_of(DeclKind kind) const {
    std::vector<std::string_view> out;
    for (const auto& [name, ref] : c_.names) {
      if (ref.kind == kind) out.push_back(name);
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  // Outsiders are legal (`Google`), but one close to a declared party is likelier a slip
  // (`Microsfot`): warned, with the party it is close to.
  Actor actor(const dsl::ActorRef& a) {
    const auto ref = c_.find(a.party.text);
    if (!ref) {
      const std::string suggestion = did_you_mean(a.party.text, names_of(DeclKind::party));
      if (!suggestion.empty()) diags_.report<DiagId::event_outsider>(at(a.party.span), a.party.text, suggestion);
      return outsiders_.intern(a.to_string());
    }
    if (ref->kind != DeclKind::party) {
      error(a.party.span,
            dsl::message<DiagId::wrong_kind>(a.party.text, decl_kind_with_article(ref->kind), "a party"));
      return {};
    }
    Actor result{ref->index, kNone};
    if (a.body) {
      result.body = c_.find_body(ref->index, a.body->text);
      if (result.body == kNone) {
        error(a.body->span, c_.unknown_body_message(ref->index, a.body->text, may_suggest(diags_)));
        return {};
      }
    }
    return result;
  }

  Index named(const dsl::Ident& name, DeclKind kind) {
    const auto ref = c_.find(name.text);
    if (ref && ref->kind == kind) return ref->index;
    if (ref) {
      error(name.span, dsl::message<DiagId::wrong_kind>(name.text, decl_kind_with_article(ref->kind),
                                   decl_kind_with_article(kind)));
    } else {
      error(name.span, dsl::message<DiagId::no_such_declaration>(decl_kind_name(kind), name.text,
                                   may_suggest(diags_) ? did_you_mean(name.text, names_of(kind)) : ""));
    }
    return kNone;
  }

  // A good, status, stream or deed text the contract never mentions, close to one it does:
  // warned, with that one. (One far from all is a question the contract is silent on, and
  // the answer says so.)
  void unknown_word(Span where, const char* what, std::string_view word, std::vector<std::string_view> known) {
    std::sort(known.begin(), known.end());
    known.erase(std::unique(known.begin(), known.end()), known.end());
    const std::string suggestion = did_you_mean(word, known);
    if (!suggestion.empty()) diags_.report<DiagId::event_unknown_word>(at(where), what, word, suggestion);
  }
  Index word(const dsl::Ident& w, const char* what) {
    const Index found = c_.find_word(w.text);
    if (found == kNone) {
      std::vector<std::string_view> known(c_.words.begin(), c_.words.end());
      unknown_word(w.span, what, w.text, std::move(known));
    }
    return found;
  }
  void stream(const dsl::Ident& s, const std::string& lower) {
    std::vector<std::string_view> known;
    for (const Waterfall& w : c_.waterfalls) {
      if (w.stream == lower) return;
      known.push_back(w.stream);
    }
    unknown_word(s.span, "the stream", s.text, std::move(known));
  }
  void deed(const dsl::Text& t) {
    if (c_.deed_triggers.contains(t.value) || c_.deed_clauses.contains(t.value)) return;
    std::vector<std::string_view> known;
    for (const auto& [text, _] : c_.deed_triggers) known.push_back(text);
    for (const auto& [text, _] : c_.deed_clauses) known.push_back(text);
    unknown_word(t.span, "the deed", t.value, std::move(known));
  }

  Money amount(const dsl::MoneyLit& m, const char* what) {
    if (!m.valid) {
      ok = false;
      return {};
    }
    if (m.value.is_zero()) error(m.span, dsl::message<DiagId::amount_not_positive>(what));
    return m.value;
  }

  const Contract& c_;
  const dsl::SourcePtr& src_;
  Outsiders& outsiders_;
  dsl::DiagnosticList& diags_;
};

}  // namespace

std::optional<Event> resolve_event(const Contract& contract, const dsl::EventSyntax& syntax,
                                   const dsl::SourcePtr& source, Outsiders& outsiders, dsl::DiagnosticList& diags) {
  Resolver r(contract, source, outsiders, diags);
  Event e;
  e.where = {source, syntax.span, {}};
  e.canonical = dsl::canonical_text(syntax, source->text());
  std::visit(
      [&](const auto& ev) {
        using E = std::decay_t<decltype(ev)>;
        if constexpr (std::is_same_v<E, dsl::DeclaresEvent>) {
          e.kind = EventKind::declares;
          e.actor = r.actor(ev.actor);
          e.word = r.word(ev.status, "the status");
          e.text = ev.status.text;
        } else if constexpr (std::is_same_v<E, dsl::IsDeclaredEvent>) {
          e.kind = EventKind::is_declared;
          e.word = r.word(ev.status, "the status");
          e.text = ev.status.text;
        } else if constexpr (std::is_same_v<E, dsl::ConsentsEvent>) {
          e.kind = EventKind::consents;
          e.actor = r.actor(ev.party);
          e.target = r.named(ev.exception, DeclKind::exception);
        } else if constexpr (std::is_same_v<E, dsl::BuysEvent>) {
          e.kind = EventKind::buys;
          e.actor = r.actor(ev.buyer);
          e.word = r.word(ev.good, "the good");
          e.text = ev.good.text;
          e.vendor = r.actor(ev.vendor);
          e.amount = r.amount(ev.amount, "a purchase");
        } else if constexpr (std::is_same_v<E, dsl::UsesEvent>) {
          e.kind = EventKind::uses;
          e.actor = r.actor(ev.actor);
          e.target = r.named(ev.licence, DeclKind::licence);
        } else if constexpr (std::is_same_v<E, dsl::EarnsEvent>) {
          e.kind = EventKind::earns;
          e.actor = r.actor(ev.party);
          e.amount = r.amount(ev.amount, ev.stream ? "an earning" : "a profit");
          e.stream = "profit";
          if (ev.stream) {
            e.stream = std::string(ev.stream->text);
            for (char& ch : e.stream) {
              if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
            }
            r.stream(*ev.stream, e.stream);
          }
        } else if constexpr (std::is_same_v<E, dsl::VerifiesEvent> || std::is_same_v<E, dsl::RejectsEvent>) {
          e.kind = std::is_same_v<E, dsl::VerifiesEvent> ? EventKind::verifies : EventKind::rejects;
          e.actor = r.actor(ev.actor);
          e.word = r.word(ev.status, "the status");
          e.text = ev.status.text;
        } else if constexpr (std::is_same_v<E, dsl::IsVerifiedEvent>) {
          e.kind = EventKind::is_verified;
          e.word = r.word(ev.status, "the status");
          e.text = ev.status.text;
        } else if constexpr (std::is_same_v<E, dsl::DeclinesEvent>) {
          e.kind = EventKind::declines;
          e.actor = r.actor(ev.party);
          e.word = r.word(ev.good, "the good");
          e.text = ev.good.text;
          e.amount = r.amount(ev.amount, "a decline");
        } else if constexpr (std::is_same_v<E, dsl::NothingHappensEvent>) {
          e.kind = EventKind::nothing_happens;
        } else {
          e.kind = EventKind::does;
          e.actor = r.actor(ev.actor);
          e.text = ev.text.value;
          r.deed(ev.text);
        }
      },
      syntax.node);
  if (!r.ok) return std::nullopt;
  return e;
}

}  // namespace clause::engine
