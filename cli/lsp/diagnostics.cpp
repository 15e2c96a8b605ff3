// `textDocument/publishDiagnostics`: what `clause check` says, with ranges.
#include "cli/lsp/features.hpp"
#include "cli/lsp/uri.hpp"

namespace clause::cli::lsp {

std::string uri_of(const Workspace& ws, const dsl::SourceFile& source) {
  for (const DocumentPtr& d : ws.open_documents()) {
    if (d->source.get() == &source || (!d->path.empty() && d->path == source.name())) return d->uri;
  }
  return uri_from_path(source.name());
}

namespace {

int severity(dsl::Severity s) {
  switch (s) {
    case dsl::Severity::error: return 1;
    case dsl::Severity::warning: return 2;
    case dsl::Severity::note: return 3;
  }
  return 1;
}

nlohmann::json range_in(const Document& doc, const dsl::Location& where, PositionEncoding enc) {
  if (where.source.get() == doc.source.get()) return doc.text.range(where.span, enc);
  if (where.source) return TextPositions(std::string(where.source->text())).range(where.span, enc);
  return doc.text.range({0, 0}, enc);
}

}  // namespace

nlohmann::json diagnostics_params(const Workspace& ws, const Document& doc, const dsl::DiagnosticList& diagnostics,
                                  PositionEncoding enc) {
  nlohmann::json list = nlohmann::json::array();
  for (const dsl::Diagnostic& d : diagnostics.items()) {
    nlohmann::json item{{"range", range_in(doc, d.where, enc)},
                        {"severity", severity(d.severity)},
                        {"code", std::string(dsl::kind_of(d.id).code)},
                        {"source", "clause"},
                        {"message", d.message}};
    if (d.where.source.get() != doc.source.get()) {
      // About another file (or none): say which, since the range cannot.
      const std::string what = d.where.source ? d.where.source->location(d.where.span.begin) : d.where.path;
      if (!what.empty()) item["message"] = what + ": " + d.message;
      item["range"] = doc.text.range({0, 0}, enc);
    }
    nlohmann::json related = nlohmann::json::array();
    for (const dsl::DiagnosticNote& n : d.notes) {
      if (!n.where.source) continue;
      related.push_back({{"location", {{"uri", uri_of(ws, *n.where.source)}, {"range", range_in(doc, n.where, enc)}}},
                         {"message", n.message}});
    }
    if (!related.empty()) item["relatedInformation"] = std::move(related);
    list.push_back(std::move(item));
  }
  return {{"uri", doc.uri}, {"version", doc.version}, {"diagnostics", std::move(list)}};
}

}  // namespace clause::cli::lsp
