// What the names written in a contract or a scenario stand for: what go-to-definition,
// references, rename and hover stand on. A contract's names are those its check resolved
// (engine::CheckResult::references), so the editor follows the names `clause check` does,
// as far as the document checks; a scenario's names are looked up in its contract's model.
// Goods and statuses are plain words, not names, and are left out.
#pragma once

#include <cstdint>
#include <vector>

#include "dsl/syntax.hpp"
#include "engine/model/check.hpp"

namespace clause::cli::lsp {

// What a name stands for: a declaration, or one of a party's bodies.
struct Target {
  engine::DeclRef decl;              // for a body, its party; invalid when nothing is declared by the name
  engine::Index body = engine::kNone;
  bool valid() const { return decl.valid(); }
  friend bool operator==(Target, Target) = default;
};

struct Occurrence {
  dsl::Span span;  // the name's bytes (for a body, the body's name alone)
  Target target;
  bool definition = false;
};

// A contract's names, from its check.
std::vector<Occurrence> contract_names(const std::vector<engine::Reference>& references);
// A scenario's names, looked up in its contract (null when it has none): a name the
// contract does not declare is there with an invalid target.
std::vector<Occurrence> scenario_names(const dsl::ScenarioSyntax& scenario, const engine::Contract* contract);

// The occurrence under a cursor at `offset` (just after a name counts as on it).
const Occurrence* occurrence_at(const std::vector<Occurrence>& names, std::uint32_t offset);

}  // namespace clause::cli::lsp
