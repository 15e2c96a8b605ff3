// TEMPORARY: `clause diff` is being built (see the issues); this placeholder says so.
#include <istream>
#include <ostream>

#include "cli/commands.hpp"

namespace clause::cli {

int diff_command(Context& ctx, const DiffOptions& /*options*/) {
  ctx.err << "clause: error: `diff` is not available yet\n";
  return kUsage;
}

}  // namespace clause::cli
