// What the language server answers, one function per request, each on the workspace as it
// is. Answers are LSP JSON; positions in them are in the session's encoding.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/lsp/workspace.hpp"

namespace clause::cli::lsp {

// A request the server declines, with the reason shown to the user.
struct RequestError {
  int code;
  std::string message;
};

struct Reply {
  nlohmann::json result;
  std::optional<RequestError> error;
};

// The params of `textDocument/publishDiagnostics` for a document.
nlohmann::json diagnostics_params(const Workspace& ws, const Document& doc, const dsl::DiagnosticList& diagnostics,
                                  PositionEncoding enc);

nlohmann::json hover(const Workspace& ws, const DocumentPtr& doc, std::uint32_t offset, PositionEncoding enc);
nlohmann::json definition(const Workspace& ws, const DocumentPtr& doc, std::uint32_t offset, PositionEncoding enc);
nlohmann::json references(const Workspace& ws, const DocumentPtr& doc, std::uint32_t offset, bool include_declaration,
                          PositionEncoding enc);
Reply prepare_rename(const Workspace& ws, const DocumentPtr& doc, std::uint32_t offset, PositionEncoding enc);
Reply rename(const Workspace& ws, const DocumentPtr& doc, std::uint32_t offset, const std::string& new_name,
             PositionEncoding enc);
nlohmann::json document_symbols(const Document& doc, PositionEncoding enc);
nlohmann::json completion(const Workspace& ws, const DocumentPtr& doc, std::uint32_t offset);
nlohmann::json formatting(const Document& doc, PositionEncoding enc);

// The URI to show for a source: an open document's, else a `file://` URI for its path.
std::string uri_of(const Workspace& ws, const dsl::SourceFile& source);

}  // namespace clause::cli::lsp
