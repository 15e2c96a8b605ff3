// Rational: an exact fraction, for the places where a waterfall's figures are not whole
// cents — the profit at which a cap binds is (room / share), and a share of 49% turns a
// whole number of cents into 49ths. Never floating point.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>

#include "dsl/money.hpp"
#include "dsl/percent.hpp"

namespace clause::engine {

__extension__ typedef __int128 Int128;
__extension__ typedef unsigned __int128 UInt128;

// numerator / denominator in lowest terms, the denominator positive. Sums, differences,
// products and quotients answer nullopt when the exact result needs more than 127 bits
// (Money::plus does the same at the edge of the money range); comparisons never overflow.
class Rational {
 public:
  constexpr Rational() = default;  // zero
  constexpr Rational(std::int64_t whole) : num_(whole) {}  // NOLINT: an integer is a rational

  // num / den in lowest terms; nullopt when den is zero or a part is out of reach (-2^127).
  static std::optional<Rational> fraction(Int128 num, Int128 den);
  static Rational of(dsl::Money m) { return Rational(m.cents()); }  // in cents
  // A percentage as a fraction of one: 49% is 49/100.
  static Rational of(dsl::Percent p);

  Int128 numerator() const { return num_; }
  Int128 denominator() const { return den_; }
  bool is_integer() const { return den_ == 1; }
  bool is_zero() const { return num_ == 0; }
  int sign() const { return num_ < 0 ? -1 : (num_ > 0 ? 1 : 0); }

  Int128 floor() const;  // the greatest integer not above the value
  Int128 ceil() const;   // the least integer not below the value

  std::optional<Rational> plus(const Rational& o) const;
  std::optional<Rational> minus(const Rational& o) const;
  std::optional<Rational> times(const Rational& o) const;
  std::optional<Rational> divided_by(const Rational& o) const;  // nullopt also for o == 0
  Rational negated() const;

  friend std::strong_ordering operator<=>(const Rational& a, const Rational& b);
  friend bool operator==(const Rational& a, const Rational& b) = default;

  // "5", "-7/3".
  std::string to_string() const;

 private:
  Int128 num_ = 0;
  Int128 den_ = 1;
};

// An integer as decimal digits (std::to_string has no 128-bit overload).
std::string int128_to_string(Int128 v);

// Exact amounts of money that may hold a fraction of a cent, given in cents. Whole cents
// read as Money does; a fraction of a cent is written after the cents as an exact fraction
// of one cent, so nothing is rounded:
//   display: "$256,320,530,612.24 + 24/49¢"    decimal (JSON): "256320530612.24+24/49"
// (the value lies between the cents shown and the next cent).
std::string money_display(const Rational& cents);
std::string money_decimal(const Rational& cents);
// The same rounded to the nearest cent, for labels that say they are rounded: "$256,320,530,612.24".
std::string money_display_rounded(const Rational& cents);

// The whole cents of `cents`, rounded down; nullopt beyond the money range.
std::optional<dsl::Money> money_floor(const Rational& cents);
// Rounded up; nullopt beyond the money range.
std::optional<dsl::Money> money_ceil(const Rational& cents);

}  // namespace clause::engine
