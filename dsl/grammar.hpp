// The Clause grammar in PEGTL: one struct per rule, in `rules`. Private to the parser
// (parser.cpp) and to the grammar's own tests; nothing else sees PEGTL.
//
// Conventions:
// - Token rules match a token only; `ws` (spaces, line ends, `//` comments) follows
//   each token, so a failure points at the start of the unexpected token.
// - `must<>` only at commit points: once a keyword has matched, what follows must follow.
// - A rule that needs its own error message or action has its own name. `as<Role>`
//   makes a new name for an existing rule: it keeps the role's action (parser.cpp looks
//   actions up by role) and gets a message of its own (`error_message` below).
#pragma once

#include <string_view>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze_traits.hpp>

#include "dsl/keywords.hpp"
#include "dsl/lexical.hpp"

namespace clause::dsl::rules {

namespace pegtl = tao::pegtl;
using pegtl::at;
using pegtl::eof;
using pegtl::must;
using pegtl::not_at;
using pegtl::one;
using pegtl::opt;
using pegtl::plus;
using pegtl::seq;
using pegtl::sor;
using pegtl::star;

template <typename Role>
struct as : Role {
  using role = Role;
};

// ----- lexical structure ------------------------------------------------------------

// Spaces, tabs, line ends and `//` comments (to the end of their line), or nothing. One
// loop over the characters (lexical.hpp): as `star<sor<space_char, comment>>` it tried two
// rules for every character and was the parser's hottest rule (14% of its instructions).
struct ws {
  using rule_t = ws;
  using subs_t = pegtl::empty_list;
  template <typename ParseInput>
  static bool match(ParseInput& in) {
    in.bump(static_cast<std::size_t>(lexical::skip_spaces(in.current(), in.end()) - in.current()));
    return true;
  }
};

struct ident_first : pegtl::identifier_first {};
struct ident_other : pegtl::identifier_other {};

using lexical::is_word_char;
using lexical::is_word_first;

// A name, good or status: an identifier that is not a reserved keyword (`party_a` but not
// `party`). One pass over the characters: scanning the identifier once to rule out a
// keyword and again to match it made this the parser's hottest rule.
struct word {
  using rule_t = word;
  using subs_t = pegtl::empty_list;
  template <typename ParseInput>
  static bool match(ParseInput& in) {
    const char* p = in.current();
    const char* e = in.end();
    if (p == e || !is_word_first(*p)) return false;
    const char* q = p + 1;
    while (q != e && is_word_char(*q)) ++q;
    const auto n = static_cast<std::size_t>(q - p);
    if (is_keyword(std::string_view(p, n))) return false;
    in.bump(n);
    return true;
  }
};

#define CLAUSE_KEYWORD(name) \
  struct kw_##name : TAO_PEGTL_KEYWORD(#name) {}
CLAUSE_KEYWORD(contract);
CLAUSE_KEYWORD(version);
CLAUSE_KEYWORD(effective);
CLAUSE_KEYWORD(party);
CLAUSE_KEYWORD(body);
CLAUSE_KEYWORD(assume);
CLAUSE_KEYWORD(licence);
CLAUSE_KEYWORD(grants);
CLAUSE_KEYWORD(clause);
CLAUSE_KEYWORD(exception);
CLAUSE_KEYWORD(to);
CLAUSE_KEYWORD(power);
CLAUSE_KEYWORD(only);
CLAUSE_KEYWORD(may);
CLAUSE_KEYWORD(declare);
CLAUSE_KEYWORD(declares);
CLAUSE_KEYWORD(is);
CLAUSE_KEYWORD(declared);
CLAUSE_KEYWORD(must);
CLAUSE_KEYWORD(not);
CLAUSE_KEYWORD(buy);
CLAUSE_KEYWORD(buys);
CLAUSE_KEYWORD(from);
CLAUSE_KEYWORD(for);
CLAUSE_KEYWORD(when);
CLAUSE_KEYWORD(then);
CLAUSE_KEYWORD(ends);
CLAUSE_KEYWORD(if);
CLAUSE_KEYWORD(consents);
CLAUSE_KEYWORD(up);
CLAUSE_KEYWORD(in);
CLAUSE_KEYWORD(total);
CLAUSE_KEYWORD(until);
CLAUSE_KEYWORD(capped);
CLAUSE_KEYWORD(waterfall);
CLAUSE_KEYWORD(of);
CLAUSE_KEYWORD(tier);
CLAUSE_KEYWORD(first);
CLAUSE_KEYWORD(next);
CLAUSE_KEYWORD(rest);
CLAUSE_KEYWORD(cap);
CLAUSE_KEYWORD(overflow);
CLAUSE_KEYWORD(scenario);
CLAUSE_KEYWORD(on);
CLAUSE_KEYWORD(expect);
CLAUSE_KEYWORD(breach);
CLAUSE_KEYWORD(by);
CLAUSE_KEYWORD(no);
CLAUSE_KEYWORD(permitted);
CLAUSE_KEYWORD(ineffective);
CLAUSE_KEYWORD(uncovered);
CLAUSE_KEYWORD(ended);
CLAUSE_KEYWORD(live);
CLAUSE_KEYWORD(receives);
CLAUSE_KEYWORD(earns);
CLAUSE_KEYWORD(uses);
CLAUSE_KEYWORD(does);
// Version 2.
CLAUSE_KEYWORD(verified);
CLAUSE_KEYWORD(verifies);
CLAUSE_KEYWORD(rejects);
CLAUSE_KEYWORD(offer);
CLAUSE_KEYWORD(least);
CLAUSE_KEYWORD(anyone);
CLAUSE_KEYWORD(declines);
CLAUSE_KEYWORD(nothing);
CLAUSE_KEYWORD(happens);
CLAUSE_KEYWORD(do);
CLAUSE_KEYWORD(expired);
CLAUSE_KEYWORD(fulfilled);
CLAUSE_KEYWORD(declined);
CLAUSE_KEYWORD(rejected);
#undef CLAUSE_KEYWORD

// Literals are matched loosely and checked by their actions, so that `$1.234` or
// `2024-02-30` get a message about the literal, not about the grammar.
struct digit : pegtl::digit {};
struct money_char : sor<digit, seq<one<',', '.'>, at<digit>>> {};
struct money : seq<one<'$'>, opt<one<'-'>>, star<money_char>, star<ident_other>> {};  // `-` only to say amounts are never negative
struct percent : seq<plus<digit>, opt<one<'.'>, plus<digit>>, one<'%'>> {};
struct date : seq<plus<digit>, one<'-'>, plus<digit>, one<'-'>, plus<digit>> {};

struct escape_char : one<'"', '\\', 'n'> {};
struct escape : seq<one<'\\'>, must<escape_char>> {};
struct string_char : sor<escape, pegtl::not_one<'"', '\\', '\n', '\r'>> {};
struct string_close : one<'"'> {};
struct string : seq<one<'"'>, star<string_char>, must<string_close>> {};

// `OpenAI` or `OpenAI.board`, with no spaces.
struct body_part : word {};
struct actor : seq<word, opt<one<'.'>, must<body_part>>> {};

// Money or the name of a money assumption; a percentage or a percentage assumption.
struct amount_money : money {};
struct amount_name : word {};
struct amount : sor<amount_money, amount_name> {};
struct share_percent_literal : percent {};
struct share_percent_name : word {};
struct share_percent : sor<share_percent_literal, share_percent_name> {};

template <typename R>
struct tok : seq<R, ws> {};
template <typename R>
struct req : seq<must<R>, ws> {};

// ----- roles: rules with their own action in parser.cpp -----------------------------

struct decl_title : string {};        // a declaration's title or description
struct decl_name : word {};           // the name a declaration introduces
struct reference : word {};           // a name used by a declaration or an event
struct subject : actor {};            // the actor a statement, pattern or event starts with
struct vendor : actor {};             // the party after `from`
struct good : word {};                // what is bought
struct status : word {};              // what is declared
struct quoted : string {};            // the text of `does "TEXT"`
struct money_value : money {};        // an event's amount
struct date_value : date {};          // a date in a condition or an expectation

// `from DATE` and/or `until DATE`, in either order: a licence's, clause's or waterfall's
// term (version 2). An exception's `from` and `until` are conditions instead.
struct term_from_keyword : kw_from {};
struct term_from_date : date {};
struct term_until_keyword : kw_until {};
struct term_until_date : date {};
struct term_from : seq<tok<term_from_keyword>, req<term_from_date>> {};
struct term_until : seq<tok<term_until_keyword>, req<term_until_date>> {};
struct term : sor<seq<term_from, opt<term_until>>, seq<term_until, opt<term_from>>> {};

// `anyone` as a vendor: of a freedom or an exception.
struct anyone_vendor : kw_anyone {};

// ----- contract header --------------------------------------------------------------

struct contract_start : kw_contract {};
struct contract_title : string {};
struct version_text : string {};
struct effective_date : date {};
struct effective_keyword : kw_effective {};
struct contract_header
    : seq<ws, must<contract_start>, ws, req<contract_title>, opt<tok<kw_version>, req<version_text>>,
          opt<tok<effective_keyword>, req<effective_date>>> {};

// ----- party and assume -------------------------------------------------------------

struct party_keyword : kw_party {};
struct body_name : word {};
struct body_close : one<'}'> {};
struct party_bodies
    : seq<tok<one<'{'>>, opt<tok<kw_body>>, req<body_name>,
          star<tok<one<','>>, opt<tok<kw_body>>, req<body_name>>, req<body_close>> {};
struct party_name : as<decl_name> {};
struct party_decl : seq<tok<party_keyword>, req<party_name>, opt<tok<decl_title>>, opt<party_bodies>> {};

struct assume_keyword : kw_assume {};
struct assume_name : as<decl_name> {};
struct equals_sign : one<'='> {};
struct assume_money : money {};
struct assume_percent : percent {};
struct assume_value : sor<assume_money, assume_percent> {};
struct assume_decl
    : seq<tok<assume_keyword>, req<assume_name>, req<equals_sign>, req<assume_value>, opt<tok<decl_title>>> {};

// ----- licence ----------------------------------------------------------------------

struct licence_keyword : kw_licence {};
struct licence_name : as<decl_name> {};
struct licence_colon : one<':'> {};
struct grantor : actor {};
struct grants_keyword : kw_grants {};
struct grantee : actor {};
struct licence_decl
    : seq<tok<licence_keyword>, req<licence_name>, opt<tok<decl_title>>, req<licence_colon>, req<grantor>,
          req<grants_keyword>, req<grantee>, opt<term>> {};

// ----- clause statements and trigger patterns ---------------------------------------

struct buy_after_must : kw_buy {};
struct buy_after_not : kw_buy {};
struct good_after_buy : as<good> {};
struct only_after_good : kw_only {};
struct from_after_only : kw_from {};
struct from_after_good : kw_from {};
struct exclusive_vendor : as<vendor> {};
struct prohibited_vendor : as<vendor> {};
// `only from Microsoft or Oracle`: more vendors an exclusivity allows (an extension of the
// reference, docs/language.md). `or` is read here only and is not a reserved keyword.
struct or_word : TAO_PEGTL_KEYWORD("or") {};
struct more_vendor : actor {};
struct exclusivity_rest
    : seq<req<good_after_buy>, req<only_after_good>, req<from_after_only>, req<exclusive_vendor>,
          star<tok<or_word>, req<more_vendor>>> {};
// `at least AMOUNT of GOOD from PARTY by DATE`: `at` is read as a keyword only here, right
// after `must buy`, and is not reserved.
struct at_word : TAO_PEGTL_KEYWORD("at") {};
struct least_after_at : kw_least {};
struct commitment_amount : amount {};
struct of_after_amount : kw_of {};
struct committed_vendor : as<vendor> {};
struct by_after_vendor : kw_by {};
struct commitment_by_date : date {};
struct commitment_rest
    : seq<tok<at_word>, req<least_after_at>, req<commitment_amount>, req<of_after_amount>, req<good_after_buy>,
          req<from_after_good>, req<committed_vendor>, req<by_after_vendor>, req<commitment_by_date>> {};
struct buy_rest : sor<commitment_rest, exclusivity_rest> {};
struct buy_tail : seq<tok<buy_after_must>, must<buy_rest>> {};
struct prohibition_rest : seq<tok<buy_after_not>, req<good_after_buy>, req<from_after_good>, req<prohibited_vendor>> {};
struct deed_text : as<quoted> {};
struct do_after_not : kw_do {};
struct deed_prohibition_rest : seq<tok<do_after_not>, req<deed_text>> {};
struct not_rest : sor<prohibition_rest, deed_prohibition_rest> {};
struct not_tail : seq<tok<kw_not>, must<not_rest>> {};
struct to_after_offer : kw_to {};
struct refusal_holder : as<vendor> {};
struct first_after_holder : kw_first {};
struct good_after_offer : as<good> {};
struct offer_tail : seq<tok<kw_offer>, req<good_after_offer>, req<to_after_offer>, req<refusal_holder>,
                        req<first_after_holder>> {};
struct duty_tail : sor<not_tail, buy_tail, offer_tail> {};
struct free_vendor : sor<anyone_vendor, as<vendor>> {};
struct freedom_vendor : free_vendor {};
struct buy_after_may_freely : kw_buy {};
struct may_buy_rest : seq<tok<buy_after_may_freely>, req<good_after_buy>, req<from_after_good>, req<freedom_vendor>> {};
struct do_after_may : kw_do {};
struct may_do_rest : seq<tok<do_after_may>, req<deed_text>> {};
struct freedom_tail : sor<may_buy_rest, may_do_rest> {};
struct must_statement : seq<tok<kw_must>, must<duty_tail>> {};
struct may_statement : seq<tok<kw_may>, must<freedom_tail>> {};
struct must_or_may : sor<must_statement, may_statement> {};
struct duty_statement : seq<tok<subject>, must<must_or_may>> {};

struct status_after_declares : as<status> {};
struct declared_after_is : kw_declared {};
struct verified_after_is : kw_verified {};
struct declared_or_verified : sor<declared_after_is, verified_after_is> {};
struct text_after_does : as<quoted> {};
struct pattern_declares : seq<tok<kw_declares>, req<status_after_declares>> {};
struct pattern_is_declared : seq<tok<kw_is>, req<declared_or_verified>> {};
struct pattern_buys : seq<tok<kw_buys>, req<good_after_buy>, req<from_after_good>, req<exclusive_vendor>> {};
struct pattern_does : seq<tok<kw_does>, req<text_after_does>> {};
struct pattern_tail : sor<pattern_declares, pattern_is_declared, pattern_buys, pattern_does> {};
struct pattern : seq<tok<subject>, must<pattern_tail>> {};
struct effect_target : as<reference> {};
struct ends_keyword : kw_ends {};
struct effect : seq<tok<effect_target>, req<ends_keyword>> {};
struct then_keyword : kw_then {};
struct trigger_statement : seq<tok<kw_when>, must<pattern>, req<then_keyword>, must<effect>,
                               star<tok<one<','>>, must<effect>>> {};

struct statement : sor<trigger_statement, duty_statement> {};
struct clause_body : seq<must<statement>, opt<term>> {};
struct clause_keyword : kw_clause {};
struct clause_name : as<decl_name> {};
struct clause_colon : one<':'> {};
struct clause_decl
    : seq<tok<clause_keyword>, req<clause_name>, opt<tok<decl_title>>, req<clause_colon>, clause_body> {};

// ----- exception --------------------------------------------------------------------

struct exception_keyword : kw_exception {};
struct exception_name : as<decl_name> {};
struct to_after_exception_name : kw_to {};
struct excepted_clause : word {};
struct exception_colon : one<':'> {};
struct may_after_buyer : kw_may {};
struct buy_after_may : kw_buy {};
struct permitted_vendor : free_vendor {};
struct permission : seq<tok<subject>, req<may_after_buyer>, req<buy_after_may>, req<good_after_buy>,
                        req<from_after_good>, req<permitted_vendor>> {};
struct consenting_party : actor {};
struct consents_after_party : kw_consents {};
struct consent_condition : seq<tok<kw_if>, req<consenting_party>, req<consents_after_party>> {};
struct to_after_up : kw_to {};
struct limit_amount : amount {};
struct in_after_limit : kw_in {};
struct total_after_in : kw_total {};
struct limit_condition
    : seq<tok<kw_up>, req<to_after_up>, req<limit_amount>, req<in_after_limit>, req<total_after_in>> {};
struct from_date : date {};
struct from_condition : seq<tok<kw_from>, req<from_date>> {};
struct until_date : date {};
struct until_condition : seq<tok<kw_until>, req<until_date>> {};
struct condition : sor<consent_condition, limit_condition, from_condition, until_condition> {};
struct exception_decl
    : seq<tok<exception_keyword>, req<exception_name>, req<to_after_exception_name>, req<excepted_clause>,
          opt<tok<decl_title>>, req<exception_colon>, must<permission>, star<condition>> {};

// ----- power ------------------------------------------------------------------------

struct power_keyword : kw_power {};
struct power_name : as<decl_name> {};
struct power_colon : one<':'> {};
struct only_in_power : kw_only {};
struct power_holder : actor {};
struct may_after_holder : kw_may {};
struct declare_after_may : kw_declare {};
struct power_status : as<status> {};
struct by_after_verified : kw_by {};
struct verifier : actor {};
struct verified_by : seq<tok<kw_verified>, req<by_after_verified>, req<verifier>> {};
struct power_decl
    : seq<tok<power_keyword>, req<power_name>, opt<tok<decl_title>>, req<power_colon>, req<only_in_power>,
          req<power_holder>, req<may_after_holder>, req<declare_after_may>, req<power_status>,
          opt<verified_by>> {};

// ----- waterfall --------------------------------------------------------------------

struct tier_keyword : kw_tier {};
struct tier_name : string {};
struct tier_amount : amount {};
struct tier_amount_colon : one<':'> {};
struct capped_after_until : kw_capped {};
struct until_capped_colon : one<':'> {};
struct rest_colon : one<':'> {};
struct first_kind : seq<tok<kw_first>, req<tier_amount>, req<tier_amount_colon>> {};
struct next_kind : seq<tok<kw_next>, req<tier_amount>, req<tier_amount_colon>> {};
struct until_capped_words : seq<tok<kw_until>, req<capped_after_until>> {};
struct until_capped_kind : seq<until_capped_words, req<until_capped_colon>> {};
struct rest_kind : seq<tok<kw_rest>, req<rest_colon>> {};
struct tier_kind : sor<first_kind, next_kind, until_capped_kind, rest_kind> {};
struct share_party : actor {};
struct share_percentage : share_percent {};
struct cap_keyword : kw_cap {};
struct cap_amount : amount {};
struct share : seq<tok<share_party>, req<share_percentage>, opt<tok<cap_keyword>, req<cap_amount>>> {};
struct overflow_keyword : kw_overflow {};
struct to_after_overflow : kw_to {};
struct overflow_party : actor {};
struct overflow_clause : seq<tok<overflow_keyword>, req<to_after_overflow>, req<overflow_party>> {};
struct tier : seq<tok<tier_keyword>, opt<tok<tier_name>>, must<tier_kind>, must<share>,
                  star<tok<one<','>>, must<share>>, opt<overflow_clause>> {};
struct waterfall_keyword : kw_waterfall {};
struct waterfall_name : as<decl_name> {};
struct of_after_waterfall : kw_of {};
struct waterfall_party : actor {};
struct waterfall_colon : one<':'> {};
struct waterfall_stream : word {};
struct waterfall_decl
    : seq<tok<waterfall_keyword>, req<waterfall_name>, opt<tok<decl_title>>, req<of_after_waterfall>,
          req<waterfall_party>, opt<tok<waterfall_stream>>, opt<term>, req<waterfall_colon>, must<tier>, star<tier>> {};

// ----- a declaration; the contract file is a header and declarations --------------------

struct declaration
    : sor<party_decl, assume_decl, licence_decl, clause_decl, exception_decl, power_decl, waterfall_decl> {};
struct next_declaration : seq<must<declaration>, ws> {};

// ----- events -----------------------------------------------------------------------

struct declares_tail : seq<tok<kw_declares>, must<status_after_declares>> {};
struct is_declared_tail : seq<tok<kw_is>, must<declared_or_verified>> {};
struct status_after_verifies : as<status> {};
struct verifies_tail : seq<tok<kw_verifies>, must<status_after_verifies>> {};
struct status_after_rejects : as<status> {};
struct rejects_tail : seq<tok<kw_rejects>, must<status_after_rejects>> {};
struct for_after_declined_good : kw_for {};
struct declined_amount : as<money_value> {};
struct good_after_declines : as<good> {};
struct declines_tail
    : seq<tok<kw_declines>, req<good_after_declines>, req<for_after_declined_good>, must<declined_amount>> {};
struct to_after_consents : kw_to {};
struct consented_exception : as<reference> {};
struct consents_tail : seq<tok<kw_consents>, req<to_after_consents>, must<consented_exception>> {};
struct event_vendor : as<vendor> {};
struct for_after_vendor : kw_for {};
struct purchase_amount : as<money_value> {};
struct buys_tail : seq<tok<kw_buys>, req<good_after_buy>, req<from_after_good>, req<event_vendor>,
                       req<for_after_vendor>, must<purchase_amount>> {};
struct used_licence : as<reference> {};
struct uses_tail : seq<tok<kw_uses>, must<used_licence>> {};
struct earned_amount : as<money_value> {};
struct earned_stream : word {};
struct earns_tail : seq<tok<kw_earns>, must<earned_amount>, opt<ws, tok<kw_in>, req<earned_stream>>> {};
struct does_tail : seq<tok<kw_does>, must<text_after_does>> {};
struct event_tail
    : sor<declares_tail, is_declared_tail, consents_tail, buys_tail, uses_tail, earns_tail, does_tail, verifies_tail,
          rejects_tail, declines_tail> {};
struct event_subject : as<subject> {};
struct happens_after_nothing : kw_happens {};
struct nothing_happens : seq<tok<kw_nothing>, must<happens_after_nothing>> {};
struct event : sor<nothing_happens, seq<tok<event_subject>, must<event_tail>>> {};

// An event typed as a question: `what if AGI is declared?`. `if` and `what if` are read
// in any case; they and the question mark are not part of the event.
struct question_prefix
    : seq<opt<pegtl::istring<'w', 'h', 'a', 't'>, plus<one<' ', '\t'>>>, pegtl::istring<'i', 'f'>,
          not_at<ident_other>, ws> {};
struct event_start : as<event> {};
struct end_of_event : eof {};
struct event_text
    : seq<ws, opt<question_prefix>, must<event_start>, ws, opt<tok<one<'?'>>>, must<end_of_event>> {};

// ----- scenario files ---------------------------------------------------------------

struct scenario_start : kw_scenario {};
struct scenario_title : string {};
struct contract_path : string {};
struct scenario_header
    : seq<ws, must<scenario_start>, ws, req<scenario_title>, opt<tok<kw_contract>, req<contract_path>>> {};

struct scenario_assume_name : word {};
struct scenario_assume_value : sor<assume_money, assume_percent> {};
struct scenario_assume : seq<tok<kw_assume>, req<scenario_assume_name>, req<equals_sign>,
                             req<scenario_assume_value>> {};

struct event_date : date {};
struct event_colon : one<':'> {};
struct scenario_event : seq<tok<kw_on>, req<event_date>, req<event_colon>, must<event>> {};

struct expected_date : as<date_value> {};
struct event_line_ahead : seq<kw_on, ws, date, ws, one<':'>> {};
struct optional_on_date : opt<not_at<event_line_ahead>, tok<kw_on>, req<expected_date>> {};
struct of_after_breach : kw_of {};
struct breached_name : as<reference> {};
struct breaching_party : actor {};
struct breach_expectation
    : seq<tok<kw_breach>, req<of_after_breach>, req<breached_name>, opt<tok<kw_by>, req<breaching_party>>,
          optional_on_date> {};
struct breach_after_no : kw_breach {};
struct no_breach_expectation : seq<tok<kw_no>, req<breach_after_no>> {};
struct on_after_outcome : kw_on {};
struct permitted_word : kw_permitted {};
struct ineffective_word : kw_ineffective {};
struct uncovered_word : kw_uncovered {};
struct declined_word : kw_declined {};
struct verified_word : kw_verified {};
struct rejected_word : kw_rejected {};
struct outcome_on_expectation
    : seq<sor<permitted_word, ineffective_word, uncovered_word, declined_word, verified_word, rejected_word>, ws,
          req<on_after_outcome>, req<expected_date>> {};
struct ended_tail : seq<tok<kw_ended>, optional_on_date> {};
struct live_tail : tok<kw_live> {};
struct expired_tail : seq<tok<kw_expired>, optional_on_date> {};
struct fulfilled_tail : tok<kw_fulfilled> {};
struct received_amount : as<money_value> {};
struct receives_tail : seq<tok<kw_receives>, req<received_amount>> {};
struct expectation_tail : sor<ended_tail, live_tail, receives_tail, expired_tail, fulfilled_tail> {};
struct expected_subject : as<subject> {};
struct subject_expectation : seq<tok<expected_subject>, must<expectation_tail>> {};
struct expectation
    : sor<breach_expectation, no_breach_expectation, outcome_on_expectation, subject_expectation> {};
struct scenario_expect : seq<tok<kw_expect>, must<expectation>> {};

struct scenario_line : sor<scenario_assume, scenario_event, scenario_expect> {};
struct next_scenario_line : seq<must<scenario_line>, ws> {};

// Lines that begin a declaration or a scenario line: where parsing resumes after an error.
struct declaration_keyword
    : sor<kw_party, kw_assume, kw_licence, kw_clause, kw_exception, kw_power, kw_waterfall> {};
struct scenario_line_keyword : sor<kw_on, kw_expect, kw_assume> {};

}  // namespace clause::dsl::rules

namespace tao::pegtl {
template <typename Name>
struct analyze_traits<Name, clause::dsl::rules::word> : analyze_any_traits<> {};
template <typename Name>
struct analyze_traits<Name, clause::dsl::rules::ws> : analyze_opt_traits<> {};
}  // namespace tao::pegtl
