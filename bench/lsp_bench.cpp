// The language server as an editor meets it: a generated 1,000-declaration contract is
// open, the user types, and the server re-checks the text and publishes its diagnostics.
// One iteration is one `didChange` with the whole new text, handled to the end (the
// server publishes before it returns), in process, through the server's own message loop.
#include <benchmark/benchmark.h>

#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "bench/support.hpp"
#include "cli/lsp/server.hpp"

namespace clause::bench {
namespace {

using Json = nlohmann::json;

void diagnostics_after_edit(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const std::string& text = contract_text(n);
  const std::string uri = "file:///tmp/generated.clause";
  std::istringstream no_input;
  std::ostringstream out;
  std::ostringstream log;
  cli::lsp::Transport transport(no_input, out);
  cli::lsp::Server server(transport, log);
  server.handle(Json{{"jsonrpc", "2.0"}, {"id", 1}, {"method", "initialize"}, {"params", Json::object()}}.dump());
  server.handle(Json{{"jsonrpc", "2.0"}, {"method", "initialized"}, {"params", Json::object()}}.dump());
  server.handle(Json{{"jsonrpc", "2.0"},
                     {"method", "textDocument/didOpen"},
                     {"params", {{"textDocument", {{"uri", uri}, {"languageId", "clause"}, {"version", 1}, {"text", text}}}}}}
                    .dump());
  // Two texts in turn, as typing changes a comment at the end of the file: each edit is
  // a new text to check, and both check clean. The messages are made before timing.
  std::string changes[2];
  for (int i = 0; i < 2; ++i) {
    changes[i] = Json{{"jsonrpc", "2.0"},
                      {"method", "textDocument/didChange"},
                      {"params",
                       {{"textDocument", {{"uri", uri}, {"version", i + 2}}},
                        {"contentChanges", Json::array({{{"text", text + (i == 0 ? "// a\n" : "// ab\n")}}})}}}}
                     .dump();
  }
  std::size_t edits = 0;
  for (auto _ : state) {
    server.handle(changes[edits++ % 2]);
    out.str("");  // the published diagnostics, read by nobody
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

BENCHMARK(diagnostics_after_edit)->Name("lsp_edit")->Arg(1'000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace clause::bench
