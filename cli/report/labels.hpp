// The report's own words in each language: headings, table heads, pass and fail, chart
// legends and the sentences it builds from data. The terms themselves come from
// `clause explain` (cli/explain.hpp); figures are the same in every language.
// Templates take fmt's positional arguments ({0}, {1}) so that each language orders them
// as it reads.
#pragma once

#include <string_view>

#include "cli/explain.hpp"
#include "engine/evaluate/outcome.hpp"
#include "engine/model/timeline.hpp"
#include "engine/payout/schedule.hpp"

namespace clause::cli::report {

struct Labels {
  std::string_view html_lang;       // the page's lang attribute
  std::string_view made_from;       // {0}: the contract's file
  std::string_view made_against;    // {0}: the old contract's file
  std::string_view version;         // {0}
  std::string_view effective;       // {0}: the date in words
  std::string_view contents;
  std::string_view line;            // {0}: a line number
  std::string_view assumed;         // an assumption's marker

  // Section headings.
  std::string_view parties;
  std::string_view terms;
  std::string_view timeline;
  std::string_view payouts;
  std::string_view scenarios;
  std::string_view renegotiation;

  // The timeline.
  std::string_view date;
  std::string_view what_happens;
  std::string_view no_dates;
  std::string_view takes_effect;
  std::string_view starts;           // {0}: the subject
  std::string_view last_day;         // {0}: the subject, {1}: the day it expires
  std::string_view counting_starts;  // {0}
  std::string_view falls_due;        // {0}: the subject, {1} buyer, {2} amount, {3} good, {4} vendor, {5} judged on
  std::string_view window_opens;     // {0}
  std::string_view window_closes;    // {0}, {1}: the day it closes
  std::string_view licence;          // {0}: name, {1}: title — "licence `x` (title)"
  std::string_view commitment;
  std::string_view clause;
  std::string_view exception;        // {0} name, {1} title, {2} the clause it is an exception to
  std::string_view waterfall;

  // Payouts.
  std::string_view no_waterfall;
  std::string_view waterfall_of;     // {0}: name, {1}: title, {2}: whose profit
  std::string_view chart_caption;    // {0}: whose profit
  std::string_view profit_axis;      // {0}: whose profit
  std::string_view payout_axis;
  std::string_view not_distributed;
  std::string_view tiers;
  std::string_view tier_number;      // {0}
  std::string_view tier_range;       // {0} from, {1} to
  std::string_view tier_open;        // {0} from
  std::string_view schedule;
  std::string_view schedule_note;
  std::string_view profit;
  std::string_view why_here;
  std::string_view schedule_error;   // {0}: the engine's message
  // Why the payout bends at a breakpoint ({0}: the tier, {1}: the party); English uses the
  // engine's own phrase (engine::describe), the same words `clause payout` prints.
  std::string_view tier_starts;
  std::string_view tier_full;
  std::string_view cap_reached;
  std::string_view capped_at_start;
  std::string_view tier_complete;
  std::string_view nothing_more;

  // Scenarios.
  std::string_view no_scenarios;
  std::string_view no_scenario_here;   // {0}: the folder
  std::string_view elsewhere;          // {0}: how many, {1}: the folder
  std::string_view scenario_file;      // {0}: the file
  std::string_view passed;
  std::string_view failed;
  std::string_view passed_count;       // {0} passed, {1} of
  std::string_view does_not_run;
  std::string_view event;
  std::string_view outcomes;
  std::string_view nothing;
  std::string_view expectations;
  std::string_view instead;            // {0}: what happened instead
  std::string_view received;

  // The renegotiation.
  std::string_view old_head;           // table heads
  std::string_view new_head;
  std::string_view in_short;
  std::string_view may_now;            // {0} who, {1} what, {2} verdict
  std::string_view may_no_longer;      // {0} who, {1} what, {2} verdict
  std::string_view old_breach;         // {0}: the breach's headline
  std::string_view old_no_effect;
  std::string_view new_breach;
  std::string_view new_no_effect;
  std::string_view once;               // {0}: the earlier events
  std::string_view then;               // between earlier events
  std::string_view as_on;              // {0}: a date
  std::string_view outsider;
  std::string_view other_changes;      // {0}: how many
  std::string_view paid_less;          // {0} party, {1} waterfall
  std::string_view paid_more;
  std::string_view paid_either;
  std::string_view nothing_changes;
  std::string_view same;
  std::string_view differently;
  std::string_view changed_terms;
  std::string_view no_change;
  std::string_view change;
  std::string_view declaration;
  std::string_view part;
  std::string_view added;
  std::string_view removed;
  std::string_view changed;
  std::string_view behaviour;
  std::string_view behaviour_note;     // {0} groups, {1} probes, {2} date
  std::string_view old_and_new;
  std::string_view not_in_contract;    // {0}: why
  std::string_view more_examples;      // {0}: how many more groups
  std::string_view gains_losses;
  std::string_view gains_note;
  std::string_view difference_axis;
  std::string_view difference;
  std::string_view loses;              // {0} party, {1} over
  std::string_view gains;
  std::string_view gains_and_loses;
  std::string_view between;            // {0} from, {1} to
  std::string_view from_on;            // {0} from
  std::string_view largest;            // {0} the signed difference, {1} the profit
  std::string_view largest_from_on;    // {0}, {1}
  std::string_view without_end;        // {0}: a share of each further dollar
  std::string_view only_in_old;
  std::string_view only_in_new;
  std::string_view party;
  std::string_view other_change;       // the same, when there is one
};

const Labels& labels(Language language);

// "permitted", "违约": an outcome's kind.
std::string_view kind_word(engine::OutcomeKind kind, Language language);

}  // namespace clause::cli::report
