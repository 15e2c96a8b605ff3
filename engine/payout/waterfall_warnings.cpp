#include "engine/payout/waterfall_warnings.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "engine/payout/waterfall.hpp"

namespace clause::engine {

void warn_about_unending_waterfalls(const Contract& contract, dsl::DiagnosticList& diagnostics) {
  for (const Waterfall& w : contract.waterfalls) {
    if (std::any_of(w.tiers.begin(), w.tiers.end(), [](const Tier& t) { return t.kind == TierKind::rest; })) {
      continue;
    }
    const auto cap = capacity(w);
    diagnostics.report<dsl::DiagId::no_rest_tier>(dsl::Location{contract.source, w.keyword, {}}, w.name,
                                                   cap ? fmt::format("above {}", cap->to_short()) : "beyond its tiers");
  }
}

}  // namespace clause::engine
