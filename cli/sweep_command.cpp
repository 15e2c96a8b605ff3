// TEMPORARY: `clause sweep` is being built (see the issues); this placeholder says so.
#include <istream>
#include <ostream>

#include "cli/commands.hpp"

namespace clause::cli {

int sweep_command(Context& ctx, const SweepOptions& /*options*/) {
  ctx.err << "clause: error: `sweep` is not available yet\n";
  return kUsage;
}

}  // namespace clause::cli
