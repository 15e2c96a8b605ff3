// Loading a contract into a clause::Contract, and the contract a question is asked of.
#include "api/internal.hpp"
#include "cli/answer.hpp"
#include "cli/files.hpp"
#include "cli/options.hpp"

namespace clause {

Contract::Contract(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

std::string Contract::title() const { return std::string(impl_->loaded.contract->title); }
const std::string& Contract::file() const { return impl_->loaded.source->name(); }
const std::vector<Diagnostic>& Contract::warnings() const { return impl_->warnings; }
std::string Contract::json() const { return impl_->json; }

namespace {

// A loaded contract as the API's value: errors stop it, warnings go with it.
Result<Contract> made(engine::LoadedContract loaded, std::string path, const Assumptions& set,
                      const dsl::DiagnosticList& set_problems) {
  if (set_problems.has_errors() || loaded.diagnostics.has_errors() || !loaded.contract) {
    dsl::DiagnosticList shown = set_problems;
    for (const dsl::Diagnostic& d : loaded.diagnostics.items()) {
      if (d.severity == dsl::Severity::error) shown.add(d);
    }
    return {std::nullopt, api::diagnostics(shown)};
  }
  auto impl = std::make_shared<Contract::Impl>();
  impl->warnings = api::warnings(loaded.diagnostics);
  impl->json = cli::contract_json(*loaded.contract).dump(2);
  impl->loaded = std::move(loaded);
  impl->path = std::move(path);
  impl->set = set;
  std::vector<Diagnostic> warnings = impl->warnings;
  return {Contract(std::move(impl)), std::move(warnings)};
}

}  // namespace

Result<Contract> load_file(const std::string& path, const Assumptions& set) {
  return api::guarded<Contract>([&]() -> Result<Contract> {
    dsl::DiagnosticList problems;
    const auto overrides = cli::parse_overrides(api::set_words(set), problems);
    if (cli::wrong_file_kind(path, "load", false, problems)) return {std::nullopt, api::diagnostics(problems)};
    return made(cli::load_contract_file(path, overrides), path, set, problems);
  });
}

Result<Contract> load_text(const std::string& text, const std::string& name, const Assumptions& set) {
  return api::guarded<Contract>([&]() -> Result<Contract> {
    dsl::DiagnosticList problems;
    const auto overrides = cli::parse_overrides(api::set_words(set), problems);
    return made(engine::load_contract_from_bytes(name, text, overrides), {}, set, problems);
  });
}

namespace api {

const engine::Contract* contract_for(const Contract::Impl& impl, const Assumptions& set,
                                     std::optional<engine::LoadedContract>& storage, std::vector<Diagnostic>& errors) {
  if (set.empty()) return &*impl.loaded.contract;
  Assumptions all = impl.set;
  all.insert(all.end(), set.begin(), set.end());
  dsl::DiagnosticList problems;
  const auto overrides = cli::parse_overrides(set_words(all), problems);
  if (!problems.has_errors()) {
    storage = engine::check_contract_source(impl.loaded.source, overrides);
    for (const dsl::Diagnostic& d : storage->diagnostics.items()) {
      if (d.severity == dsl::Severity::error) problems.add(d);
    }
  }
  if (problems.has_errors() || !storage || !storage->contract) {
    errors = diagnostics(problems);
    return nullptr;
  }
  return &*storage->contract;
}

}  // namespace api
}  // namespace clause
