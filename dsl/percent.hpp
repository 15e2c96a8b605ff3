// Percent: an exact decimal with at most four decimal places, stored as an integer.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "dsl/money.hpp"  // LiteralError

namespace clause::dsl {

class Percent {
 public:
  // 1% is 10,000 units, so 100% is kWhole = 1,000,000 units and 0.0001% is one unit.
  static constexpr std::int64_t kUnitsPerPercent = 10'000;
  static constexpr std::int64_t kWhole = 100 * kUnitsPerPercent;

  constexpr Percent() = default;
  static constexpr Percent from_units(std::int64_t units) { return Percent(units); }
  constexpr std::int64_t units() const { return units_; }
  friend constexpr auto operator<=>(Percent, Percent) = default;

  // "49%", "12.5%", "0.0001%".
  std::string to_string() const;

 private:
  constexpr explicit Percent(std::int64_t units) : units_(units) {}
  std::int64_t units_ = 0;
};

// Reads `49%`, `12.5%`, `0.25%` (the `%` included). More than four decimal places,
// or more than 100%, is an error.
std::variant<Percent, LiteralError> parse_percent(std::string_view text);

}  // namespace clause::dsl
