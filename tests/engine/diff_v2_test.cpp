// Diff of version 2 contracts (LANGUAGE.md 10.8): terms, verifiers, commitments and streams
// spelled out; probes dated at every boundary of either file; probes of verifications,
// rejections, declines, deeds, earnings on every stream and purchases a commitment counts.
#include <algorithm>
#include <set>

#include "cli/diff_terms_text.hpp"
#include "engine/diff/internal/diff_probes.hpp"
#include "engine/diff_support.hpp"

namespace diff_v2_test {

using clause::engine::Outcome;
using clause::engine::OutcomeKind;
using clause::engine::ProbeAnswer;
using clause::engine::TermChange;
using clause::engine::TermChangeKind;
using clause::engine::Witness;
using clause::engine::kind_of;
using clause::test::DiffOf;
using clause::test::k2024;

namespace {

const std::string k2025_01 = "contracts/microsoft-openai/2025-01.clause";
const std::string k2025_10 = "contracts/microsoft-openai/2025-10.clause";

std::vector<Outcome> outcomes_of(const ProbeAnswer& a, std::size_t i) {
  std::vector<Outcome> out;
  for (const auto& r : a.log.events) {
    if (r.event != i) continue;
    for (const Outcome& o : a.log.outcomes_of(r)) out.push_back(o);
  }
  return out;
}

std::vector<OutcomeKind> kinds_of(const ProbeAnswer& a, std::size_t i) {
  std::vector<OutcomeKind> out;
  for (const Outcome& o : outcomes_of(a, i)) out.push_back(kind_of(o));
  return out;
}

// The witness of these events dated `on` ("" for any date).
const Witness* find_witness(const clause::engine::BehaviourDiff& b, const std::vector<std::string>& events,
                            const std::string& on = "") {
  for (const auto& g : b.groups) {
    for (const Witness& w : g.witnesses) {
      if (w.events == events && (on.empty() || w.on.to_string() == on)) return &w;
    }
  }
  return nullptr;
}

const TermChange* find_term(const std::vector<TermChange>& terms, const std::string& kind, const std::string& name) {
  const auto it = std::find_if(terms.begin(), terms.end(),
                               [&](const TermChange& t) { return t.kind == kind && t.name == name; });
  return it == terms.end() ? nullptr : &*it;
}

// Two contracts from text and their diff.
struct TextDiff {
  clause::engine::LoadedContract old_loaded;
  clause::engine::LoadedContract new_loaded;
  clause::engine::ContractDiff diff;
  TextDiff(const std::string& old_text, const std::string& new_text)
      : old_loaded(clause::engine::load_contract_from_bytes("old.clause", old_text)),
        new_loaded(clause::engine::load_contract_from_bytes("new.clause", new_text)) {
    REQUIRE(old_loaded.contract);
    REQUIRE(new_loaded.contract);
    diff = clause::engine::diff_contracts(*old_loaded.contract, *new_loaded.contract,
                                          clause::dsl::Date::from_ymd(2026, 1, 1));
  }
  TextDiff(const TextDiff&) = delete;
  TextDiff& operator=(const TextDiff&) = delete;
};

// Every probe of the pair, each written as its events joined by ", then " after its date.
std::set<std::string> probe_texts(const TextDiff& d) {
  const clause::engine::NameReader as_is = [](std::string_view n) { return n; };
  const auto set = clause::engine::make_probes(*d.old_loaded.contract, *d.new_loaded.contract, d.diff.names,
                                               d.diff.behaviour.on);
  std::set<std::string> out;
  for (const auto& p : set.probes) {
    std::string text = p.on.to_string() + ":";
    for (clause::engine::Index i = p.first; i < p.first + p.count; ++i) {
      text += (i == p.first ? " " : ", then ") + clause::engine::probe_text(set, set.events[i], as_is);
    }
    out.insert(std::move(text));
  }
  return out;
}

std::string replaced(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  REQUIRE(at != std::string::npos);
  return s.replace(at, from.size(), to);
}

const std::string kHeader = R"(contract "C"
effective 2026-01-01
party Lab { body board }
party Cloud
party Panel
party Chips
)";

}  // namespace

TEST_CASE("2024-06 to 2025-10: the verifier, the new terms and time passing over the new deadlines",
          "[diff][v2]") {
  const DiffOf d(k2024, k2025_10);
  const TermChange* power = find_term(d.diff.terms, "power", "agi_definition");
  REQUIRE(power);
  CHECK(power->change == TermChangeKind::changed);
  const auto details = clause::cli::term_details(*power);
  CHECK(std::find(details.begin(), details.end(), "now verified by Panel") != details.end());
  const TermChange* models = find_term(d.diff.terms, "licence", "models");
  REQUIRE(models);
  CHECK(models->change == TermChangeKind::added);
  CHECK(clause::cli::term_details(*models) ==
        std::vector<std::string>{"description \"OpenAI's models and products\"", "OpenAI grants Microsoft",
                                 "until 2032-12-31"});
  const TermChange* commitment = find_term(d.diff.terms, "clause", "azure_commitment");
  REQUIRE(commitment);
  const auto said = clause::cli::term_details(*commitment);
  CHECK(std::find(said.begin(), said.end(), "by 2032-12-31") != said.end());

  // A dated witness over a boundary: once 2032 is over the new terms judge the commitment
  // and expire the licence; the old terms have nothing to say.
  const Witness* after = find_witness(d.diff.behaviour, {"nothing happens"}, "2033-01-01");
  REQUIRE(after);
  CHECK(after->on != d.diff.behaviour.on);
  CHECK(kinds_of(after->old_answer, 0).empty());
  const auto new_kinds = kinds_of(after->new_answer, 0);
  CHECK(std::count(new_kinds.begin(), new_kinds.end(), OutcomeKind::breach) == 1);
  CHECK(std::count(new_kinds.begin(), new_kinds.end(), OutcomeKind::expired) >= 1);

  // The panel verifies a pending declaration only in the new terms.
  const Witness* verified = find_witness(d.diff.behaviour, {"agi is declared", "Panel verifies agi"});
  REQUIRE(verified);
  CHECK(kinds_of(verified->new_answer, 1).front() == OutcomeKind::verified);
  CHECK(kinds_of(verified->old_answer, 1) != kinds_of(verified->new_answer, 1));
}

TEST_CASE("2024-06 to 2025-01: using the technology after 2030 is permitted before, a breach after", "[diff][v2]") {
  const DiffOf d(k2024, k2025_01);
  const TermChange* technology = find_term(d.diff.terms, "licence", "technology");
  REQUIRE(technology);
  CHECK(clause::cli::term_details(*technology) == std::vector<std::string>{"now until 2030-12-31"});
  const Witness* w = find_witness(d.diff.behaviour, {"Microsoft uses technology"}, "2031-01-01");
  REQUIRE(w);
  CHECK(w->dates == std::vector<clause::dsl::Date>{clause::dsl::Date::from_ymd(2031, 1, 1)});
  CHECK(kinds_of(w->old_answer, 0) == std::vector<OutcomeKind>{OutcomeKind::permitted});
  const auto after = outcomes_of(w->new_answer, 0);
  REQUIRE(!after.empty());
  const auto* breach = std::get_if<clause::engine::Breach>(&after.back());
  REQUIRE(breach);
  CHECK(breach->why == clause::engine::Breach::Why::licence_expired);
  // On the last day of the term both permit it: no witness.
  CHECK(!find_witness(d.diff.behaviour, {"Microsoft uses technology"}, "2030-12-31"));
}

TEST_CASE("a licence whose term moves reads `until A → until B` and differs only between the two dates",
          "[diff][v2]") {
  const std::string old_text = kHeader + "licence models: Lab grants Cloud until 2030-12-31\n";
  const TextDiff d(old_text, replaced(old_text, "2030-12-31", "2032-12-31"));
  REQUIRE(d.diff.terms.size() == 1);
  CHECK(d.diff.terms.front().kind == "licence");
  CHECK(clause::cli::term_details(d.diff.terms.front()) ==
        std::vector<std::string>{"until 2030-12-31 → until 2032-12-31"});
  const auto& b = d.diff.behaviour;
  CHECK(!find_witness(b, {"Cloud uses models"}, "2030-12-31"));
  const Witness* w = find_witness(b, {"Cloud uses models"}, "2031-01-01");
  REQUIRE(w);
  // The old terms expired the day before (time's outcome first), then the use is a breach.
  CHECK(kinds_of(w->old_answer, 0) == std::vector<OutcomeKind>{OutcomeKind::expired, OutcomeKind::breach});
  CHECK(kinds_of(w->new_answer, 0) == std::vector<OutcomeKind>{OutcomeKind::permitted});
  CHECK(find_witness(b, {"Cloud uses models"}, "2032-12-31"));
  CHECK(!find_witness(b, {"Cloud uses models"}, "2033-01-01"));  // both expired: the same breach
  CHECK(b.dated_probes > 0);
}

TEST_CASE("term details read as phrases: added, removed and changed", "[diff][v2]") {
  using clause::cli::detail_text;
  using clause::engine::TermDetail;
  CHECK(detail_text(TermDetail{"verified by", "", "Panel"}) == "now verified by Panel");
  CHECK(detail_text(TermDetail{"verified by", "Panel", ""}) == "no longer verified by Panel");
  CHECK(detail_text(TermDetail{"verified by", "Panel", "Lab.board"}) == "verified by Panel → verified by Lab.board");
  CHECK(detail_text(TermDetail{"from", "", "2026-03-01"}) == "now from 2026-03-01");
  CHECK(detail_text(TermDetail{"until", "2030-12-31", ""}) == "until 2030-12-31 → no end date");
  CHECK(detail_text(TermDetail{"at least", "$250B", "$300B"}) == "at least $250B → at least $300B");
}

TEST_CASE("commitments, first refusals, freedoms, deeds and streams are spelled out", "[diff][v2]") {
  const std::string old_text = kHeader + R"(clause commitment: Lab must buy at least $10B of hosting from Cloud by 2027-06-30
clause exclusive: Lab must buy compute only from Cloud
clause apps: Lab may buy app_hosting from Cloud
clause own_models: Cloud may do "train own models"
waterfall share of Lab revenue:
  tier rest: Cloud 20%, Lab 80%
)";
  std::string new_text = replaced(old_text, "$10B of hosting from Cloud by 2027-06-30", "$12B of hosting from Cloud by 2028-06-30");
  new_text = replaced(new_text, "must buy compute only from Cloud", "must offer compute to Cloud first");
  new_text = replaced(new_text, "app_hosting from Cloud", "app_hosting from anyone");
  new_text = replaced(new_text, "may do \"train own models\"", "must not do \"train own models\"");
  new_text = replaced(new_text, "of Lab revenue:", "of Lab distributions until 2030-12-31:");
  const TextDiff d(old_text, new_text);
  const auto details = [&](const std::string& kind, const std::string& name) {
    const TermChange* t = find_term(d.diff.terms, kind, name);
    REQUIRE(t);
    return clause::cli::term_details(*t);
  };
  CHECK(details("clause", "commitment") ==
        std::vector<std::string>{"at least $10B → at least $12B", "by 2027-06-30 → by 2028-06-30"});
  const auto refusal = details("clause", "exclusive");
  REQUIRE(!refusal.empty());
  CHECK(refusal.front() == "Lab must buy compute → Lab must offer compute to Cloud first");
  CHECK(details("clause", "apps") == std::vector<std::string>{"Lab may buy app_hosting from Cloud → anyone"});
  CHECK(details("clause", "own_models") ==
        std::vector<std::string>{"Cloud may do \"train own models\" → Cloud must not do \"train own models\""});
  CHECK(details("waterfall", "share") ==
        std::vector<std::string>{"of Lab revenue → distributions", "now until 2030-12-31"});
}

TEST_CASE("verification probes: by the verifier and by others, with and without a declaration pending",
          "[diff][v2]") {
  const std::string old_text = kHeader + "power agi_definition: only Lab.board may declare agi\n";
  const TextDiff d(old_text, replaced(old_text, "declare agi", "declare agi verified by Panel"));
  const auto probes = probe_texts(d);
  for (const char* p : {"2026-01-01: Panel verifies agi", "2026-01-01: Panel rejects agi",
                        "2026-01-01: Outsider verifies agi", "2026-01-01: Lab.board verifies agi",
                        "2026-01-01: agi is declared, then Panel verifies agi",
                        "2026-01-01: agi is declared, then Panel rejects agi",
                        "2026-01-01: agi is declared, then Outsider verifies agi",
                        "2026-01-01: agi is declared, then agi is verified, then agi is verified",
                        "2026-01-01: agi is declared, then Panel rejects agi, then agi is declared"}) {
    INFO(p);
    CHECK(probes.count(p) == 1);
  }
  const auto& b = d.diff.behaviour;
  const Witness* verified = find_witness(b, {"agi is declared", "Panel verifies agi"});
  REQUIRE(verified);
  CHECK(kinds_of(verified->old_answer, 1) == std::vector<OutcomeKind>{OutcomeKind::ineffective});
  CHECK(kinds_of(verified->new_answer, 1) == std::vector<OutcomeKind>{OutcomeKind::verified});
  const Witness* rejected = find_witness(b, {"agi is declared", "Panel rejects agi"});
  REQUIRE(rejected);
  CHECK(kinds_of(rejected->new_answer, 1) == std::vector<OutcomeKind>{OutcomeKind::rejected});
  // Someone else's verification is ineffective in both, for different reasons.
  const Witness* other = find_witness(b, {"agi is declared", "Outsider verifies agi"});
  REQUIRE(other);
  CHECK(kinds_of(other->old_answer, 1) == std::vector<OutcomeKind>{OutcomeKind::ineffective});
  CHECK(kinds_of(other->new_answer, 1) == std::vector<OutcomeKind>{OutcomeKind::ineffective});
}

TEST_CASE("decline probes: by the holder and others, at, below and above the amounts purchases need",
          "[diff][v2]") {
  const std::string old_text = kHeader + R"(clause exclusive: Lab must buy compute only from Cloud
exception pilot to exclusive: Lab may buy compute from Chips up to $1B in total
)";
  const TextDiff d(old_text, replaced(old_text, "must buy compute only from Cloud", "must offer compute to Cloud first"));
  const auto probes = probe_texts(d);
  for (const char* p : {"2026-01-01: Cloud declines compute for $1", "2026-01-01: Lab declines compute for $1",
                        "2026-01-01: Outsider declines compute for $1",
                        "2026-01-01: Cloud declines compute for $999,999,999.99, then Lab buys compute from Chips for $1B",
                        "2026-01-01: Cloud declines compute for $1B, then Lab buys compute from Chips for $1B",
                        "2026-01-01: Cloud declines compute for $1,000,000,000.01, then Lab buys compute from Chips for $1B",
                        "2026-01-01: Cloud declines compute for $1, then Lab buys compute from Outsider for $1"}) {
    INFO(p);
    CHECK(probes.count(p) == 1);
  }
  const auto& b = d.diff.behaviour;
  const Witness* declined = find_witness(b, {"Cloud declines compute for $1"});
  REQUIRE(declined);
  CHECK(kinds_of(declined->old_answer, 0) == std::vector<OutcomeKind>{OutcomeKind::uncovered});
  CHECK(kinds_of(declined->new_answer, 0) == std::vector<OutcomeKind>{OutcomeKind::declined});
  const Witness* elsewhere = find_witness(b, {"Cloud declines compute for $1", "Lab buys compute from Outsider for $1"});
  REQUIRE(elsewhere);
  CHECK(kinds_of(elsewhere->old_answer, 1) == std::vector<OutcomeKind>{OutcomeKind::breach});
  CHECK(kinds_of(elsewhere->new_answer, 1) == std::vector<OutcomeKind>{OutcomeKind::permitted});
}

TEST_CASE("stream probes: an earning on every stream either contract distributes", "[diff][v2]") {
  const std::string old_text = kHeader + R"(waterfall share of Lab revenue:
  tier rest: Cloud 20%, Lab 80%
waterfall profits of Lab:
  tier rest: Lab 100%
)";
  const TextDiff d(old_text, replaced(old_text, "of Lab revenue:", "of Lab distributions:"));
  const auto probes = probe_texts(d);
  CHECK(probes.count("2026-01-01: Lab earns $1 in revenue") == 1);
  CHECK(probes.count("2026-01-01: Lab earns $1 in distributions") == 1);
  CHECK(probes.count("2026-01-01: Lab earns $1") == 1);
  const auto& b = d.diff.behaviour;
  const Witness* revenue = find_witness(b, {"Lab earns $1 in revenue"});
  REQUIRE(revenue);
  CHECK(kinds_of(revenue->old_answer, 0) == std::vector<OutcomeKind>{OutcomeKind::payout});
  CHECK(kinds_of(revenue->new_answer, 0) == std::vector<OutcomeKind>{OutcomeKind::uncovered});
  CHECK(find_witness(b, {"Lab earns $1 in distributions"}));
  CHECK(!find_witness(b, {"Lab earns $1"}));  // the profit waterfall is the same in both
}

TEST_CASE("deed and commitment probes", "[diff][v2]") {
  const std::string old_text = kHeader + R"(clause commitment: Lab must buy at least $10B of hosting from Cloud by 2027-06-30
clause own_models: Cloud may do "train own models"
)";
  std::string new_text = replaced(old_text, "at least $10B", "at least $12B");
  new_text = replaced(new_text, "may do", "must not do");
  const TextDiff d(old_text, new_text);
  const auto probes = probe_texts(d);
  for (const char* p : {"2026-01-01: Cloud does \"train own models\"", "2026-01-01: Outsider does \"train own models\"",
                        "2026-01-01: Lab buys hosting from Cloud for $10B", "2026-01-01: Lab buys hosting from Cloud for $12B",
                        "2027-07-01: nothing happens", "2027-06-30: Lab buys hosting from Cloud for $1"}) {
    INFO(p);
    CHECK(probes.count(p) == 1);
  }
  const auto& b = d.diff.behaviour;
  const Witness* deed = find_witness(b, {"Cloud does \"train own models\""});
  REQUIRE(deed);
  CHECK(kinds_of(deed->old_answer, 0) == std::vector<OutcomeKind>{OutcomeKind::permitted});
  CHECK(kinds_of(deed->new_answer, 0) == std::vector<OutcomeKind>{OutcomeKind::breach});
  // $10B fulfils the old commitment only.
  const Witness* ten = find_witness(b, {"Lab buys hosting from Cloud for $10B"});
  REQUIRE(ten);
  CHECK(kinds_of(ten->old_answer, 0) == std::vector<OutcomeKind>{OutcomeKind::permitted, OutcomeKind::fulfilled});
  CHECK(kinds_of(ten->new_answer, 0) == std::vector<OutcomeKind>{OutcomeKind::permitted});
  // Bought $10B, then the deadline passes: judged short only by the new terms. The
  // deadline's date is the witness's second event's own.
  const Witness* judged = find_witness(b, {"Lab buys hosting from Cloud for $10B", "nothing happens"});
  REQUIRE(judged);
  REQUIRE(judged->dates.size() == 2);
  CHECK(judged->dates[1].to_string() == "2027-07-01");
  CHECK(kinds_of(judged->old_answer, 1).empty());
  CHECK(kinds_of(judged->new_answer, 1) == std::vector<OutcomeKind>{OutcomeKind::breach});
}

}  // namespace diff_v2_test
