// JSON-RPC messages framed as the Language Server Protocol frames them: headers
// (`Content-Length: N`), an empty line, then N bytes of JSON.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace clause::cli::lsp {

struct Frame {
  std::string body;     // the JSON text, when the frame could be read
  std::string problem;  // why it could not ("" when it could)
};

class Transport {
 public:
  Transport(std::istream& in, std::ostream& out) : in_(in), out_(out) {}

  // The next frame; nullopt at the end of the input. A frame without a usable length is
  // reported as a problem and reading goes on with the next `Content-Length` header.
  std::optional<Frame> read();
  void write(const nlohmann::json& message);

  static constexpr std::size_t kMaxBody = 512u * 1024u * 1024u;

 private:
  std::istream& in_;
  std::ostream& out_;
};

}  // namespace clause::cli::lsp
