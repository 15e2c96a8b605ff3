// `clause timeline CONTRACT [--json]`: every dated boundary of a contract in date order
// (LANGUAGE.md 10.7). The engine gathers the boundaries (engine/model/timeline.hpp); the
// words, places and JSON keys are made here.
#include <ostream>

#include <fmt/format.h>

#include "cli/answer.hpp"
#include "cli/commands.hpp"
#include "cli/timeline_words.hpp"
#include "engine/model/timeline.hpp"

namespace clause::cli {

namespace {

using engine::Boundary;
using engine::BoundaryKind;
using engine::Contract;
using engine::DeclKind;
using engine::DeclRef;

// "starts", "last day", ...: the JSON `what`.
const char* what_key(BoundaryKind k) {
  switch (k) {
    case BoundaryKind::takes_effect: return "takes effect";
    case BoundaryKind::starts: return "starts";
    case BoundaryKind::last_day: return "last day";
    case BoundaryKind::counting_starts: return "counting starts";
    case BoundaryKind::falls_due: return "falls due";
    case BoundaryKind::window_opens: return "window opens";
    case BoundaryKind::window_closes: return "window closes";
  }
  return "";
}

// "licence `research` ("OpenAI's research IP")"; an exception names its clause too.
std::string named(const Contract& c, DeclRef ref) {
  std::string s = fmt::format("{} `{}`", kind_word(c, ref), c.name_of(ref));
  if (ref.kind == DeclKind::exception) {
    const engine::Index clause = c.exceptions[ref.index].clause;
    if (clause < c.clauses.size()) s += fmt::format(" to `{}`", c.clauses[clause].name);
  }
  const std::string_view title = title_of(c, ref);
  if (!title.empty()) s += fmt::format(" (\"{}\")", title);
  return s;
}

std::string word_of(const Contract& c, engine::Index w) { return w < c.words.size() ? c.words[w] : "?"; }

// "OpenAI must have bought $250B of azure from Microsoft".
std::string obligation(const Contract& c, const engine::Clause& cl) {
  return fmt::format("{} must have bought {} of {} from {}", c.actor_name(cl.buyer), cl.amount.to_short(),
                     word_of(c, cl.good), c.actor_name(cl.vendor));
}

std::string sentence(const Contract& c, const Boundary& b) {
  switch (b.kind) {
    case BoundaryKind::takes_effect: return "the contract takes effect";
    case BoundaryKind::starts: return fmt::format("{} comes into force", named(c, b.subject));
    case BoundaryKind::last_day:
      return fmt::format("last day of {}; it expires on {}", named(c, b.subject),
                         engine::day_after(b.on).to_string());
    case BoundaryKind::counting_starts:
      return fmt::format("{} starts counting purchases", named(c, b.subject));
    case BoundaryKind::falls_due:
      return fmt::format("{} falls due: {}; if not, it is breached on {}", named(c, b.subject),
                         obligation(c, c.clauses[b.subject.index]), engine::day_after(b.on).to_string());
    case BoundaryKind::window_opens: return fmt::format("the window of {} opens", named(c, b.subject));
    case BoundaryKind::window_closes:
      return fmt::format("last day of the window of {}; it closes on {}", named(c, b.subject),
                         engine::day_after(b.on).to_string());
  }
  return {};
}

Json boundary_json(const Contract& c, const Boundary& b) {
  Json j;
  j["on"] = b.on.to_string();
  j["what"] = what_key(b.kind);
  if (!b.subject.valid()) {
    j["kind"] = nullptr;
    j["name"] = nullptr;
    j["title"] = nullptr;
    j["at"] = c.effective_keyword.end > c.effective_keyword.begin ? Json(c.source->location(c.effective_keyword.begin))
                                                                   : Json(nullptr);
  } else {
    j["kind"] = kind_word(c, b.subject);
    j["name"] = c.name_of(b.subject);
    const std::string_view title = title_of(c, b.subject);
    j["title"] = title.empty() ? Json(nullptr) : Json(title);
    j["at"] = c.place_of(b.subject);
    if (b.subject.kind == DeclKind::exception) {
      const engine::Index clause = c.exceptions[b.subject.index].clause;
      j["to"] = clause < c.clauses.size() ? Json(c.clauses[clause].name) : Json(nullptr);
    }
  }
  switch (b.kind) {
    case BoundaryKind::last_day: j["expires"] = engine::day_after(b.on).to_string(); break;
    case BoundaryKind::window_closes: j["closes"] = engine::day_after(b.on).to_string(); break;
    case BoundaryKind::falls_due: {
      const engine::Clause& cl = c.clauses[b.subject.index];
      j["buyer"] = c.actor_name(cl.buyer);
      j["amount"] = cl.amount.to_decimal();
      j["good"] = word_of(c, cl.good);
      j["vendor"] = c.actor_name(cl.vendor);
      j["judged"] = engine::day_after(b.on).to_string();
      break;
    }
    default: break;
  }
  j["sentence"] = sentence(c, b);
  return j;
}

}  // namespace

int timeline_command(Context& ctx, const TimelineOptions& options) {
  dsl::DiagnosticList problems;
  int exit = kSuccess;
  const auto loaded = load_for_command(ctx, options.contract, {}, problems, exit);
  if (!loaded) return exit;
  const Contract& c = *loaded->contract;
  const std::vector<Boundary> boundaries = engine::timeline(c);
  if (options.json) {
    Json list = Json::array();
    for (const Boundary& b : boundaries) list.push_back(boundary_json(c, b));
    Json j;
    j["contract"] = contract_json(c);
    j["boundaries"] = list;
    ctx.out << j.dump(2) << '\n';
    return kSuccess;
  }
  if (boundaries.empty()) {
    ctx.out << "no dated boundaries: the contract has no effective date and no terms\n";
    return kSuccess;
  }
  for (const Boundary& b : boundaries) {
    ctx.out << ctx.out_style.bold(b.on.to_string()) << "  " << sentence(c, b) << '\n';
  }
  return kSuccess;
}

}  // namespace clause::cli
