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
    diagnostics.warning(dsl::Location{contract.source, w.keyword, {}},
                        cap ? fmt::format("waterfall `{}` has no `rest` tier: profit above {} is not distributed",
                                          w.name, cap->to_short())
                            : fmt::format("waterfall `{}` has no `rest` tier: profit beyond its tiers is not distributed",
                                          w.name));
  }
}

}  // namespace clause::engine
