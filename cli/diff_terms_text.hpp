// The changed terms of a diff in words: each detail of a changed declaration as
// `limit: $10B → $20B`, and what an added or removed declaration says.
#pragma once

#include <string>
#include <vector>

#include "engine/diff/diff.hpp"

namespace clause::cli {

// `limit: $10B → $20B`, `tier "Microsoft's recoupment": Microsoft 75% → 70%` (leading words
// both values share are written once), `condition: added if Oracle consents`; terms and
// verifiers read whole: `until 2030-12-31 → until 2032-12-31`, `now verified by Panel`,
// `until 2030-12-31 → no end date`.
std::string detail_text(const engine::TermDetail& detail);

// Each detail as text: detail_text for a change; what the declaration says, as written,
// for an added or removed one ("to exclusivity", "up to $10B in total").
std::vector<std::string> term_details(const engine::TermChange& change);

}  // namespace clause::cli
