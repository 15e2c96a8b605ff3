#include "cli/lsp/server.hpp"

#include <ostream>

#include <fmt/format.h>

#include "cli/lsp/features.hpp"

namespace clause::cli::lsp {

namespace {

// JSON-RPC and LSP error codes.
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kInternalError = -32603;
constexpr int kServerNotInitialized = -32002;

using Json = nlohmann::json;

}  // namespace

void Server::reply(const Json& id, Json result) {
  transport_.write({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
}

void Server::reply_error(const Json& id, int code, const std::string& message) {
  transport_.write({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

void Server::handle(const std::string& body) {
  const Json message = Json::parse(body, nullptr, false);
  if (message.is_discarded()) return reply_error(nullptr, kParseError, "the message is not JSON");
  if (!message.is_object()) {
    return reply_error(nullptr, kInvalidRequest, "a message is one JSON object (batches are not supported)");
  }
  const bool is_request = message.contains("id");
  const Json id = is_request ? message["id"] : Json();
  if (is_request && !id.is_number_integer() && !id.is_string()) {
    return reply_error(nullptr, kInvalidRequest, "a request's `id` is a number or a string");
  }
  const auto method = message.find("method");
  if (method == message.end() || !method->is_string()) {
    // A response to a request of ours (we send none) is ignored; anything else is wrong.
    if (is_request && !message.contains("result") && !message.contains("error")) {
      reply_error(id, kInvalidRequest, "a request needs a `method` string");
    }
    return;
  }
  const auto params = message.find("params");
  const Json no_params = Json::object();
  try {
    if (is_request) {
      request(id, *method, params != message.end() ? *params : no_params);
    } else {
      notification(*method, params != message.end() ? *params : no_params);
    }
  } catch (const Json::exception& e) {
    // Params of the wrong shape: a missing member, a string where a number belongs.
    const std::string text = fmt::format("the params of `{}` are not as the protocol says: {}",
                                         method->get<std::string>(), e.what());
    if (is_request) reply_error(id, kInvalidParams, text);
    else log_ << "clause lsp: " << text << '\n';
  } catch (const std::exception& e) {
    const std::string text = fmt::format("internal error in `{}`: {}", method->get<std::string>(), e.what());
    if (is_request) reply_error(id, kInternalError, text);
    else log_ << "clause lsp: " << text << '\n';
  }
}

Json Server::initialize(const Json& params) {
  // LSP 3.17: the client lists the position encodings it supports; UTF-16 is the default.
  encoding_ = PositionEncoding::utf16;
  const Json* general = nullptr;
  if (const auto caps = params.find("capabilities"); caps != params.end() && caps->is_object()) {
    if (const auto g = caps->find("general"); g != caps->end() && g->is_object()) general = &*g;
  }
  if (general != nullptr) {
    const auto offered = general->find("positionEncodings");
    if (offered != general->end() && offered->is_array()) {
      const auto has = [&](const char* name) {
        return std::find(offered->begin(), offered->end(), Json(name)) != offered->end();
      };
      if (has("utf-8")) encoding_ = PositionEncoding::utf8;
      else if (has("utf-32")) encoding_ = PositionEncoding::utf32;
    }
  }
  initialized_ = true;
  return {{"capabilities",
           {{"positionEncoding", encoding_name(encoding_)},
            {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
            {"hoverProvider", true},
            {"definitionProvider", true},
            {"referencesProvider", true},
            {"renameProvider", {{"prepareProvider", true}}},
            {"documentSymbolProvider", true},
            {"completionProvider", {{"triggerCharacters", {"."}}}},
            {"documentFormattingProvider", true}}},
          {"serverInfo", {{"name", "clause"}, {"version", "0.1.0"}}}};
}

DocumentPtr Server::document(const Json& params) const {
  const std::string uri = params.at("textDocument").at("uri").get<std::string>();
  DocumentPtr d = workspace_.find(uri);
  if (!d) throw std::invalid_argument(fmt::format("the document `{}` is not open", uri));
  return d;
}

std::uint32_t Server::offset(const Document& doc, const Json& params) const {
  return doc.text.offset(position_from_json(params.at("position")), encoding_);
}

void Server::request(const Json& id, const std::string& method, const Json& params) {
  if (method == "initialize") return reply(id, initialize(params));
  if (!initialized_) return reply_error(id, kServerNotInitialized, "the server has not been initialized");
  if (shutdown_) return reply_error(id, kInvalidRequest, "the server is shutting down");
  if (method == "shutdown") {
    shutdown_ = true;
    return reply(id, nullptr);
  }

  const auto answer = [&](const Reply& r) {
    if (r.error) reply_error(id, r.error->code, r.error->message);
    else reply(id, r.result);
  };
  if (method.rfind("textDocument/", 0) == 0) {
    DocumentPtr doc;
    try {
      doc = document(params);
    } catch (const std::invalid_argument& e) {
      return reply_error(id, kInvalidParams, e.what());
    }
    if (method == "textDocument/hover") return reply(id, hover(workspace_, doc, offset(*doc, params), encoding_));
    if (method == "textDocument/definition") {
      return reply(id, definition(workspace_, doc, offset(*doc, params), encoding_));
    }
    if (method == "textDocument/references") {
      bool include = true;
      if (const auto c = params.find("context"); c != params.end()) include = c->value("includeDeclaration", true);
      return reply(id, references(workspace_, doc, offset(*doc, params), include, encoding_));
    }
    if (method == "textDocument/prepareRename") {
      return answer(prepare_rename(workspace_, doc, offset(*doc, params), encoding_));
    }
    if (method == "textDocument/rename") {
      return answer(rename(workspace_, doc, offset(*doc, params), params.at("newName").get<std::string>(), encoding_));
    }
    if (method == "textDocument/documentSymbol") return reply(id, document_symbols(*doc, encoding_));
    if (method == "textDocument/completion") return reply(id, completion(workspace_, doc, offset(*doc, params)));
    if (method == "textDocument/formatting") return reply(id, formatting(*doc, encoding_));
  }
  reply_error(id, kMethodNotFound, fmt::format("the server does not answer `{}`", method));
}

void Server::notification(const std::string& method, const Json& params) {
  if (method == "exit") {
    exited_ = true;
    return;
  }
  if (!initialized_ || shutdown_) return;
  if (method == "textDocument/didOpen") {
    const Json& d = params.at("textDocument");
    publish(workspace_.update(d.at("uri").get<std::string>(), d.value("version", std::int64_t{0}),
                              d.at("text").get<std::string>()));
  } else if (method == "textDocument/didChange") {
    change(params);
  } else if (method == "textDocument/didClose") {
    const std::string uri = params.at("textDocument").at("uri").get<std::string>();
    workspace_.close(uri);
    transport_.write({{"jsonrpc", "2.0"},
                      {"method", "textDocument/publishDiagnostics"},
                      {"params", {{"uri", uri}, {"diagnostics", Json::array()}}}});
  } else if (method == "textDocument/didSave") {
    // Scenarios read their contract from disk: a saved contract changes what they say.
    if (const DocumentPtr doc = workspace_.find(params.at("textDocument").at("uri").get<std::string>())) {
      for (const DocumentPtr& s : workspace_.scenarios_of(*doc)) publish(s);
      if (doc->kind == DocumentKind::scenario) publish(doc);
    }
  }
}

void Server::change(const Json& params) {
  const Json& id = params.at("textDocument");
  const std::string uri = id.at("uri").get<std::string>();
  const DocumentPtr doc = workspace_.find(uri);
  if (!doc) {
    log_ << "clause lsp: a change to `" << uri << "`, which is not open\n";
    return;
  }
  std::string text = doc->text.text();
  for (const Json& c : params.at("contentChanges")) {
    const auto range = c.find("range");
    if (range == c.end() || range->is_null()) {
      text = c.at("text").get<std::string>();
      continue;
    }
    const TextPositions positions(text);
    std::uint32_t begin = positions.offset(position_from_json(range->at("start")), encoding_);
    std::uint32_t end = positions.offset(position_from_json(range->at("end")), encoding_);
    if (end < begin) std::swap(begin, end);
    text.replace(begin, end - begin, c.at("text").get<std::string>());
  }
  publish(workspace_.update(uri, id.value("version", doc->version + 1), std::move(text)));
}

void Server::publish(const DocumentPtr& doc) {
  dsl::DiagnosticList diagnostics;
  try {
    diagnostics = check_document(*doc);
  } catch (const std::exception& e) {
    // Say so in the editor rather than leave stale diagnostics.
    log_ << "clause lsp: internal error checking " << doc->uri << ": " << e.what() << '\n';
    diagnostics.report<dsl::DiagId::internal_error>({doc->source, {0, 0}, {}}, e.what());
  }
  transport_.write(
      {{"jsonrpc", "2.0"}, {"method", "textDocument/publishDiagnostics"},
       {"params", diagnostics_params(workspace_, *doc, diagnostics, encoding_)}});
}

int serve(std::istream& in, std::ostream& out, std::ostream& log) {
  Transport transport(in, out);
  Server server(transport, log);
  while (!server.exited()) {
    const std::optional<Frame> frame = transport.read();
    if (!frame) break;
    if (!frame->problem.empty()) {
      log << "clause lsp: " << frame->problem << '\n';
      server.reply_error(nullptr, kInvalidRequest, frame->problem);
      continue;
    }
    server.handle(frame->body);
  }
  return server.exit_code();
}

}  // namespace clause::cli::lsp
