// TEMPORARY: `clause lsp` is being built (see the issues); this placeholder says so.
#include <istream>
#include <ostream>

#include "cli/commands.hpp"

namespace clause::cli {

int lsp_command(Context& ctx, std::istream& /*in*/) {
  ctx.err << "clause: error: `lsp` is not available yet\n";
  return kUsage;
}

}  // namespace clause::cli
