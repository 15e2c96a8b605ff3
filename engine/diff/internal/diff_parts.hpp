// A declaration taken apart into the pieces `diff` compares: its title, its statement's
// parts, each condition, each tier and share. Used to find renames (same parts, another
// name) and to spell out what changed (engine/diff_terms.cpp). Internal to the diff.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "engine/model/contract.hpp"

namespace clause::engine {

// Reads a declared name as the other contract would write it (a rename maps it).
using NameReader = std::function<std::string_view(std::string_view)>;

struct Part {
  std::string what;    // which part: "title", "limit", `tier "Capped returns"`; empty when the value says it
  std::string key;     // tells apart parts with the same `what` (a share's party, a consent's party)
  std::string value;   // what it says, compared across contracts
  std::string phrase;  // the part read on its own, to list an added or removed declaration ("" to leave out)
};

// The parts of one declaration, in the order a reader meets them. Names it mentions go
// through `name`; its own name is not a part.
std::vector<Part> declaration_parts(const Contract& c, DeclRef ref, const NameReader& name);

// The contract's title, version and effective date.
std::vector<Part> header_parts(const Contract& c);

// Every declaration of a contract, in file order (by its keyword's place).
std::vector<DeclRef> declarations_in_order(const Contract& c);

}  // namespace clause::engine
