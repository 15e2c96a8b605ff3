// Date: a day of the proleptic Gregorian calendar, checked against it.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "dsl/money.hpp"  // LiteralError

namespace clause::dsl {

class Date {
 public:
  constexpr Date() = default;
  // Precondition: a real calendar day with 1 <= year <= 9999 (see parse_date / is_valid).
  static Date from_ymd(int year, int month, int day);
  static bool is_valid(int year, int month, int day);
  // Days since 1970-01-01; orders dates and counts days between them.
  constexpr std::int32_t serial() const { return serial_; }
  static Date from_serial(std::int32_t serial);
  Date plus_days(std::int32_t days) const { return from_serial(serial_ + days); }
  int year() const;
  int month() const;
  int day() const;
  friend constexpr auto operator<=>(Date, Date) = default;

  std::string to_string() const;  // "2024-06-01"
  static Date today();            // the system's calendar day (UTC)

 private:
  std::int32_t serial_ = 0;
};

// Reads `YYYY-MM-DD`; `2024-02-30` is an error naming the month's length.
std::variant<Date, LiteralError> parse_date(std::string_view text);

}  // namespace clause::dsl
