// `clause payout --schedule`: every breakpoint of the payout schedule, exact, as text and JSON.
#include <ostream>

#include <fmt/format.h>

#include "cli/payout.hpp"
#include "cli/table.hpp"

namespace clause::cli {

using engine::Rational;

std::string short_amount(const Rational& cents) {
  if (cents.is_integer()) {
    if (const auto m = engine::money_floor(cents)) return m->to_short();
  }
  // Rounded to three decimals of the largest scale it reaches, and marked as rounded.
  struct Scale {
    std::int64_t cents;
    const char* suffix;
  };
  static constexpr Scale scales[] = {{100'000'000'000'000, "T"}, {100'000'000'000, "B"}, {100'000'000, "M"},
                                     {100'000, "K"}, {100, ""}};
  const Rational m = cents.sign() < 0 ? cents.negated() : cents;
  for (const Scale& s : scales) {
    if (m < Rational(s.cents) && s.cents != 100) continue;
    const auto thousandths = m.times(*Rational::fraction(1000, s.cents));
    const auto half_up = thousandths ? thousandths->plus(*Rational::fraction(1, 2)) : std::nullopt;
    if (!half_up) break;
    const engine::Int128 n = half_up->floor();
    std::string frac = fmt::format("{:03}", static_cast<int>(n % 1000));
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
    return fmt::format("≈ {}${}{}{}{}", cents.sign() < 0 ? "-" : "", engine::int128_to_string(n / 1000),
                       frac.empty() ? "" : ".", frac, s.suffix);
  }
  return engine::money_display(cents);
}

std::string reasons_text(const PayoutSubject& s, const engine::Breakpoint& b) {
  std::string out;
  for (const engine::Reason& r : b.reasons) {
    if (!out.empty()) out += "; ";
    out += engine::describe(r, s.waterfall, s.contract);
  }
  return out;
}

namespace {

// The whole cents of an exact amount and its fraction of a cent, as two table cells so
// that the cents line up: {"$60,000,000,000.00", ""}, {"$14,241,365,853.65", "+ 35/41¢"}.
std::pair<std::string, std::string> amount_cells(const Rational& cents) {
  const std::string text = engine::money_display(cents);
  const std::size_t plus = text.find(" + ");
  if (plus == std::string::npos) return {text, ""};
  return {text.substr(0, plus), text.substr(plus + 1)};
}

// How the table writes a fraction of a cent, shown with the first one this schedule has:
// ` ("+ 35/41¢" is a fraction of a cent)`, or that every figure is whole cents.
std::string fraction_example(const engine::Schedule& schedule) {
  for (const engine::Breakpoint& b : schedule.breakpoints()) {
    std::string fraction = amount_cells(b.profit).second;
    for (std::size_t p = 0; fraction.empty() && p < b.paid.size(); ++p) fraction = amount_cells(b.paid[p]).second;
    if (!fraction.empty()) return fmt::format(" (\"{}\" is a fraction of a cent)", fraction);
  }
  return ", all in whole cents";
}

std::string percent_cell(engine::Percent p) { return p.units() == 0 ? "—" : p.to_string(); }

Json reason_json(const PayoutSubject& s, const engine::Reason& r) {
  static constexpr const char* kinds[] = {"tier_starts",   "tier_full",     "cap_reached",
                                          "capped_at_start", "tier_complete", "nothing_more"};
  Json j;
  j["kind"] = kinds[static_cast<int>(r.kind)];
  j["tier"] = r.tier == engine::kNone ? Json(nullptr)
              : s.waterfall.tiers[r.tier].name ? Json(*s.waterfall.tiers[r.tier].name)
                                               : Json(nullptr);
  j["tier_index"] = r.tier == engine::kNone ? Json(nullptr) : Json(r.tier + 1);
  j["party"] = r.party == engine::kNone ? Json(nullptr) : Json(s.contract.parties[r.party].name);
  j["text"] = engine::describe(r, s.waterfall, s.contract);
  return j;
}

}  // namespace

void print_schedule(std::ostream& out, const Style& style, const PayoutSubject& s, const engine::Schedule& schedule) {
  const engine::Contract& c = s.contract;
  const engine::Waterfall& w = s.waterfall;
  out << style.bold(fmt::format("Payout schedule of waterfall `{}`{}", w.name,
                                w.title.empty() ? std::string() : fmt::format(" \"{}\"", w.title)))
      << '\n'
      << style.dim(fmt::format("{}: {}'s profit in one event, from nothing paid",
                               c.place_of({engine::DeclKind::waterfall, s.index}), c.parties[w.of].name))
      << '\n'
      << style.dim(fmt::format("Exact figures{}. Between breakpoints each party receives", fraction_example(schedule)))
      << '\n'
      << style.dim("its share above of every further dollar, so its payout is a straight line.") << "\n";

  const auto& bs = schedule.breakpoints();
  for (std::size_t k = 0; k < bs.size(); ++k) {
    const engine::Breakpoint& b = bs[k];
    const std::string exact = engine::money_display(b.profit);
    const std::string approx = short_amount(b.profit);
    out << '\n'
        << style.bold(fmt::format("{}. profit {}", k + 1, exact))
        << (approx != exact && !b.profit.is_zero() ? fmt::format(" ({})", approx) : std::string()) << '\n';
    out << "   " << reasons_text(s, b) << '\n';
    Table table({"party", "paid", "", "share above"},
                {Table::Align::left, Table::Align::right, Table::Align::left, Table::Align::right});
    for (const engine::Index p : schedule.parties()) {
      auto [whole, fraction] = amount_cells(b.paid[p]);
      table.add_row({std::string(c.parties[p].name), b.paid[p].is_zero() ? "—" : whole, fraction, percent_cell(b.marginal[p])});
    }
    if (!b.undistributed.is_zero() || b.marginal_undistributed.units() != 0) {
      auto [whole, fraction] = amount_cells(b.undistributed);
      table.add_row({"not distributed", b.undistributed.is_zero() ? "—" : whole, fraction,
                     percent_cell(b.marginal_undistributed)});
    }
    table.print(out, style, "   ");
  }
}

Json schedule_json(const PayoutSubject& s, const engine::Schedule& schedule) {
  const engine::Contract& c = s.contract;
  const engine::Waterfall& w = s.waterfall;
  Json j;
  Json parties = Json::array();
  for (const engine::Index p : schedule.parties()) parties.push_back(c.parties[p].name);
  j["parties"] = parties;
  Json tiers = Json::array();
  for (std::size_t t = 0; t < w.tiers.size(); ++t) {
    const engine::TierSpan& span = schedule.tiers()[t];
    tiers.push_back(Json{{"name", w.tiers[t].name ? Json(*w.tiers[t].name) : Json(nullptr)},
                         {"start", engine::money_decimal(span.start)},
                         {"end", span.end ? Json(engine::money_decimal(*span.end)) : Json(nullptr)}});
  }
  j["tiers"] = tiers;
  Json points = Json::array();
  for (const engine::Breakpoint& b : schedule.breakpoints()) {
    Json bp;
    bp["profit"] = engine::money_decimal(b.profit);
    Json why = Json::array();
    for (const engine::Reason& r : b.reasons) why.push_back(reason_json(s, r));
    bp["why"] = why;
    Json paid = Json::object();
    Json marginal = Json::object();
    for (const engine::Index p : schedule.parties()) {
      paid[c.parties[p].name] = engine::money_decimal(b.paid[p]);
      marginal[c.parties[p].name] = b.marginal[p].to_string();
    }
    bp["paid"] = paid;
    bp["undistributed"] = engine::money_decimal(b.undistributed);
    bp["tier"] = b.tier == engine::kNone ? Json(nullptr)
                 : w.tiers[b.tier].name  ? Json(*w.tiers[b.tier].name)
                                         : Json(nullptr);
    bp["tier_index"] = b.tier == engine::kNone ? Json(nullptr) : Json(b.tier + 1);
    bp["marginal"] = marginal;
    bp["marginal_undistributed"] = b.marginal_undistributed.to_string();
    points.push_back(bp);
  }
  j["breakpoints"] = points;
  return j;
}

}  // namespace clause::cli
