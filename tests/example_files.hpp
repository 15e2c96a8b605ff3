// Every contract and scenario the repository and the shared spec hold: what the formatter
// and the language server are tried on.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "support.hpp"

namespace clause::test {

inline std::vector<std::string> example_files() {
  std::vector<std::string> out;
  const auto add = [&](const std::string& dir) {
    if (dir.empty() || !std::filesystem::exists(dir)) return;
    for (const char* ext : {".clause", ".scenario"}) {
      for (const auto& f : files_below(dir, ext)) out.push_back(f);
    }
  };
  add(repo_path("contracts"));
  add(repo_path("examples"));
  if (have_spec()) {
    add(spec_path("examples"));
    add(spec_path("examples-v2"));  // version 2's worked example, kept apart from version 1's
  }
  return out;
}

}  // namespace clause::test
