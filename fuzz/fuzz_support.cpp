#include "fuzz_support.hpp"
#include "cli/files.hpp"

#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "cli/answer.hpp"
#include "dsl/keywords.hpp"
#include "dsl/parse.hpp"
#include "dsl/read_source.hpp"
#include "cli/outcome_sentences.hpp"

namespace clause::fuzz {

std::string as_text(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

std::string flagship_path() { return std::string(CLAUSE_SOURCE_DIR) + "/contracts/microsoft-openai/2024-06.clause"; }

const engine::LoadedContract& flagship() {
  static const engine::LoadedContract loaded = [] {
    engine::LoadedContract l = clause::cli::load_contract_file(flagship_path());
    require(l.contract.has_value(), "the flagship contract checks clean");
    return l;
  }();
  return loaded;
}

const engine::LoadedContract& flagship_v2() {
  static const engine::LoadedContract loaded = [] {
    engine::LoadedContract l =
        clause::cli::load_contract_file(std::string(CLAUSE_SOURCE_DIR) + "/contracts/microsoft-openai/2025-10.clause");
    require(l.contract.has_value(), "the version 2 flagship contract checks clean");
    return l;
  }();
  return loaded;
}

void require(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "invariant broken: %s\n", what);
  std::abort();
}

void render(const dsl::DiagnosticList& diagnostics) {
  for (const dsl::Diagnostic& d : diagnostics.items()) {
    if (d.where.source) {
      const auto size = d.where.source->text().size();
      // A place at the end of the text covers the column just past it.
      require(d.where.span.begin <= d.where.span.end && d.where.span.end <= size + 1,
              "a diagnostic's span is in its source");
    }
    require(!d.message.empty(), "a diagnostic has a message");
  }
  const std::string plain = dsl::render_diagnostics(diagnostics, {false});
  const std::string colour = dsl::render_diagnostics(diagnostics, {true});
  require(diagnostics.empty() == plain.empty(), "every diagnostic renders");
  require(colour.size() >= plain.size(), "colour only adds");
}

namespace {

// Every payout pays out exactly the profit: the lines plus what is undistributed.
void require_conserved(const engine::OutcomeLog& log, const std::vector<engine::Event>& events) {
  for (const engine::EventRecord& rec : log.events) {
    for (const engine::Outcome& o : log.outcomes_of(rec)) {
      const auto* payout = std::get_if<engine::Payout>(&o);
      if (payout == nullptr) continue;
      std::int64_t paid = payout->undistributed.cents();
      for (const engine::PayoutLine& line : log.lines_of(*payout)) {
        require(line.amount.cents() > 0, "a payout line pays something");
        paid += line.amount.cents();
      }
      require(paid == events[rec.event].amount.cents(), "a payout conserves money");
    }
  }
}

}  // namespace

void evaluate_and_render(const engine::Contract& contract, const std::vector<engine::Event>& events,
                         const std::vector<std::string>& outsiders, const std::vector<dsl::Date>& dates) {
  engine::Evaluator evaluator(contract);
  engine::OutcomeLog log;
  std::vector<engine::Event> applied;
  for (std::size_t i = 0; i < events.size() && i < dates.size(); ++i) {
    if (evaluator.apply(events[i], dates[i], log, static_cast<engine::Index>(applied.size()))) break;
    applied.push_back(events[i]);
  }
  require_conserved(log, applied);
  const cli::ExplainContext ctx{contract, log, &outsiders};
  for (const engine::EventRecord& rec : log.events) {
    for (const engine::Outcome& o : log.outcomes_of(rec)) {
      require(!cli::explain(ctx, applied[rec.event], rec.on, o).empty(), "every outcome says why");
    }
  }
  const engine::State state = evaluator.state();
  const cli::Answer answer{contract, applied, outsiders, log, state};
  std::ostringstream text;
  cli::print_answer(text, answer, cli::Style{false}, true);
  std::ostringstream coloured;
  cli::print_answer(coloured, answer, cli::Style{true}, true);
  const std::string json = cli::answer_json(answer).dump(2);
  require(!json.empty(), "the answer renders as JSON");
}

namespace {

// `ACTOR does "TEXT"`, the text escaped as a string literal.
std::string deed(const std::string& actor, std::string_view text) {
  dsl::EventSyntax event;
  event.node = dsl::DoesEvent{dsl::ActorRef{dsl::Ident{actor, {}}, std::nullopt, {}}, dsl::Text{text, {}, nullptr}};
  return dsl::canonical_text(event, "");
}

// A good or status as an event may write it: the contract keeps them lower case, and a
// lower-case word may be a keyword (`Total` is a good, `total` is not).
std::string word_of(const engine::Contract& c, engine::Index w) {
  std::string word = c.words[w];
  if (dsl::is_keyword(word)) word[0] = static_cast<char>(word[0] - 'a' + 'A');
  return word;
}

// The canonical text of an event (what `ask` and `run` print) reads back as the same event.
void require_canonical_reparses(const dsl::EventSyntax& event, std::string_view source) {
  const std::string canonical = dsl::canonical_text(event, source);
  const auto again = dsl::parse_event(std::make_shared<const dsl::SourceFile>("<canonical>", canonical));
  require(again.event.has_value() && !again.diagnostics.has_errors(), "an event's canonical text parses");
  require(dsl::canonical_text(*again.event, canonical) == canonical, "an event's canonical text is a fixed point");
}

}  // namespace

std::vector<std::string> probe_events(const engine::Contract& c) {
  std::vector<std::string> out;
  const auto name = [&](engine::Actor a) { return c.actor_name(a); };
  const auto someone_else = [&](engine::Actor a) {
    for (engine::Index p = 0; p < c.parties.size(); ++p) {
      if (engine::Actor{p, engine::kNone} != a) return std::string(c.parties[p].name);
    }
    return std::string("Outsider");
  };
  for (const engine::Power& p : c.powers) {
    out.push_back(name(p.holder) + " declares " + word_of(c, p.status));
    out.push_back(someone_else(p.holder) + " declares " + word_of(c, p.status));
    out.push_back(word_of(c, p.status) + " is declared");
    // Version 2: verification by the verifier, by someone else, and `is verified`.
    if (p.verifier) {
      out.push_back(name(*p.verifier) + " verifies " + word_of(c, p.status));
      out.push_back(name(*p.verifier) + " rejects " + word_of(c, p.status));
      out.push_back(someone_else(*p.verifier) + " verifies " + word_of(c, p.status));
    }
    out.push_back(word_of(c, p.status) + " is verified");
  }
  for (const engine::Exception& x : c.exceptions) {
    for (const engine::Actor a : x.consents) out.push_back(name(a) + " consents to " + std::string(x.name));
    for (const char* amount : {"$1", "$6B", "$5B", "$999,999,999.99"}) {
      out.push_back(name(x.buyer) + " buys " + word_of(c, x.good) + " from " + name(x.vendor) + " for " + amount);
    }
  }
  for (const engine::Clause& cl : c.clauses) {
    if (cl.kind == engine::ClauseKind::trigger) {
      if (cl.pattern.kind == engine::PatternKind::does) out.push_back(deed(name(cl.pattern.actor), cl.pattern.text));
      if (cl.pattern.kind == engine::PatternKind::buys) {
        out.push_back(name(cl.pattern.actor) + " buys " + word_of(c, cl.pattern.word) + " from " + name(cl.pattern.vendor) +
                      " for $2M");
      }
      continue;
    }
    if (cl.kind == engine::ClauseKind::deed) {
      out.push_back(deed(name(cl.buyer), cl.deed));
      continue;
    }
    out.push_back(name(cl.buyer) + " buys " + word_of(c, cl.good) + " from " + name(cl.vendor) + " for $3.50");
    out.push_back(name(cl.buyer) + " buys " + word_of(c, cl.good) + " from Outsider for $7K");
    if (cl.kind == engine::ClauseKind::first_refusal) {
      out.push_back(name(cl.vendor) + " declines " + word_of(c, cl.good) + " for $5K");
      out.push_back(someone_else(cl.vendor) + " declines " + word_of(c, cl.good) + " for $5K");
    }
    if (cl.kind == engine::ClauseKind::commitment) {
      out.push_back(name(cl.buyer) + " buys " + word_of(c, cl.good) + " from " + name(cl.vendor) + " for " +
                    cl.amount.to_display());
    }
  }
  out.push_back("nothing happens");
  for (const engine::Licence& l : c.licences) {
    out.push_back(name(l.grantee) + " uses " + std::string(l.name));
    out.push_back(name(l.grantor) + " uses " + std::string(l.name));
  }
  for (const engine::Waterfall& w : c.waterfalls) {
    for (const char* amount : {"$0.01", "$1,234,567.89", "$50B", "$1T", "$333,333,333,333.33"}) {
      const std::string earns = std::string(c.parties[w.of].name) + " earns " + amount;
      out.push_back(w.stream == "profit" ? earns : earns + " in " + w.stream);
    }
  }
  return out;
}

std::vector<engine::Event> parse_events(const engine::Contract& contract, const std::vector<std::string>& texts,
                                        engine::Outsiders& outsiders) {
  std::vector<engine::Event> events;
  dsl::DiagnosticList problems;
  for (const std::string& text : texts) {
    dsl::ReadResult read = dsl::source_from_bytes("<event>", text);
    if (!read.source) {
      problems.append(read.diagnostics);
      continue;
    }
    dsl::EventParse parsed = dsl::parse_event(read.source);
    problems.append(parsed.diagnostics);
    if (!parsed.event || parsed.diagnostics.has_errors()) continue;
    require_canonical_reparses(*parsed.event, read.source->text());
    if (auto e = engine::resolve_event(contract, *parsed.event, read.source, outsiders, problems)) {
      events.push_back(std::move(*e));
    }
  }
  render(problems);
  return events;
}

}  // namespace clause::fuzz
