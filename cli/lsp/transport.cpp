#include "cli/lsp/transport.hpp"

#include <istream>
#include <ostream>

namespace clause::cli::lsp {

namespace {

// The value of a `Content-Length:` header anywhere in the line (so that reading finds its
// feet again after a broken frame), any case.
std::optional<std::size_t> content_length(const std::string& line) {
  constexpr std::string_view name = "content-length:";
  std::string lower = line;
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  const std::size_t at = lower.rfind(name);
  if (at == std::string::npos) return std::nullopt;
  std::size_t i = at + name.size();
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  if (i == line.size() || line[i] < '0' || line[i] > '9') return std::nullopt;
  std::size_t value = 0;
  for (; i < line.size() && line[i] >= '0' && line[i] <= '9'; ++i) {
    if (value > Transport::kMaxBody) return value;  // too long either way; stop before overflow
    value = value * 10 + static_cast<std::size_t>(line[i] - '0');
  }
  return value;
}

}  // namespace

std::optional<Frame> Transport::read() {
  std::optional<std::size_t> length;
  bool headers = false;
  std::string line;
  while (true) {
    if (!std::getline(in_, line)) return std::nullopt;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (headers) break;
      continue;  // a stray empty line between frames
    }
    headers = true;
    if (const auto n = content_length(line)) length = n;
  }
  if (!length) return Frame{{}, "a message came without a `Content-Length` header"};
  if (*length > kMaxBody) {
    in_.ignore(static_cast<std::streamsize>(*length));
    return Frame{{}, "a message is longer than the server reads (512 MiB)"};
  }
  Frame frame;
  frame.body.resize(*length);
  in_.read(frame.body.data(), static_cast<std::streamsize>(*length));
  if (static_cast<std::size_t>(in_.gcount()) != *length) return std::nullopt;
  return frame;
}

void Transport::write(const nlohmann::json& message) {
  const std::string body = message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  out_ << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out_.flush();
}

}  // namespace clause::cli::lsp
