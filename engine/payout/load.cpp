#include "engine/payout/load.hpp"

#include "engine/payout/waterfall_warnings.hpp"

namespace clause::engine {

LoadedContract check_contract_source(const dsl::SourcePtr& source, const std::vector<Override>& overrides) {
  LoadedContract out;
  out.source = source;
  dsl::ContractParse parsed = dsl::parse_contract(source);
  const bool syntax_errors = parsed.diagnostics.has_errors();
  out.diagnostics.append(parsed.diagnostics);
  CheckResult checked = check_contract(parsed.syntax, source, overrides, syntax_errors);
  out.diagnostics.append(checked.diagnostics);
  if (!syntax_errors) out.contract = std::move(checked.contract);
  if (out.contract) warn_about_unending_waterfalls(*out.contract, out.diagnostics);
  out.diagnostics.sort();
  return out;
}

LoadedContract load_contract(dsl::ReadResult read, const std::vector<Override>& overrides) {
  if (!read.source) {
    LoadedContract out;
    out.diagnostics = std::move(read.diagnostics);
    out.io_error = read.io_error;
    return out;
  }
  return check_contract_source(read.source, overrides);
}

LoadedContract load_contract_from_bytes(std::string name, std::string bytes, const std::vector<Override>& overrides) {
  return load_contract(dsl::source_from_bytes(std::move(name), std::move(bytes)), overrides);
}

}  // namespace clause::engine
