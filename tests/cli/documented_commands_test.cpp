// Every `clause ...` command the documentation shows (README.md and docs/*.md, lines of
// ```sh blocks, or `$ clause ...` lines of plain blocks) runs as written, in a scratch copy
// of contracts/ and examples/, and exits as documented: 0, or 0 or 1 for a line documented
// to exit 1 (`fmt --check`, `diff` of contracts that behave differently, a comment saying
// "exit 1"). Exit 2 (usage or I/O error, such as
// a file that does not exist) always fails: a documented command naming a file or option
// that does not exist is a bug in the documentation.
//
// Left out, as a reader could not run them as written either:
//   - lines with CAPITALISED placeholders (FILE, CONTRACT, OLD, NEW, DIR) or `...`;
//   - `clause lsp` (it waits for an editor on standard input);
//   - lines with pipes, redirections, `;`, `&&` or `$(` (this is not a shell);
//   - the "Wrong:" examples of docs/diagnostics.md (documented to fail);
//   - lines naming a bare file (no folder) that is not in the repository, such as
//     `c.clause` or `deal.clause`: a stand-in for the reader's own contract.
#include <catch2/catch.hpp>

#include <glob.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "scratch.hpp"
#include "support.hpp"

namespace documented_commands_test {

using clause::test::repo_path;
using clause::test::run_clause;

namespace {

namespace fs = std::filesystem;

struct DocLine {
  std::string file;  // relative to the repository, e.g. docs/diff.md
  int line = 0;      // its first line
  std::string text;  // continuation lines joined
};

struct Word {
  std::string text;
  std::string unquoted;  // the characters written outside quotes, to spot placeholders
  bool glob = false;     // has an unquoted *, ? or [
  std::string pattern;   // for glob(3): quoted glob characters escaped
};

struct Parsed {
  std::vector<Word> words;
  std::string comment;        // after an unquoted `#`
  std::string skip_reason;    // non-empty: not runnable as written
};

// Splits a command as a POSIX shell does in the simple cases the documentation uses.
Parsed split(const std::string& s) {
  Parsed p;
  if (s.find("$(") != std::string::npos) {
    p.skip_reason = "command substitution";
    return p;
  }
  std::optional<Word> cur;
  auto word = [&]() -> Word& {
    if (!cur) cur = Word{};
    return *cur;
  };
  auto add = [&](char c, bool quoted) {
    Word& w = word();
    w.text += c;
    if (!quoted) w.unquoted += c;
    if (c == '*' || c == '?' || c == '[') {
      if (quoted) {
        w.pattern += '\\';
      } else {
        w.glob = true;
      }
    } else if (c == '\\') {
      w.pattern += '\\';
    }
    w.pattern += c;
  };
  // `$1`, `$NAME` outside single quotes: the shell expands them (the environment, or nothing).
  auto dollar = [&](std::size_t& i, bool quoted) {
    if (i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1]))) {
      word();
      i += 1;
      return;
    }
    if (i + 1 < s.size() && (std::isalpha(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '_')) {
      std::size_t j = i + 1;
      while (j < s.size() && (std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '_')) ++j;
      const char* value = std::getenv(s.substr(i + 1, j - i - 1).c_str());
      word();
      for (const char* v = value ? value : ""; *v; ++v) add(*v, true);
      i = j - 1;
      return;
    }
    add('$', quoted);
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ' ' || c == '\t') {
      if (cur) p.words.push_back(*cur);
      cur.reset();
    } else if (c == '#' && !cur) {
      p.comment = s.substr(i + 1);
      break;
    } else if (c == '\'') {
      word();
      const std::size_t end = s.find('\'', i + 1);
      if (end == std::string::npos) {
        p.skip_reason = "unterminated quote";
        return p;
      }
      for (std::size_t j = i + 1; j < end; ++j) add(s[j], true);
      i = end;
    } else if (c == '"') {
      word();
      std::size_t j = i + 1;
      for (; j < s.size() && s[j] != '"'; ++j) {
        if (s[j] == '\\' && j + 1 < s.size() && std::string("$`\"\\").find(s[j + 1]) != std::string::npos) {
          add(s[++j], true);
        } else if (s[j] == '$') {
          dollar(j, true);
        } else {
          add(s[j], true);
        }
      }
      if (j >= s.size()) {
        p.skip_reason = "unterminated quote";
        return p;
      }
      i = j;
    } else if (c == '\\') {
      if (i + 1 < s.size()) add(s[++i], true);
    } else if (c == '$') {
      dollar(i, false);
    } else if (c == '|' || c == '<' || c == '>' || c == ';' || c == '&' || c == '`') {
      p.skip_reason = std::string("shell operator `") + c + "`";
      return p;
    } else {
      add(c, false);
    }
  }
  if (cur) p.words.push_back(*cur);
  return p;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

// The `clause ...` lines of one Markdown file.
std::vector<DocLine> commands_in(const std::string& relative) {
  std::istringstream in(clause::test::read_file(repo_path(relative)));
  std::vector<std::string> lines;
  for (std::string l; std::getline(in, l);) lines.push_back(l);
  std::vector<DocLine> out;
  bool in_block = false;
  std::string lang;
  bool wrong = false;  // a block after "Wrong:" in docs/diagnostics.md
  std::string last_prose;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string t = trim(lines[i]);
    if (t.rfind("```", 0) == 0) {
      in_block = !in_block;
      lang = in_block ? trim(t.substr(3)) : "";
      wrong = in_block && last_prose == "Wrong:";
      continue;
    }
    if (!in_block) {
      if (!t.empty()) last_prose = t;
      continue;
    }
    const bool shell = lang == "sh" || lang == "bash" || lang == "shell" || lang == "console";
    if (!shell && !lang.empty()) continue;
    std::string text = t;
    const int first = static_cast<int>(i) + 1;
    while (!text.empty() && text.back() == '\\' && i + 1 < lines.size()) {
      text.pop_back();
      text += " " + trim(lines[++i]);
    }
    const bool prompt = text.rfind("$ ", 0) == 0;
    if (prompt) text = trim(text.substr(2));
    if (text.rfind("clause ", 0) != 0) continue;
    if (!shell && !prompt) continue;  // in a plain block only a `$ ` prompt marks a command
    if (wrong) continue;
    out.push_back({relative, first, text});
  }
  return out;
}

std::vector<std::string> markdown_files() {
  std::vector<std::string> files{"README.md"};
  std::vector<std::string> docs;
  for (const auto& e : fs::directory_iterator(repo_path("docs"))) {
    if (e.is_regular_file() && e.path().extension() == ".md") docs.push_back("docs/" + e.path().filename().string());
  }
  std::sort(docs.begin(), docs.end());
  files.insert(files.end(), docs.begin(), docs.end());
  return files;
}

// Expands a word with unquoted glob characters as sh does (no match: left as written).
std::vector<std::string> expand(const Word& w) {
  if (!w.glob) return {w.text};
  glob_t g{};
  std::vector<std::string> out;
  if (::glob(w.pattern.c_str(), GLOB_NOCHECK, nullptr, &g) == 0) {
    for (std::size_t k = 0; k < g.gl_pathc; ++k) out.emplace_back(g.gl_pathv[k]);
  } else {
    out.push_back(w.text);
  }
  ::globfree(&g);
  return out;
}

class CurrentDirectory {
 public:
  explicit CurrentDirectory(const fs::path& dir) : saved_(fs::current_path()) { fs::current_path(dir); }
  ~CurrentDirectory() {
    std::error_code ec;
    fs::current_path(saved_, ec);
  }
  CurrentDirectory(const CurrentDirectory&) = delete;
  CurrentDirectory& operator=(const CurrentDirectory&) = delete;

 private:
  fs::path saved_;
};

bool is_bare_input_file(const std::string& arg) {
  if (arg.find('/') != std::string::npos) return false;
  const auto ends = [&](const std::string& suffix) {
    return arg.size() > suffix.size() && arg.compare(arg.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return ends(".clause") || ends(".scenario");
}

}  // namespace

TEST_CASE("every clause command in the documentation runs as documented", "[cli][docs]") {
  clause::test::Scratch scratch;
  const fs::path root = scratch.path("repo");
  fs::create_directories(root);
  for (const char* dir : {"contracts", "examples"}) {
    fs::copy(repo_path(dir), root / dir, fs::copy_options::recursive);
  }

  const std::regex placeholder("(^|[^A-Za-z])[A-Z]{2,}([^A-Za-z]|$)");
  int ran = 0;
  {
    CurrentDirectory here(root);
    for (const std::string& md : markdown_files()) {
      for (const DocLine& doc : commands_in(md)) {
        INFO(doc.file << ":" << doc.line << ": " << doc.text);
        const Parsed p = split(doc.text);
        if (!p.skip_reason.empty()) continue;
        if (p.words.size() < 2 || p.words[1].text == "lsp") continue;
        bool skip = false;
        for (const Word& w : p.words) {
          if (std::regex_search(w.unquoted, placeholder) || w.unquoted.find("...") != std::string::npos) skip = true;
        }
        std::vector<std::string> args;
        for (std::size_t k = 1; k < p.words.size(); ++k) {
          for (std::string& a : expand(p.words[k])) args.push_back(std::move(a));
        }
        for (const std::string& a : args) {
          if (is_bare_input_file(a) && !fs::exists(a)) skip = true;  // the reader's own file
        }
        if (skip) continue;

        const bool may_fail = p.comment.find("exit 1") != std::string::npos ||
                              p.comment.find("exits 1") != std::string::npos ||
                              std::find(args.begin(), args.end(), "--check") != args.end() ||
                              args[0] == "diff";  // docs/diff.md: exit 1 when the contracts behave differently
        const auto r = run_clause(args);
        ++ran;
        INFO("exit " << r.exit << "\nstderr:\n" << r.err);
        if (may_fail) {
          CHECK((r.exit == 0 || r.exit == 1));
        } else {
          CHECK(r.exit == 0);
        }
      }
    }
  }
  // Outputs land in the scratch copy, not the repository.
  CHECK(fs::exists(root / "payouts.svg"));
  CHECK_FALSE(fs::exists(repo_path("payouts.svg")));
  // A parser that finds nothing would pass vacuously.
  INFO("commands run: " << ran);
  CHECK(ran >= 15);
}

}  // namespace documented_commands_test
