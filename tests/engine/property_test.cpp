// Properties over random valid contracts and scenarios, generated from the grammar with a
// fixed seed: `check` is clean, `fmt` round-trips, `run` is deterministic, every payout
// conserves money.
#include <catch2/catch.hpp>

#include <random>

#include <fmt/format.h>

#include "dsl/format.hpp"
#include "dsl/percent.hpp"
#include "dsl/read_source.hpp"
#include "engine/payout/load.hpp"
#include "engine/scenario/model_text.hpp"
#include "engine/scenario/scenario.hpp"
#include "scratch.hpp"
#include "support.hpp"
#include "cli/files.hpp"

namespace property_test {

using namespace clause;
using clause::test::run_clause;

namespace {

// A generator of contracts the checker must accept without a warning, and of scenarios
// over them. Names come from pools that hold no keyword.
class Generator {
 public:
  explicit Generator(std::uint32_t seed) : rng_(seed) {}

  std::string contract() {
    reset();
    std::string out = "contract \"random " + std::to_string(counter_++) + "\"\n";
    if (chance(2)) out += "version \"v" + std::to_string(below(9) + 1) + "\"\n";
    if (chance(2)) {
      effective_ = fmt::format("2024-0{}-0{}", below(9) + 1, below(9) + 1);
      out += "effective " + effective_ + "\n";
    }
    std::vector<std::string> decls;
    const std::size_t party_count = 2 + below(5);
    for (std::size_t i = 0; i < party_count; ++i) {
      parties_.push_back(kPartyNames[i]);
      bodies_.push_back(chance(3) ? std::vector<std::string>{"board", "members"} : std::vector<std::string>{});
      std::string d = "party " + parties_.back();
      if (chance(2)) d += " \"" + text() + "\"";
      if (!bodies_.back().empty()) d += chance(2) ? " { body board, body members }" : " { board, members }";
      decls.push_back(d);
    }
    for (std::size_t i = 0, n = below(3); i < n; ++i) {
      licences_.push_back("licence_" + std::to_string(i));
      decls.push_back(fmt::format("licence {}{}: {} grants {}", licences_.back(), chance(2) ? " \"" + text() + "\"" : "",
                                  actor(), actor()));
    }
    for (std::size_t i = 0, n = below(3); i < n; ++i) {
      statuses_.push_back(kStatuses[i]);
      decls.push_back(fmt::format("power power_{}: only {} may declare {}", i, actor(), cased(statuses_.back())));
    }
    for (std::size_t i = 0, n = below(4); i < n; ++i) duty(decls, i);
    for (std::size_t i = 0, n = below(4); i < n; ++i) trigger(decls, i);
    for (std::size_t i = 0, n = 1 + below(2); i < n; ++i) waterfall(decls, i, i == 0);
    for (const std::string& a : assumptions_) decls.push_back(a);
    // Declarations come in any order.
    std::shuffle(decls.begin(), decls.end(), rng_);
    for (const std::string& d : decls) out += d + "\n";
    return out;
  }

  // A scenario over the last contract, its events dated in order.
  std::string scenario(const std::string& contract_file) {
    std::string out = "scenario \"random\"\ncontract \"" + contract_file + "\"\n";
    int day = 1;
    for (std::size_t i = 0, n = 5 + below(30); i < n; ++i) {
      day += static_cast<int>(below(3));
      out += fmt::format("on 2025-{:02}-{:02}: {}\n", 1 + day / 28 % 12, 1 + day % 28, event());
    }
    out += "expect no breach\n";  // judged, pass or fail
    return out;
  }

 private:
  static constexpr const char* kPartyNames[] = {"Acme", "Beta_Corp", "cobalt", "Delta9", "Echo", "FOXTROT"};
  static constexpr const char* kStatuses[] = {"agi", "insolvency", "merger"};
  static constexpr const char* kGoods[] = {"compute", "Power_Supply", "data"};

  void reset() {
    parties_.clear();
    bodies_.clear();
    licences_.clear();
    statuses_.clear();
    duties_.clear();
    exceptions_.clear();
    deeds_.clear();
    waterfall_parties_.clear();
    assumptions_.clear();
    effective_.clear();
  }

  std::size_t below(std::size_t n) { return static_cast<std::size_t>(rng_() % n); }
  bool chance(std::size_t one_in) { return below(one_in) == 0; }
  template <typename T>
  const T& pick(const std::vector<T>& v) { return v[below(v.size())]; }

  std::size_t party() { return below(parties_.size()); }
  std::string actor() {
    const std::size_t p = party();
    if (!bodies_[p].empty() && chance(3)) return parties_[p] + "." + pick(bodies_[p]);
    return parties_[p];
  }
  // Goods and statuses match without regard to case.
  std::string cased(std::string word) {
    if (chance(3) && word[0] >= 'a' && word[0] <= 'z') word[0] = static_cast<char>(word[0] - 'a' + 'A');
    return word;
  }
  std::string text() {
    static const std::vector<std::string> pieces{"terms", "微软", "capped-profit", "a \\\"quoted\\\" word", "line\\nbreak",
                                                 "back\\\\slash", "OpenAI Global, LLC — x"};
    return pick(pieces);
  }
  std::string money(std::int64_t max_cents) {
    const auto cents = 1 + static_cast<std::int64_t>(rng_() % static_cast<std::uint64_t>(max_cents));
    switch (below(3)) {
      case 0: return dsl::Money::from_cents(cents).to_display();
      case 1: return "$" + dsl::Money::from_cents(cents).to_decimal();
      default: return dsl::Money::from_cents(cents - cents % 100'000'000).is_zero()
                          ? "$1M"
                          : dsl::Money::from_cents(cents - cents % 100'000'000).to_short();
    }
  }
  // Money, or the name of a money assumption that says it.
  std::string amount(std::int64_t max_cents) {
    const std::string m = money(max_cents);
    if (!chance(3)) return m;
    const std::string name = "figure_" + std::to_string(assumptions_.size());
    assumptions_.push_back(fmt::format("assume {} = {}{}", name, m, chance(2) ? " \"" + text() + "\"" : ""));
    return name;
  }

  void duty(std::vector<std::string>& decls, std::size_t i) {
    const std::size_t buyer = party();
    std::size_t vendor = party();
    if (vendor == buyer) vendor = (vendor + 1) % parties_.size();
    const std::string good = kGoods[below(3)];
    const bool exclusive = chance(2);
    const std::string name = "duty_" + std::to_string(i);
    duties_.push_back({buyer, vendor, good});
    decls.push_back(fmt::format("clause {}{}: {} must {}", name, chance(2) ? " \"" + text() + "\"" : "",
                                parties_[buyer],
                                exclusive ? fmt::format("buy {} only from {}", cased(good), parties_[vendor])
                                          : fmt::format("not buy {} from {}", cased(good), parties_[vendor])));
    // Exceptions that can apply: the clause's buyer and good, a vendor the clause forbids.
    for (std::size_t k = 0, n = below(3); k < n; ++k) {
      std::size_t other = vendor;
      if (exclusive) other = (vendor + 1 + below(parties_.size() - 1)) % parties_.size();
      const std::string x = name + "_exception_" + std::to_string(k);
      exceptions_.push_back(x);
      std::string d = fmt::format("exception {} to {}{}: {} may buy {} from {}", x, name,
                                  chance(2) ? " \"" + text() + "\"" : "", parties_[buyer], cased(good), parties_[other]);
      std::vector<std::size_t> consenting;
      for (std::size_t c = 0, m = below(3); c < m; ++c) {
        const std::size_t p = party();
        if (std::find(consenting.begin(), consenting.end(), p) != consenting.end()) continue;
        consenting.push_back(p);
        d += " if " + parties_[p] + " consents";
      }
      if (chance(2)) d += " up to " + amount(1'000'000'000'000) + " in total";
      if (chance(3)) d += " from 2025-02-01";
      if (chance(3)) d += " until 2025-09-30";
      decls.push_back(d);
    }
  }

  void trigger(std::vector<std::string>& decls, std::size_t i) {
    std::vector<std::string> endable = licences_;
    for (std::size_t k = 0; k < duties_.size(); ++k) endable.push_back("duty_" + std::to_string(k));
    endable.insert(endable.end(), exceptions_.begin(), exceptions_.end());
    if (endable.empty()) return;
    std::string pattern;
    switch (below(4)) {
      case 0:
        if (statuses_.empty()) return;
        pattern = cased(pick(statuses_)) + " is declared";
        break;
      case 1:
        if (statuses_.empty()) return;
        pattern = actor() + " declares " + cased(pick(statuses_));
        break;
      case 2: {
        std::size_t vendor = party();
        pattern = fmt::format("{} buys {} from {}", actor(), cased(kGoods[below(3)]), parties_[vendor]);
        break;
      }
      default: {
        const std::string deed = text();
        const std::string who = actor();
        deeds_.push_back(who + " does \"" + deed + "\"");
        pattern = deeds_.back();
      }
    }
    std::string effects = pick(endable) + " ends";
    for (std::size_t k = 0, n = below(3); k < n; ++k) effects += ", " + pick(endable) + " ends";
    decls.push_back(fmt::format("clause trigger_{}: when {} then {}", i, pattern, effects));
  }

  // Percentages of 100% in `n` positive parts, each with at most four decimals.
  std::vector<std::int64_t> split(std::size_t n) {
    std::vector<std::int64_t> parts(n, 1);
    std::int64_t left = dsl::Percent::kWhole - static_cast<std::int64_t>(n);
    for (std::size_t i = 0; i + 1 < n; ++i) {
      const std::int64_t take = chance(2) ? left / static_cast<std::int64_t>(n) * 10'000 / 10'000
                                          : static_cast<std::int64_t>(rng_() % static_cast<std::uint64_t>(left + 1));
      parts[i] += take;
      left -= take;
    }
    parts[n - 1] += left;
    return parts;
  }

  // Shares of `parties` (distinct), some capped when `caps`.
  std::string shares(const std::vector<std::size_t>& who, bool caps, std::size_t uncapped) {
    const auto parts = split(who.size());
    std::string out;
    for (std::size_t i = 0; i < who.size(); ++i) {
      out += fmt::format("{}{} {}", i == 0 ? "" : ", ", parties_[who[i]], dsl::Percent::from_units(parts[i]).to_string());
      if (caps && who[i] != uncapped && (i == 0 || chance(2))) out += " cap " + amount(100'000'000'000'000);
    }
    return out;
  }

  std::vector<std::size_t> some_parties(bool all) {
    std::vector<std::size_t> who(parties_.size());
    for (std::size_t i = 0; i < who.size(); ++i) who[i] = i;
    std::shuffle(who.begin(), who.end(), rng_);
    if (!all) who.resize(1 + below(who.size()));
    return who;
  }

  void waterfall(std::vector<std::string>& decls, std::size_t i, bool mentions_everyone) {
    const std::size_t of = party();
    waterfall_parties_.push_back(of);
    std::string d = fmt::format("waterfall waterfall_{}{} of {}:", i, chance(2) ? " \"" + text() + "\"" : "", parties_[of]);
    const auto name = [&] { return chance(2) ? " \"" + text() + "\"" : std::string(); };
    if (chance(2)) d += fmt::format("\n  tier{} first {}: {}", name(), amount(10'000'000'000'000), shares(some_parties(false), false, 0));
    for (std::size_t k = 0, n = below(3); k < n; ++k) {
      if (chance(2)) {
        d += fmt::format("\n  tier{} next {}: {}", name(), amount(10'000'000'000'000), shares(some_parties(false), false, 0));
      } else {
        auto who = some_parties(false);
        const std::size_t overflow = party();
        if (who.size() == 1 && who[0] == overflow) who.push_back((overflow + 1) % parties_.size());
        const std::size_t first_capped = who[0] == overflow ? who[1] : who[0];
        std::swap(who[0], *std::find(who.begin(), who.end(), first_capped));
        d += fmt::format("\n  tier{} until capped: {} overflow to {}", name(), shares(who, true, overflow),
                         parties_[overflow]);
      }
    }
    d += fmt::format("\n  tier{} rest: {}", name(), shares(some_parties(mentions_everyone), false, 0));
    decls.push_back(d);
  }

  std::string event() {
    switch (below(8)) {
      case 0:
        if (!statuses_.empty()) return actor() + " declares " + cased(pick(statuses_));
        [[fallthrough]];
      case 1:
        if (!statuses_.empty()) return cased(pick(statuses_)) + " is declared";
        [[fallthrough]];
      case 2:
        if (!exceptions_.empty()) return actor() + " consents to " + pick(exceptions_);
        [[fallthrough]];
      case 3:
        if (!licences_.empty()) return actor() + " uses " + pick(licences_);
        [[fallthrough]];
      case 4:
        if (!deeds_.empty()) return pick(deeds_);
        [[fallthrough]];
      case 5: {
        const std::string vendor = chance(4) ? std::string("Outsider") : parties_[party()];
        return fmt::format("{} buys {} from {} for {}", actor(), cased(kGoods[below(3)]), vendor,
                           money(10'000'000'000'000));
      }
      default:
        return fmt::format("{} earns {}", parties_[pick(waterfall_parties_)], money(1'000'000'000'000'000));
    }
  }

  std::mt19937 rng_;
  int counter_ = 0;
  std::vector<std::string> parties_;
  std::vector<std::vector<std::string>> bodies_;
  std::vector<std::string> licences_;
  std::vector<std::string> statuses_;
  struct Duty {
    std::size_t buyer;
    std::size_t vendor;
    std::string good;
  };
  std::vector<Duty> duties_;
  std::vector<std::string> exceptions_;
  std::vector<std::string> deeds_;
  std::vector<std::size_t> waterfall_parties_;
  std::vector<std::string> assumptions_;
  std::string effective_;
};

std::string rendered(const dsl::DiagnosticList& list) { return dsl::render_diagnostics(list, {}); }

std::string formatted(const std::string& name, const std::string& text) {
  const auto result = dsl::format_source(std::make_shared<const dsl::SourceFile>(name, text));
  INFO(rendered(result.diagnostics));
  REQUIRE(result.formatted());
  return result.text;
}

}  // namespace

TEST_CASE("property: random valid contracts check clean and round-trip through fmt; their scenarios too, and run the "
          "same twice and conserve money",
          "[property]") {
  Generator generate(20'261'128);
  const clause::test::Scratch scratch;
  std::size_t payouts = 0;
  std::size_t outcomes = 0;
  for (int round = 0; round < 300; ++round) {
    const std::string contract = generate.contract();
    const std::string contract_path = scratch.write("random.clause", contract);
    INFO("round " << round << "\n" << contract);

    const auto loaded = clause::cli::load_contract_file(contract_path);
    INFO(rendered(loaded.diagnostics));
    REQUIRE(loaded.contract);
    REQUIRE(loaded.diagnostics.empty());  // no error, no warning
    const auto checked = run_clause({"check", contract_path});
    CHECK(checked.exit == 0);
    CHECK(checked.err.empty());

    // `fmt` round-trips: once is enough, and the meaning is the same.
    const std::string once = formatted("random.clause", contract);
    CHECK(formatted("random.clause", once) == once);
    const auto reloaded = engine::load_contract_from_bytes(contract_path, once);
    REQUIRE(reloaded.contract);
    CHECK(reloaded.diagnostics.empty());
    CHECK(engine::model_text(*reloaded.contract) == engine::model_text(*loaded.contract));

    const std::string scenario = generate.scenario("random.clause");
    const std::string scenario_path = scratch.write("random.scenario", scenario);
    INFO(scenario);
    engine::ScenarioRun run = clause::cli::prepare_scenario_file(scenario_path);
    engine::run_scenario(run);
    INFO(rendered(run.diagnostics));
    REQUIRE(run.ran);
    const std::string scenario_once = formatted("random.scenario", scenario);
    CHECK(formatted("random.scenario", scenario_once) == scenario_once);
    const auto rerun = engine::prepare_scenario_source(
        dsl::source_from_bytes(scenario_path, scenario_once).source, dsl::read_source_file);
    REQUIRE(rerun.ready());
    CHECK(engine::model_text(rerun) == engine::model_text(run));

    // Every payout pays out exactly the profit: its lines plus what is undistributed.
    std::int64_t lines = 0;
    for (const engine::EventRecord& rec : run.log.events) {
      ++outcomes;
      for (const engine::Outcome& o : run.log.outcomes_of(rec)) {
        const auto* payout = std::get_if<engine::Payout>(&o);
        if (payout == nullptr) continue;
        ++payouts;
        std::int64_t paid = payout->undistributed.cents();
        for (const engine::PayoutLine& l : run.log.lines_of(*payout)) paid += l.amount.cents();
        CHECK(paid == run.events[rec.event].amount.cents());
        for (const engine::PayoutLine& l : run.log.lines_of(*payout)) lines += l.amount.cents();
      }
    }
    // And what every party received is what the payouts paid it.
    std::int64_t received = 0;
    for (const auto& m : run.final_state->received) received += m.cents();
    CHECK(received == lines);

    for (const char* format : {"--json", ""}) {
      std::vector<std::string> args{"run", scenario_path};
      if (*format != '\0') args.push_back(format);
      const auto first = run_clause(args);
      const auto second = run_clause(args);
      CHECK(first.exit == 0);
      CHECK(first.out == second.out);
      CHECK(first.err == second.err);
    }
  }
  // The generator reaches what it is meant to test.
  CHECK(payouts > 500);
  CHECK(outcomes > 3000);
}

}  // namespace property_test
