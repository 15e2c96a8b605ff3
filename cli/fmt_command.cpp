// `clause fmt FILE... [--check]`: rewrites files in the canonical layout (docs/formatting.md).
// `-` reads standard input and writes standard output. A file with syntax errors is left
// as it is, its errors reported.
#include <fstream>
#include <iostream>
#include <iterator>
#include <ostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "dsl/format.hpp"
#include "dsl/read_source.hpp"

namespace clause::cli {

namespace {

bool write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  return static_cast<bool>(out);
}

}  // namespace

int fmt_command(Context& ctx, const FmtOptions& options) {
  bool io_error = false;
  bool found = false;
  for (const std::string& file : options.files) {
    const bool standard = file == "-";
    std::string input;
    dsl::ReadResult read;
    if (standard) {
      input.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
      read = dsl::source_from_bytes("<stdin>", input);
    } else {
      read = dsl::read_source_file(file);
    }
    if (!read.source) {
      ctx.print(read.diagnostics);
      io_error = io_error || read.io_error;
      found = found || !read.io_error;
      if (standard && !options.check) ctx.out << input;
      continue;
    }

    const dsl::FormatResult formatted = dsl::format_source(read.source);
    if (!formatted.formatted()) {
      ctx.print(formatted.diagnostics);
      found = true;
      if (standard && !options.check) ctx.out << input;  // a filter gives back what it cannot format
      continue;
    }
    const bool changed = formatted.text != read.source->text();
    if (options.check) {
      if (changed) {
        ctx.out << file << '\n';
        found = true;
      }
    } else if (standard) {
      ctx.out << formatted.text;
    } else if (changed && !write_file(file, formatted.text)) {
      dsl::DiagnosticList unwritten;
      unwritten.report<dsl::DiagId::file_not_written>({nullptr, {}, file});
      ctx.print(unwritten);
      io_error = true;
    }
  }
  ctx.out.flush();
  if (io_error) return kUsage;
  return found ? kFound : kSuccess;
}

}  // namespace clause::cli
