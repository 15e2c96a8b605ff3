// `clause explain CONTRACT [--lang en|zh] [--json]`: every declaration in plain words,
// grouped by theme, each line pointing back to its place (cli/explain.hpp makes the words).
#include <ostream>

#include <fmt/format.h>

#include "cli/answer.hpp"
#include "cli/commands.hpp"
#include "cli/explain.hpp"

namespace clause::cli {

namespace {

Json line_json(const engine::Contract& c, const ExplainedLine& l) {
  Json j;
  j["text"] = l.text;
  j["name"] = l.name;
  j["at"] = place_words(c, l.place);
  j["line"] = c.source->position(l.place.begin).line;
  j["assumption"] = l.assumption;
  return j;
}

Json lines_json(const engine::Contract& c, const std::vector<ExplainedLine>& lines) {
  Json list = Json::array();
  for (const ExplainedLine& l : lines) list.push_back(line_json(c, l));
  return list;
}

void print_lines(Context& ctx, const engine::Contract& c, const std::string& heading,
                 const std::vector<ExplainedLine>& lines) {
  ctx.out << '\n' << ctx.out_style.bold(heading) << '\n';
  for (const ExplainedLine& l : lines) {
    ctx.out << "  " << l.text << "  " << ctx.out_style.dim(place_words(c, l.place)) << '\n';
  }
}

}  // namespace

int explain_command(Context& ctx, const ExplainOptions& options) {
  const std::optional<Language> language = parse_language(options.language);
  if (!language) {
    dsl::DiagnosticList usage;
    usage.report<dsl::DiagId::usage_error>(
        {nullptr, {}, {}}, fmt::format("--lang: unknown language `{}`; use en (English) or zh (Chinese)", options.language));
    ctx.print(usage);
    return kUsage;
  }
  dsl::DiagnosticList problems;
  int exit = kSuccess;
  const auto loaded = load_for_command(ctx, options.contract, {}, problems, exit);
  if (!loaded) return exit;
  const engine::Contract& c = *loaded->contract;
  const Explanation e = explain(c, *language);
  if (options.json) {
    Json j;
    j["contract"] = contract_json(c);
    j["language"] = options.language;
    j["title"] = e.title;
    j["parties"] = Json{{"title", e.parties_title}, {"lines", lines_json(c, e.parties)}};
    Json themes = Json::array();
    for (const ExplainedTheme& t : e.themes) {
      themes.push_back(Json{{"key", t.key}, {"title", t.title}, {"lines", lines_json(c, t.lines)}});
    }
    j["themes"] = themes;
    ctx.out << j.dump(2) << '\n';
    return kSuccess;
  }
  ctx.out << ctx.out_style.bold(e.title) << '\n';
  if (!e.parties.empty()) print_lines(ctx, c, e.parties_title, e.parties);
  for (const ExplainedTheme& t : e.themes) print_lines(ctx, c, t.title, t.lines);
  return kSuccess;
}

}  // namespace clause::cli
