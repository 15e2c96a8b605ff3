// `clause payout CONTRACT`: who gets what from a profit (--profit), the whole payout
// schedule (--schedule), the least profit that pays a party an amount (--until) and a
// chart (--chart). Every input is checked before anything is printed.
#include <fstream>
#include <ostream>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "cli/payout.hpp"
#include "cli/files.hpp"
#include "engine/model/suggest.hpp"

namespace clause::cli {

namespace {

dsl::Location argument(const std::string& option, const std::string& text) {
  return {std::make_shared<const dsl::SourceFile>(option, text), {0, static_cast<std::uint32_t>(text.size())}, {}};
}

// The waterfall asked about: the one named, or the only one.
std::optional<engine::Index> pick_waterfall(const engine::Contract& c, const PayoutOptions& options,
                                            dsl::DiagnosticList& d) {
  if (options.waterfall) {
    const auto ref = c.find(*options.waterfall);
    if (ref && ref->kind == engine::DeclKind::waterfall) return ref->index;
    std::vector<std::string_view> names;
    for (const engine::Waterfall& w : c.waterfalls) names.push_back(w.name);
    d.report<dsl::DiagId::no_such_declaration>(argument("--waterfall", *options.waterfall), "waterfall",
                                               *options.waterfall, engine::did_you_mean(*options.waterfall, names));
    return std::nullopt;
  }
  if (c.waterfalls.size() == 1) return 0;
  std::vector<std::string> names;
  for (const engine::Waterfall& w : c.waterfalls) names.push_back(fmt::format("`{}`", w.name));
  if (c.waterfalls.empty()) d.report<dsl::DiagId::no_waterfall>({nullptr, {}, options.contract});
  else d.report<dsl::DiagId::several_waterfalls>({nullptr, {}, options.contract}, c.waterfalls.size(),
                                                 fmt::join(names, ", "));
  return std::nullopt;
}

}  // namespace

int payout_command(Context& ctx, const PayoutOptions& options) {
  dsl::DiagnosticList problems;
  const auto overrides = parse_overrides(options.sets, problems);
  std::optional<dsl::Money> profit;
  if (options.profit) profit = parse_profit_option("--profit", *options.profit, problems);
  if (!options.profit && !options.schedule && !options.until && !options.chart) {
    dsl::DiagnosticList d;
    d.report<dsl::DiagId::payout_nothing_to_show>({nullptr, {}, "payout"});
    ctx.print(d);
    return kUsage;
  }
  engine::LoadedContract loaded = load_contract_file(options.contract, overrides);
  if (loaded.io_error) {
    ctx.print(loaded.diagnostics);
    return kUsage;
  }
  for (const dsl::Diagnostic& d : loaded.diagnostics.items()) {
    if (d.severity == dsl::Severity::error) problems.add(d);
  }
  if (problems.has_errors() || !loaded.contract) {
    ctx.print(problems);
    return kFound;
  }
  const engine::Contract& c = *loaded.contract;
  const auto wi = pick_waterfall(c, options, problems);
  std::optional<UntilQuestion> until;
  if (options.until) until = parse_until(*options.until, c, problems);
  if (problems.has_errors()) {
    ctx.print(problems);
    return kFound;
  }
  const PayoutSubject subject{c, c.waterfalls[*wi], *wi};

  // Everything is computed before anything is printed or written.
  const auto fail = [&](const std::string& what, dsl::DiagMessage message) {
    dsl::DiagnosticList d;
    d.report({nullptr, {}, what}, std::move(message));
    ctx.print(d);
    return kFound;
  };
  std::optional<ProfitPayout> paid;
  if (profit) {
    paid = pay_profit(subject, *profit);
    if (!paid) return fail("--profit", dsl::message<dsl::DiagId::payout_out_of_range>());
  }
  std::optional<engine::Schedule> schedule;
  if (options.schedule || options.until || options.chart) {
    auto built = engine::build_schedule(subject.waterfall, c.parties.size());
    if (const auto* e = std::get_if<engine::ScheduleError>(&built)) {
      return fail(options.contract, dsl::message<dsl::DiagId::payout_not_computed>(e->message));
    }
    schedule = std::move(std::get<engine::Schedule>(built));
  }
  std::optional<UntilAnswer> answer;
  if (until) {
    std::string error;
    answer = answer_until(subject, *schedule, *until, error);
    if (!answer) return fail("--until", dsl::message<dsl::DiagId::payout_not_computed>(error));
  }
  if (options.chart) {
    std::ofstream file(*options.chart, std::ios::binary | std::ios::trunc);
    file << payout_chart_svg(subject, *schedule, profit, answer ? &*answer : nullptr);
    file.close();
    if (!file) {
      dsl::DiagnosticList d;
      d.report<dsl::DiagId::chart_not_written>({nullptr, {}, *options.chart});
      ctx.print(d);
      return kUsage;
    }
  }

  if (options.json) {
    Json j;
    j["waterfall"] = subject.waterfall.name;
    if (paid) add_profit_json(j, subject, *paid);
    if (options.schedule) j["schedule"] = schedule_json(subject, *schedule);
    if (answer) j["until"] = until_json(subject, *schedule, *answer);
    if (options.chart) j["chart"] = *options.chart;
    ctx.out << j.dump(2) << '\n';
    return kSuccess;
  }
  bool first = true;
  const auto gap = [&]() {
    if (!first) ctx.out << '\n';
    first = false;
  };
  if (paid) {
    gap();
    print_profit(ctx.out, ctx.out_style, subject, *paid);
  }
  if (options.schedule) {
    gap();
    print_schedule(ctx.out, ctx.out_style, subject, *schedule);
  }
  if (answer) {
    gap();
    print_until(ctx.out, ctx.out_style, subject, *schedule, *answer);
  }
  if (options.chart) {
    gap();
    ctx.out << fmt::format("chart of waterfall `{}` written to {} ({} parties, {} breakpoints)\n",
                           subject.waterfall.name, *options.chart, schedule->parties().size(),
                           schedule->breakpoints().size());
  }
  return kSuccess;
}

}  // namespace clause::cli
