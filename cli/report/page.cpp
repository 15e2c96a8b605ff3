// The page: head, style sheet (screen, phone and print), header, contents and the
// sections in order. Everything is inline: the file opens without a network.
#include <fmt/format.h>

#include "cli/chart_axis.hpp"
#include "cli/report/sections.hpp"

namespace clause::cli::report {

namespace {

// System fonts only (Noto CJK for Chinese where installed): nothing is fetched. Wide
// tables scroll inside their own box; long names and identifiers wrap anywhere, so that
// nothing is wider than a phone's screen.
constexpr const char* kStyle = R"css(
:root { --ink: #1d1d1f; --dim: #5f6368; --rule: #d9dce1; --paper: #ffffff; --band: #f5f7fa;
        --gain: #0a7d32; --loss: #b3261e; --accent: #0b57d0; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 1100px; padding: 24px 28px 48px; color: var(--ink); background: var(--paper);
       font: 16px/1.55 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "Noto Sans SC",
             "PingFang SC", "Microsoft YaHei", Arial, sans-serif; overflow-wrap: break-word; }
h1 { font-size: 1.9rem; line-height: 1.25; margin: 0 0 .3rem; }
h2 { font-size: 1.4rem; margin: 2.2rem 0 .8rem; padding-bottom: .3rem; border-bottom: 2px solid var(--rule); }
h3 { font-size: 1.12rem; margin: 1.5rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1.1rem 0 .4rem; }
p { margin: .4rem 0; }
code { font-family: ui-monospace, "DejaVu Sans Mono", "Noto Sans Mono CJK SC", monospace; font-size: .9em;
       background: var(--band); padding: 0 .2em; border-radius: 3px; overflow-wrap: anywhere; }
.meta, .where, .note, figcaption { color: var(--dim); font-size: .92rem; }
span.where { white-space: nowrap; }
p.where { overflow-wrap: anywhere; }
nav ol { display: flex; flex-wrap: wrap; gap: .3rem 1.2rem; padding: 0; margin: .8rem 0 0; list-style: none; }
nav a { color: var(--accent); text-decoration: none; }
ul.lines { padding-left: 1.2rem; }
ul.lines li { margin: .35rem 0; }
li.assumption { color: #3c4043; }
.tag { display: inline-block; font-size: .78rem; padding: 0 .45em; border-radius: 9px; background: #fef7e0;
       color: #7a5900; border: 1px solid #f2d27a; }
.scroll { overflow-x: auto; max-width: 100%; margin: .5rem 0 1rem; }
table { border-collapse: collapse; width: 100%; font-size: .93rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--rule); }
th { background: var(--band); font-weight: 600; }
td { overflow-wrap: break-word; }
td.num, td.date { white-space: nowrap; font-variant-numeric: tabular-nums; }
td.num { text-align: right; }
td.why { min-width: 16rem; color: #3c4043; }
table.schedule { width: auto; min-width: 100%; }
table.schedule td.num .figure { white-space: nowrap; }
ul.outcomes, ul.expectations, ul.received, ol.tiers, ul.legend { list-style: none; padding: 0; margin: 0; }
ul.outcomes li { margin: 0 0 .3rem; }
.because { color: var(--dim); font-size: .88rem; }
.kind { display: inline-block; font-size: .8rem; font-weight: 600; padding: 0 .45em; border-radius: 4px;
        background: #e8eaed; }
.k-permitted, .k-fulfilled, .k-consented, .k-verified { background: #e6f4ea; color: var(--gain); }
.k-breach, .k-rejected { background: #fce8e6; color: var(--loss); }
.k-ineffective, .k-uncovered, .k-expired, .k-declined { background: #f1f3f4; color: #5f6368; }
.k-declared, .k-ended, .k-payout { background: #e8f0fe; color: var(--accent); }
.badge { font-size: .8rem; padding: .05rem .5rem; border-radius: 9px; vertical-align: middle; }
.badge.pass, li.pass .mark { color: var(--gain); }
.badge.pass { background: #e6f4ea; }
.badge.fail, li.fail .mark { color: var(--loss); }
.badge.fail { background: #fce8e6; }
ul.expectations li { margin: .25rem 0; }
article.scenario { border: 1px solid var(--rule); border-radius: 8px; padding: .2rem 1rem .8rem; margin: 1rem 0; }
figure.chart { margin: .5rem 0 1rem; }
svg.chart { display: block; width: 100%; height: auto; max-width: 820px; font-size: 13px; fill: #3c4043; }
svg.chart .grid { stroke: #e6e6e6; }
svg.chart .axis { stroke: #444444; }
svg.chart text.band { fill: #777777; font-size: 12px; }
ul.legend { display: flex; flex-wrap: wrap; gap: .2rem 1.1rem; margin: .4rem 0; }
.swatch { display: inline-block; width: 1.4rem; height: 0; border-top: 3px solid; vertical-align: middle;
          margin-right: .35rem; }
.swatch.dashed { border-top-style: dashed; }
.swatch.band { height: .8rem; border: 1px solid #bbbbbb; }
.tiers-head { margin: .6rem 0 .2rem; font-weight: 600; color: var(--ink); }
ol.tiers li { margin: .1rem 0; }
.gain { color: var(--gain); }
.loss { color: var(--loss); }
td.gain, td.loss { font-weight: 600; }
td[data-label]::before { content: none; }
table.terms td.old code { background: #fce8e6; }
table.terms td.new code { background: #e6f4ea; }
table.sides tr.same td { color: var(--dim); }
ol.examples > li { margin: .8rem 0; }
.verdict { font-weight: 600; }
footer { margin-top: 3rem; color: var(--dim); font-size: .85rem; }
@media (max-width: 600px) {
  body { padding: 14px 12px 32px; font-size: 15px; }
  h1 { font-size: 1.5rem; }
  h2 { font-size: 1.25rem; }
  article.scenario { padding: .1rem .6rem .6rem; }
  /* A chart scaled to a phone's width: larger letters, and the y axis named by the caption. */
  svg.chart { font-size: 18px; }
  svg.chart text.band { font-size: 16px; }
  svg.chart .y-title { display: none; }
}
@media (max-width: 600px) {
  /* Tables of sentences read as blocks on a phone, a label before each value where the
     head would have said it; tables of figures scroll in their box instead. */
  table.terms thead, table.events thead, table.sides thead { display: none; }
  table.terms, table.terms tbody, table.terms tr, table.terms td,
  table.events, table.events tbody, table.events tr, table.events td,
  table.sides, table.sides tbody, table.sides tr, table.sides td { display: block; width: 100%; }
  table.terms tr, table.events tr, table.sides tr { border-bottom: 1px solid var(--rule); padding: .3rem 0; }
  table.terms td, table.events td, table.sides td { border: 0; padding: .1rem .2rem; }
  table.events td.date, table.events td.event { display: inline-block; width: auto; }
  table.terms td:empty { display: none; }
  td[data-label]::before { content: attr(data-label) ": "; color: var(--dim); font-size: .85rem; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  nav { display: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3, h4 { break-after: avoid; }
  tr, li, figure, article.scenario { break-inside: avoid; page-break-inside: avoid; }
  .scroll { overflow: visible; }
  table, table.schedule { font-size: 8.5pt; width: 100%; min-width: 0; }
  td.why { min-width: 0; }
  th { background: none; }
  a { color: inherit; }
}
)css";

}  // namespace

std::string esc(std::string_view text) { return xml_escape(text); }

std::string money_figure(const engine::Rational& cents, std::string_view attributes) {
  return fmt::format(R"(<span class="figure" {} data-amount="{}">{}</span>)", attributes, engine::money_decimal(cents),
                     esc(engine::money_display(cents)));
}

std::string money_figure(dsl::Money amount, std::string_view attributes) {
  return money_figure(engine::Rational(amount.cents()), attributes);
}

std::string ticks_as_code(std::string_view text) {
  std::string out = esc(text);
  std::string html;
  bool open = false;
  for (const char ch : out) {
    if (ch == '`') {
      html += open ? "</code>" : "<code>";
      open = !open;
    } else {
      html += ch;
    }
  }
  if (open) html += "</code>";
  return html;
}

std::string headline_words(const Input& in, engine::OutcomeKind kind, const std::string& headline) {
  const std::size_t by = headline.rfind("` by ");
  if (in.language == Language::en || kind != engine::OutcomeKind::breach || headline.rfind("of `", 0) != 0 ||
      by == std::string::npos) {
    return ticks_as_code(headline);
  }
  return fmt::format("{} 违反 <code>{}</code>", esc(headline.substr(by + 5)), esc(headline.substr(4, by - 4)));
}

std::string section_open(std::string_view id, std::string_view heading) {
  return fmt::format(R"(<section id="{}"><h2>{}</h2>)", id, esc(heading)) + "\n";
}

std::string line_of(const Input& in, const engine::Contract& contract, dsl::Span place) {
  return esc(say(labels(in.language).line, contract.source->position(place.begin).line));
}

std::string page_html(const Input& in) {
  const Labels& l = labels(in.language);
  const engine::Contract& c = in.contract;
  const Explanation explained = explain(c, in.language);

  std::string html = fmt::format(R"(<!DOCTYPE html>
<html lang="{}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{}</title>
<style>{}</style>
</head>
<body>
<header>
<h1>{}</h1>
)",
                                 l.html_lang, esc(explained.title), kStyle, esc(explained.title));
  std::vector<std::string> meta;
  // The explained title may already carry the version ("… (version 2025-10)").
  if (c.version && explained.title.find(*c.version) == std::string::npos) meta.push_back(esc(say(l.version, *c.version)));
  if (c.effective) meta.push_back(esc(say(l.effective, date_words(*c.effective, in.language))));
  meta.push_back(fmt::format("<code>{}</code>", esc(c.source->name())));
  html += fmt::format(R"(<p class="meta">{}</p>)", fmt::join(meta, " · "));
  html += '\n';
  // The contents: every section, the renegotiation first when there is one (it is what a
  // reader of a comparison came for).
  std::vector<std::pair<std::string_view, std::string_view>> sections;
  if (in.diff != nullptr) sections.push_back({kRenegotiationId, l.renegotiation});
  sections.push_back({"parties", l.parties});
  sections.push_back({"terms", l.terms});
  sections.push_back({"timeline", l.timeline});
  sections.push_back({"payouts", l.payouts});
  sections.push_back({"scenarios", l.scenarios});
  html += fmt::format(R"(<nav aria-label="{}"><ol>)", esc(l.contents));
  for (const auto& [id, heading] : sections) html += fmt::format(R"(<li><a href="#{}">{}</a></li>)", id, esc(heading));
  html += "</ol></nav>\n</header>\n<main>\n";
  if (in.diff != nullptr) html += renegotiation_section(in);
  html += parties_section(in, explained);
  html += terms_section(in, explained);
  html += timeline_section(in);
  html += payouts_section(in);
  html += scenarios_section(in);
  html += fmt::format("</main>\n<footer>{}</footer>\n</body>\n</html>\n", esc(say(l.made_from, c.source->name())));
  return html;
}

}  // namespace clause::cli::report
