// `clause payout --until "PARTY receives MONEY"`: the least profit at which a party has
// received an amount — exactly, from the schedule, and in whole cents, from distribute.
#include <memory>
#include <ostream>

#include <fmt/format.h>

#include "cli/payout.hpp"
#include "dsl/parse.hpp"
#include "engine/model/suggest.hpp"

namespace clause::cli {

using engine::Rational;

std::optional<UntilQuestion> parse_until(const std::string& text, const engine::Contract& c,
                                         dsl::DiagnosticList& diagnostics) {
  dsl::ReceivesParse parsed = dsl::parse_receives(std::make_shared<const dsl::SourceFile>("--until", text));
  diagnostics.append(parsed.diagnostics);
  if (!parsed.receives || parsed.diagnostics.has_errors()) return std::nullopt;
  const dsl::ActorRef& party = parsed.receives->party;
  const dsl::MoneyLit& amount = parsed.receives->amount;
  const auto fail = [&](dsl::Span span, dsl::DiagMessage message) {
    diagnostics.report({parsed.source, span, {}}, std::move(message));
    return std::nullopt;
  };
  if (amount.value.is_zero()) return fail(amount.span, dsl::message<dsl::DiagId::until_amount_not_positive>());

  const auto ref = c.find(party.party.text);
  if (!ref) {
    std::vector<std::string_view> parties;
    for (const engine::Party& p : c.parties) parties.push_back(p.name);
    return fail(party.party.span, dsl::message<dsl::DiagId::no_such_declaration>(
                                      "party", party.party.text, engine::did_you_mean(party.party.text, parties)));
  }
  if (ref->kind != engine::DeclKind::party) {
    return fail(party.party.span, dsl::message<dsl::DiagId::wrong_kind>(
                                      party.party.text, engine::decl_kind_with_article(ref->kind), "a party"));
  }
  if (party.body) {
    return fail(party.span, dsl::message<dsl::DiagId::party_not_body>("the party of `--until`", party.party.text));
  }
  return UntilQuestion{ref->index, amount.value};
}

std::optional<UntilAnswer> answer_until(const PayoutSubject& s, const engine::Schedule& schedule,
                                        const UntilQuestion& q, std::string& error) {
  const auto exact = schedule.least_profit(q.party, Rational::of(q.amount));
  if (!exact) {
    error = fmt::format("the exact schedule of waterfall `{}` needs figures beyond 127 bits", s.waterfall.name);
    return std::nullopt;
  }
  const auto cents = engine::least_cent_profit(s.waterfall, s.contract.parties.size(), q.party, q.amount);
  if (const auto* e = std::get_if<engine::ScheduleError>(&cents)) {
    error = e->message;
    return std::nullopt;
  }
  UntilAnswer a{q, *exact, std::get<engine::CentThreshold>(cents), 0, std::nullopt};
  const auto& bs = schedule.breakpoints();
  if (exact->reached) {
    // The segment in which the payout rises to the amount (the one before, when the
    // answer is itself a breakpoint).
    a.segment = schedule.segment_at(exact->profit);
    if (a.segment > 0 && bs[a.segment].profit == exact->profit) --a.segment;
  } else {
    for (std::size_t k = 1; k < bs.size(); ++k) {
      if (bs[k - 1].marginal[q.party].units() != 0) a.stop = k;
    }
  }
  return a;
}

namespace {

std::string exact_with_short(const Rational& cents) {
  const std::string exact = engine::money_display(cents);
  const std::string approx = short_amount(cents);
  return approx == exact ? exact : fmt::format("{} ({})", exact, approx);
}

std::string cents_line(const UntilAnswer& a, std::string_view party, const std::string& amount) {
  using Kind = engine::CentThreshold::Kind;
  switch (a.cents.kind) {
    case Kind::reached: {
      const Rational cent_profit = Rational::of(a.cents.profit);
      if (a.exact.reached && cent_profit == a.exact.profit) {
        return fmt::format("in whole cents: the same — a profit of {} pays {} {}, and no smaller one does",
                           a.cents.profit.to_display(), party, amount);
      }
      if (a.exact.reached && cent_profit < a.exact.profit) {
        return fmt::format(
            "in whole cents: a profit of {} already pays {} {} — largest-remainder rounding gives it the last "
            "cent early",
            a.cents.profit.to_display(), party, amount);
      }
      if (a.exact.reached) {
        return fmt::format("in whole cents: a profit of {} is the least that pays {} {} (rounding pays the last cent "
                           "to others first)",
                           a.cents.profit.to_display(), party, amount);
      }
      return fmt::format("in whole cents: rounding pays {} {} from a profit of {}", party, amount,
                         a.cents.profit.to_display());
    }
    case Kind::never:
      return fmt::format("in whole cents: never either — no profit pays {} {}", party, amount);
    case Kind::beyond_range:
      return fmt::format("in whole cents: no profit within the money range ($1000T) pays {} {}", party, amount);
  }
  return {};
}

}  // namespace

void print_until(std::ostream& out, const Style& style, const PayoutSubject& s, const engine::Schedule& schedule,
                 const UntilAnswer& a) {
  const engine::Contract& c = s.contract;
  const std::string_view party = c.parties[a.question.party].name;
  const std::string_view earner = c.parties[s.waterfall.of].name;
  const std::string amount = a.question.amount.to_short();
  const auto& bs = schedule.breakpoints();
  if (a.exact.reached) {
    out << style.bold(fmt::format("{} has received {} once {} has earned {}", party, amount, earner,
                                  exact_with_short(a.exact.profit)))
        << '\n';
    const engine::Breakpoint& b = bs[a.segment];
    out << fmt::format("  exact: from a profit of {}, {} receives {} of each further dollar{}", short_amount(b.profit),
                       party, b.marginal[a.question.party].to_string(),
                       b.tier == engine::kNone ? std::string() : " in " + engine::tier_label(s.waterfall, b.tier))
        << '\n';
  } else {
    out << style.bold(fmt::format("{} never receives {}", party, amount)) << '\n';
    if (a.stop) {
      const engine::Breakpoint& b = bs[*a.stop];
      out << fmt::format("  exact: its payout stops at {} from a profit of {}: {}", exact_with_short(b.paid[a.question.party]),
                         short_amount(b.profit), reasons_text(s, b))
          << '\n';
    } else {
      out << fmt::format("  exact: waterfall `{}` pays {} nothing", s.waterfall.name, party) << '\n';
    }
  }
  out << "  " << cents_line(a, party, a.question.amount.to_display()) << '\n';
}

Json until_json(const PayoutSubject& s, const engine::Schedule& schedule, const UntilAnswer& a) {
  const engine::Contract& c = s.contract;
  const auto& bs = schedule.breakpoints();
  Json j;
  j["party"] = c.parties[a.question.party].name;
  j["amount"] = a.question.amount.to_decimal();
  j["reached"] = a.exact.reached;
  if (a.exact.reached) {
    const engine::Breakpoint& b = bs[a.segment];
    j["profit"] = engine::money_decimal(a.exact.profit);
    j["tier"] = b.tier == engine::kNone || !s.waterfall.tiers[b.tier].name ? Json(nullptr)
                                                                           : Json(*s.waterfall.tiers[b.tier].name);
    j["marginal"] = b.marginal[a.question.party].to_string();
  } else {
    j["most"] = engine::money_decimal(a.exact.most);
    j["stops_at"] = a.stop ? Json(engine::money_decimal(bs[*a.stop].profit)) : Json(nullptr);
    j["why"] = a.stop ? Json(reasons_text(s, bs[*a.stop])) : Json("the waterfall pays this party nothing");
  }
  using Kind = engine::CentThreshold::Kind;
  Json cents;
  cents["reached"] = a.cents.kind == Kind::reached;
  if (a.cents.kind == Kind::reached) {
    cents["profit"] = a.cents.profit.to_decimal();
  } else {
    cents["why"] = a.cents.kind == Kind::never ? "never" : "beyond_range";
  }
  j["cents"] = cents;
  return j;
}

}  // namespace clause::cli
