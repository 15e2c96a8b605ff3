// What a reader is told when a `must<>` rule fails: one message per rule. The parser's
// control class static_asserts that a rule under `must<>` has one, so a forgotten
// message fails the build. The parser reports it as one kind, `syntax_error` (E0101 in
// dsl/diagnostic_kinds.hpp), with ", found `X`" after it.
#pragma once

#include "dsl/grammar.hpp"

namespace clause::dsl::rules {

template <typename Rule>
inline constexpr const char* error_message = nullptr;

// Whether the caret goes on the unexpected token itself (true) or, when that token is
// on a later line, just after the code before it (false: "expected `:` after ...").
template <typename Rule>
inline constexpr bool point_at_found = false;

#define CLAUSE_MESSAGE(rule, text) \
  template <>                      \
  inline constexpr const char* error_message<rule> = text

// Lexical.
CLAUSE_MESSAGE(escape_char, "unknown escape in a string: use `\\\"`, `\\\\` or `\\n`");
CLAUSE_MESSAGE(string_close, "unterminated string: a string ends with `\"` on the line it starts");
CLAUSE_MESSAGE(body_part, "expected a body name after `.`, like `OpenAI.board`");

// Contract header.
CLAUSE_MESSAGE(contract_start, "expected `contract \"TITLE\"` at the start of a contract file");
CLAUSE_MESSAGE(contract_title, "expected the contract's title in double quotes after `contract`");
CLAUSE_MESSAGE(version_text, "expected the version in double quotes after `version`, like `version \"2024-06\"`");
CLAUSE_MESSAGE(effective_date, "expected a date like `2024-06-01` after `effective`");
template <>
inline constexpr bool point_at_found<contract_start> = true;

// Declarations.
CLAUSE_MESSAGE(declaration,
               "expected a declaration: `party`, `assume`, `licence`, `clause`, `exception`, `power` or `waterfall`");
template <>
inline constexpr bool point_at_found<declaration> = true;
CLAUSE_MESSAGE(party_name, "expected the party's name after `party`");
CLAUSE_MESSAGE(body_name, "expected a body name, like `{ body board }`");
CLAUSE_MESSAGE(body_close, "expected `,` or `}` after the body name");
CLAUSE_MESSAGE(assume_name, "expected the assumption's name after `assume`");
CLAUSE_MESSAGE(equals_sign, "expected `=` after the assumption's name");
CLAUSE_MESSAGE(assume_value, "expected a value like `$130B` or `49%` after `=`");
CLAUSE_MESSAGE(scenario_assume_value, "expected a value like `$130B` or `49%` after `=`");
CLAUSE_MESSAGE(licence_name, "expected the licence's name after `licence`");
CLAUSE_MESSAGE(licence_colon, "expected `:` after the licence's name and description");
CLAUSE_MESSAGE(grantor, "expected the grantor, a party like `OpenAI`, after `:`");
CLAUSE_MESSAGE(grants_keyword, "expected `grants` after the grantor");
CLAUSE_MESSAGE(grantee, "expected the grantee, a party like `Microsoft`, after `grants`");
CLAUSE_MESSAGE(term_from_date, "expected a date like `2025-01-21` after `from`");
CLAUSE_MESSAGE(term_until_date, "expected a date like `2030-12-31` after `until`");

CLAUSE_MESSAGE(clause_name, "expected the clause's name after `clause`");
CLAUSE_MESSAGE(clause_colon, "expected `:` after the clause's name and title");
CLAUSE_MESSAGE(statement,
               "expected a statement: `ACTOR must buy GOOD only from PARTY`, `ACTOR must not buy GOOD from PARTY`, "
               "`ACTOR must offer GOOD to PARTY first`, `ACTOR must buy at least AMOUNT of GOOD from PARTY by DATE`, "
               "`ACTOR may buy GOOD from PARTY`, `ACTOR may do \"TEXT\"` or `when EVENT then NAME ends`");
CLAUSE_MESSAGE(must_or_may, "expected `must` or `may` after the actor");
CLAUSE_MESSAGE(duty_tail,
               "expected `buy GOOD only from PARTY`, `buy at least AMOUNT of GOOD from PARTY by DATE`, "
               "`not buy GOOD from PARTY`, `not do \"TEXT\"` or `offer GOOD to PARTY first` after `must`");
CLAUSE_MESSAGE(buy_rest, "expected what is bought, like `compute`, or `at least AMOUNT`, after `buy`");
CLAUSE_MESSAGE(not_rest, "expected `buy GOOD from PARTY` or `do \"TEXT\"` after `must not`");
CLAUSE_MESSAGE(freedom_tail, "expected `buy GOOD from PARTY`, `buy GOOD from anyone` or `do \"TEXT\"` after `may`");
CLAUSE_MESSAGE(freedom_vendor, "expected the vendor, a party like `Google` or `anyone`, after `from`");
CLAUSE_MESSAGE(deed_text, "expected the deed in double quotes, like `do \"hire staff\"`");
CLAUSE_MESSAGE(least_after_at, "expected `least` after `at`, like `at least $250B of azure`");
CLAUSE_MESSAGE(commitment_amount, "expected an amount like `$250B`, or a money assumption, after `at least`");
CLAUSE_MESSAGE(of_after_amount, "expected `of GOOD` after the amount, like `at least $250B of azure`");
CLAUSE_MESSAGE(committed_vendor, "expected the vendor, a party like `Microsoft`, after `from`");
CLAUSE_MESSAGE(by_after_vendor, "expected `by DATE` after the vendor: a commitment says by when, like `by 2032-12-31`");
CLAUSE_MESSAGE(commitment_by_date, "expected a date like `2032-12-31` after `by`");
CLAUSE_MESSAGE(good_after_offer, "expected what is offered, like `compute`, after `offer`");
CLAUSE_MESSAGE(to_after_offer, "expected `to PARTY first` after the good, like `offer compute to Microsoft first`");
CLAUSE_MESSAGE(refusal_holder, "expected the party that is asked first, like `Microsoft`, after `to`");
CLAUSE_MESSAGE(first_after_holder, "expected `first` after the party, like `offer compute to Microsoft first`");
CLAUSE_MESSAGE(good_after_buy, "expected what is bought, like `compute`, after `buy`");
CLAUSE_MESSAGE(only_after_good, "expected `only from PARTY` after the good (or write `must not buy` for a prohibition)");
CLAUSE_MESSAGE(from_after_only, "expected `from` after `only`");
CLAUSE_MESSAGE(exclusive_vendor, "expected the vendor, a party like `Microsoft`, after `from`");
CLAUSE_MESSAGE(more_vendor, "expected another vendor, a party like `Oracle`, after `or`");
CLAUSE_MESSAGE(buy_after_not, "expected `buy` after `must not`");
CLAUSE_MESSAGE(from_after_good, "expected `from` after the good");
CLAUSE_MESSAGE(prohibited_vendor, "expected the prohibited vendor, a party, after `from`");
CLAUSE_MESSAGE(pattern, "expected an event after `when`, like `agi is declared`");
CLAUSE_MESSAGE(pattern_tail,
               "expected `is declared`, `declares STATUS`, `buys GOOD from PARTY` or `does \"TEXT\"` in the `when` "
               "pattern");
CLAUSE_MESSAGE(status_after_declares, "expected the status declared, like `agi`, after `declares`");
CLAUSE_MESSAGE(declared_or_verified, "expected `declared` or `verified` after `is`");
CLAUSE_MESSAGE(text_after_does, "expected the deed in double quotes after `does`, like `does \"convert\"`");
CLAUSE_MESSAGE(then_keyword, "expected `then` after the `when` pattern");
CLAUSE_MESSAGE(effect, "expected an effect like `technology ends`");
CLAUSE_MESSAGE(ends_keyword, "expected `ends` after the name in the effect");

CLAUSE_MESSAGE(exception_name, "expected the exception's name after `exception`");
CLAUSE_MESSAGE(to_after_exception_name, "expected `to CLAUSE` after the exception's name");
CLAUSE_MESSAGE(excepted_clause, "expected the name of the clause the exception is to, after `to`");
CLAUSE_MESSAGE(exception_colon, "expected `:` after the exception's clause and title");
CLAUSE_MESSAGE(permission, "expected a permission like `OpenAI may buy compute from Oracle` after `:`");
CLAUSE_MESSAGE(may_after_buyer, "expected `may` after the buyer in the permission");
CLAUSE_MESSAGE(buy_after_may, "expected `buy` after `may`");
CLAUSE_MESSAGE(permitted_vendor, "expected the vendor, a party like `Oracle` or `anyone`, after `from`");
CLAUSE_MESSAGE(consenting_party, "expected the party whose consent is needed after `if`, like `if Microsoft consents`");
CLAUSE_MESSAGE(consents_after_party, "expected `consents` after the party in the condition");
CLAUSE_MESSAGE(to_after_up, "expected `to` after `up`, like `up to $10B in total`");
CLAUSE_MESSAGE(limit_amount, "expected an amount like `$10B`, or a money assumption, after `up to`");
CLAUSE_MESSAGE(in_after_limit, "expected `in total` after the limit");
CLAUSE_MESSAGE(total_after_in, "expected `total` after `in`");
CLAUSE_MESSAGE(from_date, "expected a date like `2024-06-01` after `from`");
CLAUSE_MESSAGE(until_date, "expected a date like `2024-06-01` after `until`");

CLAUSE_MESSAGE(power_name, "expected the power's name after `power`");
CLAUSE_MESSAGE(power_colon, "expected `:` after the power's name and title");
CLAUSE_MESSAGE(only_in_power, "expected `only ACTOR may declare STATUS` after `:`");
CLAUSE_MESSAGE(power_holder, "expected the holder, a party or body like `OpenAI.board`, after `only`");
CLAUSE_MESSAGE(may_after_holder, "expected `may` after the holder of the power");
CLAUSE_MESSAGE(declare_after_may, "expected `declare` after `may`");
CLAUSE_MESSAGE(power_status, "expected the status, like `agi`, after `declare`");
CLAUSE_MESSAGE(by_after_verified, "expected `by` after `verified`, like `verified by Panel`");
CLAUSE_MESSAGE(verifier, "expected the verifier, a party or body like `Panel`, after `verified by`");

CLAUSE_MESSAGE(waterfall_name, "expected the waterfall's name after `waterfall`");
CLAUSE_MESSAGE(of_after_waterfall, "expected `of PARTY` after the waterfall's name and title");
CLAUSE_MESSAGE(waterfall_party, "expected the party whose profit is paid out, after `of`");
CLAUSE_MESSAGE(waterfall_colon, "expected `:` after the waterfall's party (and its stream and term, if any)");
CLAUSE_MESSAGE(tier, "expected a tier, like `tier first $194M: FirstInvestors 100%`");
CLAUSE_MESSAGE(tier_kind, "expected `first AMOUNT`, `next AMOUNT`, `until capped` or `rest` after `tier`");
CLAUSE_MESSAGE(tier_amount, "expected the tier amount, like `$194M` or a money assumption");
CLAUSE_MESSAGE(tier_amount_colon, "expected `:` after the tier amount");
CLAUSE_MESSAGE(capped_after_until, "expected `capped` after `until`");
CLAUSE_MESSAGE(until_capped_colon, "expected `:` after `until capped`");
CLAUSE_MESSAGE(rest_colon, "expected `:` after `rest`");
CLAUSE_MESSAGE(share, "expected a share, like `Microsoft 49%`");
CLAUSE_MESSAGE(share_percentage, "expected a percentage like `49%` after the party");
CLAUSE_MESSAGE(cap_amount, "expected the cap, an amount like `$130B` or a money assumption, after `cap`");
CLAUSE_MESSAGE(to_after_overflow, "expected `to` after `overflow`");
CLAUSE_MESSAGE(overflow_party, "expected the party that takes the overflow, after `overflow to`");

// Events.
CLAUSE_MESSAGE(event, "expected an event, like `OpenAI buys compute from Oracle for $2B`");
CLAUSE_MESSAGE(event_start, "expected an event, like `OpenAI buys compute from Oracle for $2B` or `agi is declared`");
template <>
inline constexpr bool point_at_found<event_start> = true;
CLAUSE_MESSAGE(event_tail,
               "expected what happens: `declares STATUS`, `is declared`, `verifies STATUS`, `rejects STATUS`, "
               "`is verified`, `consents to EXCEPTION`, `buys GOOD from VENDOR for MONEY`, `declines GOOD for MONEY`, "
               "`uses LICENCE`, `earns MONEY [in STREAM]` or `does \"TEXT\"`");
CLAUSE_MESSAGE(happens_after_nothing, "expected `happens` after `nothing`");
CLAUSE_MESSAGE(status_after_verifies, "expected the status verified, like `agi`, after `verifies`");
CLAUSE_MESSAGE(status_after_rejects, "expected the status rejected, like `agi`, after `rejects`");
CLAUSE_MESSAGE(good_after_declines, "expected what is declined, like `compute`, after `declines`");
CLAUSE_MESSAGE(for_after_declined_good, "expected `for MONEY` after the good, like `declines compute for $5B`");
CLAUSE_MESSAGE(declined_amount, "expected the amount declined after `for`, like `$5B`");
CLAUSE_MESSAGE(earned_stream, "expected the stream after `in`, like `earns $1B in revenue`");
CLAUSE_MESSAGE(to_after_consents, "expected `to EXCEPTION` after `consents`");
CLAUSE_MESSAGE(consented_exception, "expected the name of an exception after `consents to`");
CLAUSE_MESSAGE(event_vendor, "expected the vendor after `from`, like `Oracle`");
CLAUSE_MESSAGE(for_after_vendor, "expected `for MONEY` after the vendor, like `for $2B`");
CLAUSE_MESSAGE(purchase_amount, "expected the amount paid after `for`, like `$2B`");
CLAUSE_MESSAGE(used_licence, "expected the name of a licence after `uses`");
CLAUSE_MESSAGE(earned_amount, "expected the amount earned after `earns`, like `$50B`");
CLAUSE_MESSAGE(end_of_event, "expected the end of the event (write one event per argument)");

// Scenarios.
CLAUSE_MESSAGE(scenario_start, "expected `scenario \"TITLE\"` at the start of a scenario file");
template <>
inline constexpr bool point_at_found<scenario_start> = true;
CLAUSE_MESSAGE(scenario_title, "expected the scenario's title in double quotes after `scenario`");
CLAUSE_MESSAGE(contract_path, "expected the contract's path in double quotes after `contract`");
CLAUSE_MESSAGE(scenario_line, "expected `on DATE: EVENT`, `expect EXPECTATION` or `assume NAME = VALUE`");
template <>
inline constexpr bool point_at_found<scenario_line> = true;
CLAUSE_MESSAGE(scenario_assume_name, "expected the name of one of the contract's assumptions after `assume`");
CLAUSE_MESSAGE(event_date, "expected a date like `2024-06-10` after `on`");
CLAUSE_MESSAGE(event_colon, "expected `:` after the event's date, like `on 2024-06-10: ...`");
CLAUSE_MESSAGE(expectation,
               "expected an expectation: `breach of NAME`, `no breach`, `permitted on DATE`, `ineffective on DATE`, "
               "`uncovered on DATE`, `declined on DATE`, `verified on DATE`, `rejected on DATE`, `NAME ended`, "
               "`NAME expired`, `NAME fulfilled`, `NAME live` or `PARTY receives MONEY`");
CLAUSE_MESSAGE(expected_date, "expected a date like `2024-06-10` after `on`");
CLAUSE_MESSAGE(of_after_breach, "expected `of NAME` after `breach`");
CLAUSE_MESSAGE(breached_name, "expected the name of the clause or licence after `breach of`");
CLAUSE_MESSAGE(breaching_party, "expected the party after `by`");
CLAUSE_MESSAGE(breach_after_no, "expected `breach` after `no`");
CLAUSE_MESSAGE(on_after_outcome, "expected `on DATE` after the outcome, like `permitted on 2024-07-01`");
CLAUSE_MESSAGE(expectation_tail, "expected `ended`, `expired`, `fulfilled`, `live` or `receives MONEY` after the name");
CLAUSE_MESSAGE(received_amount, "expected an amount like `$28,902,940,000` after `receives`");

#undef CLAUSE_MESSAGE

}  // namespace clause::dsl::rules
