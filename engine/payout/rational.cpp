#include "engine/payout/rational.hpp"

#include <algorithm>
#include <utility>

namespace clause::engine {
namespace {

// -2^127 has no positive counterpart: no Rational holds it, so negation never overflows.
const Int128 kUnreachable = static_cast<Int128>(static_cast<UInt128>(1) << 127);

UInt128 magnitude(Int128 v) { return v < 0 ? static_cast<UInt128>(0) - static_cast<UInt128>(v) : static_cast<UInt128>(v); }

UInt128 gcd(UInt128 a, UInt128 b) {
  while (b != 0) {
    a %= b;
    std::swap(a, b);
  }
  return a;
}

// gcd of two values known to lie in (-2^127, 2^127): fits back in Int128.
Int128 gcd_of(Int128 a, Int128 b) { return static_cast<Int128>(gcd(magnitude(a), magnitude(b))); }

std::optional<Int128> mul(Int128 a, Int128 b) {
  Int128 r = 0;
  if (__builtin_mul_overflow(a, b, &r) || r == kUnreachable) return std::nullopt;
  return r;
}

std::optional<Int128> add(Int128 a, Int128 b) {
  Int128 r = 0;
  if (__builtin_add_overflow(a, b, &r) || r == kUnreachable) return std::nullopt;
  return r;
}

// Floor division and the matching remainder (0 <= rem < d) for d > 0.
Int128 floor_div(Int128 n, Int128 d) {
  Int128 q = n / d;
  if (n % d != 0 && n < 0) --q;
  return q;
}
Int128 floor_mod(Int128 n, Int128 d) {
  Int128 r = n % d;
  if (r < 0) r += d;
  return r;
}

// Writes |cents| as dollars and cents (as Money writes them), with the fraction of a
// cent after them when any. Past the money range the dollars are written ungrouped.
std::string money_text(const Rational& cents, bool display, const char* joiner, const char* cent_sign) {
  const Rational m = cents.sign() < 0 ? cents.negated() : cents;
  const Int128 whole = m.floor();
  const Int128 rem = m.numerator() - whole * m.denominator();  // 0 <= rem < den, no overflow
  std::string out = cents.sign() < 0 ? "-" : "";
  if (whole <= dsl::Money::kLimitCents) {
    const dsl::Money money = dsl::Money::from_cents(static_cast<std::int64_t>(whole));
    out += display ? money.to_display() : money.to_decimal();
  } else {
    const std::string digits = int128_to_string(whole);
    out += display ? "$" : "";
    out += digits.substr(0, digits.size() - 2) + "." + digits.substr(digits.size() - 2);
  }
  if (rem != 0) {
    out += joiner;
    out += int128_to_string(rem) + "/" + int128_to_string(m.denominator());
    out += cent_sign;
  }
  return out;
}

}  // namespace

std::optional<Rational> Rational::fraction(Int128 num, Int128 den) {
  if (den == 0 || num == kUnreachable || den == kUnreachable) return std::nullopt;
  if (den < 0) {
    num = -num;
    den = -den;
  }
  const Int128 g = gcd_of(num, den);
  Rational r;
  r.num_ = num / g;
  r.den_ = den / g;
  return r;
}

Rational Rational::of(dsl::Percent p) { return *fraction(p.units(), dsl::Percent::kWhole); }

Int128 Rational::floor() const { return floor_div(num_, den_); }

Int128 Rational::ceil() const { return -floor_div(-num_, den_); }

Rational Rational::negated() const {
  Rational r = *this;
  r.num_ = -r.num_;
  return r;
}

std::optional<Rational> Rational::plus(const Rational& o) const {
  if (den_ == 1 && o.den_ == 1) {
    const auto s = add(num_, o.num_);
    if (!s) return std::nullopt;
    return fraction(*s, 1);
  }
  // a/b + c/d with g = gcd(b, d): (a*(d/g) + c*(b/g)) / (b/g * d), then the common factor
  // the sum shares with g. Keeps every intermediate as small as it can be.
  const Int128 g = gcd_of(den_, o.den_);
  const auto left = mul(num_, o.den_ / g);
  const auto right = mul(o.num_, den_ / g);
  if (!left || !right) return std::nullopt;
  const auto t = add(*left, *right);
  if (!t) return std::nullopt;
  const Int128 g2 = gcd_of(*t, g);
  const auto den = mul(den_ / g, o.den_ / g2);
  if (!den) return std::nullopt;
  return fraction(*t / g2, *den);
}

std::optional<Rational> Rational::minus(const Rational& o) const { return plus(o.negated()); }

std::optional<Rational> Rational::times(const Rational& o) const {
  if (num_ == 0 || o.num_ == 0) return Rational();
  const Int128 g1 = gcd_of(num_, o.den_);
  const Int128 g2 = gcd_of(o.num_, den_);
  const auto num = mul(num_ / g1, o.num_ / g2);
  const auto den = mul(den_ / g2, o.den_ / g1);
  if (!num || !den) return std::nullopt;
  Rational r;
  r.num_ = *num;
  r.den_ = *den;
  return r;
}

std::optional<Rational> Rational::divided_by(const Rational& o) const {
  if (o.num_ == 0) return std::nullopt;
  return times(*fraction(o.den_, o.num_));
}

std::strong_ordering operator<=>(const Rational& a, const Rational& b) {
  if (a.den_ == b.den_) return a.num_ <=> b.num_;
  const auto ad = mul(a.num_, b.den_);
  const auto bc = mul(b.num_, a.den_);
  if (ad && bc) return *ad <=> *bc;
  // Too large to cross-multiply: compare continued fractions, which never overflows.
  // p/q against r/s: whole parts first; equal whole parts compare the fractional parts
  // p'/q and r'/s, which order as s/r' against q/p' (reversed and swapped).
  Int128 p = a.num_, q = a.den_, r = b.num_, s = b.den_;
  while (true) {
    const Int128 fp = floor_div(p, q);
    const Int128 fr = floor_div(r, s);
    if (fp != fr) return fp <=> fr;
    p = floor_mod(p, q);
    r = floor_mod(r, s);
    if (p == 0 || r == 0) return p == 0 && r == 0 ? std::strong_ordering::equal
                                 : (p == 0 ? std::strong_ordering::less : std::strong_ordering::greater);
    const Int128 np = s, nq = r, nr = q, ns = p;
    p = np;
    q = nq;
    r = nr;
    s = ns;
  }
}

std::string Rational::to_string() const {
  if (den_ == 1) return int128_to_string(num_);
  return int128_to_string(num_) + "/" + int128_to_string(den_);
}

std::string int128_to_string(Int128 v) {
  UInt128 m = magnitude(v);
  std::string digits;
  do {
    digits.push_back(static_cast<char>('0' + static_cast<int>(m % 10)));
    m /= 10;
  } while (m != 0);
  if (v < 0) digits.push_back('-');
  std::reverse(digits.begin(), digits.end());
  return digits;
}

std::string money_display(const Rational& cents) { return money_text(cents, true, " + ", "¢"); }

std::string money_decimal(const Rational& cents) { return money_text(cents, false, "+", ""); }

std::string money_display_rounded(const Rational& cents) {
  // To the nearest cent, half a cent away from zero.
  const Rational m = cents.sign() < 0 ? cents.negated() : cents;
  const auto half_up = m.plus(*Rational::fraction(1, 2));
  const Int128 whole = half_up ? half_up->floor() : m.floor();
  const std::string text = money_text(*Rational::fraction(whole, 1), true, "", "");
  return cents.sign() < 0 && whole != 0 ? "-" + text : text;
}

std::optional<dsl::Money> money_floor(const Rational& cents) {
  const Int128 f = cents.floor();
  if (f < -dsl::Money::kLimitCents || f > dsl::Money::kLimitCents) return std::nullopt;
  return dsl::Money::from_cents(static_cast<std::int64_t>(f));
}

std::optional<dsl::Money> money_ceil(const Rational& cents) {
  const Int128 c = cents.ceil();
  if (c < -dsl::Money::kLimitCents || c > dsl::Money::kLimitCents) return std::nullopt;
  return dsl::Money::from_cents(static_cast<std::int64_t>(c));
}

}  // namespace clause::engine
