// Impact on saved scenarios: each rerun against both contracts and sorted into unchanged,
// outcomes changed, payouts moved, or cannot run against one of them.
#include <algorithm>
#include <memory>
#include <optional>
#include <string_view>

#include <fmt/format.h>

#include "engine/diff/diff.hpp"
#include "engine/diff/internal/diff_compare.hpp"
#include "engine/scenario/scenario.hpp"

namespace clause::engine {

const char* scenario_impact_name(ScenarioImpactKind kind) {
  switch (kind) {
    case ScenarioImpactKind::unchanged: return "unchanged";
    case ScenarioImpactKind::outcomes_changed: return "outcomes changed";
    case ScenarioImpactKind::payouts_moved: return "payouts moved";
    case ScenarioImpactKind::cannot_run: return "cannot run";
  }
  return "";
}

namespace {

bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The scenario's text with every name the new contract renamed written as the new contract
// names it: a name is a whole word outside quotes and comments, not a body (after a `.`),
// not part of an amount (`$10B`). nullopt when there is nothing to rename in it.
// `applied` gets each rename used, once, old name then new.
std::optional<std::string> renamed_text(std::string_view text, const NameMap& names,
                                        std::vector<std::pair<std::string, std::string>>& applied) {
  if (names.renames().empty()) return std::nullopt;
  std::string out;
  out.reserve(text.size());
  bool changed = false;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '"') {  // a quoted text, escapes and all
      std::size_t j = i + 1;
      while (j < text.size() && text[j] != '"' && text[j] != '\n') j += text[j] == '\\' ? std::size_t{2} : std::size_t{1};
      j = std::min(j + 1, text.size());
      out.append(text.substr(i, j - i));
      i = j;
    } else if (c == '/' && i + 1 < text.size() && text[i + 1] == '/') {  // a comment, to the line's end
      const std::size_t j = std::min(text.find('\n', i), text.size());
      out.append(text.substr(i, j - i));
      i = j;
    } else if (name_char(c)) {
      std::size_t j = i;
      while (j < text.size() && name_char(text[j])) ++j;
      const std::string_view word = text.substr(i, j - i);
      const char before = i > 0 ? text[i - 1] : ' ';
      const bool a_name = !(c >= '0' && c <= '9') && before != '.' && before != '$';
      const std::string_view now = a_name ? names.to_new(word) : word;
      if (now != word) {
        changed = true;
        const std::pair<std::string, std::string> rename{std::string(word), std::string(now)};
        if (std::find(applied.begin(), applied.end(), rename) == applied.end()) applied.push_back(rename);
      }
      out.append(now);
      i = j;
    } else {
      out.push_back(c);
      ++i;
    }
  }
  if (!changed) return std::nullopt;
  return out;
}

// The first error that stopped a run, with its place.
std::string first_problem(const ScenarioRun& run) {
  for (const dsl::Diagnostic& d : run.diagnostics.items()) {
    if (d.severity != dsl::Severity::error) continue;
    const std::string place = d.where.source ? d.where.source->location(d.where.span.begin) : d.where.path;
    return place.empty() ? d.message : fmt::format("{}: {}", place, d.message);
  }
  return "it did not run";
}

ScenarioImpact compare_runs(std::shared_ptr<const ScenarioRun> old_shared, std::shared_ptr<const ScenarioRun> new_shared,
                            const NameMap& names) {
  const ScenarioRun& old_run = *old_shared;
  const ScenarioRun& new_run = *new_shared;
  ScenarioImpact impact;
  const Contract& old_c = *old_run.contract.contract;
  const Contract& new_c = *new_run.contract.contract;
  impact.old_passed = old_run.passed();
  impact.old_failed = old_run.failed();
  impact.new_passed = new_run.passed();
  impact.new_failed = new_run.failed();

  OutcomeComparer comparer(old_c, new_c, names);
  std::vector<OutcomeKey> old_keys;
  std::vector<OutcomeKey> new_keys;
  const std::size_t n = std::min(old_run.log.events.size(), new_run.log.events.size());
  for (std::size_t i = 0; i < n; ++i) {
    const EventRecord& a = old_run.log.events[i];
    const EventRecord& b = new_run.log.events[i];
    comparer.keys(Side::old_contract, old_run.log, a, old_run.outsiders.names(), true, old_keys);
    comparer.keys(Side::new_contract, new_run.log, b, new_run.outsiders.names(), true, new_keys);
    if (old_keys == new_keys) continue;
    impact.events.push_back(
        ScenarioEventChange{a.on, old_run.events[a.event].canonical, static_cast<Index>(i), static_cast<Index>(i)});
  }

  // Every party's total, by name; a party only one contract declares has $0 in the other.
  std::vector<std::pair<std::string, Money>> totals;
  for (std::size_t p = 0; p < old_c.parties.size(); ++p) {
    totals.emplace_back(names.to_new(old_c.parties[p].name), old_run.final_state->received[p]);
  }
  std::vector<bool> seen(new_c.parties.size(), false);
  for (const auto& [name, old_amount] : totals) {
    Money new_amount;
    if (const auto ref = new_c.find(name); ref && ref->kind == DeclKind::party) {
      new_amount = new_run.final_state->received[ref->index];
      seen[ref->index] = true;
    }
    if (new_amount != old_amount) impact.payouts.push_back(ScenarioPayoutChange{name, old_amount, new_amount});
  }
  for (std::size_t p = 0; p < new_c.parties.size(); ++p) {
    const Money amount = new_run.final_state->received[p];
    if (!seen[p] && !amount.is_zero()) impact.payouts.push_back(ScenarioPayoutChange{std::string(new_c.parties[p].name), {}, amount});
  }

  if (!impact.events.empty()) {
    impact.old_run = std::move(old_shared);
    impact.new_run = std::move(new_shared);
  }
  impact.kind = !impact.events.empty()    ? ScenarioImpactKind::outcomes_changed
                : !impact.payouts.empty() ? ScenarioImpactKind::payouts_moved
                                          : ScenarioImpactKind::unchanged;
  return impact;
}

}  // namespace

std::vector<ScenarioImpact> diff_scenarios(const std::vector<std::string>& files, const std::string& old_path,
                                           const std::string& new_path, const NameMap& names, const ReadSource& read) {
  std::vector<ScenarioImpact> out;
  for (const std::string& file : files) {
    ScenarioRun old_run = prepare_scenario(read(file), read, ScenarioOptions{old_path, {}});
    // Against the new contract, the scenario names what was renamed by its new name.
    dsl::ReadResult new_read = read(file);
    std::vector<std::pair<std::string, std::string>> renamed;
    if (new_read.source) {
      if (auto text = renamed_text(new_read.source->text(), names, renamed)) {
        new_read.source = std::make_shared<const dsl::SourceFile>(new_read.source->name(), std::move(*text));
      }
    }
    ScenarioRun new_run = prepare_scenario(std::move(new_read), read, ScenarioOptions{new_path, {}});
    run_scenario(old_run);
    run_scenario(new_run);
    ScenarioImpact impact;
    if (old_run.ran && new_run.ran) {
      impact = compare_runs(std::make_shared<const ScenarioRun>(std::move(old_run)),
                            std::make_shared<const ScenarioRun>(std::move(new_run)), names);
    } else {
      impact.kind = ScenarioImpactKind::cannot_run;
      if (!old_run.ran) impact.old_problem = first_problem(old_run);
      if (!new_run.ran) impact.new_problem = first_problem(new_run);
    }
    impact.path = file;
    impact.renamed = std::move(renamed);
    out.push_back(std::move(impact));
  }
  return out;
}

}  // namespace clause::engine
