// `file://` URIs, as editors name documents, and the paths they stand for.
#pragma once

#include <string>

namespace clause::cli::lsp {

// The path of a `file:` URI, percent-decoded; "" for any other URI (`untitled:...`).
std::string path_from_uri(const std::string& uri);
// A `file://` URI for an absolute path, with every byte outside [A-Za-z0-9-._~/] escaped.
std::string uri_from_path(const std::string& path);

}  // namespace clause::cli::lsp
