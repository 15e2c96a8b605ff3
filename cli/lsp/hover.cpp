// `textDocument/hover`: what a name stands for — a declaration's title or description, its
// text in the canonical layout, an assumption's value, a waterfall's tiers and the values
// of the assumptions they use, the exceptions to a clause.
#include <fmt/format.h>

#include "cli/lsp/features.hpp"
#include "dsl/format.hpp"

namespace clause::cli::lsp {

namespace {

std::string escape_markdown(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (std::string_view("\\`*_[]<>#|").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string raw(const Document& d, dsl::Span s) {
  return std::string(d.source->text().substr(s.begin, s.end - s.begin));
}

// `microsoft_cap` = `$130B` — its description.
std::string assumption_line(const Document& contract, engine::DeclRef ref) {
  const dsl::Declaration* d = declaration_of(contract, ref);
  const auto* a = d != nullptr ? std::get_if<dsl::AssumeDecl>(&d->node) : nullptr;
  if (a == nullptr) return {};
  const std::string value = std::visit([&](const auto& lit) { return raw(contract, lit.span); }, a->value);
  std::string line = fmt::format("`{}` = `{}`", a->name.text, value);
  if (a->description) line += " — " + escape_markdown(a->description->value);
  return line;
}

std::string describe_body(const Document& contract, const engine::Contract& model, Target target) {
  const dsl::Declaration* d = declaration_of(contract, target.decl);
  const auto* p = d != nullptr ? std::get_if<dsl::PartyDecl>(&d->node) : nullptr;
  if (p == nullptr) return {};
  std::string out = fmt::format("**body** `{}.{}` of party `{}`", p->name.text,
                                model.parties[target.decl.index].bodies[target.body], p->name.text);
  if (p->description) out += " — " + escape_markdown(p->description->value);
  return out;
}

// "in force from 2026-03-01 until 2027-12-31 (expires on 2028-01-01)".
std::string term_line(const engine::Term& t) {
  if (t.empty()) return {};
  std::string out = "in force";
  if (t.from) out += fmt::format(" from {}", t.from->to_string());
  if (t.until) out += fmt::format(" until {} (expires on {})", t.until->to_string(), t.until->plus_days(1).to_string());
  return out;
}

std::string word_of(const engine::Contract& m, engine::Index w) { return w < m.words.size() ? m.words[w] : "?"; }

// The version 2 facts of a declaration, read from the checked model: its term, a power's
// verifier, a commitment's amount and deadline, a first refusal's holder, a waterfall's stream.
std::vector<std::string> facts(const engine::Contract& m, engine::DeclRef ref) {
  std::vector<std::string> out;
  switch (ref.kind) {
    case dsl::DeclKind::licence: {
      if (auto t = term_line(m.licences[ref.index].term); !t.empty()) out.push_back(t);
      break;
    }
    case dsl::DeclKind::clause: {
      const engine::Clause& cl = m.clauses[ref.index];
      if (cl.kind == engine::ClauseKind::commitment) {
        std::string line = fmt::format("commitment: `{}` must have bought {} of `{}` from `{}`", m.actor_name(cl.buyer),
                                       cl.amount.to_short(), word_of(m, cl.good), m.actor_name(cl.vendor));
        if (cl.term.until) {
          line += fmt::format(" by {} (judged on {})", cl.term.until->to_string(),
                              cl.term.until->plus_days(1).to_string());
        }
        line += fmt::format("; counting from {}",
                            cl.term.from ? cl.term.from->to_string()
                                         : (m.effective ? m.effective->to_string() + " (the effective date)"
                                                        : std::string("the start")));
        out.push_back(line);
      } else if (auto t = term_line(cl.term); !t.empty()) {
        out.push_back(t);
      }
      if (cl.kind == engine::ClauseKind::first_refusal) {
        out.push_back(fmt::format("first refusal: `{}` must offer `{}` to `{}` first", m.actor_name(cl.buyer),
                                  word_of(m, cl.good), m.actor_name(cl.vendor)));
      } else if (cl.kind == engine::ClauseKind::freedom) {
        out.push_back(fmt::format("freedom: `{}` may buy `{}` from {}", m.actor_name(cl.buyer), word_of(m, cl.good),
                                  cl.any_vendor ? "anyone" : fmt::format("`{}`", m.actor_name(cl.vendor))));
      } else if (cl.kind == engine::ClauseKind::deed) {
        out.push_back(fmt::format("deed: `{}` {} \"{}\"", m.actor_name(cl.buyer),
                                  cl.forbidden ? "must not do" : "may do", escape_markdown(cl.deed)));
      }
      break;
    }
    case dsl::DeclKind::power: {
      const engine::Power& p = m.powers[ref.index];
      if (p.verifier) {
        out.push_back(fmt::format("verified by `{}`: a declaration waits for its verification",
                                  m.actor_name(*p.verifier)));
      }
      break;
    }
    case dsl::DeclKind::waterfall: {
      const engine::Waterfall& w = m.waterfalls[ref.index];
      std::string line = fmt::format("stream: `{}`", w.stream);
      if (w.of < m.parties.size()) line = fmt::format("stream: `{}` of `{}`", w.stream, m.parties[w.of].name);
      out.push_back(line);
      if (auto t = term_line(w.term); !t.empty()) out.push_back(t);
      break;
    }
    default: break;
  }
  return out;
}

std::string describe(const Document& contract, Target target) {
  const engine::Contract* model = contract.checked.model();
  if (model == nullptr || !target.valid()) return {};
  if (target.body != engine::kNone) return describe_body(contract, *model, target);
  const dsl::Declaration* d = declaration_of(contract, target.decl);
  if (d == nullptr) return {};
  const std::string_view name = d->name().text;
  std::string out = fmt::format("**{}** `{}`", declaration_kind_name(d->kind()), name);
  if (d->kind() == dsl::DeclKind::assumption) return "**assumption** " + assumption_line(contract, target.decl);
  if (const auto* e = std::get_if<dsl::ExceptionDecl>(&d->node)) out += fmt::format(" to `{}`", e->clause.text);
  if (const auto& title = title_of(*d)) out += " — " + escape_markdown(title->value);
  if (!d->complete) return out;
  out += "\n\n```clause\n" + dsl::format_declaration(*d, contract.source->text()) + "```";

  if (const auto* w = std::get_if<dsl::WaterfallDecl>(&d->node)) {
    // The figures behind the names its tiers use.
    std::vector<std::string_view> names;
    const auto add = [&](const std::optional<dsl::AmountRef>& a) {
      if (a) {
        if (const auto* n = std::get_if<dsl::Ident>(&a->value)) names.push_back(n->text);
      }
    };
    for (const dsl::Tier& t : w->tiers) {
      add(t.amount);
      for (const dsl::Share& s : t.shares) {
        if (const auto* n = std::get_if<dsl::Ident>(&s.percent.value)) names.push_back(n->text);
        add(s.cap);
      }
    }
    for (const std::string_view n : names) {
      const auto ref = model->find(n);
      const std::string line = ref ? assumption_line(contract, *ref) : std::string();
      if (!line.empty()) out += "\n\n" + line;
    }
  }
  for (const std::string& fact : facts(*model, target.decl)) out += "\n\n" + fact;
  if (target.decl.kind == dsl::DeclKind::clause) {
    std::vector<std::string> exceptions;
    for (const engine::Index e : model->clauses[target.decl.index].exceptions) {
      exceptions.push_back(fmt::format("`{}`", model->exceptions[e].name));
    }
    if (!exceptions.empty()) out += fmt::format("\n\nexceptions: {}", fmt::join(exceptions, ", "));
  }
  return out;
}

}  // namespace

nlohmann::json hover(const Workspace& ws, const DocumentPtr& doc, std::uint32_t offset, PositionEncoding enc) {
  const DocumentPtr contract = ws.contract_for(doc);
  if (contract == nullptr) return nullptr;
  const std::vector<Occurrence> names = names_in(*doc, contract.get());
  const Occurrence* o = occurrence_at(names, offset);
  if (o == nullptr) return nullptr;
  const std::string text = describe(*contract, o->target);
  if (text.empty()) return nullptr;
  return {{"contents", {{"kind", "markdown"}, {"value", text}}}, {"range", doc->text.range(o->span, enc)}};
}

}  // namespace clause::cli::lsp
