#include "engine/payout/load.hpp"

#include "engine/payout/waterfall_warnings.hpp"

namespace clause::engine {

CheckedSource parse_and_check(const dsl::SourcePtr& source, const std::vector<Override>& overrides) {
  CheckedSource out;
  dsl::ContractParse parsed = dsl::parse_contract(source);
  out.syntax_errors = parsed.diagnostics.has_errors();
  out.syntax = std::move(parsed.syntax);
  out.diagnostics.append(parsed.diagnostics);
  out.checked = check_contract(out.syntax, source, overrides, out.syntax_errors);
  out.diagnostics.append(out.checked.diagnostics);
  if (!out.syntax_errors && out.checked.contract) warn_about_unending_waterfalls(*out.checked.contract, out.diagnostics);
  out.diagnostics.sort();
  return out;
}

LoadedContract check_contract_source(const dsl::SourcePtr& source, const std::vector<Override>& overrides) {
  CheckedSource checked = parse_and_check(source, overrides);
  LoadedContract out;
  out.source = source;
  out.diagnostics = std::move(checked.diagnostics);
  if (!checked.syntax_errors) out.contract = std::move(checked.checked.contract);
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
