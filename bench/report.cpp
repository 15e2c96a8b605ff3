// Reads the JSON results of the benchmark programs (--benchmark_out) and prints one
// table: workload, size, figure (the best repetition), target, met?, the repetitions'
// median. Exit 1 when a target is missed, or its benchmark failed or did not run.
#include <algorithm>
#include <cmath>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "bench/median.hpp"

namespace {

using Json = nlohmann::json;

// A benchmark's name without the suffixes Google Benchmark adds:
// "ask_process/iterations:200/manual_time" is "ask_process".
std::string base_name(std::string name) {
  for (const char* suffix : {"/manual_time", "/real_time"}) {
    const auto at = name.find(suffix);
    if (at != std::string::npos) name.erase(at);
  }
  const auto it = name.find("/iterations:");
  if (it != std::string::npos) name.erase(it);
  return name;
}

double number(const Json& b, const char* key) { return b.contains(key) ? b[key].get<double>() : NAN; }

double millis(const Json& b) {
  const double t = number(b, "real_time");
  const std::string unit = b.value("time_unit", "ns");
  return unit == "ms" ? t : unit == "us" ? t / 1e3 : unit == "s" ? t * 1e3 : t / 1e6;
}

// What a row reads from each repetition of its benchmark, and which way is better.
struct Measure {
  enum Kind { wall_ms, rate, counter } kind = wall_ms;
  const char* key = "";  // rate: a per-second counter; counter: any counter
  double scale = 1;      // the figure is the value divided by this
  bool higher_is_better = false;
};

struct Target {
  const char* workload;
  const char* size;
  const char* benchmark;  // its name without Google Benchmark's suffixes
  Measure measure;
  const char* unit;
  int decimals;
  std::optional<double> limit;  // at least (higher is better) or at most; none: shown only
};

class Report {
 public:
  void load(const std::string& path) {
    std::ifstream in(path);
    if (!in) {
      std::cerr << "bench_report: cannot read " << path << "\n";
      return;
    }
    const Json j = Json::parse(in, nullptr, false);
    if (j.is_discarded() || !j.contains("benchmarks")) {
      std::cerr << "bench_report: " << path << " is not Google Benchmark JSON\n";
      return;
    }
    for (const Json& b : j["benchmarks"]) {
      if (b.value("run_type", "iteration") != "iteration" || b.value("error_occurred", false)) continue;
      runs_[base_name(b.value("run_name", b["name"].get<std::string>()))].push_back(b);
    }
  }

  // The best repetition and the median. Why the best: this machine shares its host, and a
  // neighbour's load only ever adds time, so the best repetition moves least between runs.
  struct Figure {
    double best = NAN;
    double median = NAN;
  };
  std::optional<Figure> figure(const Target& t) const {
    const auto it = runs_.find(t.benchmark);
    if (it == runs_.end()) return std::nullopt;
    std::vector<double> v;
    for (const Json& b : it->second) {
      v.push_back(t.measure.kind == Measure::wall_ms ? millis(b) : number(b, t.measure.key) / t.measure.scale);
    }
    std::sort(v.begin(), v.end());
    return Figure{t.measure.higher_is_better ? v.back() : v.front(), clause::bench::median_of_sorted(v)};
  }

 private:
  std::map<std::string, std::vector<Json>> runs_;
};

// Display width: the table holds a few non-ASCII signs (≥, ≤, ×).
std::size_t width(const std::string& s) {
  std::size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0u) != 0x80u;
  return n;
}
std::string pad(const std::string& s, std::size_t w) { return s + std::string(w - std::min(w, width(s)), ' '); }

}  // namespace

int main(int argc, char** argv) {
  Report report;
  for (int i = 1; i < argc; ++i) report.load(argv[i]);

  const Measure wall{Measure::wall_ms, "", 1, false};
  const Measure mb_per_s{Measure::rate, "bytes_per_second", 1e6, true};
  const Measure m_per_s{Measure::rate, "items_per_second", 1e6, true};
  const Measure peak{Measure::counter, "peak_rss_per_byte", 1, false};
  const std::vector<Target> targets{
      {"clause ask, whole process", "flagship", "ask_process", wall, "ms", 2, 3.0},
      {"clause check, whole process", "1,000 decl", "check_process/1000", wall, "ms", 2, 15.0},
      {"parse + check", "100,000 decl (10 MB)", "parse_check/100000", mb_per_s, "MB/s", 1, 50.0},
      {"evaluate mixed events", "flagship", "evaluate_flagship/1000000", m_per_s, "M events/s", 2, 5.0},
      {"distribute random profits", "flagship", "distribute_fresh/1000000", m_per_s, "M/s", 2, 20.0},
      {"clause sweep --profits", "1 thread", "sweep_profits/1", m_per_s, "M rows/s", 2, 5.0},
      {"peak memory, clause check", "100,000 decl (10 MB)", "check_process/100000", peak, "× the file", 1, 20.0},
      {"language server, diagnostics after an edit", "1,000 decl", "lsp_edit/1000", wall, "ms", 2, 20.0},
      // Shown for context, with no target.
      {"a process that does nothing", "/bin/true", "spawn_floor", wall, "ms", 2, std::nullopt},
      {"parse", "1,000 decl", "parse/1000", mb_per_s, "MB/s", 1, std::nullopt},
      {"check", "1,000 decl", "check/1000", mb_per_s, "MB/s", 1, std::nullopt},
      {"clause check, whole process", "100,000 decl (10 MB)", "check_process/100000", wall, "ms", 1, std::nullopt},
      {"clause sweep --profits", "2 threads", "sweep_profits/2", m_per_s, "M rows/s", 2, std::nullopt},
      {"clause diff, whole process", "1,000 decl, 1% changed", "diff_process/1000", wall, "ms", 1, std::nullopt},
  };

  struct Row {
    std::string workload, size, figure, target, met, median;
  };
  std::vector<Row> rows;
  bool missed = false;
  for (const Target& t : targets) {
    Row row{t.workload, t.size, "not measured", "", "", ""};
    const bool higher = t.measure.higher_is_better;
    if (t.limit) {
      row.target = fmt::format("{} {:g} {}", higher ? "≥" : "≤", *t.limit, t.unit);
      row.met = "NO";  // unless measured and met
    }
    if (const auto f = report.figure(t)) {
      row.figure = fmt::format("{:.{}f} {}", f->best, t.decimals, t.unit);
      row.median = fmt::format("{:.{}f}", f->median, t.decimals);
      if (t.limit) row.met = (higher ? f->best >= *t.limit : f->best <= *t.limit) ? "yes" : "NO";
    }
    missed = missed || row.met == "NO";
    rows.push_back(row);
  }

  std::size_t w[6] = {8, 4, 6, 6, 4, 6};
  for (const Row& r : rows) {
    const std::string* cells[6] = {&r.workload, &r.size, &r.figure, &r.target, &r.met, &r.median};
    for (int i = 0; i < 6; ++i) w[i] = std::max(w[i], width(*cells[i]));
  }
  const auto line = [&](const std::vector<std::string>& cells) {
    std::cout << "|";
    for (std::size_t i = 0; i < cells.size(); ++i) std::cout << ' ' << pad(cells[i], w[i]) << " |";
    std::cout << '\n';
  };
  line({"workload", "size", "figure", "target", "met?", "median"});
  line({std::string(w[0], '-'), std::string(w[1], '-'), std::string(w[2], '-'), std::string(w[3], '-'),
        std::string(w[4], '-'), std::string(w[5], '-')});
  for (const Row& r : rows) line({r.workload, r.size, r.figure, r.target, r.met, r.median});
  return missed ? 1 : 0;
}
