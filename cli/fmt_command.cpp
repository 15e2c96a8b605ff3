// TEMPORARY: `clause fmt` is being built (see the issues); this placeholder says so.
#include <istream>
#include <ostream>

#include "cli/commands.hpp"

namespace clause::cli {

int fmt_command(Context& ctx, const FmtOptions& /*options*/) {
  ctx.err << "clause: error: `fmt` is not available yet\n";
  return kUsage;
}

}  // namespace clause::cli
