// Go to definition, find references and rename: every occurrence of a declared name, in
// its contract and in the open scenarios that name that contract.
#include <fmt/format.h>

#include "cli/lsp/features.hpp"
#include "dsl/keywords.hpp"

namespace clause::cli::lsp {

namespace {

constexpr int kRequestFailed = -32803;

nlohmann::json location(const Document& d, dsl::Span span, PositionEncoding enc) {
  return {{"uri", d.uri}, {"range", d.text.range(span, enc)}};
}

// The name under the cursor, what it stands for, and the contract that declares it.
struct Cursor {
  std::optional<Occurrence> occurrence;
  std::string written;  // the name as written under the cursor
  DocumentPtr contract;
  std::optional<Occurrence> definition;
};

std::optional<Occurrence> definition_of(const Document& contract, Target target) {
  for (const Occurrence& o : contract.names) {
    if (o.definition && o.target == target) return o;
  }
  return std::nullopt;
}

Cursor cursor_at(const Workspace& ws, const DocumentPtr& doc, std::uint32_t offset) {
  Cursor t;
  t.contract = ws.contract_for(doc);
  const std::vector<Occurrence> names = names_in(*doc, t.contract.get());
  const Occurrence* o = occurrence_at(names, offset);
  if (o == nullptr) return t;
  t.occurrence = *o;
  t.written = std::string(doc->source->text().substr(o->span.begin, o->span.end - o->span.begin));
  if (t.contract && o->target.valid()) t.definition = definition_of(*t.contract, o->target);
  return t;
}

// Every place in `d` where a name stands for `target`.
std::vector<Occurrence> occurrences_of(const Document& d, const DocumentPtr& contract, Target target) {
  std::vector<Occurrence> out;
  for (const Occurrence& o : names_in(d, contract.get())) {
    if (o.target == target) out.push_back(o);
  }
  return out;
}

// The contract, then the open scenarios that use it: where a name of it may occur.
std::vector<DocumentPtr> users_of(const Workspace& ws, const DocumentPtr& contract) {
  std::vector<DocumentPtr> out{contract};
  for (const DocumentPtr& s : ws.scenarios_of(*contract)) out.push_back(s);
  return out;
}

bool is_identifier(const std::string& s) {
  if (s.empty() || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z') || s[0] == '_')) return false;
  for (const char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

std::optional<RequestError> cannot_rename(const Cursor& t) {
  if (!t.occurrence) return RequestError{kRequestFailed, "there is no declared name here to rename"};
  if (!t.contract) return RequestError{kRequestFailed, "the scenario's contract cannot be read, so its names cannot be renamed"};
  if (!t.definition) {
    return RequestError{kRequestFailed,
                        fmt::format("`{}` is not declared in the contract, so there is nothing to rename", t.written)};
  }
  return std::nullopt;
}

// Why `target` cannot be renamed to `new_name`: a declaration (or, for a body, a body of
// the same party) already has that name.
std::optional<std::string> already_declared(const Document& contract, Target target, const std::string& new_name) {
  const engine::Contract* model = contract.checked.model();
  if (model == nullptr) return std::nullopt;
  if (target.body != engine::kNone) {
    if (model->find_body(target.decl.index, new_name) == engine::kNone) return std::nullopt;
    return fmt::format("`{}.{}` is already declared (a body); names are unique in a contract",
                       model->name_of(target.decl), new_name);
  }
  const dsl::Declaration* other = find_declaration(contract.contract, new_name);
  if (other == nullptr) return std::nullopt;
  return fmt::format("`{}` is already declared (a {}); names are unique in a contract", new_name,
                     declaration_kind_name(other->kind()));
}

}  // namespace

nlohmann::json definition(const Workspace& ws, const DocumentPtr& doc, std::uint32_t offset, PositionEncoding enc) {
  const Cursor t = cursor_at(ws, doc, offset);
  if (!t.definition) return nullptr;
  return location(*t.contract, t.definition->span, enc);
}

nlohmann::json references(const Workspace& ws, const DocumentPtr& doc, std::uint32_t offset, bool include_declaration,
                          PositionEncoding enc) {
  const Cursor t = cursor_at(ws, doc, offset);
  nlohmann::json out = nlohmann::json::array();
  if (!t.occurrence || !t.occurrence->target.valid() || !t.contract) return out;
  for (const DocumentPtr& d : users_of(ws, t.contract)) {
    for (const Occurrence& o : occurrences_of(*d, t.contract, t.occurrence->target)) {
      if (include_declaration || !o.definition) out.push_back(location(*d, o.span, enc));
    }
  }
  return out;
}

Reply prepare_rename(const Workspace& ws, const DocumentPtr& doc, std::uint32_t offset, PositionEncoding enc) {
  const Cursor t = cursor_at(ws, doc, offset);
  if (auto error = cannot_rename(t)) return {nullptr, std::move(error)};
  const dsl::Span s = t.occurrence->span;
  return {{{"range", doc->text.range(s, enc)},
           {"placeholder", std::string(doc->source->text().substr(s.begin, s.end - s.begin))}},
          std::nullopt};
}

Reply rename(const Workspace& ws, const DocumentPtr& doc, std::uint32_t offset, const std::string& new_name,
             PositionEncoding enc) {
  const Cursor t = cursor_at(ws, doc, offset);
  if (auto error = cannot_rename(t)) return {nullptr, std::move(error)};
  if (!is_identifier(new_name)) {
    return {nullptr, RequestError{kRequestFailed, fmt::format("`{}` is not a name: a name is a letter or `_`, then "
                                                              "letters, digits or `_`",
                                                              new_name)}};
  }
  if (dsl::is_keyword(new_name)) {
    return {nullptr, RequestError{kRequestFailed, fmt::format("`{}` is a reserved keyword and cannot be used as a name",
                                                              new_name)}};
  }
  if (new_name != t.written) {
    if (const auto conflict = already_declared(*t.contract, t.occurrence->target, new_name)) {
      return {nullptr, RequestError{kRequestFailed, *conflict}};
    }
  }
  nlohmann::json changes = nlohmann::json::object();
  for (const DocumentPtr& d : users_of(ws, t.contract)) {
    nlohmann::json edits = nlohmann::json::array();
    for (const Occurrence& o : occurrences_of(*d, t.contract, t.occurrence->target)) {
      edits.push_back({{"range", d->text.range(o.span, enc)}, {"newText", new_name}});
    }
    if (!edits.empty()) changes[d->uri] = std::move(edits);
  }
  return {{{"changes", std::move(changes)}}, std::nullopt};
}

}  // namespace clause::cli::lsp
