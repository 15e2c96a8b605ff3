// `textDocument/documentSymbol` (the outline: parties and their bodies, assumptions,
// licences, clauses, exceptions, powers, waterfalls and their tiers; a scenario's lines)
// and `textDocument/formatting` (`clause fmt`).
#include <fmt/format.h>

#include "cli/lsp/features.hpp"
#include "cli/lsp/kinds.hpp"
#include "dsl/format.hpp"

namespace clause::cli::lsp {

namespace {

std::string collapse_spaces(std::string_view text) {
  std::string out;
  for (const char c : text) {
    const bool space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

nlohmann::json symbol(const Document& doc, std::string name, std::string detail, int kind, dsl::Span range,
                      dsl::Span selection, PositionEncoding enc) {
  if (name.empty()) name.push_back('?');  // LSP wants a name; GCC 12 misreads `= "?"` here (-Wrestrict)
  // The selection must lie inside the range.
  if (selection.begin < range.begin || selection.end > range.end) selection = {range.begin, range.begin};
  return {{"name", std::move(name)},       {"detail", std::move(detail)},
          {"kind", kind},                  {"range", doc.text.range(range, enc)},
          {"selectionRange", doc.text.range(selection, enc)}, {"children", nlohmann::json::array()}};
}

std::string tier_label(const Document& doc, const dsl::Tier& t) {
  if (t.name) return std::string(t.name->value);
  const std::string_view text = doc.source->text();
  return collapse_spaces(text.substr(t.kind_span.begin, t.kind_span.end - t.kind_span.begin));
}

nlohmann::json contract_symbols(const Document& doc, PositionEncoding enc) {
  nlohmann::json out = nlohmann::json::array();
  for (const dsl::Declaration& d : doc.contract.declarations) {
    const auto& title = title_of(d);
    nlohmann::json s = symbol(doc, std::string(d.name().text), title ? std::string(title->value) : std::string(), editor_kind(d.kind()).symbol, d.span,
                              d.name().span, enc);
    if (const auto* p = std::get_if<dsl::PartyDecl>(&d.node)) {
      for (const dsl::Ident& b : p->bodies) {
        s["children"].push_back(symbol(doc, fmt::format("{}.{}", p->name.text, b.text), "body", kFieldKind.symbol, b.span, b.span, enc));
      }
    } else if (const auto* w = std::get_if<dsl::WaterfallDecl>(&d.node)) {
      for (const dsl::Tier& t : w->tiers) {
        const dsl::Span range{t.keyword.begin, std::max(t.keyword.end, t.span.end)};
        s["children"].push_back(symbol(doc, tier_label(doc, t), "tier", kTierKind.symbol, range, t.keyword, enc));
      }
    }
    out.push_back(std::move(s));
  }
  return out;
}

nlohmann::json scenario_symbols(const Document& doc, PositionEncoding enc) {
  const dsl::ScenarioSyntax& s = doc.scenario;
  const std::string_view text = doc.source->text();
  struct Line {
    dsl::Span span;
    nlohmann::json symbol;
  };
  std::vector<Line> lines;
  for (const dsl::ScenarioAssume& a : s.assumes) {
    lines.push_back({a.span, symbol(doc, fmt::format("assume {}", a.name.text), "assumption", kAssumeKind.symbol, a.span, a.name.span, enc)});
  }
  for (const dsl::ScenarioEvent& e : s.events) {
    const std::string date = std::string(text.substr(e.on.span.begin, e.on.span.end - e.on.span.begin));
    lines.push_back({e.span, symbol(doc, dsl::canonical_text(e.event, text), date, kEventKind.symbol, e.span, e.event.span, enc)});
  }
  for (const dsl::Expectation& x : s.expectations) {
    const std::string written = collapse_spaces(text.substr(x.span.begin, x.span.end - x.span.begin));
    lines.push_back({x.span, symbol(doc, written, "expectation", kExpectKind.symbol, x.span, x.span, enc)});
  }
  std::sort(lines.begin(), lines.end(), [](const Line& a, const Line& b) { return a.span.begin < b.span.begin; });
  nlohmann::json out = nlohmann::json::array();
  for (Line& l : lines) out.push_back(std::move(l.symbol));
  return out;
}

}  // namespace

nlohmann::json document_symbols(const Document& doc, PositionEncoding enc) {
  return doc.kind == DocumentKind::contract ? contract_symbols(doc, enc) : scenario_symbols(doc, enc);
}

nlohmann::json formatting(const Document& doc, PositionEncoding enc) {
  const dsl::FormatResult r = dsl::format_source(doc.source);
  nlohmann::json edits = nlohmann::json::array();
  if (!r.formatted() || r.text == doc.text.text()) return edits;
  const auto end = static_cast<std::uint32_t>(doc.text.text().size());
  edits.push_back({{"range", doc.text.range({0, end}, enc)}, {"newText", r.text}});
  return edits;
}

}  // namespace clause::cli::lsp
