// `clause payout CONTRACT --profit MONEY`: who gets what from one profit, tier by tier.
#include <ostream>

#include <fmt/format.h>

#include "cli/answer.hpp"
#include "cli/commands.hpp"
#include "cli/table.hpp"
#include "engine/load.hpp"
#include "engine/suggest.hpp"
#include "engine/waterfall.hpp"

namespace clause::cli {

namespace {

std::string tier_title(const engine::Tier& t, std::size_t i) {
  return t.name ? *t.name : fmt::format("tier {}", i + 1);
}

}  // namespace

int payout_command(Context& ctx, const PayoutOptions& options) {
  dsl::DiagnosticList problems;
  const auto overrides = parse_overrides(options.sets, problems);
  std::optional<dsl::Money> profit;
  if (options.profit) {
    profit = parse_money_option("--profit", *options.profit, problems);
    if (profit && profit->is_zero()) {
      problems.error({std::make_shared<const dsl::SourceFile>("--profit", *options.profit),
                      {0, static_cast<std::uint32_t>(options.profit->size())},
                      {}},
                     "the profit must be more than $0");
      profit.reset();
    }
  }
  int exit = kSuccess;
  const auto loaded = load_for_command(ctx, options.contract, overrides, problems, exit);
  if (!loaded) return exit;
  const engine::Contract& c = *loaded->contract;

  // Which waterfall: the one named, or the only one.
  dsl::DiagnosticList which;
  const auto chosen = choose_waterfall(c, options.waterfall, options.contract, which);
  if (!chosen) {
    ctx.print(which);
    return kFound;
  }
  const engine::Index wi = *chosen;
  const engine::Waterfall& w = c.waterfalls[wi];

  if (!profit) {
    dsl::DiagnosticList d;
    d.error({nullptr, {}, "payout"}, "say which profit to distribute with `--profit MONEY`, like `--profit 50B`");
    ctx.print(d);
    return kUsage;
  }

  engine::WaterfallState state;
  state.reset(w, c.parties.size());
  std::vector<engine::PayoutLine> lines;
  const auto undistributed = engine::distribute(w, state, *profit, lines);
  if (!undistributed) {
    dsl::DiagnosticList d;
    d.error({nullptr, {}, "--profit"}, "the payout would pass the money range ($1000T)");
    ctx.print(d);
    return kFound;
  }

  // The parties a waterfall pays, in the order its tiers first name them; the state
  // counts what each received in the same order.
  const std::vector<engine::Index>& parties = w.payees;
  std::vector<std::vector<engine::Money>> cell(parties.size(), std::vector<engine::Money>(w.tiers.size()));
  std::vector<engine::Money> tier_total(w.tiers.size());
  for (const engine::PayoutLine& line : lines) {
    const auto row = static_cast<std::size_t>(std::find(parties.begin(), parties.end(), line.party) - parties.begin());
    cell[row][line.tier] = *cell[row][line.tier].plus(line.amount);
    tier_total[line.tier] = *tier_total[line.tier].plus(line.amount);
  }

  if (options.json) {
    Json j;
    j["waterfall"] = w.name;
    j["profit"] = profit->to_decimal();
    Json ps = Json::object();
    for (std::size_t r = 0; r < parties.size(); ++r) {
      if (!state.received[r].is_zero()) ps[c.parties[parties[r]].name] = state.received[r].to_decimal();
    }
    j["parties"] = ps;
    Json tiers = Json::array();
    for (std::size_t t = 0; t < w.tiers.size(); ++t) {
      Json tp = Json::object();
      for (std::size_t r = 0; r < parties.size(); ++r) {
        if (!cell[r][t].is_zero()) tp[c.parties[parties[r]].name] = cell[r][t].to_decimal();
      }
      tiers.push_back(Json{{"name", w.tiers[t].name ? Json(*w.tiers[t].name) : Json(nullptr)},
                           {"amount", tier_total[t].to_decimal()},
                           {"parties", tp}});
    }
    j["tiers"] = tiers;
    j["undistributed"] = undistributed->to_decimal();
    ctx.out << j.dump(2) << '\n';
    return kSuccess;
  }

  ctx.out << ctx.out_style.bold(fmt::format("{} earns {} ({})", c.parties[w.of].name, profit->to_short(),
                                            profit->to_display()))
          << '\n'
          << ctx.out_style.dim(fmt::format("waterfall `{}`{}, {}", w.name, w.title.empty() ? "" : " \"" + w.title + "\"",
                                           c.place_of({engine::DeclKind::waterfall, wi})))
          << "\n\n";
  std::vector<std::string> headers{"party"};
  std::vector<Table::Align> align{Table::Align::left};
  for (std::size_t t = 0; t < w.tiers.size(); ++t) {
    headers.push_back(tier_title(w.tiers[t], t));
    align.push_back(Table::Align::right);
  }
  headers.push_back("total");
  align.push_back(Table::Align::right);
  headers.push_back("share");
  align.push_back(Table::Align::right);
  Table table(headers, align);
  const auto money_cell = [](engine::Money m) { return m.is_zero() ? std::string("—") : m.to_display(); };
  const auto share_of_profit = [&](engine::Money m) {
    // m / profit to four decimal places of a percent (long division; display only).
    const std::int64_t den = profit->cents();
    std::int64_t units = m.cents() / den;
    std::int64_t rest = m.cents() % den;
    for (int digit = 0; digit < 6; ++digit) {
      rest *= 10;
      units = units * 10 + rest / den;
      rest %= den;
    }
    if (2 * rest >= den) ++units;
    return engine::Percent::from_units(units).to_string();
  };
  for (std::size_t r = 0; r < parties.size(); ++r) {
    std::vector<std::string> row{c.parties[parties[r]].name};
    for (std::size_t t = 0; t < w.tiers.size(); ++t) row.push_back(money_cell(cell[r][t]));
    row.push_back(money_cell(state.received[r]));
    row.push_back(share_of_profit(state.received[r]));
    table.add_row(std::move(row));
  }
  table.add_rule();
  std::vector<std::string> total_row{"total"};
  for (std::size_t t = 0; t < w.tiers.size(); ++t) total_row.push_back(money_cell(tier_total[t]));
  const engine::Money paid = *profit->minus(*undistributed);
  total_row.push_back(money_cell(paid));
  total_row.push_back(share_of_profit(paid));
  table.add_row(std::move(total_row));
  if (!undistributed->is_zero()) {
    std::vector<std::string> row{"not distributed"};
    row.resize(w.tiers.size() + 1);
    row.push_back(undistributed->to_display());
    row.push_back(share_of_profit(*undistributed));
    table.add_row(std::move(row));
  }
  table.print(ctx.out, ctx.out_style);
  return kSuccess;
}

}  // namespace clause::cli
