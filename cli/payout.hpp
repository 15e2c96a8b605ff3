// The parts of `clause payout`: one profit's table, the schedule, threshold questions and
// the chart. Each part computes plain data from the engine; text, JSON and SVG are
// separate renderers of it. payout_command.cpp reads the options and calls them.
#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "cli/answer.hpp"  // Json
#include "cli/style.hpp"
#include "dsl/diagnostic.hpp"
#include "engine/payout/schedule.hpp"

namespace clause::cli {

// The waterfall a payout question is about.
struct PayoutSubject {
  const engine::Contract& contract;
  const engine::Waterfall& waterfall;
  engine::Index index;  // of the waterfall in the contract
};

// The parties a waterfall pays, in the order its tiers first name them.
std::vector<engine::Index> waterfall_parties(const engine::Waterfall& w);

// ----- one profit (--profit) -----
// What one profit event from a fresh state pays, by party (rows) and tier (columns).
struct ProfitPayout {
  engine::Money profit;
  std::vector<engine::Index> parties;            // rows
  std::vector<std::vector<engine::Money>> cell;  // [row][tier]
  std::vector<engine::Money> tier_total;
  std::vector<engine::Money> received;           // by row
  engine::Money undistributed;
};
// nullopt when a running total would pass the money range.
std::optional<ProfitPayout> pay_profit(const PayoutSubject& s, engine::Money profit);
void print_profit(std::ostream& out, const Style& style, const PayoutSubject& s, const ProfitPayout& p);
// The section 6 keys: profit, parties, tiers, undistributed.
void add_profit_json(Json& j, const PayoutSubject& s, const ProfitPayout& p);

// ----- the schedule (--schedule) -----
void print_schedule(std::ostream& out, const Style& style, const PayoutSubject& s, const engine::Schedule& schedule);
Json schedule_json(const PayoutSubject& s, const engine::Schedule& schedule);

// ----- threshold questions (--until "PARTY receives MONEY") -----
struct UntilQuestion {
  engine::Index party = engine::kNone;
  engine::Money amount;
};
// Reads the phrase; problems go to `diagnostics` with a caret under the argument.
std::optional<UntilQuestion> parse_until(const std::string& text, const engine::Contract& c,
                                         dsl::DiagnosticList& diagnostics);

struct UntilAnswer {
  UntilQuestion question;
  engine::Threshold exact;         // from the schedule
  engine::CentThreshold cents;     // from distribute, whole cents
  std::size_t segment = 0;         // reached: the breakpoint whose segment holds the answer
  std::optional<std::size_t> stop; // not reached: the breakpoint where the payout stops growing
};
// nullopt with a message in `error` when the figures need more than 127 bits.
std::optional<UntilAnswer> answer_until(const PayoutSubject& s, const engine::Schedule& schedule,
                                        const UntilQuestion& q, std::string& error);
void print_until(std::ostream& out, const Style& style, const PayoutSubject& s, const engine::Schedule& schedule,
                 const UntilAnswer& a);
Json until_json(const PayoutSubject& s, const engine::Schedule& schedule, const UntilAnswer& a);

// ----- the chart (--chart FILE.svg) -----
// A self-contained SVG of every party's payout against profit, tiers shaded.
// `profit`, when given, is marked and kept inside the plotted range; so is the answer to
// `--until` (the least profit that pays the party the amount), when given and reached.
std::string payout_chart_svg(const PayoutSubject& s, const engine::Schedule& schedule,
                             std::optional<engine::Money> profit, const UntilAnswer* until = nullptr);

// ----- shared by the renderers -----
// "$194M" when exact in few digits, else "≈ $158.561B" (rounded, and saying so).
std::string short_amount(const engine::Rational& cents);
// "Employees reaches its cap ($60B) in tier \"Capped returns\"; ..." — every reason at a breakpoint.
std::string reasons_text(const PayoutSubject& s, const engine::Breakpoint& b);

}  // namespace clause::cli
