// `clause payout --chart FILE.svg`: each party's payout against profit, drawn from the
// exact schedule. Coordinates are floating point (they only place ink); every figure a
// reader sees is exact or marked as rounded with "≈".
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "cli/chart_axis.hpp"
#include "cli/payout.hpp"

namespace clause::cli {

using engine::Rational;

std::string payout_chart_svg(const PayoutSubject& s, const engine::Schedule& schedule,
                             std::optional<engine::Money> profit, const UntilAnswer* until) {
  const engine::Contract& c = s.contract;
  const engine::Waterfall& w = s.waterfall;
  const auto& bs = schedule.breakpoints();
  const std::vector<engine::Index>& parties = schedule.parties();

  // The plotted range: a little past the last breakpoint (and past the profit asked about).
  double x_end = to_double(bs.back().profit) * 1.15;
  if (profit) x_end = std::max(x_end, static_cast<double>(profit->cents()) * 1.05);
  const bool until_reached = until != nullptr && until->exact.reached;
  if (until_reached) x_end = std::max(x_end, to_double(until->exact.profit) * 1.05);
  if (!(x_end > 0)) x_end = 1e11;  // a waterfall with a single `rest` tier: show $1B
  const Axis xa = nice_axis(x_end);
  const Rational x_max = Rational(static_cast<std::int64_t>(std::min(xa.max, 1e17)));
  // Each curve: the breakpoints inside the range, then the end of the range.
  std::vector<std::vector<std::pair<double, double>>> curves(parties.size());
  std::vector<std::pair<double, double>> undistributed;
  double y_top = 0;
  for (const engine::Breakpoint& b : bs) {
    if (b.profit > x_max) break;
    for (std::size_t i = 0; i < parties.size(); ++i) curves[i].push_back({to_double(b.profit), to_double(b.paid[parties[i]])});
    undistributed.push_back({to_double(b.profit), to_double(b.undistributed)});
  }
  for (std::size_t i = 0; i < parties.size(); ++i) {
    const auto end = schedule.payout(parties[i], x_max);
    curves[i].push_back({xa.max, end ? to_double(*end) : curves[i].back().second});
    for (const auto& pt : curves[i]) y_top = std::max(y_top, pt.second);
  }
  const auto und_end = schedule.undistributed(x_max);
  undistributed.push_back({xa.max, und_end ? to_double(*und_end) : 0.0});
  const bool show_undistributed = undistributed.back().second > 0;
  if (show_undistributed) y_top = std::max(y_top, undistributed.back().second);
  const Axis ya = nice_axis(y_top * 1.05);
  const Unit xu = unit_for(xa.max);
  const Unit yu = unit_for(ya.max);

  // Layout.
  const double left = 96, top = 78, plot_w = 640, plot_h = 400, legend_x = left + plot_w + 28;
  // The key runs below the plot and below the legend (a long list of tiers).
  const double legend_bottom = top + 4 + 20.0 * static_cast<double>(parties.size() + (show_undistributed ? 1 : 0)) + 34 +
                               35.0 * static_cast<double>(w.tiers.size());
  const double key_top = std::max(top + plot_h + 64, legend_bottom + 30);
  const double height = key_top + 24 + 18.0 * static_cast<double>(bs.size()) + 24;
  std::size_t longest = 0;  // the longest reason in the key sets the width
  for (const engine::Breakpoint& b : bs) longest = std::max<std::size_t>(longest, reasons_text(s, b).size());
  const double width = std::max(legend_x + 260, left + 300 + 6.4 * static_cast<double>(longest) + 24);
  const auto X = [&](double cents) { return left + cents / xa.max * plot_w; };
  const auto Y = [&](double cents) { return top + plot_h - cents / ya.max * plot_h; };

  std::string svg;
  const auto add = [&](const std::string& line) {
    svg += line;
    svg += '\n';
  };
  const std::string title = fmt::format("Who gets what: waterfall {}{}", w.name,
                                        w.title.empty() ? std::string() : fmt::format(" — {}", w.title));
  add(R"svg(<?xml version="1.0" encoding="UTF-8"?>)svg");
  add(fmt::format(R"svg(<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" viewBox="0 0 {} {}" )svg"
                  R"svg(font-family="Helvetica, Arial, sans-serif" font-size="12">)svg",
                  svg_number(width), svg_number(height), svg_number(width), svg_number(height)));
  add(fmt::format("<title>{}</title>", xml_escape(title)));
  add(fmt::format(R"svg(<rect x="0" y="0" width="{}" height="{}" fill="#FFFFFF"/>)svg", svg_number(width), svg_number(height)));
  add(fmt::format(R"svg(<text x="{}" y="28" font-size="17" font-weight="bold">{}</text>)svg", svg_number(left), xml_escape(title)));
  add(fmt::format(R"svg(<text x="{}" y="48" fill="#555555">Payout against {}'s profit in one event, from the exact schedule )svg"
                  R"svg(of {}; breakpoints are numbered and listed below</text>)svg",
                  svg_number(left), xml_escape(c.parties[w.of].name),
                  xml_escape(c.place_of({engine::DeclKind::waterfall, s.index}))));

  // Tiers, shaded behind everything.
  add(R"svg(<g class="tiers">)svg");
  for (std::size_t t = 0; t < w.tiers.size(); ++t) {
    const engine::TierSpan& span = schedule.tiers()[t];
    const double a = to_double(span.start);
    const double b = span.end ? std::min(to_double(*span.end), xa.max) : xa.max;
    if (a >= xa.max || b <= a) continue;
    const std::string name = w.tiers[t].name ? std::string(*w.tiers[t].name) : fmt::format("tier {}", t + 1);
    add(fmt::format(R"svg(<rect class="tier" data-tier="{}" x="{}" y="{}" width="{}" height="{}" fill="{}"/>)svg",
                    xml_escape(name), svg_number(X(a)), svg_number(top), svg_number(std::max(X(b) - X(a), 0.5)), svg_number(plot_h),
                    tier_fill(t)));
    // The name inside the band when it fits; else its number (the legend lists every
    // tier by number, name and profits), at the foot of the band so that it clears the
    // names of wide bands; a band too narrow even for that is in the legend only.
    if (X(b) - X(a) > 7.0 * static_cast<double>(name.size()) + 8) {
      add(fmt::format(R"svg(<text x="{}" y="{}" fill="#666666">{}</text>)svg", svg_number(X(a) + 5), svg_number(top + 16),
                      xml_escape(name)));
    } else if (X(b) - X(a) >= 9) {
      add(fmt::format(R"svg(<text class="tier-number" x="{}" y="{}" font-size="10" text-anchor="middle" fill="#666666">{}</text>)svg",
                      svg_number((X(a) + X(b)) / 2), svg_number(top + plot_h - 6), t + 1));
    }
  }
  add("</g>");

  // Axes and grid.
  add(R"svg(<g class="axes" stroke="#BBBBBB" stroke-width="1">)svg");
  for (double v = 0; v <= xa.max * (1 + 1e-9); v += xa.step) {
    add(fmt::format(R"svg(<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="#E2E2E2"/>)svg", svg_number(X(v)), svg_number(top),
                    svg_number(top + plot_h)));
  }
  for (double v = 0; v <= ya.max * (1 + 1e-9); v += ya.step) {
    add(fmt::format(R"svg(<line x1="{0}" y1="{2}" x2="{1}" y2="{2}" stroke="#E2E2E2"/>)svg", svg_number(left), svg_number(left + plot_w),
                    svg_number(Y(v))));
  }
  add(fmt::format(R"svg(<line x1="{0}" y1="{1}" x2="{2}" y2="{1}" stroke="#333333"/>)svg", svg_number(left), svg_number(top + plot_h),
                  svg_number(left + plot_w)));
  add(fmt::format(R"svg(<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="#333333"/>)svg", svg_number(left), svg_number(top),
                  svg_number(top + plot_h)));
  add("</g>");
  add(R"svg(<g class="tick-labels" fill="#333333">)svg");
  for (double v = 0; v <= xa.max * (1 + 1e-9); v += xa.step) {
    add(fmt::format(R"svg(<text x="{}" y="{}" text-anchor="middle">{}</text>)svg", svg_number(X(v)), svg_number(top + plot_h + 18),
                    tick_label(v, xu)));
  }
  for (double v = 0; v <= ya.max * (1 + 1e-9); v += ya.step) {
    add(fmt::format(R"svg(<text x="{}" y="{}" text-anchor="end">{}</text>)svg", svg_number(left - 8), svg_number(Y(v) + 4),
                    tick_label(v, yu)));
  }
  add(fmt::format(R"svg(<text x="{}" y="{}" text-anchor="middle">{}'s profit (${})</text>)svg", svg_number(left + plot_w / 2),
                  svg_number(top + plot_h + 40), xml_escape(c.parties[w.of].name), xu.suffix));
  add(fmt::format(R"svg(<text x="{0}" y="{1}" text-anchor="middle" transform="rotate(-90 {0} {1})">payout (${2})</text>)svg",
                  svg_number(left - 62), svg_number(top + plot_h / 2), yu.suffix));
  add("</g>");

  // Breakpoints: a guide line each, and their numbers above the plot; numbers that would
  // collide share one label ("1,2").
  add(R"svg(<g class="breakpoints">)svg");
  std::vector<std::pair<double, std::string>> labels;
  for (std::size_t k = 0; k < bs.size(); ++k) {
    const double x = to_double(bs[k].profit);
    if (x > xa.max) continue;
    add(fmt::format(R"svg(<line class="breakpoint" data-index="{0}" data-profit="{1}" x1="{2}" y1="{3}" x2="{2}" y2="{4}" )svg"
                    R"svg(stroke="#888888" stroke-dasharray="3 3"/>)svg",
                    k + 1, engine::money_decimal(bs[k].profit), svg_number(X(x)), svg_number(top - 4), svg_number(top + plot_h)));
    if (!labels.empty() && X(x) - labels.back().first < 7.0 * static_cast<double>(labels.back().second.size()) + 8) {
      labels.back().second += fmt::format(",{}", k + 1);
    } else {
      labels.push_back({X(x), fmt::format("{}", k + 1)});
    }
  }
  for (const auto& [x, text] : labels) {
    add(fmt::format(R"svg(<text x="{}" y="{}" font-size="11" fill="#444444">{}</text>)svg", svg_number(x - 3), svg_number(top - 8), text));
  }
  add("</g>");

  // The curves, with a dot at every breakpoint.
  add(R"svg(<g class="curves" fill="none" stroke-width="2.5" stroke-linejoin="round">)svg");
  for (std::size_t i = 0; i < parties.size(); ++i) {
    std::string points;
    for (const auto& [x, y] : curves[i]) points += fmt::format("{},{} ", svg_number(X(x)), svg_number(Y(y)));
    points.pop_back();
    const char* colour = party_colour(i);
    add(fmt::format(R"svg(<polyline class="curve" data-party="{}" stroke="{}" points="{}"/>)svg",
                    xml_escape(c.parties[parties[i]].name), colour, points));
    for (std::size_t k = 0; k + 1 < curves[i].size(); ++k) {
      add(fmt::format(R"svg(<circle cx="{}" cy="{}" r="2.5" fill="{}" stroke="none"/>)svg", svg_number(X(curves[i][k].first)),
                      svg_number(Y(curves[i][k].second)), colour));
    }
  }
  if (show_undistributed) {
    std::string points;
    for (const auto& [x, y] : undistributed) points += fmt::format("{},{} ", svg_number(X(x)), svg_number(Y(y)));
    points.pop_back();
    add(fmt::format(R"svg(<polyline class="undistributed" stroke="#777777" stroke-dasharray="6 4" points="{}"/>)svg",
                    points));
  }
  add("</g>");

  if (until_reached) {
    const double x = to_double(until->exact.profit);
    const std::string label = fmt::format("{} has received {} here ({})", c.parties[until->question.party].name,
                                          until->question.amount.to_short(), short_amount(until->exact.profit));
    const bool right = X(x) < left + plot_w * 0.6;  // the label on the side with room
    add(fmt::format(R"svg(<g class="until"><line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="#6A3D9A" )svg"
                    R"svg(stroke-width="1.5" stroke-dasharray="5 3"/><text x="{3}" y="{4}" fill="#6A3D9A"{5}>{6}</text></g>)svg",
                    svg_number(X(x)), svg_number(top), svg_number(top + plot_h), svg_number(right ? X(x) + 4 : X(x) - 4), svg_number(top + 34),
                    right ? "" : R"svg( text-anchor="end")svg", xml_escape(label)));
  }
  if (profit) {
    const double x = static_cast<double>(profit->cents());
    add(fmt::format(R"svg(<g class="profit"><line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="#C00000" )svg"
                    R"svg(stroke-width="1.5"/><text x="{3}" y="{4}" fill="#C00000">{5}</text></g>)svg",
                    svg_number(X(x)), svg_number(top), svg_number(top + plot_h), svg_number(X(x) + 4), svg_number(top + plot_h - 6),
                    xml_escape(profit->to_short())));
  }

  // Legend: parties (with what each has at the right edge), then tiers.
  add(R"svg(<g class="legend">)svg");
  double ly = top + 4;
  add(fmt::format(R"svg(<text x="{}" y="{}" font-weight="bold">Parties</text>)svg", svg_number(legend_x), svg_number(ly)));
  for (std::size_t i = 0; i < parties.size(); ++i) {
    ly += 20;
    const char* colour = party_colour(i);
    add(fmt::format(R"svg(<line x1="{0}" y1="{2}" x2="{1}" y2="{2}" stroke="{3}" stroke-width="3"/>)svg", svg_number(legend_x),
                    svg_number(legend_x + 22), svg_number(ly - 4), colour));
    add(fmt::format(R"svg(<text x="{}" y="{}">{}</text>)svg", svg_number(legend_x + 30), svg_number(ly),
                    xml_escape(c.parties[parties[i]].name)));
  }
  if (show_undistributed) {
    ly += 20;
    add(fmt::format(R"svg(<line x1="{0}" y1="{2}" x2="{1}" y2="{2}" stroke="#777777" stroke-width="2" )svg"
                    R"svg(stroke-dasharray="6 4"/>)svg",
                    svg_number(legend_x), svg_number(legend_x + 22), svg_number(ly - 4)));
    add(fmt::format(R"svg(<text x="{}" y="{}">not distributed</text>)svg", svg_number(legend_x + 30), svg_number(ly)));
  }
  ly += 34;
  add(fmt::format(R"svg(<text x="{}" y="{}" font-weight="bold">Tiers</text>)svg", svg_number(legend_x), svg_number(ly)));
  for (std::size_t t = 0; t < w.tiers.size(); ++t) {
    ly += 20;
    const std::string name = w.tiers[t].name ? std::string(*w.tiers[t].name) : fmt::format("tier {}", t + 1);
    add(fmt::format(R"svg(<rect x="{}" y="{}" width="22" height="12" fill="{}" stroke="#BBBBBB"/>)svg", svg_number(legend_x),
                    svg_number(ly - 11), tier_fill(t)));
    add(fmt::format(R"svg(<text x="{}" y="{}">{}. {}</text>)svg", svg_number(legend_x + 30), svg_number(ly), t + 1, xml_escape(name)));
    // Where the tier pays: a narrow band is found by its profits.
    const engine::TierSpan& span = schedule.tiers()[t];
    const std::string range = span.end ? fmt::format("{} to {}", short_amount(span.start), short_amount(*span.end))
                                       : fmt::format("{} and above", short_amount(span.start));
    ly += 15;
    add(fmt::format(R"svg(<text x="{}" y="{}" font-size="11" fill="#555555">profit {}</text>)svg", svg_number(legend_x + 30),
                    svg_number(ly), xml_escape(range)));
  }
  add("</g>");

  // The key: every breakpoint with its exact profit and what happens there.
  add(R"svg(<g class="key">)svg");
  add(fmt::format(R"svg(<text x="{}" y="{}" font-weight="bold">Breakpoints (exact; "+ n/d¢" is a fraction of a cent)</text>)svg",
                  svg_number(left), svg_number(key_top)));
  for (std::size_t k = 0; k < bs.size(); ++k) {
    const double y = key_top + 20 + 18.0 * static_cast<double>(k);
    add(fmt::format(R"svg(<text x="{}" y="{}"><tspan font-weight="bold">{}</tspan><tspan x="{}">{}</tspan>)svg"
                    R"svg(<tspan x="{}" fill="#444444">{}</tspan></text>)svg",
                    svg_number(left), svg_number(y), k + 1, svg_number(left + 24), xml_escape(engine::money_display(bs[k].profit)),
                    svg_number(left + 300), xml_escape(reasons_text(s, bs[k]))));
  }
  add("</g>");
  add("</svg>");
  return svg;
}

}  // namespace clause::cli
