// Money as the API hands it out: an exact number of cents, never floating point.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "clause/export.hpp"

namespace clause {

// An exact amount, in cents, within Clause's money range (±$10^15).
//
//   clause::Money m = clause::Money::from_cents(5'000'000'000'000);
//   m.decimal();  // "50000000000.00", as `--json` writes amounts
class CLAUSE_API Money {
 public:
  constexpr Money() = default;
  static constexpr Money from_cents(std::int64_t cents) { return Money(cents); }
  constexpr std::int64_t cents() const { return cents_; }
  // Dollars with two decimals and no separators: "1250000.50", "-3.00".
  std::string decimal() const;
  friend constexpr auto operator<=>(Money, Money) = default;

 private:
  constexpr explicit Money(std::int64_t cents) : cents_(cents) {}
  std::int64_t cents_ = 0;
};

// Whether a string value of a result's JSON is an amount: dollars with two decimals
// ("50000000000.00"), followed for an exact schedule figure by a fraction of a cent
// ("158561000000.33+1/3"). `key` is the member's name; text members (titles, sentences,
// file names) are never amounts, whatever they hold. The Python module makes amounts
// decimal.Decimal (fractions.Fraction when a fraction of a cent follows) by this rule.
//
//   clause::is_amount("total", "6000000000.00");  // true
//   clause::is_amount("because", "12.00");        // false: a sentence
CLAUSE_API bool is_amount(std::string_view key, std::string_view value);

}  // namespace clause
