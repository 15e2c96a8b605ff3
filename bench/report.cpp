// Reads the JSON results of the benchmark programs (--benchmark_out) and prints one
// table: workload, size, figure, target, met? — then whether each workload measured at
// three sizes kept its throughput flat. Exit 1 when a target is missed.
#include <cmath>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace {

using Json = nlohmann::json;

// A benchmark's name without the suffixes Google Benchmark adds: "ask_process/iterations:200/manual_time"
// is "ask_process".
std::string base_name(std::string name) {
  for (const char* suffix : {"/manual_time", "/real_time"}) {
    const auto at = name.find(suffix);
    if (at != std::string::npos) name.erase(at);
  }
  const auto it = name.find("/iterations:");
  if (it != std::string::npos) name.erase(it);
  return name;
}

struct Row {
  std::string workload;
  std::string size;
  std::string figure;
  std::string target;
  std::string met;  // "yes", "NO" or "" (no target)
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
    // With repetitions, a benchmark's median stands for it: this shared machine's
    // figures move with its host's load, and the median of a few runs moves less.
    for (const Json& b : j["benchmarks"]) {
      const std::string name = base_name(b.value("run_name", b["name"].get<std::string>()));
      const std::string run_type = b.value("run_type", "iteration");
      if (run_type == "iteration" && medians_.count(name) == 0) {
        results_[name] = b;
      } else if (run_type == "aggregate" && b.value("aggregate_name", "") == "median") {
        medians_.insert(name);
        results_[name] = b;
      }
    }
  }

  const Json* find(const std::string& name) const {
    const auto it = results_.find(name);
    if (it == results_.end() || it->second.value("error_occurred", false)) return nullptr;
    return &it->second;
  }

  static double number(const Json& b, const char* key) { return b.contains(key) ? b[key].get<double>() : NAN; }
  static double millis(const Json& b) {
    const double t = number(b, "real_time");
    const std::string unit = b.value("time_unit", "ns");
    return unit == "ms" ? t : unit == "us" ? t / 1e3 : unit == "s" ? t * 1e3 : t / 1e6;
  }

  // A throughput at each size; the target applies at `target_size`.
  void rates(const std::string& family, const std::string& workload, const std::vector<std::string>& sizes,
             const std::vector<std::string>& size_labels, const char* key, double scale, const char* unit,
             std::optional<double> at_least, const std::string& target_size) {
    std::vector<double> seen;
    for (std::size_t i = 0; i < sizes.size(); ++i) {
      const Json* b = find(family + "/" + sizes[i]);
      Row row{workload, size_labels[i], "not measured", "", ""};
      if (b) {
        const double v = number(*b, key) / scale;
        seen.push_back(v);
        row.figure = fmt::format("{:.1f} {}", v, unit);
        if (at_least && sizes[i] == target_size) {
          row.target = fmt::format("≥ {:g} {}", *at_least, unit);
          row.met = v >= *at_least ? "yes" : "NO";
        }
      }
      add(row);
    }
    if (sizes.size() == 3 && seen.size() == 3) flat_.push_back({workload, seen, unit});
  }

  void flat(const std::string& workload, std::vector<double> values, const std::string& unit) {
    flat_.push_back({workload, std::move(values), unit});
  }

  void add(Row row) {
    if (row.met == "NO") missed_ = true;
    rows_.push_back(std::move(row));
  }

  int print() const {
    std::size_t w0 = 8, w1 = 4, w2 = 6, w3 = 6;
    for (const Row& r : rows_) {
      w0 = std::max(w0, width(r.workload));
      w1 = std::max(w1, width(r.size));
      w2 = std::max(w2, width(r.figure));
      w3 = std::max(w3, width(r.target));
    }
    const auto line = [&](const std::string& a, const std::string& b, const std::string& c, const std::string& d,
                          const std::string& e) {
      std::cout << "| " << pad(a, w0) << " | " << pad(b, w1) << " | " << pad(c, w2) << " | " << pad(d, w3) << " | "
                << pad(e, 4) << " |\n";
    };
    line("workload", "size", "figure", "target", "met?");
    std::cout << "| " << std::string(w0, '-') << " | " << std::string(w1, '-') << " | " << std::string(w2, '-')
              << " | " << std::string(w3, '-') << " | ---- |\n";
    for (const Row& r : rows_) line(r.workload, r.size, r.figure, r.target, r.met);

    std::cout << "\nLinear growth: throughput at x1, x10 and x100 (flat: at x100 at least half the best of "
                 "the three;\nsmall sizes may be slower from fixed costs, never from growth)\n\n";
    bool all_flat = true;
    for (const Flat& f : flat_) {
      const double best = std::max({f.values[0], f.values[1], f.values[2]});
      const double largest = f.values[2];
      const bool flat = largest > 0 && best / largest <= 2.0;
      all_flat = all_flat && flat;
      std::cout << fmt::format("  {:<44} {:>8.1f} {:>8.1f} {:>8.1f} {:<11} best/x100 {:.2f}  {}\n", f.workload,
                               f.values[0], f.values[1], f.values[2], f.unit, best / largest,
                               flat ? "flat" : "NOT FLAT");
    }
    return missed_ || !all_flat ? 1 : 0;
  }

 private:
  struct Flat {
    std::string workload;
    std::vector<double> values;
    std::string unit;
  };

  // Display width: the table holds a few non-ASCII signs (≥, ≤, ×).
  static std::size_t width(const std::string& s) {
    std::size_t n = 0;
    for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0u) != 0x80u;
    return n;
  }
  static std::string pad(const std::string& s, std::size_t w) { return s + std::string(w - std::min(w, width(s)), ' '); }

  std::map<std::string, Json> results_;
  std::set<std::string> medians_;  // benchmarks whose result is the median of repetitions
  std::vector<Row> rows_;
  std::vector<Flat> flat_;
  bool missed_ = false;
};

}  // namespace

int main(int argc, char** argv) {
  Report r;
  for (int i = 1; i < argc; ++i) r.load(argv[i]);

  const std::vector<std::string> decls{"1000", "10000", "100000"};
  const std::vector<std::string> decl_labels{"1,000 decl (0.1 MB)", "10,000 decl (1 MB)", "100,000 decl (10 MB)"};
  r.rates("parse", "parse", decls, decl_labels, "bytes_per_second", 1e6, "MB/s", std::nullopt, "");
  r.rates("check", "check", decls, decl_labels, "bytes_per_second", 1e6, "MB/s", std::nullopt, "");
  r.rates("parse_check", "parse + check", decls, decl_labels, "bytes_per_second", 1e6, "MB/s", 100.0, "100000");

  const std::vector<std::string> events{"10000", "100000", "1000000"};
  const std::vector<std::string> event_labels{"10,000 events", "100,000 events", "1,000,000 events"};
  r.rates("evaluate_flagship", "evaluate (flagship)", events, event_labels, "items_per_second", 1e6,
          "M events/s", 10.0, "1000000");
  const std::vector<std::string> contract_labels{"1M events, 1,000 decl", "1M events, 10,000 decl",
                                                 "1M events, 100,000 decl"};
  r.rates("evaluate_generated", "evaluate (generated contract)", decls, contract_labels, "items_per_second", 1e6,
          "M events/s", std::nullopt, "");
  const std::vector<std::string> profit_labels{"10,000 profits", "100,000 profits", "1,000,000 profits"};
  r.rates("distribute_fresh_batch", "distribute, fresh state, all at once", events, profit_labels,
          "items_per_second", 1e6, "M/s", 50.0, "1000000");
  r.rates("distribute_fresh", "distribute, fresh state, one at a time", events, profit_labels, "items_per_second",
          1e6, "M/s", std::nullopt, "");
  r.rates("distribute_fresh_totals", "distribute, fresh state, one at a time, totals", events, profit_labels,
          "items_per_second", 1e6, "M/s", std::nullopt, "");
  r.rates("distribute_fresh_general", "distribute, fresh state, general path", {"1000000"}, {"1,000,000 profits"},
          "items_per_second", 1e6, "M/s", std::nullopt, "");
  r.rates("distribute_cumulative", "distribute, cumulative", {"1000000"}, {"1,000,000 profits"}, "items_per_second",
          1e6, "M/s", std::nullopt, "");

  if (const Json* b = r.find("spawn_floor")) {
    r.add({"a process that does nothing", "/bin/true", fmt::format("{:.2f} ms wall", Report::millis(*b)), "", ""});
  }
  if (const Json* b = r.find("ask_process")) {
    const double ms = Report::millis(*b);
    r.add({"clause ask (process, warm)", "flagship", fmt::format("{:.2f} ms wall", ms), "≤ 5 ms",
           ms <= 5.0 ? "yes" : "NO"});
  } else {
    r.add({"clause ask (process, warm)", "flagship", "not measured", "≤ 5 ms", "NO"});
  }

  const std::vector<std::string> diff_sizes{"100", "1000", "10000"};
  const std::vector<std::string> diff_labels{"100 decl, 1% changed", "1,000 decl, 1% changed",
                                             "10,000 decl, 1% changed"};
  std::vector<double> diff_rates;
  for (std::size_t i = 0; i < diff_sizes.size(); ++i) {
    const Json* b = r.find("diff_process/" + diff_sizes[i]);
    Row row{"clause diff (process)", diff_labels[i], "not available", i == 2 ? "≤ 1 s" : "", i == 2 ? "NO" : ""};
    if (b) {
      const double ms = Report::millis(*b);
      diff_rates.push_back(std::stod(diff_sizes[i]) / ms);
      row.figure = fmt::format("{:.0f} ms wall", ms);
      if (i == 2) row.met = ms <= 1000.0 ? "yes" : "NO";
    }
    r.add(row);
  }
  if (diff_rates.size() == 3) r.flat("clause diff", diff_rates, "decl/ms");

  for (std::size_t i = 0; i < decls.size(); ++i) {
    const Json* b = r.find("check_process/" + decls[i]);
    const bool at_target = i == 2;
    Row row{"peak memory, clause check", decl_labels[i], "not measured", at_target ? "≤ 20× the file" : "",
            at_target ? "NO" : ""};
    if (b) {
      const double ratio = Report::number(*b, "peak_rss_per_byte");
      row.figure = fmt::format("{:.1f} MB = {:.1f}× the file", Report::number(*b, "peak_rss_mb"), ratio);
      if (at_target) row.met = ratio <= 20.0 ? "yes" : "NO";
    }
    r.add(row);
  }

  for (const char* threads : {"1", "2"}) {
    const Json* b = r.find(std::string("sweep_profits/") + threads);
    r.add({"clause sweep --profits (in process)", fmt::format("1,000,000 profits, {} thread{}", threads,
                                                              std::string(threads) == "1" ? "" : "s"),
           b ? fmt::format("{:.2f} M rows/s", Report::number(*b, "items_per_second") / 1e6) : "not measured", "",
           ""});
  }
  return r.print();
}
