// The change memo: what changed in the terms, the smallest events that now end
// differently, who gains or loses how much at which profits, and the saved scenarios.
#include <optional>
#include <ostream>

#include <fmt/format.h>

#include "cli/diff_terms_text.hpp"
#include "cli/diff_output.hpp"
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

// One outcome of a witness's event, as the memo shows it.
struct ShownOutcome {
  std::optional<engine::OutcomeKind> kind;  // none: the event did not happen in this contract
  std::string headline;
  std::string reason;
  friend bool operator==(const ShownOutcome& a, const ShownOutcome& b) {
    return a.kind == b.kind && a.headline == b.headline;
  }
};

std::vector<ShownOutcome> shown_outcomes(const engine::Contract& c, const std::vector<std::string>& outsiders,
                                         const engine::ProbeAnswer& a, engine::Index event, dsl::Date on) {
  if (!a.missing[event].empty()) return {ShownOutcome{std::nullopt, "not in this contract: " + a.missing[event], ""}};
  const ExplainContext ctx{c, a.log, &outsiders};
  std::vector<ShownOutcome> out;
  for (const engine::EventRecord& r : a.log.events) {
    if (r.event != event) continue;
    for (const engine::Outcome& o : a.log.outcomes_of(r)) {
      // What time revealed before the event is the `nothing happens` witness's to show.
      const auto* b = std::get_if<engine::Breach>(&o);
      const bool of_time = std::holds_alternative<engine::Expired>(o) ||
                           (b != nullptr && b->why == engine::Breach::Why::commitment_short);
      if (of_time && a.events[event].kind != engine::EventKind::nothing_happens) continue;
      out.push_back(ShownOutcome{engine::kind_of(o), headline(ctx, a.events[event], o),
                                 explain(ctx, a.events[event], on, o)});
    }
  }
  return out;
}

// The outcomes one contract gave one event of a witness, a line each; with the reason when
// the headlines alone would not show what differs.
void print_side(std::ostream& out, const Style& style, const char* label, const std::vector<ShownOutcome>& shown,
                bool with_reason, const std::string& indent) {
  const std::string head = fmt::format("{}{}  ", indent, label);
  const std::string blank(head.size(), ' ');
  if (shown.empty()) out << head << style.dim("nothing happens") << '\n';
  bool first = true;
  for (const ShownOutcome& o : shown) {
    out << (first ? head : blank);
    first = false;
    if (!o.kind) {
      out << style.dim(fmt::format("{} {}", symbol(engine::OutcomeKind::uncovered), o.headline)) << '\n';
      continue;
    }
    out << style.kind(*o.kind, fmt::format("{} {} ", symbol(*o.kind), pad(engine::outcome_kind_name(*o.kind), 10)))
        << o.headline << '\n';
    if (with_reason) out << blank << "  " << style.dim(o.reason) << '\n';
  }
}

// "on 2031-01-01: Microsoft uses research": a witness's events, each run of them dated
// other than `on` (the probes' usual date) led by its date.
std::string witness_events(const engine::Witness& w, dsl::Date on) {
  std::string text;
  std::optional<dsl::Date> last;
  for (std::size_t i = 0; i < w.events.size(); ++i) {
    const dsl::Date date = i < w.dates.size() ? w.dates[i] : w.on;
    if (i > 0) text += ", then ";
    if (last ? date != *last : date != on) text += fmt::format("on {}: ", date.to_string());
    last = date;
    text += w.events[i];
  }
  return text;
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
    out << fmt::format("no change ({} {} on {}{})\n", b.probes, b.probes == 1 ? "probe" : "probes", b.on.to_string(),
                       dated_note(b));
    return;
  }
  out << fmt::format("{} {} found by {} probes on {}{}, the smallest witness of each\n", b.groups.size(),
                     b.groups.size() == 1 ? "change" : "changes", b.probes, b.on.to_string(), dated_note(b));
  std::size_t number = 0;
  for (const engine::WitnessGroup& g : b.groups) {
    const engine::Witness& w = g.witnesses.front();
    if (++number > kMemoGroups) {
      if (number > kMemoGroups + kMemoLines) {
        out << fmt::format("  … and {} more (clause diff --json lists every witness)\n",
                           b.groups.size() - kMemoGroups - kMemoLines);
        break;
      }
      // A line each: "on 2031-01-01: Microsoft uses research — old: permitted; new: breach".
      const dsl::Date shows_on = w.shows < w.dates.size() ? w.dates[w.shows] : w.on;
      const auto kinds = [&](const engine::Contract& c, const std::vector<std::string>& outsiders,
                             const engine::ProbeAnswer& a) {
        std::vector<std::string> said;
        for (const ShownOutcome& o : shown_outcomes(c, outsiders, a, w.shows, shows_on)) {
          said.push_back(o.kind ? engine::outcome_kind_name(*o.kind) : "not in this contract");
        }
        if (said.empty()) said.push_back("nothing happens");
        return fmt::format("{}", fmt::join(said, ", "));
      };
      out << fmt::format("  {}. {} — old: {}; new: {}\n", number, witness_events(w, b.on),
                         kinds(*d.old_contract, b.old_outsiders, w.old_answer),
                         kinds(*d.new_contract, b.new_outsiders, w.new_answer));
      continue;
    }
    out << fmt::format("  {}. {}\n", number, witness_events(w, b.on));
    // The outcomes of the event that shows the change; named when it is not the last.
    std::string indent = "       ";
    if (w.shows + 1 != w.events.size()) {
      out << indent << style.dim(fmt::format("at `{}`:", w.events[w.shows])) << '\n';
      indent += "  ";
    }
    const dsl::Date shows_on = w.shows < w.dates.size() ? w.dates[w.shows] : w.on;
    const auto old_shown = shown_outcomes(*d.old_contract, b.old_outsiders, w.old_answer, w.shows, shows_on);
    const auto new_shown = shown_outcomes(*d.new_contract, b.new_outsiders, w.new_answer, w.shows, shows_on);
    const bool with_reason = old_shown == new_shown;
    print_side(out, style, "old", old_shown, with_reason, indent);
    print_side(out, style, "new", new_shown, with_reason, indent);
    if (g.witnesses.size() > 1) {
      out << style.dim(fmt::format("       and {} more {} like it\n", g.witnesses.size() - 1,
                                   g.witnesses.size() == 2 ? "witness" : "witnesses"));
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
    Table table({"party", "", "profit", "paid at the start", "paid at the end", "largest difference"});
    for (const engine::PartyPayoutDiff& p : w.parties) {
      bool first = true;
      for (const engine::PayoutRange& r : p.ranges) {
        const char* who = r.direction < 0 ? "loses" : r.direction > 0 ? "gains" : "gains and loses";
        const std::string range =
            r.to ? fmt::format("{} to {}", amount(r.from), amount(*r.to)) : fmt::format("{} and above", amount(r.from));
        const std::string start = fmt::format("{} → {}", amount(r.old_at_from), amount(r.new_at_from));
        const std::string end = r.to ? fmt::format("{} → {}", amount(*r.old_at_to), amount(*r.new_at_to)) : "—";
        std::string largest;
        if (r.largest) {
          largest = fmt::format("{} {} {}", signed_amount(*r.largest), r.largest_from_on ? "from" : "at",
                                amount(*r.largest_at));
          if (r.largest_from_on) largest += " on";
          rounded = rounded || largest.find("≈") != std::string::npos;
        } else {
          largest = fmt::format("without end: {} of each further dollar", signed_share(r.slope));
        }
        table.add_row({first ? p.party : "", who, range, start, end, largest});
        first = false;
      }
    }
    table.print(out, style, "    ");
  }
  if (rounded) out << style.dim("  ≈ rounded here; clause diff --json gives every figure exactly") << '\n';
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
      for (const engine::ScenarioEventChange& e : s->events) {
        out << fmt::format("      on {}: {}\n", e.on.to_string(), e.event);
        out << fmt::format("        old  {}\n", fmt::join(event_outcomes(*s->old_run, e.old_record), "; "));
        out << fmt::format("        new  {}\n", fmt::join(event_outcomes(*s->new_run, e.new_record), "; "));
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

}  // namespace

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
