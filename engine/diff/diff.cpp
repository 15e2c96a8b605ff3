#include "engine/diff/diff.hpp"

namespace clause::engine {

bool ContractDiff::behaves_the_same() const {
  if (!behaviour.groups.empty() || !payouts.empty()) return false;
  if (scenarios) {
    for (const ScenarioImpact& s : *scenarios) {
      // A scenario that runs against neither contract tells nothing about the change.
      const bool broken_in_both = !s.old_problem.empty() && !s.new_problem.empty();
      if (s.kind != ScenarioImpactKind::unchanged && !broken_in_both) return false;
    }
  }
  return true;
}

ContractDiff diff_contracts(const Contract& old_c, const Contract& new_c, Date default_date) {
  ContractDiff d;
  d.old_contract = &old_c;
  d.new_contract = &new_c;
  d.names = match_names(old_c, new_c);
  d.terms = diff_terms(old_c, new_c, d.names);
  d.behaviour = diff_behaviour(old_c, new_c, d.names, default_date);
  d.payouts = diff_payouts(old_c, new_c, d.names);
  return d;
}

}  // namespace clause::engine
