#include "engine/model/timeline.hpp"

#include <algorithm>
#include <cstdint>
#include <tuple>

namespace clause::engine {

std::vector<Boundary> timeline(const Contract& c) {
  struct Keyed {
    Boundary boundary;
    std::uint32_t offset;  // the declaration's keyword, for file order
    int step;              // a start before an end of the same declaration
  };
  std::vector<Keyed> all;
  if (c.effective) all.push_back({{*c.effective, BoundaryKind::takes_effect, {}}, 0, -1});
  const auto add = [&](DeclRef ref, const std::optional<Date>& from, const std::optional<Date>& until,
                       BoundaryKind start, BoundaryKind end) {
    const std::uint32_t offset = c.keyword_of(ref).begin;
    if (from) all.push_back({{*from, start, ref}, offset, 0});
    if (until) all.push_back({{*until, end, ref}, offset, 1});
  };
  for (Index i = 0; i < c.licences.size(); ++i) {
    add({DeclKind::licence, i}, c.licences[i].term.from, c.licences[i].term.until, BoundaryKind::starts,
        BoundaryKind::last_day);
  }
  for (Index i = 0; i < c.clauses.size(); ++i) {
    const Clause& cl = c.clauses[i];
    if (cl.kind == ClauseKind::commitment) {
      add({DeclKind::clause, i}, cl.term.from, cl.term.until, BoundaryKind::counting_starts, BoundaryKind::falls_due);
    } else {
      add({DeclKind::clause, i}, cl.term.from, cl.term.until, BoundaryKind::starts, BoundaryKind::last_day);
    }
  }
  for (Index i = 0; i < c.exceptions.size(); ++i) {
    add({DeclKind::exception, i}, c.exceptions[i].from, c.exceptions[i].until, BoundaryKind::window_opens,
        BoundaryKind::window_closes);
  }
  for (Index i = 0; i < c.waterfalls.size(); ++i) {
    add({DeclKind::waterfall, i}, c.waterfalls[i].term.from, c.waterfalls[i].term.until, BoundaryKind::starts,
        BoundaryKind::last_day);
  }
  // By date; on one date the effective date, then file order, a start before an end.
  std::stable_sort(all.begin(), all.end(), [](const Keyed& a, const Keyed& b) {
    const bool a_first = a.step < 0;
    const bool b_first = b.step < 0;
    return std::tie(a.boundary.on, b_first, a.offset, a.step) < std::tie(b.boundary.on, a_first, b.offset, b.step);
  });
  std::vector<Boundary> out;
  out.reserve(all.size());
  for (const Keyed& k : all) out.push_back(k.boundary);
  return out;
}

}  // namespace clause::engine
