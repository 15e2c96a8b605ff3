#include "dsl/date.hpp"

#include <chrono>

#include <fmt/format.h>

namespace clause::dsl {
namespace {

constexpr const char* kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                       "July",    "August",   "September", "October", "November", "December"};

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static constexpr int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : lengths[m - 1];
}

// Howard Hinnant's days_from_civil / civil_from_days.
std::int32_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const int yoe = y - era * 400;
  const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

struct Civil { int y, m, d; };

Civil civil_from_days(std::int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const int doe = z - era * 146097;
  const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = yoe + era * 400;
  const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int mp = (5 * doy + 2) / 153;
  const int d = doy - (153 * mp + 2) / 5 + 1;
  const int m = mp + (mp < 10 ? 3 : -9);
  return {y + (m <= 2), m, d};
}

}  // namespace

bool Date::is_valid(int year, int month, int day) {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

Date Date::from_ymd(int year, int month, int day) {
  Date d;
  d.serial_ = days_from_civil(year, month, day);
  return d;
}

Date Date::from_serial(std::int32_t serial) {
  Date d;
  d.serial_ = serial;
  return d;
}

int Date::year() const { return civil_from_days(serial_).y; }
int Date::month() const { return civil_from_days(serial_).m; }
int Date::day() const { return civil_from_days(serial_).d; }

std::string Date::to_string() const {
  const Civil c = civil_from_days(serial_);
  return fmt::format("{:04}-{:02}-{:02}", c.y, c.m, c.d);
}

Date Date::today() {
  const auto now = std::chrono::system_clock::now();
  const auto days = std::chrono::floor<std::chrono::days>(now).time_since_epoch().count();
  return from_serial(static_cast<std::int32_t>(days));
}

std::variant<Date, LiteralError> parse_date(std::string_view text) {
  const auto digits = [&](std::size_t from, std::size_t n, int& out) {
    out = 0;
    if (from + n > text.size()) return false;
    for (std::size_t i = from; i < from + n; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      out = out * 10 + (text[i] - '0');
    }
    return true;
  };
  int y = 0, m = 0, d = 0;
  if (text.size() != 10 || !digits(0, 4, y) || text[4] != '-' || !digits(5, 2, m) || text[7] != '-' ||
      !digits(8, 2, d)) {
    return LiteralError{message<DiagId::date_malformed>(text), 0};
  }
  if (y < 1) return LiteralError{message<DiagId::date_year_zero>(text), 0};
  if (m < 1 || m > 12) {
    return LiteralError{message<DiagId::date_no_such_month>(text, m), 5};
  }
  if (d < 1 || d > days_in_month(y, m)) {
    return LiteralError{message<DiagId::date_no_such_day>(text, kMonthNames[m - 1], y,
                                    days_in_month(y, m)),
                        8};
  }
  return Date::from_ymd(y, m, d);
}

}  // namespace clause::dsl
