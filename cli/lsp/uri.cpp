#include "cli/lsp/uri.hpp"

#include <filesystem>

#include <fmt/format.h>

namespace clause::cli::lsp {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::string path_from_uri(const std::string& uri) {
  constexpr std::string_view scheme = "file://";
  if (uri.compare(0, scheme.size(), scheme) != 0) return {};
  std::string rest = uri.substr(scheme.size());
  // An authority before the path: empty or `localhost` on this machine.
  const std::size_t slash = rest.find('/');
  if (slash == std::string::npos) return {};
  rest.erase(0, slash);
  std::string path;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    const int hi = rest[i] == '%' && i + 2 < rest.size() ? hex_value(rest[i + 1]) : -1;
    const int lo = hi >= 0 ? hex_value(rest[i + 2]) : -1;
    if (lo >= 0) {
      path.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else {
      path.push_back(rest[i]);
    }
  }
  return path;
}

std::string uri_from_path(const std::string& path) {
  std::string absolute = path;
  std::error_code ec;
  if (!std::filesystem::path(path).is_absolute()) {
    const auto a = std::filesystem::absolute(path, ec);
    if (!ec) absolute = a.lexically_normal().string();
  }
  std::string out = "file://";
  for (const char c : absolute) {
    const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                       c == '.' || c == '_' || c == '~' || c == '/';
    out += plain ? std::string(1, c) : fmt::format("%{:02X}", static_cast<unsigned char>(c));
  }
  return out;
}

}  // namespace clause::cli::lsp
