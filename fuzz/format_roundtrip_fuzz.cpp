// Fuzzes the formatter's round trip: any bytes as a contract or scenario file. What the
// formatter accepts it must print so that formatting again changes nothing, the output
// parses without a syntax error, and the checked model (contract, or scenario against the
// flagship) is the same before and after, or both fail to check alike.
#include "fuzz_support.hpp"

#include "dsl/format.hpp"
#include "dsl/parse.hpp"
#include "dsl/read_source.hpp"
#include "engine/scenario/model_text.hpp"
#include "engine/scenario/scenario.hpp"

using namespace clause;

namespace {

// The checked model as text, or "" when it does not check; `errors` counts the errors.
std::string model(const dsl::SourcePtr& source, std::size_t& errors) {
  if (dsl::sniff_file_kind(source->text()) == dsl::FileKind::scenario) {
    engine::ScenarioOptions options;
    options.contract_path = fuzz::flagship_path();
    const engine::ScenarioRun run = engine::prepare_scenario_source(source, clause::dsl::read_source_file, options);
    errors = run.diagnostics.error_count();
    return run.ready() ? engine::model_text(run) : std::string();
  }
  const engine::LoadedContract loaded = engine::check_contract_source(source);
  errors = loaded.diagnostics.error_count();
  return loaded.contract ? engine::model_text(*loaded.contract) : std::string();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const dsl::ReadResult read = dsl::source_from_bytes("fuzz.clause", fuzz::as_text(data, size));
  if (!read.source) return 0;
  const dsl::FormatResult once = dsl::format_source(read.source);
  fuzz::render(once.diagnostics);
  if (!once.formatted()) {
    fuzz::require(once.text == read.source->text(), "a refused file comes back unchanged");
    return 0;
  }
  const auto formatted = std::make_shared<const dsl::SourceFile>("fuzz.clause", once.text);
  const dsl::FormatResult twice = dsl::format_source(formatted);
  fuzz::require(twice.formatted(), "formatted text parses");
  fuzz::require(twice.text == once.text, "formatting is idempotent");

  std::size_t errors_before = 0;
  std::size_t errors_after = 0;
  const std::string before = model(read.source, errors_before);
  const std::string after = model(formatted, errors_after);
  fuzz::require(before == after, "formatting keeps the checked model");
  fuzz::require((errors_before == 0) == (errors_after == 0), "formatting keeps whether the file checks");
  return 0;
}
