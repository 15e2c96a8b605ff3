#include "dsl/money.hpp"

#include <algorithm>
#include <string>

#include <fmt/format.h>

namespace clause::dsl {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Groups an unsigned integer's digits in threes: 28902940000 -> "28,902,940,000".
std::string group_thousands(std::uint64_t value) {
  std::string digits = std::to_string(value);
  std::string out;
  out.reserve(digits.size() + digits.size() / 3);
  std::size_t lead = digits.size() % 3;
  if (lead == 0) lead = 3;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i >= lead && (i - lead) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

std::uint64_t magnitude(std::int64_t cents) {
  return cents < 0 ? static_cast<std::uint64_t>(-(cents + 1)) + 1 : static_cast<std::uint64_t>(cents);
}

}  // namespace

std::string Money::to_decimal() const {
  const std::uint64_t m = magnitude(cents_);
  return fmt::format("{}{}.{:02}", cents_ < 0 ? "-" : "", m / 100, m % 100);
}

std::string Money::to_display() const {
  const std::uint64_t m = magnitude(cents_);
  return fmt::format("{}${}.{:02}", cents_ < 0 ? "-" : "", group_thousands(m / 100), m % 100);
}

std::string Money::to_short() const {
  const std::uint64_t m = magnitude(cents_);
  struct Scale { std::uint64_t cents; char suffix; };
  static constexpr Scale scales[] = {{100'000'000'000'000, 'T'}, {100'000'000'000, 'B'},
                                     {100'000'000, 'M'}, {100'000, 'K'}};
  for (const Scale& s : scales) {
    if (m < s.cents) continue;
    const std::uint64_t whole = m / s.cents;
    std::uint64_t frac = m % s.cents;
    // The fraction as decimal digits of the scale, trailing zeros dropped.
    std::string digits;
    std::uint64_t unit = s.cents / 10;
    while (frac != 0 && unit != 0) {
      digits.push_back(static_cast<char>('0' + frac / unit));
      frac %= unit;
      unit /= 10;
    }
    if (digits.size() > 6) break;  // too many digits to read at a glance: show it in full
    return fmt::format("{}${}{}{}{}", cents_ < 0 ? "-" : "", whole, digits.empty() ? "" : ".",
                       digits, s.suffix);
  }
  if (m % 100 == 0 && m < 100'000) return fmt::format("{}${}", cents_ < 0 ? "-" : "", m / 100);
  return to_display();
}

// No temporary strings: the parser reads every amount of a contract through here (five
// strings a literal were 5% of parsing's instructions). The digits are read from the
// text itself, in the same order of checks and errors.
std::variant<Money, LiteralError> parse_money(std::string_view text) {
  if (text.empty() || text[0] != '$') return LiteralError{message<DiagId::money_expected>(), 0};
  std::size_t i = 1;
  if (i < text.size() && text[i] == '-') return LiteralError{message<DiagId::money_negative>(text), i};
  if (i >= text.size() || !is_digit(text[i])) {
    return LiteralError{message<DiagId::money_digits_after_dollar>(text), i};
  }

  // Whole part, with optional thousands separators that must group in threes.
  const std::size_t whole_begin = i;
  std::size_t group_len = 0;
  bool grouped = false;
  for (; i < text.size() && (is_digit(text[i]) || text[i] == ','); ++i) {
    if (text[i] == ',') {
      if ((grouped && group_len != 3) || (!grouped && (group_len == 0 || group_len > 3))) {
        return LiteralError{message<DiagId::money_thousands_separator>(text), i};
      }
      grouped = true;
      group_len = 0;
      continue;
    }
    ++group_len;
  }
  if (grouped && group_len != 3) {
    return LiteralError{message<DiagId::money_thousands_separator>(text), i};
  }
  const std::string_view whole = text.substr(whole_begin, i - whole_begin);  // with its separators

  std::string_view fraction;
  if (i < text.size() && text[i] == '.') {
    ++i;
    const std::size_t start = i;
    while (i < text.size() && is_digit(text[i])) ++i;
    if (i == start) return LiteralError{message<DiagId::digits_after_point>(text), i};
    fraction = text.substr(start, i - start);
  }

  int scale_zeros = 0;
  if (i < text.size()) {
    switch (text[i]) {
      case 'K': scale_zeros = 3; break;
      case 'M': scale_zeros = 6; break;
      case 'B': scale_zeros = 9; break;
      case 'T': scale_zeros = 12; break;
      case 'k':
      case 'm':
      case 'b':
      case 't': {
        std::string upper(text.substr(0, i + 1));
        upper.back() = static_cast<char>(upper.back() - 'a' + 'A');
        upper += text.substr(i + 1);
        return LiteralError{message<DiagId::money_lower_case_scale>(upper, text), i};
      }
      default:
        return LiteralError{message<DiagId::money_unknown_scale>(text.substr(i, 1), text), i};
    }
    ++i;
  }
  if (i != text.size()) {
    return LiteralError{message<DiagId::money_trailing_text>(text.substr(i), text.substr(0, i)), i};
  }

  // Cents = (whole.fraction) * 10^(scale_zeros + 2); every digit past that is a fraction of a cent.
  const std::size_t kept = static_cast<std::size_t>(scale_zeros + 2);
  for (std::size_t d = kept; d < fraction.size(); ++d) {
    if (fraction[d] != '0') {
      return LiteralError{message<DiagId::money_fraction_of_cent>(text), 0};
    }
  }
  // Digit by digit, stopping past the limit: cents stays at most 10 * 10^17 + 9, far below
  // what an int64 holds, and leading zeros add nothing.
  std::int64_t cents = 0;
  bool beyond = false;
  const auto add = [&](char digit) {
    if (beyond) return;
    cents = cents * 10 + (digit - '0');
    beyond = cents > Money::kLimitCents;
  };
  for (const char c : whole) {
    if (c != ',') add(c);
  }
  const std::size_t fraction_kept = std::min(kept, fraction.size());
  for (std::size_t d = 0; d < fraction_kept; ++d) add(fraction[d]);
  // The zeros the scale adds, at once: `$17.3B` needs eight, and one step each was most of
  // the time this function took. cents * 10^zeros passes the limit exactly when cents
  // passes the limit divided by 10^zeros.
  if (!beyond && cents != 0) {
    std::int64_t scale = 1;
    for (std::size_t d = fraction_kept; d < kept; ++d) scale *= 10;  // at most 10^14
    beyond = cents > Money::kLimitCents / scale;
    if (!beyond) cents *= scale;
  }
  if (beyond) {
    return LiteralError{message<DiagId::money_out_of_range>(text), 0};
  }
  return Money::from_cents(cents);
}

}  // namespace clause::dsl
