// engine::Rational: exact fractions for the payout schedule, and how exact amounts read.
#include <catch2/catch.hpp>

#include "engine/payout/rational.hpp"

namespace rational_test {

using clause::engine::Int128;
using clause::engine::Rational;

namespace {

Rational R(Int128 num, Int128 den = 1) { return *Rational::fraction(num, den); }
Int128 pow10(int n) {
  Int128 v = 1;
  while (n-- > 0) v *= 10;
  return v;
}

}  // namespace

TEST_CASE("a fraction is kept in lowest terms with a positive denominator", "[rational]") {
  const Rational r = R(6, -4);
  CHECK(r.numerator() == -3);
  CHECK(r.denominator() == 2);
  CHECK(r.to_string() == "-3/2");
  CHECK(R(10, 5).is_integer());
  CHECK_FALSE(Rational::fraction(1, 0));
  CHECK(Rational::of(clause::dsl::Percent::from_units(490'000)) == R(49, 100));
}

TEST_CASE("sums, products and quotients are exact", "[rational]") {
  CHECK(*R(1, 3).plus(R(1, 6)) == R(1, 2));
  CHECK(*R(1, 3).minus(R(1, 2)) == R(-1, 6));
  CHECK(*R(2, 3).times(R(9, 4)) == R(3, 2));
  CHECK(*R(2, 3).divided_by(R(-4, 9)) == R(-3, 2));
  CHECK_FALSE(R(1).divided_by(R(0)));
  // Microsoft's cap point: $117.025B of room at 49%, in cents.
  CHECK(*R(11'702'500'000'000).divided_by(R(49, 100)) == R(1'170'250'000'000'000, 49));
}

TEST_CASE("a result beyond 127 bits is nullopt, never a wrong number", "[rational]") {
  const Rational big = R(pow10(30));
  CHECK_FALSE(big.times(big));
  CHECK_FALSE(R(pow10(38)).plus(R(pow10(38))));
  CHECK_FALSE(R(1, pow10(20)).plus(R(1, pow10(20) + 1)));  // the common denominator needs 10^40
}

TEST_CASE("comparisons are exact even where cross-multiplying would overflow", "[rational]") {
  // 1 + 1/10^36 against 1 + 1/(10^36 + 1): the products need 10^72.
  const Rational a = R(pow10(36) + 1, pow10(36));
  const Rational b = R(pow10(36) + 2, pow10(36) + 1);
  CHECK(b < a);
  CHECK(a > b);
  CHECK(R(-pow10(37) - 1, pow10(37)) < R(-pow10(37) - 2, pow10(37) + 1));
  CHECK(R(pow10(37), 3) == R(pow10(37), 3));
  CHECK(R(7, 3) < R(5, 2));
}

TEST_CASE("floor and ceiling round toward minus and plus infinity", "[rational]") {
  CHECK(R(7, 2).floor() == 3);
  CHECK(R(7, 2).ceil() == 4);
  CHECK(R(-7, 2).floor() == -4);
  CHECK(R(-7, 2).ceil() == -3);
  CHECK(R(4).floor() == 4);
  CHECK(R(4).ceil() == 4);
}

TEST_CASE("exact amounts read as cents with the fraction of a cent after them", "[rational]") {
  using clause::engine::money_decimal;
  using clause::engine::money_display;
  using clause::engine::money_display_rounded;
  const Rational cap_point = R(Int128{25'632'053'061'224} * 49 + 24, 49);
  CHECK(money_display(R(1'749'400'000'000)) == "$17,494,000,000.00");
  CHECK(money_display(cap_point) == "$256,320,530,612.24 + 24/49¢");
  CHECK(money_decimal(cap_point) == "256320530612.24+24/49");
  CHECK(money_decimal(R(5)) == "0.05");
  CHECK(money_display_rounded(cap_point) == "$256,320,530,612.24");
  CHECK(money_display_rounded(R(1, 2)) == "$0.01");
  CHECK(money_display(R(-7, 3)) == "-$0.02 + 1/3¢");
  CHECK(money_display_rounded(R(-7, 2)) == "-$0.04");
  // Past the money range (a cap point may lie there) the dollars are not grouped.
  CHECK(money_display(*R(pow10(18)).plus(R(1, 2))) == "$10000000000000000.00 + 1/2¢");
}

TEST_CASE("whole cents of an exact amount, within the money range", "[rational]") {
  CHECK(clause::engine::money_floor(R(7, 2))->cents() == 3);
  CHECK(clause::engine::money_ceil(R(7, 2))->cents() == 4);
  CHECK(clause::engine::money_floor(R(-7, 2))->cents() == -4);
  CHECK_FALSE(clause::engine::money_floor(R(pow10(18))));
  CHECK_FALSE(clause::engine::money_ceil(*R(clause::dsl::Money::kLimitCents).plus(R(1, 3))));
}

}  // namespace rational_test
