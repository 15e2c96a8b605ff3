// The contract as it reads: its parties and its terms (from `clause explain`, in the
// page's language) and its dated boundaries (the data `clause timeline` prints).
#include <fmt/format.h>

#include "cli/chart_axis.hpp"
#include "cli/report/sections.hpp"
#include "cli/timeline_words.hpp"
#include "engine/model/timeline.hpp"

namespace clause::cli::report {

namespace {

std::string explained_item(const Input& in, const ExplainedLine& line) {
  const Labels& l = labels(in.language);
  std::string html = fmt::format(R"(<li{}>)", line.assumption ? R"( class="assumption")" : "");
  if (line.assumption) html += fmt::format(R"(<span class="tag">{}</span> )", esc(l.assumed));
  html += esc(line.text);
  html += fmt::format(R"( <span class="where">{}</span></li>)", line_of(in, in.contract, line.place));
  html += '\n';
  return html;
}

// "licence `research` (OpenAI's research IP)" in the page's language.
std::string subject(const Input& in, engine::DeclRef ref) {
  const engine::Contract& c = in.contract;
  const Labels& l = labels(in.language);
  const std::string name = fmt::format("<code>{}</code>", esc(c.name_of(ref)));
  const std::string_view kind = cli::kind_word(c, ref);
  std::string to;
  if (ref.kind == engine::DeclKind::exception && c.exceptions[ref.index].clause < c.clauses.size()) {
    to = fmt::format("<code>{}</code>", esc(c.clauses[c.exceptions[ref.index].clause].name));
  }
  std::string_view label = l.clause;
  if (kind == std::string_view("licence")) label = l.licence;
  if (kind == std::string_view("commitment")) label = l.commitment;
  if (kind == std::string_view("exception")) label = l.exception;
  if (kind == std::string_view("waterfall")) label = l.waterfall;
  std::string text = say(label, name, "", to);
  const std::string_view title = cli::title_of(c, ref);
  if (!title.empty()) text += fmt::format(R"( <span class="title">“{}”</span>)", esc(title));
  return text;
}

std::string boundary_text(const Input& in, const engine::Boundary& b) {
  const Labels& l = labels(in.language);
  const engine::Contract& c = in.contract;
  const std::string next = esc(date_words(engine::day_after(b.on), in.language));
  switch (b.kind) {
    case engine::BoundaryKind::takes_effect: return std::string(l.takes_effect);
    case engine::BoundaryKind::starts: return say(l.starts, subject(in, b.subject));
    case engine::BoundaryKind::last_day: return say(l.last_day, subject(in, b.subject), next);
    case engine::BoundaryKind::counting_starts: return say(l.counting_starts, subject(in, b.subject));
    case engine::BoundaryKind::falls_due: {
      const engine::Clause& cl = c.clauses[b.subject.index];
      const std::string good = cl.good < c.words.size() ? c.words[cl.good] : "?";
      return say(l.falls_due, subject(in, b.subject), esc(c.actor_name(cl.buyer)),
                 money_figure(cl.amount, R"(data-figure="commitment")"), fmt::format("<code>{}</code>", esc(good)),
                 esc(c.actor_name(cl.vendor)), next);
    }
    case engine::BoundaryKind::window_opens: return say(l.window_opens, subject(in, b.subject));
    case engine::BoundaryKind::window_closes: return say(l.window_closes, subject(in, b.subject), next);
  }
  return {};
}

}  // namespace

std::string parties_section(const Input& in, const Explanation& explained) {
  std::string html = section_open("parties", labels(in.language).parties);
  html += R"(<ul class="lines">)";
  for (const ExplainedLine& line : explained.parties) html += explained_item(in, line);
  html += "</ul>\n</section>\n";
  return html;
}

std::string terms_section(const Input& in, const Explanation& explained) {
  std::string html = section_open("terms", labels(in.language).terms);
  for (const ExplainedTheme& theme : explained.themes) {
    html += fmt::format(R"(<h3 id="theme-{}">{}</h3>)", esc(theme.key), esc(theme.title));
    html += R"(<ul class="lines">)";
    for (const ExplainedLine& line : theme.lines) html += explained_item(in, line);
    html += "</ul>\n";
  }
  html += "</section>\n";
  return html;
}

std::string timeline_section(const Input& in) {
  const Labels& l = labels(in.language);
  std::string html = section_open("timeline", l.timeline);
  const std::vector<engine::Boundary> boundaries = engine::timeline(in.contract);
  if (boundaries.empty()) return html + fmt::format("<p>{}</p>\n</section>\n", esc(l.no_dates));
  html += fmt::format(R"(<div class="scroll"><table class="timeline"><thead><tr><th>{}</th><th>{}</th></tr></thead><tbody>)",
                      esc(l.date), esc(l.what_happens));
  html += '\n';
  for (std::size_t i = 0; i < boundaries.size(); ++i) {
    const engine::Boundary& b = boundaries[i];
    html += fmt::format(R"(<tr data-figure="boundary" data-index="{}"><td class="date"><time datetime="{}">{}</time></td><td>{}</td></tr>)",
                        i, b.on.to_string(), b.on.to_string(), boundary_text(in, b));
    html += '\n';
  }
  html += "</tbody></table></div>\n</section>\n";
  return html;
}

}  // namespace clause::cli::report
