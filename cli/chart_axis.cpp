#include "cli/chart_axis.hpp"

#include <cmath>
#include <iterator>

#include <fmt/format.h>

namespace clause::cli {

double to_double(const engine::Rational& r) {
  return static_cast<double>(r.numerator()) / static_cast<double>(r.denominator());
}

std::string xml_escape(std::string_view text) {
  std::string out;
  for (const char ch : text) {
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += ch;
    }
  }
  return out;
}

std::string svg_number(double v) { return fmt::format("{:.2f}", v); }

Axis nice_axis(double v) {
  if (!(v > 0)) v = 1;
  const double raw = v / 5;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  double step = magnitude * 10;
  for (const double f : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (magnitude * f >= raw) {
      step = magnitude * f;
      break;
    }
  }
  return {std::ceil(v / step - 1e-9) * step, step};
}

Unit unit_for(double max_cents) {
  static constexpr Unit units[] = {{1e14, "T"}, {1e11, "B"}, {1e8, "M"}, {1e5, "K"}};
  for (const Unit& u : units) {
    if (max_cents >= u.cents) return u;
  }
  return {100, ""};
}

std::string tick_label(double cents, Unit u) {
  if (std::abs(cents) < 0.5) return "$0";
  // Built by appending: GCC 12 at -O2 warns falsely on `"-" + std::string`.
  if (cents < 0) {
    std::string negative = "-";
    negative += tick_label(-cents, u);
    return negative;
  }
  std::string text = fmt::format("{:.2f}", cents / u.cents);
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return fmt::format("${}{}", text, u.suffix);
}

const char* party_colour(std::size_t i) {
  static constexpr const char* kColours[] = {"#0072B2", "#D55E00", "#009E73", "#CC79A7",
                                             "#E69F00", "#56B4E9", "#8C564B", "#000000"};
  return kColours[i % std::size(kColours)];
}

const char* tier_fill(std::size_t t) {
  static constexpr const char* kFills[] = {"#EEF3FA", "#FBF1E6", "#EDF7F1", "#F7EEF5", "#F5F5E9", "#EFEFEF"};
  return kFills[t % std::size(kFills)];
}

}  // namespace clause::cli
