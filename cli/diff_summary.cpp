#include "cli/diff_summary.hpp"

#include <algorithm>
#include <cctype>
#include <variant>

#include <fmt/format.h>

#include "cli/outcome_sentences.hpp"

namespace clause::cli {

namespace {

// "buys compute from Oracle for $1" → "buy compute from Oracle": an event without its
// actor, in the form that follows "may". Empty for events no one does (`AGI is declared`).
std::string as_deed(const engine::Contract& c, const std::vector<std::string>& outsiders, const engine::Event& e,
                    const std::string& canonical) {
  using K = engine::EventKind;
  if (e.kind == K::is_declared || e.kind == K::is_verified || e.kind == K::nothing_happens || e.kind == K::earns) {
    return "";
  }
  const std::string actor = c.actor_name(e.actor, &outsiders);
  if (canonical.rfind(actor + " ", 0) != 0) return "";
  std::string rest = canonical.substr(actor.size() + 1);
  static const std::pair<const char*, const char*> kVerbs[] = {
      {"buys ", "buy "},       {"uses ", "use "},         {"declares ", "declare "}, {"consents ", "consent "},
      {"does ", "do "},        {"verifies ", "verify "}, {"rejects ", "reject "},   {"declines ", "decline "}};
  for (const auto& [third, base] : kVerbs) {
    if (rest.rfind(third, 0) == 0) {
      rest = base + rest.substr(std::string_view(third).size());
      break;
    }
  }
  // $1 is the nominal amount of an example; a purchase at a limit keeps its amount.
  if (rest.size() > 7 && rest.compare(rest.size() - 7, 7, " for $1") == 0) rest.resize(rest.size() - 7);
  return rest;
}

bool forbidden(const std::vector<ShownOutcome>& shown) {
  return std::any_of(shown.begin(), shown.end(), [](const ShownOutcome& o) {
    return o.kind == engine::OutcomeKind::breach || o.kind == engine::OutcomeKind::ineffective;
  });
}

// Names neither contract declares (the examples' `Outsider`), read "someone outside the
// contract" in the summary.
bool outsider_to_both(const engine::BehaviourDiff& b, std::string_view name) {
  const auto in = [&](const std::vector<std::string>& v) { return std::find(v.begin(), v.end(), name) != v.end(); };
  return in(b.old_outsiders) && in(b.new_outsiders);
}

}  // namespace

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

std::string outsiders_read(const engine::BehaviourDiff& b, const std::string& text, const std::string& replacement) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t j = i;
    while (j < text.size() && (std::isalnum(static_cast<unsigned char>(text[j])) != 0 || text[j] == '_')) ++j;
    if (j == i) {
      out += text[i++];
      continue;
    }
    const std::string word = text.substr(i, j - i);
    out += outsider_to_both(b, word) ? replacement : word;
    i = j;
  }
  return out;
}


SummaryChanges summary_changes(const engine::ContractDiff& d) {
  const engine::BehaviourDiff& b = d.behaviour;
  SummaryChanges out;
  for (const engine::WitnessGroup& g : b.groups) {
    const engine::Witness& w = g.witnesses.front();
    const engine::Index i = w.shows;
    const dsl::Date on = i < w.dates.size() ? w.dates[i] : w.on;
    const auto old_shown = shown_outcomes(*d.old_contract, b.old_outsiders, w.old_answer, i, on);
    const auto new_shown = shown_outcomes(*d.new_contract, b.new_outsiders, w.new_answer, i, on);
    const bool was = forbidden(old_shown);
    const bool is = forbidden(new_shown);
    const engine::Event& e = w.old_answer.events[i];
    const std::string deed = as_deed(*d.old_contract, b.old_outsiders, e, w.events[i]);
    // "Of no effect" against silence is no change in what a party may do: declining where no
    // first refusal exists means nothing either way. A breach against silence is.
    const auto effective = [](const std::vector<ShownOutcome>& shown) {
      return std::any_of(shown.begin(), shown.end(), [](const ShownOutcome& o) {
        return o.kind && *o.kind != engine::OutcomeKind::uncovered && *o.kind != engine::OutcomeKind::breach &&
               *o.kind != engine::OutcomeKind::ineffective;
      });
    };
    const auto breach = [](const std::vector<ShownOutcome>& shown) {
      return std::any_of(shown.begin(), shown.end(),
                         [](const ShownOutcome& o) { return o.kind == engine::OutcomeKind::breach; });
    };
    const bool meaningful = was ? breach(old_shown) || effective(new_shown) : breach(new_shown) || effective(old_shown);
    if (was == is || !meaningful || deed.empty() || !w.new_answer.missing[i].empty() ||
        !w.old_answer.missing[i].empty()) {
      ++out.other_changes;
      continue;
    }
    MayChange change;
    change.actor = d.old_contract->actor_name(e.actor, &b.old_outsiders);
    change.outsider = outsider_to_both(b, change.actor);
    change.now_may = was;
    change.deed = deed;
    // What the contract that forbids it makes of it: a breach "of `exclusivity` by OpenAI".
    for (const ShownOutcome& o : was ? old_shown : new_shown) {
      if (o.kind == engine::OutcomeKind::breach && change.verdict.empty()) change.verdict = o.headline;
    }
    for (engine::Index k = 0; k < i; ++k) {
      std::string event = w.events[k];
      // The nominal $1 of an example's event is no part of the condition.
      if (event.size() > 7 && event.compare(event.size() - 7, 7, " for $1") == 0) event.resize(event.size() - 7);
      change.before.push_back(std::move(event));
    }
    if (on != b.on) change.as_on = on;
    const auto same = [&](const MayChange& m) {
      return m.actor == change.actor && m.now_may == change.now_may && m.deed == change.deed &&
             m.before == change.before && m.as_on == change.as_on && m.verdict == change.verdict;
    };
    if (std::none_of(out.changes.begin(), out.changes.end(), same)) out.changes.push_back(std::move(change));
  }
  // By actor, in the order first met.
  auto& lines = out.changes;
  std::stable_sort(lines.begin(), lines.end(), [&](const MayChange& x, const MayChange& y) {
    const auto first = [&](const std::string& a) {
      return std::find_if(lines.begin(), lines.end(), [&](const MayChange& l) { return l.actor == a; }) - lines.begin();
    };
    return first(x.actor) < first(y.actor);
  });
  return out;
}

}  // namespace clause::cli
