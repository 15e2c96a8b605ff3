// The language server: JSON-RPC 2.0 over a Transport. It keeps one state per open
// document, answers the requests of features.hpp, and publishes diagnostics after every
// change. Nothing a client sends makes it crash: malformed messages get JSON-RPC errors.
#pragma once

#include <iosfwd>
#include <string>

#include <nlohmann/json.hpp>

#include "cli/lsp/transport.hpp"
#include "cli/lsp/workspace.hpp"

namespace clause::cli::lsp {

class Server {
 public:
  Server(Transport& transport, std::ostream& log) : transport_(transport), log_(log) {}

  // Handles the body of one frame.
  void handle(const std::string& body);
  void reply_error(const nlohmann::json& id, int code, const std::string& message);

  bool exited() const { return exited_; }
  // 0 when `shutdown` came before `exit` (or the end of the input), else 1.
  int exit_code() const { return shutdown_ ? 0 : 1; }

 private:
  void request(const nlohmann::json& id, const std::string& method, const nlohmann::json& params);
  void notification(const std::string& method, const nlohmann::json& params);
  nlohmann::json initialize(const nlohmann::json& params);
  void change(const nlohmann::json& params);
  void publish(const DocumentPtr& doc);
  DocumentPtr document(const nlohmann::json& params) const;
  std::uint32_t offset(const Document& doc, const nlohmann::json& params) const;
  void reply(const nlohmann::json& id, nlohmann::json result);

  Transport& transport_;
  std::ostream& log_;
  Workspace workspace_;
  PositionEncoding encoding_ = PositionEncoding::utf16;
  bool initialized_ = false;
  bool shutdown_ = false;
  bool exited_ = false;
};

// Reads frames from `in` until `exit` or the end of the input; returns the exit status.
int serve(std::istream& in, std::ostream& out, std::ostream& log);

}  // namespace clause::cli::lsp
