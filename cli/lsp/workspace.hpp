// The documents a language-server session knows: those the editor has open (their text as
// typed, parsed after every change) and contracts read from disk for the scenarios that
// name them.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cli/lsp/names.hpp"
#include "cli/lsp/positions.hpp"
#include "dsl/diagnostic.hpp"
#include "dsl/syntax.hpp"
#include "engine/model/check.hpp"

namespace clause::cli::lsp {

enum class DocumentKind { contract, scenario };

struct Document {
  std::string uri;
  std::string path;  // "" when the URI is not a file
  std::int64_t version = 0;
  TextPositions text;     // as the editor has it; positions are counted in it
  dsl::SourcePtr source;  // as the parser reads it: a byte-order mark is blanked, offsets stay
  DocumentKind kind = DocumentKind::contract;
  dsl::ContractSyntax contract;  // when a contract, as far as it parses
  dsl::ScenarioSyntax scenario;  // when a scenario, as far as it parses
  engine::CheckResult checked;   // when a contract: its check, which resolves its names
  std::vector<Occurrence> names; // when a contract: its names, from `checked`
  dsl::DiagnosticList diagnostics;  // when a contract: what `clause check` reports of it
};

using DocumentPtr = std::shared_ptr<const Document>;

// Parses a text as a contract or a scenario: by its first word, else by the extension.
DocumentPtr make_document(std::string uri, std::int64_t version, std::string text);

// The declaration of a name in a contract (the first, should it be declared twice).
const dsl::Declaration* find_declaration(const dsl::ContractSyntax& contract, std::string_view name);
// The syntax of a declaration the contract document's check resolved.
const dsl::Declaration* declaration_of(const Document& contract, engine::DeclRef ref);
// The names a document writes and what they stand for in `contract`: the document itself,
// or its scenario's contract (null when it cannot be read).
std::vector<Occurrence> names_in(const Document& document, const Document* contract);
const char* declaration_kind_name(dsl::DeclKind kind);
// A declaration's title, or a party's, assumption's or licence's description.
const std::optional<dsl::Text>& title_of(const dsl::Declaration& declaration);

// What `clause check` reports for the document: a scenario is checked with its contract
// (read from disk), whose errors are reported on the scenario's `contract` line.
dsl::DiagnosticList check_document(const Document& document);

class Workspace {
 public:
  DocumentPtr update(const std::string& uri, std::int64_t version, std::string text);
  void close(const std::string& uri);
  DocumentPtr find(const std::string& uri) const;

  // The contract a document's names refer to: itself, or the contract its scenario
  // names (open in the editor, else read from disk); null when there is none.
  DocumentPtr contract_for(const DocumentPtr& document) const;
  // The path of the contract a scenario names, resolved against the scenario's own path.
  static std::string contract_path_of(const Document& scenario);
  // Open scenarios whose contract is this one.
  std::vector<DocumentPtr> scenarios_of(const Document& contract) const;
  std::vector<DocumentPtr> open_documents() const;

 private:
  std::map<std::string, DocumentPtr> open_;
};

}  // namespace clause::cli::lsp
