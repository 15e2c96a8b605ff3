// diff: what `clause diff OLD NEW` computes, with its memo, its JSON and the terms as values.
#include <sstream>

#include "api/internal.hpp"
#include "cli/diff_output.hpp"
#include "cli/files.hpp"
#include "cli/options.hpp"

namespace clause {

namespace {

std::string detail_text(const engine::TermDetail& d) {
  std::string out = d.what;
  if (!out.empty()) out += ": ";
  out += d.old_value;
  if (!d.old_value.empty() && !d.new_value.empty()) out += " → ";
  out += d.new_value;
  return out;
}

// The file a side was read from, for rerunning scenarios against it.
std::string path_of(const Contract::Impl& impl) {
  return impl.path.empty() ? impl.loaded.source->name() : impl.path;
}

}  // namespace

Result<DiffResult> diff(const Contract& old_contract, const Contract& new_contract, const DiffOptions& options) {
  return api::guarded<DiffResult>([&]() -> Result<DiffResult> {
    dsl::DiagnosticList problems;
    dsl::Date today = dsl::Date::today();
    if (options.today) {
      const auto parsed = cli::parse_date_option("today", *options.today, problems);
      if (!parsed) return {std::nullopt, api::diagnostics(problems)};
      today = *parsed;
    }
    std::optional<std::vector<std::string>> files;
    if (options.scenarios) {
      files = cli::scenario_folder(*options.scenarios, problems);
      if (!files) return {std::nullopt, api::diagnostics(problems)};
    }
    const Contract::Impl& a = old_contract.impl();
    const Contract::Impl& b = new_contract.impl();
    engine::ContractDiff d = engine::diff_contracts(*a.loaded.contract, *b.loaded.contract, today);
    if (files) d.scenarios = engine::diff_scenarios(*files, path_of(a), path_of(b), d.names, dsl::read_source_file);

    DiffResult out;
    out.same_behaviour = d.behaves_the_same();
    for (const engine::TermChange& t : d.terms) {
      TermChange change{engine::term_change_name(t.change), t.kind, t.name, {}};
      for (const engine::TermDetail& detail : t.details) change.details.push_back(detail_text(detail));
      out.terms.push_back(std::move(change));
    }
    out.witnesses = d.behaviour.witness_count();
    std::ostringstream memo;
    cli::print_diff(memo, d, cli::Style{});
    out.memo = memo.str();
    out.json = cli::diff_json(d).dump(2);
    return {std::move(out), {}};
  });
}

}  // namespace clause
