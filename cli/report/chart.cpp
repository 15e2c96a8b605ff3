#include "cli/report/chart.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "cli/chart_axis.hpp"

namespace clause::cli::report {

namespace {

constexpr double kWidth = 660, kHeight = 330, kLeft = 84, kRight = 30, kTop = 14, kBottom = 62;

// The y axis: from zero or below (a difference can be negative) to zero or above, in one
// round step.
struct YAxis {
  double low = 0, high = 1, step = 1;
};
YAxis y_axis(const Chart& c) {
  double low = 0, high = 0;
  for (const Series& s : c.series) {
    for (const auto& [x, y] : s.points) {
      low = std::min(low, y);
      high = std::max(high, y);
    }
  }
  const Axis a = nice_axis(std::max(-low, high) * 1.05);
  const double step = a.step;
  YAxis out;
  out.step = step;
  out.high = high > 0 ? std::ceil(high * 1.05 / step - 1e-9) * step : 0;
  out.low = low < 0 ? -std::ceil(-low * 1.05 / step - 1e-9) * step : 0;
  if (out.high - out.low < step) out.high = out.low + step;
  return out;
}

}  // namespace

double axis_end(double x_max) { return nice_axis(x_max).max; }

std::string chart_svg(const Chart& c) {
  const Axis xa = nice_axis(c.x_max);
  const YAxis ya = y_axis(c);
  const Unit xu = unit_for(xa.max);
  const Unit yu = unit_for(std::max(ya.high, -ya.low));
  const double plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
  const auto X = [&](double v) { return kLeft + v / xa.max * plot_w; };
  const auto Y = [&](double v) { return kTop + plot_h - (v - ya.low) / (ya.high - ya.low) * plot_h; };

  std::string svg = fmt::format(R"(<svg class="chart" viewBox="0 0 {} {}" role="img" aria-label="{}">)",
                                svg_number(kWidth), svg_number(kHeight), xml_escape(c.title));
  svg += '\n';
  for (const Band& b : c.bands) {
    const double from = std::min(b.from, xa.max), to = std::min(b.to, xa.max);
    if (to <= from) continue;
    svg += fmt::format(R"(<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>)", svg_number(X(from)),
                       svg_number(kTop), svg_number(std::max(X(to) - X(from), 0.5)), svg_number(plot_h), b.fill);
    if (X(to) - X(from) >= 14) {
      svg += fmt::format(R"(<text x="{}" y="{}" class="band" text-anchor="middle">{}</text>)",
                         svg_number((X(from) + X(to)) / 2), svg_number(kTop + 16), xml_escape(b.label));
    }
    svg += '\n';
  }
  for (double v = 0; v <= xa.max * (1 + 1e-9); v += xa.step) {
    svg += fmt::format(R"(<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" class="grid"/><text x="{0}" y="{3}" )"
                       R"(text-anchor="middle">{4}</text>)",
                       svg_number(X(v)), svg_number(kTop), svg_number(kTop + plot_h), svg_number(kTop + plot_h + 22),
                       tick_label(v, xu));
    svg += '\n';
  }
  for (double v = ya.low; v <= ya.high + ya.step * 1e-9; v += ya.step) {
    svg += fmt::format(R"(<line x1="{0}" y1="{2}" x2="{1}" y2="{2}" class="{3}"/><text x="{4}" y="{5}" )"
                       R"(text-anchor="end">{6}</text>)",
                       svg_number(kLeft), svg_number(kLeft + plot_w), svg_number(Y(v)),
                       std::abs(v) < ya.step * 1e-6 ? "axis" : "grid", svg_number(kLeft - 6), svg_number(Y(v) + 4),
                       tick_label(v, yu));
    svg += '\n';
  }
  svg += fmt::format(R"(<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" class="axis"/>)", svg_number(kLeft),
                     svg_number(kTop), svg_number(kTop + plot_h));
  svg += fmt::format(R"(<text x="{}" y="{}" text-anchor="middle">{} (${})</text>)", svg_number(kLeft + plot_w / 2),
                     svg_number(kHeight - 8), xml_escape(c.x_title), xu.suffix);
  svg += fmt::format(R"x(<text class="y-title" x="{0}" y="{1}" text-anchor="middle" transform="rotate(-90 {0} {1})">{2} (${3})</text>)x",
                     svg_number(14), svg_number(kTop + plot_h / 2), xml_escape(c.y_title), yu.suffix);
  svg += '\n';
  for (const Series& s : c.series) {
    std::string points;
    for (const auto& [x, y] : s.points) {
      if (x > xa.max * (1 + 1e-9)) break;
      if (!points.empty()) points += ' ';
      points += fmt::format("{},{}", svg_number(X(x)), svg_number(Y(y)));
    }
    svg += fmt::format(R"(<polyline fill="none" stroke="{}" stroke-width="2.5" stroke-linejoin="round"{} points="{}">)"
                       R"(<title>{}</title></polyline>)",
                       s.colour, s.dashed ? R"x( stroke-dasharray="6 4")x" : "", points, xml_escape(s.name));
    svg += '\n';
  }
  svg += "</svg>\n";
  return svg;
}

std::string chart_legend(const Chart& c) {
  std::string html = R"(<ul class="legend">)";
  for (const Series& s : c.series) {
    html += fmt::format(R"(<li><span class="swatch{}" style="border-color:{}"></span>{}</li>)",
                        s.dashed ? " dashed" : "", s.colour, xml_escape(s.name));
  }
  html += "</ul>\n";
  return html;
}

}  // namespace clause::cli::report
