// A plain text table: columns sized to their widest cell, numbers right-aligned.
#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "cli/style.hpp"

namespace clause::cli {

class Table {
 public:
  enum class Align { left, right };
  explicit Table(std::vector<std::string> headers, std::vector<Align> align = {});
  void add_row(std::vector<std::string> cells);
  void add_rule();  // a separating line before the next row
  void print(std::ostream& out, const Style& style, const std::string& indent = "") const;

 private:
  std::vector<std::string> headers_;
  std::vector<Align> align_;
  std::vector<std::vector<std::string>> rows_;  // an empty row is a rule
};

}  // namespace clause::cli
