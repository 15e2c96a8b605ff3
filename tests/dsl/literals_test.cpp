// Money, percentages and dates: exact, checked, never floating point.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include <fmt/format.h>

#include "dsl/date.hpp"
#include "dsl/money.hpp"
#include "dsl/percent.hpp"

namespace literals_test {

using namespace clause::dsl;

namespace {

Money money(const char* text) {
  auto r = parse_money(text);
  REQUIRE(std::holds_alternative<Money>(r));
  return std::get<Money>(r);
}

std::string money_error(const char* text) {
  auto r = parse_money(text);
  REQUIRE(std::holds_alternative<LiteralError>(r));
  return std::get<LiteralError>(r).message.text;
}

}  // namespace

TEST_CASE("money literals read scales, separators and cents exactly", "[money]") {
  CHECK(money("$194M").cents() == 19'400'000'000);
  CHECK(money("$17.3B").cents() == 1'730'000'000'000);
  CHECK(money("$1,250,000.50").cents() == 125'000'050);
  CHECK(money("$0.01").cents() == 1);
  CHECK(money("$1.5K").cents() == 150'000);
  CHECK(money("$1.23456K").cents() == 123'456);
  CHECK(money("$2.50000").cents() == 250);  // trailing zeros are not fractions of a cent
  CHECK(money("$1T").cents() == 100'000'000'000'000);
  CHECK(money("$0").cents() == 0);
}

TEST_CASE("money literals reject fractions of a cent and bad separators", "[money]") {
  CHECK_THAT(money_error("$1.234"), Catch::Contains("fraction of a cent"));
  CHECK_THAT(money_error("$1.234567K"), Catch::Contains("fraction of a cent"));
  CHECK_THAT(money_error("$1,2345"), Catch::Contains("groups of three"));
  CHECK_THAT(money_error("$12,34"), Catch::Contains("groups of three"));
  CHECK_THAT(money_error("$5X"), Catch::Contains("unknown scale `X`"));
  CHECK_THAT(money_error("$"), Catch::Contains("expected digits"));
  CHECK_THAT(money_error("$5."), Catch::Contains("after the decimal point"));
}

TEST_CASE("money has a range of one quadrillion dollars, checked, never wrapped", "[money]") {
  CHECK(money("$1000T").cents() == Money::kLimitCents);
  CHECK(money("$1,000,000,000,000,000").cents() == Money::kLimitCents);
  CHECK_THAT(money_error("$1000.000000000000001T"), Catch::Contains("fraction of a cent"));
  CHECK_THAT(money_error("$1000.00000000000001T"), Catch::Contains("beyond the money range"));
  CHECK_THAT(money_error("$1000.01T"), Catch::Contains("beyond the money range"));
  CHECK_THAT(money_error("$99999999999999999999999999999"), Catch::Contains("beyond the money range"));
  const Money max = Money::max();
  CHECK_FALSE(max.plus(Money::from_cents(1)).has_value());
  CHECK(max.minus(Money::from_cents(1))->cents() == Money::kLimitCents - 1);
  CHECK_FALSE((-max).minus(Money::from_cents(1)).has_value());
}

TEST_CASE("money prints exactly", "[money]") {
  CHECK(money("$28,902,940,000").to_decimal() == "28902940000.00");
  CHECK(money("$28,902,940,000").to_display() == "$28,902,940,000.00");
  CHECK(money("$0.05").to_decimal() == "0.05");
  CHECK(money("$999").to_display() == "$999.00");
  CHECK(money("$1000").to_display() == "$1,000.00");
  CHECK(money("$17.3B").to_short() == "$17.3B");
  CHECK(money("$194M").to_short() == "$194M");
  CHECK(money("$28,902,940,000").to_short() == "$28.90294B");
  CHECK(money("$1,250,000.50").to_short() == "$1,250,000.50");  // too many digits for a scale
  CHECK((-money("$1B")).to_short() == "-$1B");
  CHECK((-money("$1.5")).to_display() == "-$1.50");
}

TEST_CASE("percentages are exact to four decimal places", "[percent]") {
  const auto pct = [](const char* t) { return std::get<Percent>(parse_percent(t)); };
  CHECK(pct("49%").units() == 490'000);
  CHECK(pct("12.5%").units() == 125'000);
  CHECK(pct("0.25%").units() == 2'500);
  CHECK(pct("0.0001%").units() == 1);
  CHECK(pct("100%").units() == Percent::kWhole);
  CHECK(pct("12.5%").to_string() == "12.5%");
  CHECK(pct("0.0001%").to_string() == "0.0001%");
  const auto err = [](const char* t) { return std::get<LiteralError>(parse_percent(t)).message.text; };
  CHECK_THAT(err("0.00001%"), Catch::Contains("more than four decimal places"));
  CHECK_THAT(err("100.5%"), Catch::Contains("more than 100%"));
  CHECK_THAT(err("49"), Catch::Contains("like `49%`"));
}

TEST_CASE("dates are checked against the calendar", "[date]") {
  const auto date = [](const char* t) { return std::get<Date>(parse_date(t)); };
  const auto err = [](const char* t) { return std::get<LiteralError>(parse_date(t)).message.text; };
  CHECK(date("2024-02-29").to_string() == "2024-02-29");
  CHECK_THAT(err("2024-02-30"), Catch::Contains("February 2024 has 29 days"));
  CHECK_THAT(err("2023-02-29"), Catch::Contains("February 2023 has 28 days"));
  CHECK_THAT(err("1900-02-29"), Catch::Contains("has 28 days"));
  CHECK(date("2000-02-29").day() == 29);
  CHECK_THAT(err("2024-13-01"), Catch::Contains("no month 13"));
  CHECK_THAT(err("2024-6-1"), Catch::Contains("YYYY-MM-DD"));
  CHECK_THAT(err("0000-01-01"), Catch::Contains("no year 0"));
  CHECK(date("2024-06-01") < date("2024-06-02"));
  CHECK(date("2024-12-31").serial() + 1 == date("2025-01-01").serial());
  CHECK(Date::from_serial(date("1999-12-31").serial()).to_string() == "1999-12-31");
}

namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

// What the reference reports: the message's text, without its kind.
struct ReferenceError {
  std::string message;
  std::size_t offset = 0;
};

// parse_money as it was written with strings (before it read the digits in place): the
// reference the rewrite must match, error for error.
std::variant<Money, ReferenceError> reference_parse_money(std::string_view text) {
  if (text.empty() || text[0] != '$') return ReferenceError{"expected an amount like `$194M`", 0};
  std::size_t i = 1;
  if (i >= text.size() || !digit(text[i])) {
    return ReferenceError{fmt::format("expected digits after `$` in `{}`", text), i};
  }

  // Whole part, with optional thousands separators that must group in threes.
  std::string whole;
  std::size_t group_len = 0;
  bool grouped = false;
  for (; i < text.size() && (digit(text[i]) || text[i] == ','); ++i) {
    if (text[i] == ',') {
      if ((grouped && group_len != 3) || (!grouped && (group_len == 0 || group_len > 3))) {
        return ReferenceError{fmt::format("misplaced thousands separator in `{}`: digits go in groups of three", text), i};
      }
      grouped = true;
      group_len = 0;
      continue;
    }
    whole.push_back(text[i]);
    ++group_len;
  }
  if (grouped && group_len != 3) {
    return ReferenceError{fmt::format("misplaced thousands separator in `{}`: digits go in groups of three", text), i};
  }

  std::string fraction;
  if (i < text.size() && text[i] == '.') {
    ++i;
    const std::size_t start = i;
    for (; i < text.size() && digit(text[i]); ++i) fraction.push_back(text[i]);
    if (i == start) return ReferenceError{fmt::format("expected digits after the decimal point in `{}`", text), i};
  }

  int scale_zeros = 0;
  if (i < text.size()) {
    switch (text[i]) {
      case 'K': scale_zeros = 3; break;
      case 'M': scale_zeros = 6; break;
      case 'B': scale_zeros = 9; break;
      case 'T': scale_zeros = 12; break;
      default:
        return ReferenceError{fmt::format("unknown scale `{}` in `{}`: use K, M, B or T", text.substr(i, 1), text), i};
    }
    ++i;
  }
  if (i != text.size()) {
    return ReferenceError{fmt::format("unexpected `{}` after the amount `{}`", text.substr(i), text.substr(0, i)), i};
  }

  // Cents = (whole.fraction) * 10^(scale_zeros + 2); every digit past that is a fraction of a cent.
  const std::size_t kept = static_cast<std::size_t>(scale_zeros + 2);
  for (std::size_t d = kept; d < fraction.size(); ++d) {
    if (fraction[d] != '0') {
      return ReferenceError{fmt::format("`{}` has a fraction of a cent: money is exact to the cent", text), 0};
    }
  }
  std::string digits = whole + fraction.substr(0, std::min(kept, fraction.size()));
  digits.append(kept - std::min(kept, fraction.size()), '0');

  std::size_t first = digits.find_first_not_of('0');
  if (first == std::string::npos) return Money{};
  digits.erase(0, first);
  const std::string limit = std::to_string(Money::kLimitCents);
  if (digits.size() > limit.size() || (digits.size() == limit.size() && digits > limit)) {
    return ReferenceError{fmt::format("`{}` is beyond the money range: at most $1,000,000,000,000,000 ($1000T)", text), 0};
  }
  std::int64_t cents = 0;
  for (char c : digits) cents = cents * 10 + (c - '0');
  return Money::from_cents(cents);
}

}  // namespace

TEST_CASE("parse_money answers as the string-based reference did, value for value and error for error",
          "[money]") {
  std::mt19937_64 rng(20261129);
  const std::string alphabet = "0123456789000,,..KMBTX$";
  for (int round = 0; round < 300'000; ++round) {
    std::string text = rng() % 20 == 0 ? "" : "$";
    const std::size_t n = rng() % (round % 10 == 0 ? 40 : 12);
    for (std::size_t k = 0; k < n; ++k) text += alphabet[rng() % (k + 1 == n ? alphabet.size() : 13)];
    INFO(text);
    const auto got = parse_money(text);
    const auto want = reference_parse_money(text);
    REQUIRE(got.index() == want.index());
    if (const auto* m = std::get_if<Money>(&want)) {
      REQUIRE(std::get<Money>(got).cents() == m->cents());
    } else {
      REQUIRE(std::get<LiteralError>(got).message.text == std::get<ReferenceError>(want).message);
      REQUIRE(std::get<LiteralError>(got).offset == std::get<ReferenceError>(want).offset);
    }
  }
}

}  // namespace literals_test
