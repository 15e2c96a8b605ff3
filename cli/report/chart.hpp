// The report's line charts: inline SVG that scales to the width of the page (a phone's
// or a printed page's), with the legend as HTML beside it so that it wraps. Coordinates
// are floating point and only place ink; the exact figures are in the tables beside.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace clause::cli::report {

struct Series {
  std::string name;
  const char* colour = "#000000";
  std::vector<std::pair<double, double>> points;  // (x, y) in cents, x increasing
  bool dashed = false;
};

// A shaded range of x (a tier), numbered inside when there is room.
struct Band {
  double from = 0;
  double to = 0;
  std::string label;
  const char* fill = "#EEEEEE";
};

struct Chart {
  std::string title;    // what the chart shows, for screen readers
  std::string x_title;
  std::string y_title;
  double x_max = 0;     // cents
  std::vector<Series> series;
  std::vector<Band> bands;
};

// Where the x axis ends for data up to `x_max`: a series should reach it.
double axis_end(double x_max);

std::string chart_svg(const Chart& chart);
// <ul class="legend">: a swatch and a name for each series.
std::string chart_legend(const Chart& chart);

}  // namespace clause::cli::report
