// `clause sweep CONTRACT --profits FROM..TO --step MONEY` and
// `clause sweep CONTRACT --scenarios FILE...`: many independent what-ifs on every core,
// one row each, as CSV or JSON lines, in the same order whatever the number of threads.
#include <algorithm>
#include <charconv>
#include <chrono>
#include <ostream>
#include <thread>

#include <fmt/format.h>

#include "cli/answer.hpp"
#include "cli/commands.hpp"
#include "cli/files.hpp"
#include "engine/payout/load.hpp"
#include "engine/scenario/scenario.hpp"
#include "engine/payout/sweep.hpp"
#include "engine/payout/waterfall.hpp"

namespace clause::cli {
namespace {

// More rows than this is almost certainly a mistyped step.
constexpr std::uint64_t kMaxRows = 1'000'000'000;
constexpr std::uint64_t kProfitsPerChunk = 8192;

// Money::to_decimal() without the formatting library's overhead: this is the inner loop
// of a sweep's output. Same text: "28902940000.00". Writes at most kDecimalChars
// characters at `p` and returns where they end.
constexpr std::size_t kDecimalChars = 24;
char* write_decimal(char* p, dsl::Money m) {
  std::int64_t cents = m.cents();
  if (cents < 0) {
    *p++ = '-';
    cents = -cents;
  }
  p = std::to_chars(p, p + kDecimalChars - 4, cents / 100).ptr;
  const auto rest = static_cast<char>(cents % 100);
  *p++ = '.';
  *p++ = static_cast<char>('0' + rest / 10);
  *p++ = static_cast<char>('0' + rest % 10);
  return p;
}

void append_decimal(std::string& out, dsl::Money m) {
  char buffer[kDecimalChars];
  out.append(buffer, write_decimal(buffer, m));
}

// A CSV field: quoted when it holds a comma, a quote or a line end.
std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

// A progress bar on standard error, only when it is a terminal, redrawn at most ten
// times a second.
class Progress {
 public:
  Progress(const Context& ctx, std::uint64_t total, const char* noun)
      : ctx_(ctx), total_(total), noun_(noun), shown_(ctx.env.stderr_is_terminal && total > 0) {}
  ~Progress() {
    if (shown_ && drawn_) ctx_.err << "\r\x1b[K" << std::flush;
  }
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  void update(std::uint64_t done) {
    if (!shown_) return;
    const auto now = std::chrono::steady_clock::now();
    if (drawn_ && done < total_ && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    drawn_ = true;
    constexpr int kWidth = 30;
    const auto filled = static_cast<int>(done * kWidth / total_);
    ctx_.err << fmt::format("\r  [{}{}] {:3}%  {} of {} {}", std::string(static_cast<std::size_t>(filled), '#'),
                            std::string(static_cast<std::size_t>(kWidth - filled), '.'), done * 100 / total_, done,
                            total_, noun_)
             << std::flush;
  }

 private:
  const Context& ctx_;
  std::uint64_t total_;
  const char* noun_;
  bool shown_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_;
};

unsigned thread_count(unsigned requested) {
  if (requested > 0) return requested;
  return std::max(1u, std::thread::hardware_concurrency());
}

// `FROM..TO` with `--step`: each side money, `$` optional.
std::optional<engine::ProfitRange> parse_range(const SweepOptions& options, dsl::DiagnosticList& problems) {
  const std::string& text = *options.profits;
  const std::size_t dots = text.find("..");
  if (dots == std::string::npos) {
    problems.report<dsl::DiagId::profits_range_expected>({std::make_shared<const dsl::SourceFile>("--profits", text),
                                                           {0, static_cast<std::uint32_t>(text.size())},
                                                           {}},
                                                          text);
    return std::nullopt;
  }
  if (!options.step) {
    problems.report<dsl::DiagId::step_missing>({nullptr, {}, "sweep"});
    return std::nullopt;
  }
  const auto from = parse_money_option("--profits", text.substr(0, dots), problems);
  const auto to = parse_money_option("--profits", text.substr(dots + 2), problems);
  const auto step = parse_money_option("--step", *options.step, problems);
  if (!from || !to || !step) return std::nullopt;
  if (from->is_zero() || step->is_zero()) {
    if (from->is_zero()) problems.report<dsl::DiagId::profits_not_positive>({nullptr, {}, "--profits"});
    else problems.report<dsl::DiagId::step_not_positive>({nullptr, {}, "--step"});
    return std::nullopt;
  }
  if (*to < *from) {
    problems.report<dsl::DiagId::range_backwards>({nullptr, {}, "--profits"}, to->to_short(), from->to_short());
    return std::nullopt;
  }
  const engine::ProfitRange range{*from, *to, *step};
  if (range.count() > kMaxRows) {
    problems.report<dsl::DiagId::too_many_profits>({nullptr, {}, "--step"}, range.count(), kMaxRows);
    return std::nullopt;
  }
  return range;
}

int sweep_profits(Context& ctx, const SweepOptions& options, const engine::Contract& c) {
  dsl::DiagnosticList problems;
  const auto range = parse_range(options, problems);
  if (!range) {
    ctx.print(problems);
    return kUsage;
  }
  const auto wi = choose_waterfall(c, options.waterfall, options.contract, problems);
  if (!wi) {
    ctx.print(problems);
    return kFound;
  }
  const engine::Waterfall& w = c.waterfalls[*wi];
  const bool csv = options.format == "csv";

  // Names are written once, already quoted for the format.
  std::vector<std::string> names;
  for (const engine::Index p : w.payees) {
    names.push_back(csv ? csv_field(c.parties[p].name) : Json(c.parties[p].name).dump());
  }
  if (csv) {
    std::string header = "profit";
    for (const std::string& n : names) header += "," + n;
    ctx.out << header << ",undistributed\n";
  }

  const auto work = [&](std::uint64_t begin, std::uint64_t end) {
    // Each profit from a fresh state: one state per chunk, reset in place for every profit.
    engine::WaterfallState state;
    std::vector<engine::PayoutLine> lines;
    std::string out;
    out.reserve((end - begin) * (20 + 16 * names.size() + (csv ? 0 : 40)));
    for (std::uint64_t i = begin; i < end; ++i) {
      const dsl::Money profit = range->at(i);
      state.reset(w, c.parties.size());
      lines.clear();
      // Every profit of a range is more than $0 and within the money range, so from a
      // fresh state no total can leave it.
      const dsl::Money undistributed = *engine::distribute(w, state, profit, lines);
      if (csv) {
        // The row is written in place at the end of `out`, then cut to its length: one
        // append a row rather than one a field.
        const std::size_t start = out.size();
        out.resize(start + (w.payees.size() + 2) * (kDecimalChars + 1));
        char* p = write_decimal(out.data() + start, profit);
        for (const engine::Index payee : w.payees) {
          *p++ = ',';
          p = write_decimal(p, state.received[payee]);
        }
        *p++ = ',';
        p = write_decimal(p, undistributed);
        *p++ = '\n';
        out.resize(static_cast<std::size_t>(p - out.data()));
      } else {
        out += "{\"profit\":\"";
        append_decimal(out, profit);
        out += "\",\"payouts\":{";
        for (std::size_t k = 0; k < w.payees.size(); ++k) {
          if (k > 0) out.push_back(',');
          out += names[k];
          out += ":\"";
          append_decimal(out, state.received[w.payees[k]]);
          out.push_back('"');
        }
        out += "},\"undistributed\":\"";
        append_decimal(out, undistributed);
        out += "\"}\n";
      }
    }
    return out;
  };
  Progress progress(ctx, range->count(), "profits");
  engine::run_in_order({range->count(), kProfitsPerChunk, thread_count(options.threads)}, work,
                       [&](const std::string& chunk) { ctx.out << chunk; },
                       [&](std::uint64_t done) { progress.update(done); });
  ctx.out << std::flush;
  return kSuccess;
}

int sweep_scenarios(Context& ctx, const SweepOptions& options, const engine::Contract& c,
                    const std::vector<engine::Override>& overrides) {
  dsl::DiagnosticList problems;
  const auto files = scenario_files(options.scenarios, problems);
  if (!files) {
    ctx.print(problems);
    return kUsage;
  }
  const bool csv = options.format == "csv";
  if (csv) {
    std::string header = "scenario,ran,passed,failed";
    for (const engine::Party& p : c.parties) {
      header += ',';  // appended apart: GCC 12 warns falsely on "," + std::string at -O3
      header += csv_field(p.name);
    }
    ctx.out << header << '\n';
  }
  engine::ScenarioOptions scenario_options;
  scenario_options.contract_path = options.contract;
  scenario_options.overrides = overrides;

  // One scenario per unit of work; its row, and any reason it did not run. Each worker
  // writes only its own scenarios' flags.
  std::vector<char> failures(files->size(), 0);
  // Each scenario's warnings about its own text (a word close to one the contract uses),
  // shown on standard error after the rows, in file order.
  std::vector<dsl::DiagnosticList> warnings(files->size());
  const auto work = [&](std::uint64_t begin, std::uint64_t end) {
    std::string out;
    for (std::uint64_t i = begin; i < end; ++i) {
      const std::string& file = (*files)[i];
      engine::ScenarioRun run = prepare_scenario_file(file, scenario_options);
      engine::run_scenario(run);
      // A scenario that cannot run fails every expectation it has (at least one), as in `clause test`.
      const std::size_t passed = run.ran ? run.passed() : 0;
      const std::size_t failed = run.ran ? run.failed() : std::max<std::size_t>(1, run.syntax.expectations.size());
      failures[i] = failed > 0 ? 1 : 0;
      for (const dsl::Diagnostic& d : run.diagnostics.items()) {
        if (d.severity == dsl::Severity::warning && d.where.source == run.source) warnings[i].add(d);
      }
      std::string error;
      if (!run.ran) {
        for (const dsl::Diagnostic& d : run.diagnostics.items()) {
          if (d.severity != dsl::Severity::error) continue;
          error = d.where.source ? d.where.source->location(d.where.span.begin) + ": " + d.message
                                 : d.where.path + ": " + d.message;
          break;
        }
      }
      if (csv) {
        out += fmt::format("{},{},{},{}", csv_field(file), run.ran ? "true" : "false", passed, failed);
        for (std::size_t p = 0; p < c.parties.size(); ++p) {
          out.push_back(',');
          if (run.ran && p < run.final_state->received.size()) append_decimal(out, run.final_state->received[p]);
        }
        out.push_back('\n');
      } else {
        Json row{{"scenario", file}, {"title", run.syntax.title.value}, {"ran", run.ran}, {"passed", passed},
                 {"failed", failed}};
        Json payouts = Json::object();
        if (run.ran) {
          const auto& received = run.final_state->received;
          for (std::size_t p = 0; p < received.size() && p < c.parties.size(); ++p) {
            if (!received[p].is_zero()) payouts[c.parties[p].name] = received[p].to_decimal();
          }
        }
        row["payouts"] = payouts;
        if (!run.ran) row["error"] = error;
        if (!warnings[i].items().empty()) {
          Json listed = Json::array();
          for (const dsl::Diagnostic& d : warnings[i].items()) {
            listed.push_back(d.where.source->location(d.where.span.begin) + ": " + d.message);
          }
          row["warnings"] = listed;
        }
        out += row.dump();
        out.push_back('\n');
      }
    }
    return out;
  };
  Progress progress(ctx, files->size(), "scenarios");
  engine::run_in_order({files->size(), 1, thread_count(options.threads)}, work,
                       [&](const std::string& row) { ctx.out << row; },
                       [&](std::uint64_t done) { progress.update(done); });
  ctx.out << std::flush;
  for (const dsl::DiagnosticList& w : warnings) ctx.print(w);
  const bool any_failed = std::find(failures.begin(), failures.end(), 1) != failures.end();
  return any_failed ? kFound : kSuccess;
}

}  // namespace

int sweep_command(Context& ctx, const SweepOptions& options) {
  dsl::DiagnosticList problems;
  if (options.profits.has_value() == !options.scenarios.empty()) {
    if (options.profits) problems.report<dsl::DiagId::sweep_both>({nullptr, {}, "sweep"});
    else problems.report<dsl::DiagId::sweep_nothing>({nullptr, {}, "sweep"});
    ctx.print(problems);
    return kUsage;
  }
  if (options.step && !options.profits) {
    problems.report<dsl::DiagId::step_without_profits>({nullptr, {}, "--step"});
    ctx.print(problems);
    return kUsage;
  }
  const auto overrides = parse_overrides(options.sets, problems);
  int exit = kSuccess;
  const auto loaded = load_for_command(ctx, options.contract, overrides, problems, exit);
  if (!loaded) return exit;
  if (options.profits) return sweep_profits(ctx, options, *loaded->contract);
  return sweep_scenarios(ctx, options, *loaded->contract, overrides);
}

}  // namespace clause::cli
