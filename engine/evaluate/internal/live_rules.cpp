#include "engine/evaluate/internal/live_rules.hpp"

#include <algorithm>

#include "dsl/huge_pages.hpp"

namespace clause::engine {

namespace {

template <typename T>
void reserve_for_random_reads(std::vector<T>& table, std::size_t n) {
  table.reserve(n);
  dsl::advise_huge_pages(table);
}

template <typename T, typename From>
Index append(std::vector<T>& to, const From& items) {
  const auto first = static_cast<Index>(to.size());
  to.insert(to.end(), items.begin(), items.end());
  return first;
}

}  // namespace

LiveRules::LiveRules(const Contract& c) {
  reserve_for_random_reads(clauses, c.clauses.size());
  for (const Clause& cl : c.clauses) {
    LiveClause& live = clauses.emplace_back();
    live.vendor = cl.vendor;
    live.more_vendors = append(vendors_, cl.more_vendors);
    live.more_vendor_count = static_cast<Index>(cl.more_vendors.size());
    live.exceptions = cl.exceptions.size() == 1 ? cl.exceptions[0] : append(exception_lists_, cl.exceptions);
    live.exception_count = static_cast<Index>(cl.exceptions.size());
    live.pattern_actor = cl.pattern.actor;
    live.pattern_vendor = cl.pattern.vendor;
    live.ends = append(ends_, cl.ends);
    live.end_count = static_cast<Index>(cl.ends.size());
    live.kind = static_cast<std::uint8_t>(cl.kind);
    live.pattern_kind = static_cast<std::uint8_t>(cl.pattern.kind);
  }
  reserve_for_random_reads(exceptions, c.exceptions.size());
  for (const Exception& ex : c.exceptions) {
    LiveException& live = exceptions.emplace_back();
    live.buyer = ex.buyer;
    live.vendor = ex.vendor;
    live.good = ex.good;
    live.has_from = ex.from.has_value();
    if (ex.from) live.from = *ex.from;
    live.has_until = ex.until.has_value();
    if (ex.until) live.until = *ex.until;
    live.has_limit = ex.limit.has_value();
    if (ex.limit) live.limit = *ex.limit;
    live.consents = append(consents_, ex.consents);
    live.consent_count = static_cast<std::uint8_t>(ex.consents.size());
  }
  reserve_for_random_reads(licences, c.licences.size());
  for (const Licence& l : c.licences) licences.push_back(LiveLicence{l.grantor, l.grantee, {}});
  statuses.resize(std::max(c.power_of_status.size(), c.status_triggers.size()));
  for (std::size_t w = 0; w < statuses.size(); ++w) {
    LiveStatus& s = statuses[w];
    if (w < c.power_of_status.size() && c.power_of_status[w] != kNone) {
      s.power = c.power_of_status[w];
      s.holder = c.powers[s.power].holder;
    }
    if (w < c.status_triggers.size()) {
      s.triggers = append(status_triggers_, c.status_triggers[w]);
      s.trigger_count = static_cast<Index>(c.status_triggers[w].size());
    }
  }
}

void LiveRules::reset() {
  for (LiveClause& c : clauses) c.ending = {};
  for (LiveException& x : exceptions) {
    x.ending = {};
    x.consented = 0;
    x.bought = Money{};
  }
  for (LiveLicence& l : licences) l.ending = {};
}


}  // namespace clause::engine
