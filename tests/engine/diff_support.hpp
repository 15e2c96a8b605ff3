// Loading two contracts and diffing them, for the diff tests.
#pragma once

#include <string>

#include <catch2/catch.hpp>

#include "engine/diff/diff.hpp"
#include "engine/payout/load.hpp"
#include "support.hpp"
#include "cli/files.hpp"

namespace clause::test {

// The contracts the diff tests compare, relative to the repository.
inline const std::string k2019 = "contracts/microsoft-openai/2019-07.clause";
inline const std::string k2024 = "contracts/microsoft-openai/2024-06.clause";
inline const std::string kProposal = "contracts/microsoft-openai/2024-10-proposal.clause";

// Both contracts, loaded from the repository, and their diff. Not copyable: the diff
// points into the loaded contracts.
struct DiffOf {
  engine::LoadedContract old_loaded;
  engine::LoadedContract new_loaded;
  engine::ContractDiff diff;

  DiffOf(const std::string& old_path, const std::string& new_path)
      : old_loaded(clause::cli::load_contract_file(repo_path(old_path))), new_loaded(clause::cli::load_contract_file(repo_path(new_path))) {
    REQUIRE(old_loaded.contract);
    REQUIRE(new_loaded.contract);
    diff = engine::diff_contracts(*old_loaded.contract, *new_loaded.contract, dsl::Date::from_ymd(2026, 1, 1));
  }
  DiffOf(const DiffOf&) = delete;
  DiffOf& operator=(const DiffOf&) = delete;
};

// An exact amount given in dollars and cents, as the JSON writes it: "100.00".
inline std::string decimal(const engine::Rational& cents) { return engine::money_decimal(cents); }

}  // namespace clause::test
