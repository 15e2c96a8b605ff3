#include "dsl/percent.hpp"

#include <fmt/format.h>

namespace clause::dsl {

std::string Percent::to_string() const {
  const std::int64_t whole = units_ / kUnitsPerPercent;
  std::int64_t frac = units_ % kUnitsPerPercent;
  if (frac == 0) return fmt::format("{}%", whole);
  std::string digits = fmt::format("{:04}", frac);
  while (!digits.empty() && digits.back() == '0') digits.pop_back();
  return fmt::format("{}.{}%", whole, digits);
}

std::variant<Percent, LiteralError> parse_percent(std::string_view text) {
  std::size_t i = 0;
  std::int64_t whole = 0;
  const auto digit = [&](std::size_t k) { return k < text.size() && text[k] >= '0' && text[k] <= '9'; };
  if (!digit(0)) return LiteralError{message<DiagId::percent_expected>(), 0};
  for (; digit(i); ++i) {
    whole = whole * 10 + (text[i] - '0');
    if (whole > 100) return LiteralError{message<DiagId::percent_over_100>(text), 0};
  }
  std::int64_t frac = 0;
  if (i < text.size() && text[i] == '.') {
    ++i;
    const std::size_t start = i;
    for (; digit(i); ++i) {
      if (i - start >= 4) {
        if (text[i] != '0') {
          return LiteralError{message<DiagId::percent_too_precise>(text), i};
        }
        continue;
      }
      frac = frac * 10 + (text[i] - '0');
    }
    if (i == start) return LiteralError{message<DiagId::digits_after_point>(text), i};
    for (std::size_t k = std::min<std::size_t>(i - start, 4); k < 4; ++k) frac *= 10;
  }
  if (i >= text.size() || text[i] != '%') {
    return LiteralError{message<DiagId::percent_malformed>(text), i};
  }
  if (i + 1 != text.size()) return LiteralError{message<DiagId::percent_trailing_text>(text.substr(0, i + 1)), i + 1};
  const std::int64_t units = whole * Percent::kUnitsPerPercent + frac;
  if (units > Percent::kWhole) return LiteralError{message<DiagId::percent_over_100>(text), 0};
  return Percent::from_units(units);
}

}  // namespace clause::dsl
