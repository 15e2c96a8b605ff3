// Money: an exact number of cents. Never floating point.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "dsl/diagnostic_kinds.hpp"

namespace clause::dsl {

// What went wrong reading a literal, and where inside the literal's text.
struct LiteralError {
  DiagMessage message;
  std::size_t offset = 0;  // byte offset inside the literal's text
};

class Money {
 public:
  // The engine's range: one quadrillion dollars either way (±$10^15), in cents.
  static constexpr std::int64_t kLimitCents = 100'000'000'000'000'000;

  constexpr Money() = default;
  // Precondition: |cents| <= kLimitCents (use in_range() to test first).
  static constexpr Money from_cents(std::int64_t cents) { return Money(cents); }
  static constexpr Money dollars(std::int64_t d) { return Money(d * 100); }
  static constexpr bool in_range(std::int64_t cents) {
    return cents >= -kLimitCents && cents <= kLimitCents;
  }
  static constexpr Money max() { return Money(kLimitCents); }

  constexpr std::int64_t cents() const { return cents_; }
  constexpr bool is_zero() const { return cents_ == 0; }
  constexpr bool is_negative() const { return cents_ < 0; }

  // Sums and differences leave the range only by overflow: they answer nullopt then.
  // Inline: they are on every hot path (evaluation, waterfalls).
  constexpr std::optional<Money> plus(Money other) const {
    const std::int64_t sum = cents_ + other.cents_;  // both within ±10^17: cannot wrap int64
    if (!in_range(sum)) return std::nullopt;
    return Money(sum);
  }
  constexpr std::optional<Money> minus(Money other) const { return plus(-other); }

  constexpr Money operator-() const { return Money(-cents_); }
  friend constexpr auto operator<=>(Money, Money) = default;

  // "28902940000.00": exact dollars, two decimals, no separators (the JSON form).
  std::string to_decimal() const;
  // "$28,902,940,000.00": exact, with thousands separators (the human form).
  std::string to_display() const;
  // "$28.90294B" when a scale writes it exactly in few digits, else to_display().
  std::string to_short() const;

 private:
  constexpr explicit Money(std::int64_t cents) : cents_(cents) {}
  std::int64_t cents_ = 0;
};

// Reads a money literal such as `$194M`, `$17.3B` or `$1,250,000.50`
// (the `$` included). Fractions of a cent and amounts beyond the range are errors.
std::variant<Money, LiteralError> parse_money(std::string_view text);

}  // namespace clause::dsl
