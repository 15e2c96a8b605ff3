#include "engine/scenario/scenario.hpp"

#include <algorithm>
#include <filesystem>

#include <fmt/format.h>

#include "engine/model/suggest.hpp"

namespace clause::engine {

std::size_t ScenarioRun::passed() const {
  std::size_t n = 0;
  for (const ExpectationResult& r : results) n += r.passed ? 1 : 0;
  return n;
}

std::size_t ScenarioRun::failed() const { return results.size() - passed(); }

namespace {

void resolve(ScenarioRun& run) {
  const Contract& c = *run.contract.contract;
  std::optional<Date> previous;
  for (const dsl::ScenarioEvent& line : run.syntax.events) {
    if (!line.on.valid) continue;
    if (previous && line.on.value < *previous) {
      run.diagnostics.report<DiagId::dates_decrease>({run.source, line.on.span, {}}, line.on.value.to_string(),
                                                     previous->to_string());
    }
    previous = line.on.value;
    if (auto event = resolve_event(c, line.event, run.source, run.outsiders, run.diagnostics)) {
      run.events.push_back(std::move(*event));
      run.dates.push_back(line.on.value);
    }
  }
  // Names in expectations must mean something in the contract.
  const auto expect_name = [&](const dsl::Ident& name, std::initializer_list<DeclKind> kinds, const char* what) {
    const auto ref = c.find(name.text);
    if (ref && std::find(kinds.begin(), kinds.end(), ref->kind) != kinds.end()) return;
    std::vector<std::string_view> candidates;
    if (may_suggest(run.diagnostics)) {
      for (const auto& [n, r] : c.names) {
        if (std::find(kinds.begin(), kinds.end(), r.kind) != kinds.end()) candidates.push_back(n);
      }
    }
    std::sort(candidates.begin(), candidates.end());
    const dsl::Location where{run.source, name.span, {}};
    if (ref) {
      run.diagnostics.report<DiagId::scenario_wrong_kind>(where, name.text, decl_kind_with_article(ref->kind), what);
    } else {
      run.diagnostics.report<DiagId::no_such_declaration>(where, what, name.text, did_you_mean(name.text, candidates));
    }
  };
  const auto expect_actor = [&](const dsl::ActorRef& a) {
    const auto ref = c.find(a.party.text);
    if (!ref) return;  // an outsider: it can be named, and has nothing
    if (ref->kind != DeclKind::party) {
      run.diagnostics.report<DiagId::wrong_kind>({run.source, a.party.span, {}}, a.party.text,
                                                 decl_kind_with_article(ref->kind), "a party");
      return;
    }
    if (a.body && c.find_body(ref->index, a.body->text) == kNone) {
      run.diagnostics.report({run.source, a.body->span, {}}, c.unknown_body_message(ref->index, a.body->text, may_suggest(run.diagnostics)));
    }
  };
  for (const dsl::Expectation& x : run.syntax.expectations) {
    std::visit(
        [&](const auto& e) {
          using E = std::decay_t<decltype(e)>;
          if constexpr (std::is_same_v<E, dsl::BreachExpectation>) {
            expect_name(e.name, {DeclKind::clause, DeclKind::licence}, "clause or licence");
            if (e.by) expect_actor(*e.by);
          } else if constexpr (std::is_same_v<E, dsl::EndedExpectation> || std::is_same_v<E, dsl::LiveExpectation>) {
            expect_name(e.name, {DeclKind::licence, DeclKind::clause, DeclKind::exception, DeclKind::waterfall},
                        "licence, clause, exception or waterfall");
          } else if constexpr (std::is_same_v<E, dsl::ExpiredExpectation>) {
            // An exception's window is a condition, not a term: it does not expire.
            expect_name(e.name, {DeclKind::licence, DeclKind::clause, DeclKind::waterfall},
                        "licence, clause or waterfall");
          } else if constexpr (std::is_same_v<E, dsl::FulfilledExpectation>) {
            const auto ref = c.find(e.name.text);
            if (ref && ref->kind == DeclKind::clause && c.clauses[ref->index].kind == ClauseKind::commitment) return;
            if (ref && ref->kind == DeclKind::clause) {
              run.diagnostics.report<DiagId::scenario_wrong_kind>({run.source, e.name.span, {}}, e.name.text,
                                                                  "a clause but not a commitment", "a commitment");
              return;
            }
            expect_name(e.name, {DeclKind::clause}, "commitment");
          } else if constexpr (std::is_same_v<E, dsl::ReceivesExpectation>) {
            expect_actor(e.party);
          }
        },
        x.node);
  }
}

}  // namespace

ScenarioRun prepare_scenario_source(const dsl::SourcePtr& source, const ReadSource& read_contract,
                                    const ScenarioOptions& options) {
  ScenarioRun run;
  run.source = source;
  run.path = source->name();
  dsl::ScenarioParse parsed = dsl::parse_scenario(source);
  run.syntax = std::move(parsed.syntax);
  run.diagnostics.append(parsed.diagnostics);
  if (run.syntax.events.size() > kMaxEvents) {
    run.diagnostics.report<DiagId::too_many_events>({source, run.syntax.events[kMaxEvents].span, {}}, kMaxEvents);
    return run;
  }
  if (run.syntax.expectations.size() > kMaxExpectations) {
    run.diagnostics.report<DiagId::too_many_expectations>({source, run.syntax.expectations[kMaxExpectations].span, {}},
                                                        kMaxExpectations);
    return run;
  }

  // The contract: from the command line, else the scenario's `contract` line, relative to it.
  if (options.contract_path) {
    run.contract_path = *options.contract_path;
  } else if (run.syntax.contract_path) {
    const std::filesystem::path p(run.syntax.contract_path->value);
    run.contract_path = p.is_absolute() ? p.string()
                                        : (std::filesystem::path(run.path).parent_path() / p).lexically_normal().string();
  } else {
    run.diagnostics.report<DiagId::no_contract_named>({source, run.syntax.keyword, {}});
    return run;
  }

  std::vector<Override> overrides;
  for (const dsl::ScenarioAssume& a : run.syntax.assumes) {
    const bool valid = std::visit([](const auto& lit) { return lit.valid; }, a.value);
    if (!valid) continue;
    dsl::Value v = std::visit([](const auto& lit) { return dsl::Value{lit.value}; }, a.value);
    overrides.push_back(Override{std::string(a.name.text), v, {source, a.span, {}}});
  }
  overrides.insert(overrides.end(), options.overrides.begin(), options.overrides.end());

  run.contract = load_contract(read_contract(run.contract_path), overrides);
  if (run.contract.io_error) {
    // Say which line named the unreadable contract.
    for (const dsl::Diagnostic& d : run.contract.diagnostics.items()) {
      dsl::Diagnostic copy = d;
      if (run.syntax.contract_path && !options.contract_path) {
        copy.where = {source, run.syntax.contract_path->span, {}};
        const std::size_t colon = d.message.find(": ");
        copy.message = fmt::format("cannot read the contract `{}`: {}", run.contract_path,
                                   colon == std::string::npos ? d.message : d.message.substr(colon + 2));
      }
      run.diagnostics.add(copy);
    }
    return run;
  }
  run.diagnostics.append(run.contract.diagnostics);
  if (!run.contract.contract || parsed.diagnostics.has_errors()) return run;
  resolve(run);
  return run;
}

ScenarioRun prepare_scenario(dsl::ReadResult read, const ReadSource& read_contract, const ScenarioOptions& options) {
  if (!read.source) {
    ScenarioRun run;
    run.diagnostics = std::move(read.diagnostics);
    run.io_error = read.io_error;
    return run;
  }
  return prepare_scenario_source(read.source, read_contract, options);
}

void run_scenario(ScenarioRun& run) {
  if (!run.ready()) return;
  Evaluator evaluator(*run.contract.contract);
  for (std::size_t i = 0; i < run.events.size(); ++i) {
    if (auto error = evaluator.apply(run.events[i], run.dates[i], run.log, static_cast<Index>(i))) {
      run.diagnostics.report<DiagId::evaluation_stopped>(run.events[i].where, *error);
      return;
    }
  }
  run.final_state = evaluator.state();
  run.ran = true;
  run.results = judge_expectations(run);
}

}  // namespace clause::engine
