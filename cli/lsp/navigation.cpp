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

// The occurrence under the cursor and the contract that declares it.
struct Target {
  const Occurrence* occurrence = nullptr;
  DocumentPtr contract;
  const Occurrence* definition = nullptr;
};

Target target_at(const Workspace& ws, const DocumentPtr& doc, std::uint32_t offset) {
  Target t;
  t.occurrence = doc->names.at(offset);
  if (t.occurrence == nullptr) return t;
  t.contract = ws.contract_for(doc);
  if (t.contract) t.definition = t.contract->names.definition_of(t.occurrence->key);
  return t;
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

std::optional<RequestError> cannot_rename(const Target& t) {
  if (t.occurrence == nullptr) return RequestError{kRequestFailed, "there is no declared name here to rename"};
  if (!t.contract) return RequestError{kRequestFailed, "the scenario's contract cannot be read, so its names cannot be renamed"};
  if (t.definition == nullptr) {
    return RequestError{kRequestFailed,
                        fmt::format("`{}` is not declared in the contract, so there is nothing to rename", t.occurrence->key)};
  }
  return std::nullopt;
}

}  // namespace

nlohmann::json definition(const Workspace& ws, const DocumentPtr& doc, std::uint32_t offset, PositionEncoding enc) {
  const Target t = target_at(ws, doc, offset);
  if (t.definition == nullptr) return nullptr;
  return location(*t.contract, t.definition->span, enc);
}

nlohmann::json references(const Workspace& ws, const DocumentPtr& doc, std::uint32_t offset, bool include_declaration,
                          PositionEncoding enc) {
  const Target t = target_at(ws, doc, offset);
  nlohmann::json out = nlohmann::json::array();
  if (t.occurrence == nullptr) return out;
  for (const DocumentPtr& d : t.contract ? users_of(ws, t.contract) : std::vector<DocumentPtr>{doc}) {
    for (const Occurrence& o : d->names.of(t.occurrence->key)) {
      if (include_declaration || !o.definition) out.push_back(location(*d, o.span, enc));
    }
  }
  return out;
}

Reply prepare_rename(const Workspace& ws, const DocumentPtr& doc, std::uint32_t offset, PositionEncoding enc) {
  const Target t = target_at(ws, doc, offset);
  if (auto error = cannot_rename(t)) return {nullptr, std::move(error)};
  const dsl::Span s = t.occurrence->span;
  return {{{"range", doc->text.range(s, enc)},
           {"placeholder", std::string(doc->source->text().substr(s.begin, s.end - s.begin))}},
          std::nullopt};
}

Reply rename(const Workspace& ws, const DocumentPtr& doc, std::uint32_t offset, const std::string& new_name,
             PositionEncoding enc) {
  const Target t = target_at(ws, doc, offset);
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
  const std::string& key = t.occurrence->key;
  const std::size_t dot = key.find('.');
  const std::string new_key = dot == std::string::npos ? new_name : key.substr(0, dot + 1) + new_name;
  if (new_key != key && t.contract->names.definition_of(new_key) != nullptr) {
    const dsl::Declaration* other = find_declaration(t.contract->contract, new_key);
    const std::string what = other != nullptr ? fmt::format("a {}", declaration_kind_name(other->kind())) : "a body";
    return {nullptr, RequestError{kRequestFailed, fmt::format("`{}` is already declared ({}); names are unique in a "
                                                              "contract",
                                                              new_key, what)}};
  }
  nlohmann::json changes = nlohmann::json::object();
  for (const DocumentPtr& d : users_of(ws, t.contract)) {
    nlohmann::json edits = nlohmann::json::array();
    for (const Occurrence& o : d->names.of(key)) edits.push_back({{"range", d->text.range(o.span, enc)}, {"newText", new_name}});
    if (!edits.empty()) changes[d->uri] = std::move(edits);
  }
  return {{{"changes", std::move(changes)}}, std::nullopt};
}

}  // namespace clause::cli::lsp
