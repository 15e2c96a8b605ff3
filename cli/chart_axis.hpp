// What every chart Clause draws shares: escaping text for SVG and HTML, coordinates as
// text, round axes and their tick labels. Coordinates are floating point (they only place
// ink); the figures a reader is given are exact and come from elsewhere.
#pragma once

#include <string>
#include <string_view>

#include "engine/payout/rational.hpp"

namespace clause::cli {

double to_double(const engine::Rational& r);

// `& < > " '` as entities: for text and attribute values in SVG and HTML.
std::string xml_escape(std::string_view text);

// A coordinate: two decimals.
std::string svg_number(double v);

// A round number at or above `v` (> 0) with a step that divides it into a few ticks.
struct Axis {
  double max = 1;
  double step = 1;
};
Axis nice_axis(double v);

// The unit that axis labels are written in, chosen from the axis's largest value (in cents).
struct Unit {
  double cents;
  const char* suffix;
};
Unit unit_for(double max_cents);

// "$50B", "$2.5B", "-$1B": a tick value in its unit (ticks are round, so two decimals suffice).
std::string tick_label(double cents, Unit u);

// The colour of the i-th party's line (colour-blind safe), and the shade of the t-th tier.
const char* party_colour(std::size_t i);
const char* tier_fill(std::size_t t);

}  // namespace clause::cli
