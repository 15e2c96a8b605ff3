#include "cli/table.hpp"

#include <algorithm>
#include <ostream>

#include "dsl/source.hpp"

namespace clause::cli {

Table::Table(std::vector<std::string> headers, std::vector<Align> align)
    : headers_(std::move(headers)), align_(std::move(align)) {
  align_.resize(headers_.size(), Align::left);
}

void Table::add_row(std::vector<std::string> cells) {
  cells.resize(headers_.size());
  rows_.push_back(std::move(cells));
}

void Table::add_rule() { rows_.emplace_back(); }

void Table::print(std::ostream& out, const Style& style, const std::string& indent) const {
  std::vector<std::size_t> width(headers_.size(), 0);
  for (std::size_t c = 0; c < headers_.size(); ++c) width[c] = dsl::display_width(headers_[c]);
  for (const auto& row : rows_) {
    for (std::size_t c = 0; c < row.size(); ++c) width[c] = std::max<std::size_t>(width[c], dsl::display_width(row[c]));
  }
  const auto line = [&](const std::vector<std::string>& cells) {
    std::string text = indent;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (c > 0) text += "  ";
      text += align_[c] == Align::right ? pad_left(cells[c], width[c]) : pad(cells[c], width[c]);
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text;
  };
  out << style.bold(line(headers_)) << '\n';
  std::size_t total = 0;
  for (const std::size_t w : width) total += w;
  total += 2 * (width.empty() ? 0 : width.size() - 1);
  for (const auto& row : rows_) {
    if (row.empty()) {
      out << indent << style.dim(std::string(total, '-')) << '\n';
      continue;
    }
    out << line(row) << '\n';
  }
}

}  // namespace clause::cli
