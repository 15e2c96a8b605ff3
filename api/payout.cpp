// Contract::payout and Contract::schedule: what `clause payout --profit` and `--schedule`
// compute, with the JSON they write and the values read from the data.
#include <fmt/format.h>

#include "api/internal.hpp"
#include "cli/options.hpp"
#include "cli/payout.hpp"

namespace clause {

namespace {

// The contract and waterfall a payout question is about, or why not.
struct Subject {
  std::optional<engine::LoadedContract> storage;
  const engine::Contract* contract = nullptr;
  engine::Index waterfall = engine::kNone;
};

std::vector<Diagnostic> choose(const Contract::Impl& impl, const PayoutOptions& options, Subject& s) {
  std::vector<Diagnostic> errors;
  s.contract = api::contract_for(impl, options.set, s.storage, errors);
  if (!s.contract) return errors;
  dsl::DiagnosticList problems;
  const auto w = cli::choose_waterfall(*s.contract, options.waterfall, impl.loaded.source->name(), problems);
  if (!w) return api::diagnostics(problems);
  s.waterfall = *w;
  return {};
}

Money money_of(engine::Money m) { return Money::from_cents(m.cents()); }

Result<PayoutTable> pay(const Contract::Impl& impl, engine::Money profit, const PayoutOptions& options) {
  Subject s;
  if (auto errors = choose(impl, options, s); !errors.empty()) return {std::nullopt, std::move(errors)};
  const engine::Waterfall& w = s.contract->waterfalls[s.waterfall];
  const cli::PayoutSubject subject{*s.contract, w, s.waterfall};
  const auto paid = cli::pay_profit(subject, profit);
  if (!paid) {
    dsl::DiagnosticList d;
    d.report({nullptr, {}, "profit"}, dsl::message<dsl::DiagId::payout_out_of_range>());
    return {std::nullopt, api::diagnostics(d)};
  }
  PayoutTable t;
  t.waterfall = std::string(w.name);
  t.profit = money_of(paid->profit);
  for (engine::Index k = 0; k < w.tiers.size(); ++k) {
    t.tiers.push_back(w.tiers[k].name ? std::string(*w.tiers[k].name) : fmt::format("tier {}", k + 1));
  }
  for (std::size_t r = 0; r < paid->parties.size(); ++r) {
    PayoutRow row{std::string(s.contract->parties[paid->parties[r]].name), {}, money_of(paid->received[r])};
    for (const engine::Money m : paid->cell[r]) row.by_tier.push_back(money_of(m));
    t.rows.push_back(std::move(row));
  }
  for (const engine::Money m : paid->tier_total) t.tier_totals.push_back(money_of(m));
  t.undistributed = money_of(paid->undistributed);
  cli::Json j;
  j["waterfall"] = w.name;
  cli::add_profit_json(j, subject, *paid);
  t.json = j.dump(2);
  return {std::move(t), {}};
}

}  // namespace

Result<PayoutTable> Contract::payout(const std::string& profit, const PayoutOptions& options) const {
  return api::guarded<PayoutTable>([&]() -> Result<PayoutTable> {
    dsl::DiagnosticList problems;
    const auto amount = cli::parse_profit_option("profit", profit, problems);
    if (!amount) return {std::nullopt, api::diagnostics(problems)};
    return pay(*impl_, *amount, options);
  });
}

Result<PayoutTable> Contract::payout(Money profit, const PayoutOptions& options) const {
  return payout(profit.decimal(), options);
}

Result<Schedule> Contract::schedule(const PayoutOptions& options) const {
  return api::guarded<Schedule>([&]() -> Result<Schedule> {
    Subject s;
    if (auto errors = choose(*impl_, options, s); !errors.empty()) return {std::nullopt, std::move(errors)};
    const engine::Waterfall& w = s.contract->waterfalls[s.waterfall];
    auto built = engine::build_schedule(w, s.contract->parties.size());
    if (const auto* e = std::get_if<engine::ScheduleError>(&built)) {
      dsl::DiagnosticList d;
      d.report({nullptr, {}, impl_->loaded.source->name()}, dsl::message<dsl::DiagId::payout_not_computed>(e->message));
      return {std::nullopt, api::diagnostics(d)};
    }
    const cli::PayoutSubject subject{*s.contract, w, s.waterfall};
    const api::Json schedule = cli::schedule_json(subject, std::get<engine::Schedule>(built));
    Schedule out;
    out.waterfall = std::string(w.name);
    for (const api::Json& p : schedule["parties"]) out.parties.push_back(p.get<std::string>());
    for (const api::Json& b : schedule["breakpoints"]) {
      Breakpoint point;
      point.profit = b["profit"].get<std::string>();
      if (b["tier"].is_string()) point.tier = b["tier"].get<std::string>();
      for (const std::string& party : out.parties) {
        point.paid.push_back(b["paid"][party].get<std::string>());
        point.share.push_back(b["marginal"][party].get<std::string>());
      }
      point.undistributed = b["undistributed"].get<std::string>();
      out.breakpoints.push_back(std::move(point));
    }
    api::Json j;
    j["waterfall"] = w.name;
    j["schedule"] = schedule;
    out.json = j.dump(2);
    return {std::move(out), {}};
  });
}

}  // namespace clause
