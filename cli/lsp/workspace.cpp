#include "cli/lsp/workspace.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "cli/lsp/uri.hpp"
#include "dsl/parse.hpp"
#include "dsl/read_source.hpp"
#include "engine/payout/load.hpp"
#include "engine/scenario/scenario.hpp"

namespace clause::cli::lsp {

namespace {

std::string normal_path(const std::string& path) {
  if (path.empty()) return path;
  std::error_code ec;
  const auto absolute = std::filesystem::absolute(path, ec);
  return (ec ? std::filesystem::path(path) : absolute).lexically_normal().string();
}

}  // namespace

const dsl::Declaration* find_declaration(const dsl::ContractSyntax& contract, std::string_view name) {
  for (const dsl::Declaration& d : contract.declarations) {
    if (d.name().text == name) return &d;
  }
  return nullptr;
}

const dsl::Declaration* declaration_of(const Document& contract, engine::DeclRef ref) {
  const engine::Contract* model = contract.checked.model();
  if (model == nullptr || !ref.valid()) return nullptr;
  const dsl::Span keyword = model->keyword_of(ref);
  for (const dsl::Declaration& d : contract.contract.declarations) {
    if (d.keyword == keyword) return &d;
  }
  return nullptr;
}

std::vector<Occurrence> names_in(const Document& document, const Document* contract) {
  if (document.kind == DocumentKind::contract) return document.names;
  return scenario_names(document.scenario, contract != nullptr ? contract->checked.model() : nullptr);
}

const char* declaration_kind_name(dsl::DeclKind kind) { return engine::decl_kind_name(kind); }

const std::optional<dsl::Text>& title_of(const dsl::Declaration& declaration) {
  return std::visit(
      [](const auto& n) -> const std::optional<dsl::Text>& {
        if constexpr (requires { n.description; }) return n.description;
        else return n.title;
      },
      declaration.node);
}

DocumentPtr make_document(std::string uri, std::int64_t version, std::string text) {
  auto d = std::make_shared<Document>();
  d->path = normal_path(path_from_uri(uri));
  d->uri = std::move(uri);
  d->version = version;
  std::string parsed = text;
  // The mark becomes three spaces, so offsets into the text stay those of the editor.
  // (Written in place: GCC 12 warns falsely on string::replace here at -O2.)
  if (parsed.compare(0, 3, "\xEF\xBB\xBF") == 0) std::fill_n(parsed.begin(), 3, ' ');
  d->text = TextPositions(std::move(text));
  d->source = std::make_shared<const dsl::SourceFile>(d->path.empty() ? d->uri : d->path, std::move(parsed));

  switch (dsl::sniff_file_kind(d->source->text())) {
    case dsl::FileKind::contract: d->kind = DocumentKind::contract; break;
    case dsl::FileKind::scenario: d->kind = DocumentKind::scenario; break;
    case dsl::FileKind::unknown:
      d->kind = std::filesystem::path(d->source->name()).extension() == ".scenario" ? DocumentKind::scenario
                                                                                      : DocumentKind::contract;
      break;
  }
  if (d->kind == DocumentKind::contract) {
    engine::CheckedSource checked = engine::parse_and_check(d->source);
    d->contract = std::move(checked.syntax);
    d->checked = std::move(checked.checked);
    d->diagnostics = std::move(checked.diagnostics);
    d->names = contract_names(d->checked.references);
  } else {
    d->scenario = dsl::parse_scenario(d->source).syntax;
  }
  return d;
}

dsl::DiagnosticList check_document(const Document& document) {
  if (document.kind == DocumentKind::contract) return document.diagnostics;

  const engine::ScenarioRun run = engine::prepare_scenario_source(document.source, dsl::read_source_file);
  dsl::DiagnosticList out;
  std::size_t contract_errors = 0;
  const dsl::Diagnostic* first_contract_error = nullptr;
  for (const dsl::Diagnostic& d : run.diagnostics.items()) {
    if (d.where.source == document.source || !d.where.source) {
      out.add(d);
    } else if (d.severity == dsl::Severity::error) {
      // The contract's own warnings belong to checking the contract; its errors stop the scenario.
      if (contract_errors++ == 0) first_contract_error = &d;
    }
  }
  if (first_contract_error != nullptr) {
    const dsl::Span line = document.scenario.contract_path ? document.scenario.contract_path->span
                                                           : document.scenario.keyword;
    const dsl::Location& at = first_contract_error->where;
    dsl::Diagnostic& d = out.report<dsl::DiagId::contract_has_errors>(
        {document.source, line, {}}, contract_errors, contract_errors == 1 ? "error" : "errors",
        first_contract_error->message);
    d.notes.push_back({at, first_contract_error->message});
  }
  out.sort();
  return out;
}

DocumentPtr Workspace::update(const std::string& uri, std::int64_t version, std::string text) {
  DocumentPtr d = make_document(uri, version, std::move(text));
  open_[uri] = d;
  return d;
}

void Workspace::close(const std::string& uri) { open_.erase(uri); }

DocumentPtr Workspace::find(const std::string& uri) const {
  const auto it = open_.find(uri);
  return it == open_.end() ? nullptr : it->second;
}

std::string Workspace::contract_path_of(const Document& scenario) {
  if (scenario.kind != DocumentKind::scenario || !scenario.scenario.contract_path) return {};
  const std::filesystem::path p(scenario.scenario.contract_path->value);
  if (p.is_absolute()) return p.lexically_normal().string();
  return (std::filesystem::path(scenario.source->name()).parent_path() / p).lexically_normal().string();
}

DocumentPtr Workspace::contract_for(const DocumentPtr& document) const {
  if (document->kind == DocumentKind::contract) return document;
  const std::string path = normal_path(contract_path_of(*document));
  if (path.empty()) return nullptr;
  for (const auto& [uri, d] : open_) {
    if (d->path == path && d->kind == DocumentKind::contract) return d;
  }
  dsl::ReadResult read = dsl::read_source_file(path);
  if (!read.source) return nullptr;
  return make_document(uri_from_path(path), 0, std::string(read.source->text()));
}

std::vector<DocumentPtr> Workspace::scenarios_of(const Document& contract) const {
  std::vector<DocumentPtr> out;
  if (contract.path.empty()) return out;
  for (const auto& [uri, d] : open_) {
    if (d->kind == DocumentKind::scenario && normal_path(contract_path_of(*d)) == contract.path) out.push_back(d);
  }
  return out;
}

std::vector<DocumentPtr> Workspace::open_documents() const {
  std::vector<DocumentPtr> out;
  for (const auto& [uri, d] : open_) out.push_back(d);
  return out;
}

}  // namespace clause::cli::lsp
