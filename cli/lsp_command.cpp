// `clause lsp`: the language server on standard input and output (cli/lsp/).
#include <istream>
#include <ostream>

#include "cli/commands.hpp"
#include "cli/lsp/server.hpp"

namespace clause::cli {

int lsp_command(Context& ctx, std::istream& in) { return lsp::serve(in, ctx.out, ctx.err); }

}  // namespace clause::cli
