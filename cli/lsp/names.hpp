// Which identifiers of a contract or a scenario stand for declared names, and which of them
// declare one: what go-to-definition, references, rename and hover stand on. Built from the
// syntax tree, so it works on a half-typed document too (as far as the parser got). Goods
// and statuses are plain words, not names, and are left out.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/syntax.hpp"

namespace clause::cli::lsp {

struct Occurrence {
  std::string key;  // the declared name; `Party.body` for a body
  dsl::Span span;   // the identifier's bytes (for a body, the body's name alone)
  bool definition = false;
};

class NameIndex {
 public:
  void add(const dsl::Ident& name, bool definition);
  void add(std::string key, dsl::Span span, bool definition);
  void add(const dsl::ActorRef& actor);

  const std::vector<Occurrence>& all() const { return occurrences_; }
  // The occurrence under a cursor at `offset` (just after a name counts as on it).
  const Occurrence* at(std::uint32_t offset) const;
  const Occurrence* definition_of(std::string_view key) const;
  std::vector<Occurrence> of(std::string_view key) const;

 private:
  std::vector<Occurrence> occurrences_;
};

NameIndex index_contract(const dsl::ContractSyntax& contract);
NameIndex index_scenario(const dsl::ScenarioSyntax& scenario);

}  // namespace clause::cli::lsp
