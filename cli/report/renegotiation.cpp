// With an old version to compare with: what the renegotiation changed (the data of
// `clause diff`) — the summary in plain words, every changed term side by side, dated
// examples of behaviour that changed, and who gains or loses at which profits.
#include <algorithm>
#include <set>
#include <variant>

#include <fmt/format.h>

#include "cli/chart_axis.hpp"
#include "cli/diff_output.hpp"
#include "cli/diff_summary.hpp"
#include "cli/payout.hpp"
#include "cli/report/chart.hpp"
#include "cli/report/sections.hpp"

namespace clause::cli::report {

using engine::Rational;

namespace {

// ----- in short ---------------------------------------------------------------------------

std::string summary_html(const Input& in) {
  const Labels& l = labels(in.language);
  const engine::ContractDiff& d = *in.diff;
  const SummaryChanges summary = summary_changes(d);
  std::string html = fmt::format(R"(<div id="diff-summary"><h3>{}</h3><ul class="lines">)", esc(l.in_short));
  for (const MayChange& m : summary.changes) {
    std::string what = fmt::format("<code>{}</code>", esc(outsiders_read(d.behaviour, m.deed, std::string(l.outsider))));
    if (!m.before.empty()) {
      std::string before;
      for (const std::string& e : m.before) {
        if (!before.empty()) before += esc(l.then);
        before += fmt::format("<code>{}</code>", esc(outsiders_read(d.behaviour, e, std::string(l.outsider))));
      }
      what += say(l.once, before);
    }
    if (m.as_on) what += esc(say(l.as_on, m.as_on->to_string()));
    const std::string verdict = m.verdict.empty()
                                    ? std::string(m.now_may ? l.old_no_effect : l.new_no_effect)
                                    : say(m.now_may ? l.old_breach : l.new_breach,
                                          headline_words(in, engine::OutcomeKind::breach, outsiders_read(d.behaviour, m.verdict, std::string(l.outsider))));
    const std::string who = m.outsider ? std::string(l.outsider) : m.actor;
    html += fmt::format(R"(<li class="{}">{}</li>)", m.now_may ? "gain" : "loss",
                        say(m.now_may ? l.may_now : l.may_no_longer, esc(who), what, verdict));
    html += '\n';
  }
  if (summary.other_changes > 0) {
    const std::string other =
        summary.other_changes == 1 ? std::string(l.other_change) : say(l.other_changes, summary.other_changes);
    html += fmt::format("<li>{}</li>\n", esc(other));
  }
  // Whose money moves, in a sentence each; the figures are in "who gains or loses" below.
  for (const engine::WaterfallPayoutDiff& w : d.payouts) {
    for (const engine::PartyPayoutDiff& p : w.parties) {
      int direction = 0;
      for (const engine::PayoutRange& r : p.ranges) direction |= r.direction < 0 ? 1 : r.direction > 0 ? 2 : 3;
      const std::string_view paid = direction == 1 ? l.paid_less : direction == 2 ? l.paid_more : l.paid_either;
      html += fmt::format(R"(<li class="{}">{}</li>)", direction == 1 ? "loss" : direction == 2 ? "gain" : "",
                          say(paid, esc(p.party), fmt::format("<code>{}</code>", esc(w.name))));
      html += '\n';
    }
  }
  if (summary.changes.empty() && summary.other_changes == 0 && d.payouts.empty()) {
    html += fmt::format("<li>{}</li>\n", esc(l.nothing_changes));
  }
  html += fmt::format(R"(</ul><p class="verdict" data-same="{}">{}</p></div>)", d.behaves_the_same() ? "true" : "false",
                      esc(d.behaves_the_same() ? l.same : l.differently));
  html += '\n';
  return html;
}

// ----- every changed term -----------------------------------------------------------------

std::string terms_html(const Input& in) {
  const Labels& l = labels(in.language);
  const engine::ContractDiff& d = *in.diff;
  std::string html = fmt::format(R"(<div id="diff-terms"><h3>{}</h3>)", esc(l.changed_terms));
  if (d.terms.empty()) return html + fmt::format("<p>{}</p></div>\n", esc(l.no_change));
  html += fmt::format(R"(<div class="scroll"><table class="terms"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>)",
                      esc(l.change), esc(l.declaration), esc(l.part), esc(l.old_head), esc(l.new_head));
  html += '\n';
  for (std::size_t i = 0; i < d.terms.size(); ++i) {
    const engine::TermChange& t = d.terms[i];
    const std::string_view change = t.change == engine::TermChangeKind::added     ? l.added
                                    : t.change == engine::TermChangeKind::removed ? l.removed
                                                                                  : l.changed;
    const std::size_t rows = std::max<std::size_t>(1, t.details.size());
    for (std::size_t k = 0; k < rows; ++k) {
      html += fmt::format(R"(<tr data-figure="term" data-index="{}" class="{}">)", i, engine::term_change_name(t.change));
      if (k == 0) {
        html += fmt::format(R"(<td rowspan="{0}" data-label="{4}">{1}</td><td rowspan="{0}" data-label="{5}">{2} <code>{3}</code></td>)",
                            rows, esc(change), esc(t.kind), esc(t.name), esc(l.change), esc(l.declaration));
      }
      if (t.details.empty()) {
        html += "<td></td><td></td><td></td></tr>\n";
        continue;
      }
      const engine::TermDetail& detail = t.details[k];
      const auto value = [](const std::string& v) { return v.empty() ? std::string() : fmt::format("<code>{}</code>", esc(v)); };
      html += fmt::format(R"(<td data-label="{}">{}</td><td class="old" data-label="{}">{}</td><td class="new" data-label="{}">{}</td></tr>)",
                          esc(l.part), esc(detail.what), esc(l.old_head), value(detail.old_value), esc(l.new_head),
                          value(detail.new_value));
      html += '\n';
    }
  }
  html += "</tbody></table></div></div>\n";
  return html;
}

// ----- dated examples ---------------------------------------------------------------------

std::string outcomes_cell(const Input& in, const std::vector<ShownOutcome>& shown) {
  const Labels& l = labels(in.language);
  std::string html = R"(<ul class="outcomes">)";
  if (shown.empty()) html += fmt::format(R"(<li class="none">{}</li>)", esc(l.nothing));
  for (const ShownOutcome& o : shown) {
    if (!o.kind) {
      html += fmt::format(R"(<li data-kind="missing"><span class="kind k-uncovered">{}</span></li>)",
                          esc(say(l.not_in_contract, o.headline.substr(std::string_view("not in this contract: ").size()))));
      continue;
    }
    const char* kind = engine::outcome_kind_name(*o.kind);
    html += fmt::format(R"(<li data-kind="{}"><span class="kind k-{}">{}</span> {}<div class="because">{}</div></li>)", kind, kind,
                        esc(kind_word(*o.kind, in.language)), headline_words(in, *o.kind, o.headline), ticks_as_code(o.reason));
  }
  return html + "</ul>";
}

std::string behaviour_html(const Input& in) {
  const Labels& l = labels(in.language);
  const engine::ContractDiff& d = *in.diff;
  const engine::BehaviourDiff& b = d.behaviour;
  std::string html = fmt::format(R"(<div id="diff-behaviour"><h3>{}</h3>)", esc(l.behaviour));
  if (b.groups.empty()) return html + fmt::format("<p>{}</p></div>\n", esc(l.no_change));
  html += fmt::format(R"(<p class="note" data-figure="probes" data-groups="{}" data-count="{}" data-on="{}">{}</p><ol class="examples">)",
                      b.groups.size(), b.probes, b.on.to_string(),
                      esc(say(l.behaviour_note, b.groups.size(), b.probes, b.on.to_string())));
  for (std::size_t g = 0; g < b.groups.size() && g < kMemoGroups; ++g) {
    const engine::Witness& w = b.groups[g].witnesses.front();
    html += fmt::format(R"(<li data-figure="example" data-group="{}" data-on="{}"><p><code>{}</code></p>)", g + 1,
                        w.on.to_string(), esc(witness_events(w, b.on)));
    html += fmt::format(R"(<div class="scroll"><table class="sides"><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>)",
                        esc(l.event), esc(l.old_head), esc(l.new_head));
    for (engine::Index i = 0; i < w.events.size(); ++i) {
      const dsl::Date on = i < w.dates.size() ? w.dates[i] : w.on;
      const auto old_shown = shown_outcomes(*d.old_contract, b.old_outsiders, w.old_answer, i, on);
      const auto new_shown = shown_outcomes(*d.new_contract, b.new_outsiders, w.new_answer, i, on);
      const bool differs = i < w.differs.size() ? w.differs[i] : old_shown != new_shown;
      html += fmt::format(R"(<tr class="{}"><td><time datetime="{}">{}</time> <code>{}</code></td>)", differs ? "differs" : "same",
                          on.to_string(), on.to_string(), esc(w.events[i]));
      if (differs) {
        html += fmt::format(R"(<td data-label="{}">{}</td><td data-label="{}">{}</td></tr>)", esc(l.old_head),
                            outcomes_cell(in, old_shown), esc(l.new_head), outcomes_cell(in, new_shown));
      } else {
        html += fmt::format(R"(<td colspan="2"><span class="where">{}</span> {}</td></tr>)", esc(l.old_and_new),
                            outcomes_cell(in, old_shown));
      }
    }
    html += "</tbody></table></div></li>\n";
  }
  html += "</ol>\n";
  if (b.groups.size() > kMemoGroups) html += fmt::format(R"(<p class="note">{}</p>)", esc(say(l.more_examples, b.groups.size() - kMemoGroups)));
  html += "</div>\n";
  return html;
}

// ----- who gains or loses -----------------------------------------------------------------

std::optional<engine::Schedule> schedule_of(const engine::Contract& c, std::string_view waterfall) {
  const auto ref = c.find(waterfall);
  if (!ref || ref->kind != engine::DeclKind::waterfall) return std::nullopt;
  auto built = engine::build_schedule(c.waterfalls[ref->index], c.parties.size());
  if (auto* s = std::get_if<engine::Schedule>(&built)) return std::move(*s);
  return std::nullopt;
}

engine::Index party_of(const engine::Contract& c, std::string_view name) {
  const auto ref = c.find(name);
  return ref && ref->kind == engine::DeclKind::party ? ref->index : engine::kNone;
}

// What one side pays `party` at `profit`: nothing when that side lacks the waterfall or the party.
Rational paid(const std::optional<engine::Schedule>& s, engine::Index party, const Rational& profit) {
  if (!s || party == engine::kNone) return Rational(0);
  return s->payout(party, profit).value_or(Rational(0));
}

std::string difference_chart(const Input& in, const engine::WaterfallPayoutDiff& w) {
  const Labels& l = labels(in.language);
  const engine::ContractDiff& d = *in.diff;
  const auto old_schedule = schedule_of(*d.old_contract, d.names.to_old(w.name));
  const auto new_schedule = schedule_of(*d.new_contract, w.name);
  // The difference of two piecewise-linear payouts bends only where either one does.
  std::set<Rational> xs;
  for (const auto* s : {&old_schedule, &new_schedule}) {
    if (!*s) continue;
    for (const engine::Breakpoint& b : (*s)->breakpoints()) xs.insert(b.profit);
  }
  if (xs.empty()) return "";
  const double x_end = axis_end(std::max(to_double(*xs.rbegin()) * 1.15, 1e11));
  const Rational end(static_cast<std::int64_t>(std::min(x_end, 1e17)));
  xs.insert(end);
  Chart chart;
  chart.title = std::string(l.gains_note);
  chart.x_title = say(l.profit_axis, w.of);
  chart.y_title = std::string(l.difference_axis);
  chart.x_max = x_end;
  for (std::size_t i = 0; i < w.parties.size(); ++i) {
    const std::string& party = w.parties[i].party;
    const engine::Index old_party = party_of(*d.old_contract, d.names.to_old(party));
    const engine::Index new_party = party_of(*d.new_contract, party);
    Series series{party, party_colour(i), {}, false};
    for (const Rational& x : xs) {
      if (x > end) break;
      const auto delta = paid(new_schedule, new_party, x).minus(paid(old_schedule, old_party, x));
      series.points.push_back({to_double(x), delta ? to_double(*delta) : 0.0});
    }
    chart.series.push_back(std::move(series));
  }
  return fmt::format(R"(<figure class="chart">{}<figcaption>{}{}</figcaption></figure>)", chart_svg(chart),
                     esc(l.gains_note), chart_legend(chart)) +
         "\n";
}

std::string range_sentence(const Input& in, const std::string& party, const engine::PayoutRange& r, std::string_view attrs) {
  const Labels& l = labels(in.language);
  const auto figure = [&](const Rational& cents, std::string_view which) {
    return money_figure(cents, fmt::format(R"({} data-which="{}")", attrs, which));
  };
  const std::string over = r.to ? say(l.between, figure(r.from, "from"), figure(*r.to, "to"))
                                : say(l.from_on, figure(r.from, "from"));
  std::string how;
  if (r.largest) {
    how = say(r.largest_from_on ? l.largest_from_on : l.largest, figure(*r.largest, "largest"),
              figure(*r.largest_at, "largest_at"));
  } else {
    // A share of each further dollar, as a percentage: "-100%".
    const auto percent = r.slope.times(Rational(100));
    how = say(l.without_end, esc(percent ? percent->to_string() + "%" : r.slope.to_string()));
  }
  const std::string_view template_ = r.direction < 0 ? l.loses : r.direction > 0 ? l.gains : l.gains_and_loses;
  return say(template_, esc(party), over) + (in.language == Language::zh ? "，" : ": ") + how +
         (in.language == Language::zh ? "。" : ".");
}

std::string payouts_html(const Input& in) {
  const Labels& l = labels(in.language);
  const engine::ContractDiff& d = *in.diff;
  std::string html = fmt::format(R"(<div id="diff-payouts"><h3>{}</h3>)", esc(l.gains_losses));
  if (d.payouts.empty()) return html + fmt::format("<p>{}</p></div>\n", esc(l.no_change));
  for (const engine::WaterfallPayoutDiff& w : d.payouts) {
    const std::string_view side = w.change == engine::TermChangeKind::added     ? l.only_in_new
                                  : w.change == engine::TermChangeKind::removed ? l.only_in_old
                                                                                : std::string_view();
    html += fmt::format(R"(<div class="waterfall-diff" data-waterfall="{}"><h4>{}{}</h4>)", esc(w.name),
                        say(l.waterfall, fmt::format("<code>{}</code>", esc(w.name))),
                        side.empty() ? "" : fmt::format(" ({})", esc(side)));
    if (!w.error.empty()) {
      html += fmt::format("<p>{}</p></div>\n", esc(w.error));
      continue;
    }
    html += difference_chart(in, w);
    html += R"(<ul class="lines">)";
    for (const engine::PartyPayoutDiff& p : w.parties) {
      for (std::size_t k = 0; k < p.ranges.size(); ++k) {
        const std::string attrs = fmt::format(R"(data-figure="range" data-waterfall="{}" data-party="{}" data-range="{}")",
                                              esc(w.name), esc(p.party), k);
        html += fmt::format("<li>{}</li>\n", range_sentence(in, p.party, p.ranges[k], attrs));
      }
    }
    html += "</ul>\n";
    html += fmt::format(R"(<div class="scroll"><table class="samples"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>)",
                        esc(l.party), esc(l.profit), esc(l.old_head), esc(l.new_head), esc(l.difference));
    html += '\n';
    for (const engine::PartyPayoutDiff& p : w.parties) {
      for (std::size_t k = 0; k < p.samples.size(); ++k) {
        const engine::PayoutSample& s = p.samples[k];
        const std::string attrs = fmt::format(R"(data-figure="sample" data-waterfall="{}" data-party="{}" data-sample="{}")",
                                              esc(w.name), esc(p.party), k);
        const auto delta = s.new_paid.minus(s.old_paid);
        html += fmt::format(R"(<tr><td>{}</td><td class="num">{}</td><td class="num">{}</td><td class="num">{}</td><td class="num {}">{}</td></tr>)",
                            esc(p.party), money_figure(s.profit, attrs + R"( data-which="profit")"),
                            money_figure(s.old_paid, attrs + R"( data-which="old")"),
                            money_figure(s.new_paid, attrs + R"( data-which="new")"),
                            delta && delta->sign() < 0 ? "loss" : delta && delta->sign() > 0 ? "gain" : "",
                            delta ? money_figure(*delta, attrs + R"( data-which="difference")") : "?");
        html += '\n';
      }
    }
    html += "</tbody></table></div></div>\n";
  }
  html += "</div>\n";
  return html;
}

}  // namespace

std::string renegotiation_section(const Input& in) {
  std::string html = section_open(kRenegotiationId, labels(in.language).renegotiation);
  html += fmt::format(R"(<p class="where">{}</p>)",
                      esc(say(labels(in.language).made_against, in.diff->old_contract->source->name())));
  html += summary_html(in);
  html += terms_html(in);
  html += behaviour_html(in);
  html += payouts_html(in);
  html += "</section>\n";
  return html;
}

}  // namespace clause::cli::report
