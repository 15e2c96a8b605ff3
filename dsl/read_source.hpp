// Turning bytes from a file, standard input or an editor into a SourceFile: a UTF-8
// byte-order mark is skipped, CRLF is accepted, invalid UTF-8 is an error naming the byte.
#pragma once

#include <string>

#include "dsl/diagnostic.hpp"

namespace clause::dsl {

struct ReadResult {
  SourcePtr source;             // null when the bytes could not be read or are not UTF-8
  DiagnosticList diagnostics;   // why not
  bool io_error = false;        // true when the file itself could not be read (exit 2)
};

ReadResult read_source_file(const std::string& path);
ReadResult source_from_bytes(std::string name, std::string bytes);

}  // namespace clause::dsl
