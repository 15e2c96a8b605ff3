// The change memo: what changed in the terms, the smallest events that now end
// differently, who gains or loses how much at which profits, and the saved scenarios.
#include <algorithm>
#include <optional>
#include <ostream>
#include <variant>

#include <fmt/format.h>

#include "cli/diff_terms_text.hpp"
#include "cli/diff_output.hpp"
#include "cli/diff_summary.hpp"
#include "cli/outcome_sentences.hpp"
#include "cli/payout.hpp"  // short_amount
#include "cli/scenario_text.hpp"
#include "cli/table.hpp"
#include "dsl/source.hpp"

namespace clause::cli {

using engine::ContractDiff;
using engine::Rational;

namespace {

const char* change_mark(engine::TermChangeKind c) {
  switch (c) {
    case engine::TermChangeKind::added: return "+";
    case engine::TermChangeKind::removed: return "-";
    case engine::TermChangeKind::changed: return "~";
  }
  return " ";
}

std::string contract_label(const engine::Contract& c) {
  return c.version ? fmt::format("\"{}\" version {}", c.title, *c.version) : fmt::format("\"{}\"", c.title);
}

void print_terms(std::ostream& out, const ContractDiff& d, const Style& style) {
  if (d.terms.empty()) {
    out << style.bold("Terms") << ": no change\n";
    return;
  }
  out << style.bold("Terms") << fmt::format(": {} {}\n", d.terms.size(), d.terms.size() == 1 ? "change" : "changes");
  for (const engine::TermChange& t : d.terms) {
    const std::string head = t.name.empty() ? t.kind : fmt::format("{} {}", t.kind, t.name);
    const std::vector<std::string> details = term_details(t);
    const std::string mark = t.change == engine::TermChangeKind::added     ? style.paint("32", change_mark(t.change))
                             : t.change == engine::TermChangeKind::removed ? style.paint("31", change_mark(t.change))
                                                                           : style.paint("33", change_mark(t.change));
    const std::string line = fmt::format("  {} {} {}", mark, engine::term_change_name(t.change), head);
    const std::string joined = fmt::format("{}", fmt::join(details, "; "));
    if (details.empty()) {
      out << line << '\n';
    } else if (details.size() == 1 ||
               dsl::display_width(fmt::format("  ~ {} {}: {}", engine::term_change_name(t.change), head, joined)) <=
                   kMemoWidth) {
      out << line << ": " << joined << '\n';
    } else {
      // Too long for one line: a part a line.
      out << line << ":\n";
      for (const std::string& detail : details) out << "      " << detail << '\n';
    }
  }
}

// The widest outcome kind's name ("ineffective"): every label is padded to it and followed
// by a space, so a headline never runs into its kind.
std::size_t kind_width() {
  static const std::size_t width = [] {
    std::size_t w = 0;
    for (int k = 0; k <= static_cast<int>(engine::OutcomeKind::fulfilled); ++k) {
      w = std::max<std::size_t>(w, dsl::display_width(engine::outcome_kind_name(static_cast<engine::OutcomeKind>(k))));
    }
    return w;
  }();
  return width;
}

}  // namespace

std::string outcome_label(engine::OutcomeKind kind) {
  return fmt::format("{} {} ", symbol(kind), pad(engine::outcome_kind_name(kind), kind_width()));
}

namespace {

// The outcomes one contract (or both, labelled "old and new") gave one event of an
// example, a line each; with the reason when the headlines alone would not show what differs.
void print_side(std::ostream& out, const Style& style, const char* label, const std::vector<ShownOutcome>& shown,
                bool with_reason, const std::string& indent) {
  const std::string head = fmt::format("{}{}  ", indent, label);
  const std::string blank(dsl::display_width(head), ' ');
  if (shown.empty()) out << head << style.dim("nothing happens") << '\n';
  bool first = true;
  for (const ShownOutcome& o : shown) {
    out << (first ? head : blank);
    first = false;
    if (!o.kind) {
      out << style.dim(fmt::format("{} {}", symbol(engine::OutcomeKind::uncovered), o.headline)) << '\n';
      continue;
    }
    out << style.kind(*o.kind, outcome_label(*o.kind)) << o.headline << '\n';
    // An uncovered event always says why: its headline is only the event again.
    const bool why = with_reason || *o.kind == engine::OutcomeKind::uncovered;
    if (why && !o.reason.empty()) out << blank << "  " << style.dim(o.reason) << '\n';
  }
}

// How many probes ran on other days (around the ends of terms and exception windows).
std::string dated_note(const engine::BehaviourDiff& b) {
  if (b.dated_probes == 0) return "";
  return fmt::format(" ({} of them on other days, around where terms and windows begin and end)", b.dated_probes);
}

void print_behaviour(std::ostream& out, const ContractDiff& d, const Style& style) {
  const engine::BehaviourDiff& b = d.behaviour;
  out << style.bold("Behaviour") << ": ";
  if (b.groups.empty()) {
    out << fmt::format("no change: {} {} tried on both contracts, on {}{}\n", b.probes,
                       b.probes == 1 ? "event or sequence of events" : "events and sequences of events", b.on.to_string(),
                       dated_note(b));
    return;
  }
  out << fmt::format("{} {}, found by trying {} events and sequences of events on both contracts, on {}{}; "
                     "the simplest example of each\n",
                     b.groups.size(), b.groups.size() == 1 ? "change" : "changes", b.probes, b.on.to_string(),
                     dated_note(b));
  std::size_t number = 0;
  for (const engine::WitnessGroup& g : b.groups) {
    const engine::Witness& w = g.witnesses.front();
    if (++number > kMemoGroups) {
      if (number > kMemoGroups + kMemoLines) {
        out << fmt::format("  … and {} more (clause diff --json lists every example)\n",
                           b.groups.size() - kMemoGroups - kMemoLines);
        break;
      }
      // A line each: "on 2031-01-01: Microsoft uses research — old: permitted; new: breach".
      const dsl::Date shows_on = w.shows < w.dates.size() ? w.dates[w.shows] : w.on;
      // When both sides' kinds read alike ("ineffective" and "ineffective"), each says why,
      // so that the line does not read as no change.
      const auto kinds = [&](const std::vector<ShownOutcome>& shown, bool why) {
        std::vector<std::string> said;
        for (const ShownOutcome& o : shown) {
          std::string text = o.kind ? engine::outcome_kind_name(*o.kind) : "not in this contract";
          if (why && !o.reason.empty()) text += ", because " + o.reason;
          said.push_back(std::move(text));
        }
        if (said.empty()) said.push_back("nothing happens");
        return fmt::format("{}", fmt::join(said, ", "));
      };
      const auto old_shown = shown_outcomes(*d.old_contract, b.old_outsiders, w.old_answer, w.shows, shows_on);
      const auto new_shown = shown_outcomes(*d.new_contract, b.new_outsiders, w.new_answer, w.shows, shows_on);
      const bool alike = kinds(old_shown, false) == kinds(new_shown, false);
      out << fmt::format("  {}. {} — old: {}; new: {}\n", number, witness_events(w, b.on), kinds(old_shown, alike),
                         kinds(new_shown, alike));
      continue;
    }
    out << fmt::format("  {}. {}\n", number, witness_events(w, b.on));
    // Every event of the example with what each contract made of it: "old and new" when
    // both agree, else a line for each side.
    const bool several = w.events.size() > 1;
    for (engine::Index i = 0; i < w.events.size(); ++i) {
      std::string indent = "       ";
      if (several) {
        const dsl::Date date = i < w.dates.size() ? w.dates[i] : w.on;
        const dsl::Date before = i == 0 ? b.on : (i - 1 < w.dates.size() ? w.dates[i - 1] : w.on);
        const std::string when = date != before ? fmt::format("on {}: ", date.to_string()) : "";
        out << indent << style.dim(fmt::format("{}{}{}", i == 0 ? "" : "then ", when, w.events[i])) << '\n';
        indent += "  ";
      }
      const dsl::Date on = i < w.dates.size() ? w.dates[i] : w.on;
      const auto old_shown = shown_outcomes(*d.old_contract, b.old_outsiders, w.old_answer, i, on);
      const auto new_shown = shown_outcomes(*d.new_contract, b.new_outsiders, w.new_answer, i, on);
      const bool differs = i < w.differs.size() ? w.differs[i] : old_shown != new_shown;
      if (!differs) {
        print_side(out, style, "old and new", old_shown, false, indent);
        continue;
      }
      const bool with_reason = old_shown == new_shown;
      print_side(out, style, "old", old_shown, with_reason, indent);
      print_side(out, style, "new", new_shown, with_reason, indent);
    }
    if (g.witnesses.size() > 1) {
      out << style.dim(fmt::format("       and {} more {} like it\n", g.witnesses.size() - 1,
                                   g.witnesses.size() == 2 ? "example" : "examples"));
    }
  }
}

std::string signed_amount(const Rational& cents) {
  const std::string text = short_amount(cents.sign() < 0 ? cents.negated() : cents);
  if (cents.sign() == 0) return "$0";
  const bool rounded = text.rfind("≈ ", 0) == 0;
  const std::string bare = rounded ? text.substr(4) : text;
  return fmt::format("{}{}{}", rounded ? "≈ " : "", cents.sign() < 0 ? "-" : "+", bare);
}

// A difference of two shares (exact fractions of one), as "+5%" or "-0.25%".
std::string signed_share(const Rational& share) {
  const auto units = share.times(Rational(engine::Percent::kWhole));
  if (!units || !units->is_integer()) return share.to_string();
  const auto n = static_cast<std::int64_t>(units->numerator());
  return fmt::format("{}{}", n < 0 ? "-" : "+", engine::Percent::from_units(n < 0 ? -n : n).to_string());
}

void print_payouts(std::ostream& out, const ContractDiff& d, const Style& style) {
  if (d.payouts.empty()) {
    out << style.bold("Payouts") << ": no change\n";
    return;
  }
  out << style.bold("Payouts") << ": where one profit, paid from a fresh state, pays differently (old → new)\n";
  bool rounded = false;
  const auto amount = [&](const Rational& cents) {
    std::string text = short_amount(cents);
    rounded = rounded || text.rfind("≈", 0) == 0;
    return text;
  };
  for (const engine::WaterfallPayoutDiff& w : d.payouts) {
    const char* change = w.change == engine::TermChangeKind::added     ? " (only in the new contract)"
                         : w.change == engine::TermChangeKind::removed ? " (only in the old contract)"
                                                                       : "";
    out << fmt::format("  waterfall {} of {}{}\n", w.name, w.of, change);
    if (!w.error.empty()) {
      out << "    " << w.error << '\n';
      continue;
    }
    // A sentence a range: who gains or loses, over which profits, by how much; the payouts
    // at the range's ends only where they differ (a range starts and ends where they
    // are equal unless it starts at $0 or runs on for ever).
    for (const engine::PartyPayoutDiff& p : w.parties) {
      for (const engine::PayoutRange& r : p.ranges) {
        const char* who = r.direction < 0 ? "loses" : r.direction > 0 ? "gains" : "gains at some profits and loses at others";
        const std::string over = r.to ? fmt::format("when the profit is between {} and {}", amount(r.from), amount(*r.to))
                                      : fmt::format("when the profit is {} or more", amount(r.from));
        std::string how;
        if (r.largest) {
          const Rational size = r.largest->sign() < 0 ? r.largest->negated() : *r.largest;
          how = fmt::format("up to {} {}", amount(size), r.largest->sign() < 0 ? "less" : "more");
          how += r.largest_from_on ? fmt::format(", from a profit of {} on", amount(*r.largest_at))
                                   : fmt::format(", at a profit of {}", amount(*r.largest_at));
        } else {
          const Rational share = r.slope.sign() < 0 ? r.slope.negated() : r.slope;
          std::string percent = signed_share(share);
          if (percent.rfind('+', 0) == 0) percent.erase(0, 1);
          how = fmt::format("{} {} of each further dollar, without end", percent,
                            r.slope.sign() < 0 ? "less" : "more");
        }
        std::vector<std::string> ends;
        if (r.old_at_from != r.new_at_from) {
          ends.push_back(fmt::format("at {}: {} → {}", amount(r.from), amount(r.old_at_from), amount(r.new_at_from)));
        }
        if (r.to && *r.old_at_to != *r.new_at_to) {
          ends.push_back(fmt::format("at {}: {} → {}", amount(*r.to), amount(*r.old_at_to), amount(*r.new_at_to)));
        }
        out << fmt::format("    {} {} {}: {}{}.\n", p.party, who, over, how,
                           ends.empty() ? "" : fmt::format(" (paid {})", fmt::join(ends, "; ")));
      }
    }
  }
  if (rounded) out << style.dim("  ≈ rounded here; clause diff --json gives every figure exactly") << '\n';
}

std::vector<std::string> or_nothing(std::vector<std::string> outcomes) {
  if (outcomes.empty()) outcomes.push_back("nothing happens");
  return outcomes;
}

void print_scenarios(std::ostream& out, const ContractDiff& d, const Style& style) {
  if (!d.scenarios) return;
  const auto& all = *d.scenarios;
  out << style.bold("Scenarios") << fmt::format(": {} rerun against both\n", all.size());
  for (const engine::ScenarioImpactKind kind :
       {engine::ScenarioImpactKind::outcomes_changed, engine::ScenarioImpactKind::payouts_moved,
        engine::ScenarioImpactKind::cannot_run, engine::ScenarioImpactKind::unchanged}) {
    std::vector<const engine::ScenarioImpact*> these;
    for (const engine::ScenarioImpact& s : all) {
      if (s.kind == kind) these.push_back(&s);
    }
    if (these.empty()) continue;
    if (kind == engine::ScenarioImpactKind::unchanged) {
      std::vector<std::string> paths;
      for (const engine::ScenarioImpact* s : these) paths.push_back(s->path);
      out << fmt::format("  unchanged ({}): {}\n", these.size(), fmt::join(paths, ", "));
      continue;
    }
    out << fmt::format("  {} ({}):\n", engine::scenario_impact_name(kind), these.size());
    for (const engine::ScenarioImpact* s : these) {
      out << "    " << s->path << '\n';
      if (!s->renamed.empty()) {
        std::vector<std::string> renames;
        for (const auto& [from, to] : s->renamed) renames.push_back(fmt::format("{} → {}", from, to));
        out << fmt::format("      run against the new contract with its new names: {}\n", fmt::join(renames, ", "));
      }
      for (const engine::ScenarioEventChange& e : s->events) {
        out << fmt::format("      on {}: {}\n", e.on.to_string(), e.event);
        out << fmt::format("        old  {}\n", fmt::join(or_nothing(scenario_outcomes(*s->old_run, e.old_record)), "; "));
        out << fmt::format("        new  {}\n", fmt::join(or_nothing(scenario_outcomes(*s->new_run, e.new_record)), "; "));
      }
      for (const engine::ScenarioPayoutChange& p : s->payouts) {
        const Rational delta = Rational(p.new_amount.cents() - p.old_amount.cents());
        out << fmt::format("      {} receives {} → {} ({})\n", p.party, p.old_amount.to_short(),
                           p.new_amount.to_short(), signed_amount(delta));
      }
      if (kind == engine::ScenarioImpactKind::cannot_run) {
        if (!s->old_problem.empty()) out << "      against the old contract: " << s->old_problem << '\n';
        if (!s->new_problem.empty()) out << "      against the new contract: " << s->new_problem << '\n';
      } else if (s->old_failed != s->new_failed) {
        out << fmt::format("      expectations: {} passed, {} failed → {} passed, {} failed\n", s->old_passed,
                           s->old_failed, s->new_passed, s->new_failed);
      }
    }
  }
}

// ----- the summary at the top ------------------------------------------------------------

// `text` broken between words to lines of at most kMemoWidth cells, the first led by
// `indent` and the others by `indent` and two spaces more.
std::string wrapped(const std::string& text, const std::string& indent) {
  std::string out = indent;
  std::size_t width = dsl::display_width(indent);
  std::size_t i = 0;
  bool first_word = true;
  while (i < text.size()) {
    std::size_t j = std::min(text.find(' ', i), text.size());
    if (text.compare(i, j - i, "≈") == 0 && j < text.size()) j = std::min(text.find(' ', j + 1), text.size());  // "≈ $1B" is one
    const std::string word = text.substr(i, j - i);
    const std::size_t w = dsl::display_width(word);
    if (!first_word && width + 1 + w > kMemoWidth) {
      out += "\n" + indent + "  ";
      width = dsl::display_width(indent) + 2;
    } else if (!first_word) {
      out += ' ';
      ++width;
    }
    out += word;
    width += w;
    first_word = false;
    i = j + 1;
  }
  return out + "\n";
}

// What each party may now do that it could not, and may no longer do; whose money moves,
// at round profits. Read from the simplest example of each change: an event that was a
// breach or of no effect and no longer is, or the other way round.
void print_summary(std::ostream& out, const ContractDiff& d, const Style& style) {
  const engine::BehaviourDiff& b = d.behaviour;
  struct Line {
    std::string actor;
    std::string text;
  };
  std::vector<Line> lines;
  const SummaryChanges summary = summary_changes(d);
  std::size_t other_changes = summary.other_changes;
  for (const MayChange& m : summary.changes) {
    std::string what = m.deed;
    if (!m.before.empty()) what += fmt::format(" once {}", fmt::join(m.before, ", then "));
    if (m.as_on) what += fmt::format(" (as on {})", m.as_on->to_string());
    const std::string who = m.outsider ? "Someone outside the contract" : m.actor;
    std::string text =
        m.now_may ? fmt::format("{} may now {}; the old contract {}.", who, what,
                                m.verdict.empty() ? "gave that no effect" : "made that a breach " + m.verdict)
                  : fmt::format("{} may no longer {}; the new contract {}.", who, what,
                                m.verdict.empty() ? "gives that no effect" : "makes that a breach " + m.verdict);
    text = outsiders_read(b, text, "someone outside the contract");
    if (std::none_of(lines.begin(), lines.end(), [&](const Line& l) { return l.text == text; })) {
      lines.push_back(Line{m.actor, std::move(text)});
    }
  }

  out << style.bold("In short") << '\n';
  constexpr std::size_t kMostLines = 8;
  for (std::size_t k = 0; k < lines.size() && k < kMostLines; ++k) out << wrapped(lines[k].text, "  ");
  if (lines.size() > kMostLines) other_changes += lines.size() - kMostLines;
  if (other_changes > 0) {
    out << wrapped(fmt::format("{}{} other change{} in which term decides an event, or whether a contract covers it "
                               "(see Behaviour).",
                               lines.empty() ? "" : "And ", other_changes, other_changes == 1 ? "" : "s"),
                   "  ");
  }

  std::size_t money = 0;
  for (const engine::WaterfallPayoutDiff& wf : d.payouts) {
    for (const engine::PartyPayoutDiff& p : wf.parties) {
      ++money;
      std::vector<std::string> moved;
      std::vector<std::string> same;
      int direction = 0;
      for (const engine::PayoutSample& sample : p.samples) {
        const auto delta = sample.new_paid.minus(sample.old_paid);
        if (!delta || delta->is_zero()) {
          same.push_back(short_amount(sample.profit));
          continue;
        }
        direction |= delta->sign() < 0 ? 1 : 2;
        const Rational size = delta->sign() < 0 ? delta->negated() : *delta;
        moved.push_back(fmt::format("{} {} at {}", short_amount(size), delta->sign() < 0 ? "less" : "more",
                                    short_amount(sample.profit)));
      }
      for (const engine::PayoutRange& r : p.ranges) direction |= r.direction < 0 ? 1 : r.direction > 0 ? 2 : 3;
      const char* gets = direction == 1 ? "is paid less" : direction == 2 ? "is paid more" : "is paid more or less";
      std::string text = fmt::format("{} {} by waterfall {} of {}", p.party, gets, wf.name, wf.of);
      if (!moved.empty()) text += fmt::format(": {}", join_and(moved));
      if (!same.empty()) text += fmt::format("{} the same at {}", moved.empty() ? ":" : ";", join_and(same));
      out << wrapped(text + ".", "  ");
    }
  }
  std::size_t scenarios = 0;
  if (d.scenarios) {
    for (const engine::ScenarioImpact& sc : *d.scenarios) {
      if (sc.kind == engine::ScenarioImpactKind::outcomes_changed || sc.kind == engine::ScenarioImpactKind::payouts_moved) {
        ++scenarios;
      }
    }
  }
  if (scenarios > 0) {
    out << fmt::format("  {} saved scenario{} end{} differently (see Scenarios).\n", scenarios, scenarios == 1 ? "" : "s",
                       scenarios == 1 ? "s" : "");
  }
  if (lines.empty() && other_changes == 0 && money == 0 && scenarios == 0) {
    out << "  Nothing a party may do or is paid changes.\n";
  }
  else if (money > 0) out << style.dim("  (a single profit of that size, paid from a fresh state; see Payouts)") << '\n';
}

}  // namespace

// What one run made of one event of a saved scenario, an outcome each: its kind and
// headline, and for an event the contract does not cover, why ("uncovered OpenAI uses models:
// the contract takes effect on 2025-10-28: it is not in force on 2025-03-01").
std::vector<std::string> scenario_outcomes(const engine::ScenarioRun& run, engine::Index record) {
  const ExplainContext ctx{*run.contract.contract, run.log, &run.outsiders.names()};
  const engine::EventRecord& rec = run.log.events[record];
  const engine::Event& event = run.events[rec.event];
  std::vector<std::string> out;
  for (const engine::Outcome& o : run.log.outcomes_of(rec)) {
    std::string text = kind_and_headline(ctx, event, o);
    if (std::holds_alternative<engine::Uncovered>(o)) text += ", because " + explain(ctx, event, rec.on, o);
    out.push_back(std::move(text));
  }
  return out;
}

void print_diff(std::ostream& out, const ContractDiff& d, const Style& style) {
  const engine::Contract& a = *d.old_contract;
  const engine::Contract& b = *d.new_contract;
  std::string title = fmt::format("What changed from {} to {}", contract_label(a), contract_label(b));
  if (a.title == b.title) {
    title = a.version && b.version && *a.version != *b.version
                ? fmt::format("What changed in \"{}\" from version {} to {}", a.title, *a.version, *b.version)
                : fmt::format("What changed in \"{}\"", a.title);
  }
  out << style.bold(title) << '\n';
  out << fmt::format("  old: {}\n  new: {}\n\n", d.old_contract->source->name(), d.new_contract->source->name());
  print_summary(out, d, style);
  out << '\n';
  print_terms(out, d, style);
  out << '\n';
  print_behaviour(out, d, style);
  out << '\n';
  print_payouts(out, d, style);
  if (d.scenarios) {
    out << '\n';
    print_scenarios(out, d, style);
  }
  out << '\n'
      << (d.behaves_the_same() ? "The two contracts behave the same." : "The two contracts behave differently.")
      << '\n';
}

}  // namespace clause::cli
