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
