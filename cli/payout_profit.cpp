// `clause payout --profit MONEY`: who gets what from one profit, tier by tier.
#include <algorithm>
#include <ostream>

#include <fmt/format.h>

#include "cli/payout.hpp"
#include "cli/table.hpp"

namespace clause::cli {

std::vector<engine::Index> waterfall_parties(const engine::Waterfall& w) {
  std::vector<engine::Index> out;
  const auto add = [&](engine::Index p) {
    if (p != engine::kNone && std::find(out.begin(), out.end(), p) == out.end()) out.push_back(p);
  };
  for (const engine::Tier& t : w.tiers) {
    for (const engine::Share& s : t.shares) add(s.party);
    add(t.overflow);
  }
  return out;
}

std::optional<ProfitPayout> pay_profit(const PayoutSubject& s, engine::Money profit) {
  const engine::Waterfall& w = s.waterfall;
  engine::WaterfallState state;
  state.reset(w, s.contract.parties.size());
  std::vector<engine::PayoutLine> lines;
  const auto undistributed = engine::distribute(w, state, profit, lines);
  if (!undistributed) return std::nullopt;

  ProfitPayout p;
  p.profit = profit;
  p.parties = waterfall_parties(w);
  p.cell.assign(p.parties.size(), std::vector<engine::Money>(w.tiers.size()));
  p.tier_total.assign(w.tiers.size(), engine::Money{});
  for (const engine::PayoutLine& line : lines) {
    const auto row = static_cast<std::size_t>(std::find(p.parties.begin(), p.parties.end(), line.party) -
                                              p.parties.begin());
    p.cell[row][line.tier] = *p.cell[row][line.tier].plus(line.amount);
    p.tier_total[line.tier] = *p.tier_total[line.tier].plus(line.amount);
  }
  for (const engine::Index party : p.parties) p.received.push_back(state.received[party]);
  p.undistributed = *undistributed;
  return p;
}

void add_profit_json(Json& j, const PayoutSubject& s, const ProfitPayout& p) {
  const engine::Contract& c = s.contract;
  const engine::Waterfall& w = s.waterfall;
  j["profit"] = p.profit.to_decimal();
  Json ps = Json::object();
  for (std::size_t r = 0; r < p.parties.size(); ++r) {
    if (!p.received[r].is_zero()) ps[c.parties[p.parties[r]].name] = p.received[r].to_decimal();
  }
  j["parties"] = ps;
  Json tiers = Json::array();
  for (std::size_t t = 0; t < w.tiers.size(); ++t) {
    Json tp = Json::object();
    for (std::size_t r = 0; r < p.parties.size(); ++r) {
      if (!p.cell[r][t].is_zero()) tp[c.parties[p.parties[r]].name] = p.cell[r][t].to_decimal();
    }
    tiers.push_back(Json{{"name", w.tiers[t].name ? Json(*w.tiers[t].name) : Json(nullptr)},
                         {"amount", p.tier_total[t].to_decimal()},
                         {"parties", tp}});
  }
  j["tiers"] = tiers;
  j["undistributed"] = p.undistributed.to_decimal();
}

namespace {

// m / whole as a percentage to four decimal places, rounded half up (display only).
std::string share_of(engine::Money m, engine::Money whole) {
  const std::int64_t den = whole.cents();
  std::int64_t units = m.cents() / den;
  std::int64_t rest = m.cents() % den;
  for (int digit = 0; digit < 6; ++digit) {
    rest *= 10;
    units = units * 10 + rest / den;
    rest %= den;
  }
  if (2 * rest >= den) ++units;
  return engine::Percent::from_units(units).to_string();
}

}  // namespace

void print_profit(std::ostream& out, const Style& style, const PayoutSubject& s, const ProfitPayout& p) {
  const engine::Contract& c = s.contract;
  const engine::Waterfall& w = s.waterfall;
  out << style.bold(fmt::format("{} earns {} ({})", c.parties[w.of].name, p.profit.to_short(), p.profit.to_display()))
      << '\n'
      << style.dim(fmt::format("waterfall `{}`{}, {}", w.name,
                               w.title.empty() ? std::string() : fmt::format(" \"{}\"", w.title),
                               c.place_of({engine::DeclKind::waterfall, s.index})))
      << "\n\n";
  std::vector<std::string> headers{"party"};
  std::vector<Table::Align> align{Table::Align::left};
  for (std::size_t t = 0; t < w.tiers.size(); ++t) {
    headers.push_back(w.tiers[t].name ? std::string(*w.tiers[t].name) : fmt::format("tier {}", t + 1));
    align.push_back(Table::Align::right);
  }
  headers.push_back("total");
  align.push_back(Table::Align::right);
  headers.push_back("share");
  align.push_back(Table::Align::right);
  Table table(headers, align);
  const auto money_cell = [](engine::Money m) { return m.is_zero() ? std::string("—") : m.to_display(); };
  for (std::size_t r = 0; r < p.parties.size(); ++r) {
    std::vector<std::string> row{std::string(c.parties[p.parties[r]].name)};
    for (std::size_t t = 0; t < w.tiers.size(); ++t) row.push_back(money_cell(p.cell[r][t]));
    row.push_back(money_cell(p.received[r]));
    row.push_back(share_of(p.received[r], p.profit));
    table.add_row(std::move(row));
  }
  table.add_rule();
  std::vector<std::string> total_row{"total"};
  for (std::size_t t = 0; t < w.tiers.size(); ++t) total_row.push_back(money_cell(p.tier_total[t]));
  const engine::Money paid = *p.profit.minus(p.undistributed);
  total_row.push_back(money_cell(paid));
  total_row.push_back(share_of(paid, p.profit));
  table.add_row(std::move(total_row));
  if (!p.undistributed.is_zero()) {
    std::vector<std::string> row{"not distributed"};
    row.resize(w.tiers.size() + 1);
    row.push_back(p.undistributed.to_display());
    row.push_back(share_of(p.undistributed, p.profit));
    table.add_row(std::move(row));
  }
  table.print(out, style);
}

}  // namespace clause::cli
