// Who is paid what: for each waterfall, each party's payout against profit as a chart and
// the exact schedule as a table (the data of `clause payout --schedule`).
#include <variant>

#include <fmt/format.h>

#include "cli/chart_axis.hpp"
#include "cli/payout.hpp"
#include "cli/report/chart.hpp"
#include "cli/report/sections.hpp"

namespace clause::cli::report {

namespace {

std::string tier_name(const Input& in, const engine::Waterfall& w, std::size_t t) {
  if (w.tiers[t].name) return fmt::format("“{}”", *w.tiers[t].name);
  return say(labels(in.language).tier_number, t + 1);
}

// Why the payout bends here: the engine's phrase in English, the phrasebook's in Chinese.
std::string reason_text(const Input& in, const PayoutSubject& s, const engine::Reason& r) {
  if (in.language == Language::en) return engine::describe(r, s.waterfall, s.contract);
  const Labels& l = labels(in.language);
  const std::string tier = r.tier == engine::kNone ? "" : tier_name(in, s.waterfall, r.tier);
  const std::string party = r.party == engine::kNone ? "" : std::string(s.contract.parties[r.party].name);
  switch (r.kind) {
    case engine::ReasonKind::tier_starts: return say(l.tier_starts, tier, party);
    case engine::ReasonKind::tier_full: return say(l.tier_full, tier, party);
    case engine::ReasonKind::cap_reached: return say(l.cap_reached, tier, party);
    case engine::ReasonKind::capped_at_start: return say(l.capped_at_start, tier, party);
    case engine::ReasonKind::tier_complete: return say(l.tier_complete, tier, party);
    case engine::ReasonKind::nothing_more: return say(l.nothing_more, tier, party);
  }
  return {};
}

std::string chart_of(const Input& in, const PayoutSubject& s, const engine::Schedule& schedule) {
  const Labels& l = labels(in.language);
  const engine::Contract& c = s.contract;
  const auto& bs = schedule.breakpoints();
  double last = to_double(bs.back().profit);
  const double x_end = axis_end(last > 0 ? last * 1.15 : 1e11);
  const engine::Rational end(static_cast<std::int64_t>(std::min(x_end, 1e17)));
  Chart chart;
  chart.title = say(l.chart_caption, c.parties[s.waterfall.of].name);
  chart.x_title = say(l.profit_axis, c.parties[s.waterfall.of].name);
  chart.y_title = std::string(l.payout_axis);
  chart.x_max = x_end;
  const auto curve = [&](const auto& at_breakpoint, const auto& at_end) {
    std::vector<std::pair<double, double>> points;
    for (const engine::Breakpoint& b : bs) {
      if (to_double(b.profit) > x_end) break;
      points.push_back({to_double(b.profit), to_double(at_breakpoint(b))});
    }
    const auto last_value = at_end();
    points.push_back({x_end, last_value ? to_double(*last_value) : points.back().second});
    return points;
  };
  for (std::size_t i = 0; i < schedule.parties().size(); ++i) {
    const engine::Index p = schedule.parties()[i];
    chart.series.push_back(Series{std::string(c.parties[p].name), party_colour(i),
                                  curve([&](const engine::Breakpoint& b) { return b.paid[p]; },
                                        [&] { return schedule.payout(p, end); }),
                                  false});
  }
  const auto undistributed = schedule.undistributed(end);
  if (undistributed && !undistributed->is_zero()) {
    chart.series.push_back(Series{std::string(l.not_distributed), "#777777",
                                  curve([](const engine::Breakpoint& b) { return b.undistributed; },
                                        [&] { return undistributed; }),
                                  true});
  }
  for (std::size_t t = 0; t < s.waterfall.tiers.size(); ++t) {
    const engine::TierSpan& span = schedule.tiers()[t];
    chart.bands.push_back(Band{to_double(span.start), span.end ? to_double(*span.end) : x_end,
                               fmt::format("{}", t + 1), tier_fill(t)});
  }
  std::string html = fmt::format(R"(<figure class="chart">{}<figcaption>{})", chart_svg(chart), esc(chart.title));
  html += chart_legend(chart);
  html += fmt::format(R"(<p class="tiers-head">{}</p><ol class="tiers">)", esc(l.tiers));
  for (std::size_t t = 0; t < s.waterfall.tiers.size(); ++t) {
    const engine::TierSpan& span = schedule.tiers()[t];
    const std::string range = span.end ? say(l.tier_range, short_amount(span.start), short_amount(*span.end))
                                       : say(l.tier_open, short_amount(span.start));
    // The range is written short (rounded where it says "≈"); the exact ends are attributes.
    html += fmt::format(R"(<li data-figure="tier" data-waterfall="{}" data-index="{}" data-start="{}" data-end="{}">)"
                        R"(<span class="swatch band" style="background:{}"></span>{} <span class="where">{}</span></li>)",
                        esc(s.waterfall.name), t, engine::money_decimal(span.start),
                        span.end ? engine::money_decimal(*span.end) : "", tier_fill(t), esc(tier_name(in, s.waterfall, t)),
                        esc(range));
  }
  html += "</ol></figcaption></figure>\n";
  return html;
}

std::string schedule_table(const Input& in, const PayoutSubject& s, const engine::Schedule& schedule) {
  const Labels& l = labels(in.language);
  const engine::Contract& c = s.contract;
  bool undistributed = false;
  for (const engine::Breakpoint& b : schedule.breakpoints()) undistributed = undistributed || !b.undistributed.is_zero();
  std::string html = fmt::format(R"(<h4>{}</h4><p class="note">{}</p>)", esc(l.schedule), esc(l.schedule_note));
  html += R"(<div class="scroll"><table class="schedule"><thead><tr><th>#</th>)";
  html += fmt::format("<th>{}</th>", esc(l.profit));
  for (const engine::Index p : schedule.parties()) html += fmt::format("<th>{}</th>", esc(c.parties[p].name));
  if (undistributed) html += fmt::format("<th>{}</th>", esc(l.not_distributed));
  html += fmt::format("<th>{}</th></tr></thead><tbody>\n", esc(l.why_here));
  const std::string waterfall = esc(s.waterfall.name);
  const auto& bs = schedule.breakpoints();
  for (std::size_t k = 0; k < bs.size(); ++k) {
    const engine::Breakpoint& b = bs[k];
    html += fmt::format("<tr><td>{}</td><td class=\"num\">{}</td>", k + 1,
                        money_figure(b.profit, fmt::format(R"(data-figure="breakpoint" data-waterfall="{}" data-index="{}")",
                                                           waterfall, k)));
    for (const engine::Index p : schedule.parties()) {
      html += fmt::format(R"(<td class="num">{}</td>)",
                          money_figure(b.paid[p], fmt::format(R"(data-figure="paid" data-waterfall="{}" data-index="{}" data-party="{}")",
                                                              waterfall, k, esc(c.parties[p].name))));
    }
    if (undistributed) {
      html += fmt::format(R"(<td class="num">{}</td>)",
                          money_figure(b.undistributed, fmt::format(R"(data-figure="undistributed" data-waterfall="{}" data-index="{}")",
                                                                    waterfall, k)));
    }
    std::string why;
    for (const engine::Reason& r : b.reasons) {
      if (!why.empty()) why += "; ";
      why += reason_text(in, s, r);
    }
    html += fmt::format("<td class=\"why\">{}</td></tr>\n", esc(why));
  }
  html += "</tbody></table></div>\n";
  return html;
}

}  // namespace

std::string payouts_section(const Input& in) {
  const Labels& l = labels(in.language);
  const engine::Contract& c = in.contract;
  std::string html = section_open("payouts", l.payouts);
  if (c.waterfalls.empty()) return html + fmt::format("<p>{}</p>\n</section>\n", esc(l.no_waterfall));
  for (std::size_t i = 0; i < c.waterfalls.size(); ++i) {
    const engine::Waterfall& w = c.waterfalls[i];
    const PayoutSubject subject{c, w, static_cast<engine::Index>(i)};
    html += fmt::format(R"(<div class="waterfall" data-waterfall="{}"><h3>{}</h3>)", esc(w.name),
                        say(l.waterfall_of, fmt::format("<code>{}</code>", esc(w.name)), esc(w.title),
                            esc(c.parties[w.of].name)));
    auto built = engine::build_schedule(w, c.parties.size());
    if (const auto* e = std::get_if<engine::ScheduleError>(&built)) {
      html += fmt::format("<p>{}</p></div>\n", esc(say(l.schedule_error, e->message)));
      continue;
    }
    const engine::Schedule& schedule = std::get<engine::Schedule>(built);
    html += chart_of(in, subject, schedule);
    html += schedule_table(in, subject, schedule);
    html += "</div>\n";
  }
  html += "</section>\n";
  return html;
}

}  // namespace clause::cli::report
