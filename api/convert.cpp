// From the engine's diagnostics and the renderers' JSON to the API's values.
#include <algorithm>
#include <array>

#include "api/internal.hpp"
#include "cli/diagnostics_json.hpp"
#include "dsl/money.hpp"

namespace clause {

std::string Money::decimal() const { return dsl::Money::from_cents(cents_).to_decimal(); }

std::string Place::text() const {
  std::string out = file;
  if (line) {
    out += ':';
    out += std::to_string(*line);
    out += ':';
    out += std::to_string(column.value_or(1));
  }
  return out;
}

namespace {

// Members of the JSON that hold words, never an amount, whatever they spell.
constexpr std::array<std::string_view, 24> kTextKeys{
    "title", "version", "effective", "file", "at", "because", "event", "expect", "actual", "message", "scenario",
    "name",  "what",    "status",    "by",   "party", "rule", "kind", "on", "chart", "why", "code", "severity",
    "waterfall"};

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

bool is_amount(std::string_view key, std::string_view value) {
  if (std::find(kTextKeys.begin(), kTextKeys.end(), key) != kTextKeys.end()) return false;
  if (!value.empty() && value[0] == '-') value.remove_prefix(1);
  const std::size_t plus = value.find('+');
  if (plus != std::string_view::npos) {
    const std::string_view fraction = value.substr(plus + 1);
    const std::size_t slash = fraction.find('/');
    if (slash == std::string_view::npos || !all_digits(fraction.substr(0, slash)) ||
        !all_digits(fraction.substr(slash + 1))) {
      return false;
    }
    value = value.substr(0, plus);
  }
  const std::size_t dot = value.find('.');
  return dot != std::string_view::npos && all_digits(value.substr(0, dot)) && value.size() - dot == 3 &&
         all_digits(value.substr(dot + 1));
}

namespace api {

Diagnostic diagnostic(const dsl::Diagnostic& d) {
  const nlohmann::json j = cli::diagnostic_json(d);
  Diagnostic out;
  out.code = j["code"].get<std::string>();
  out.severity = j["severity"].get<std::string>();
  out.place.file = j["file"].get<std::string>();
  if (j["line"].is_number()) out.place.line = j["line"].get<std::uint32_t>();
  if (j["column"].is_number()) out.place.column = j["column"].get<std::uint32_t>();
  out.message = d.message;
  out.rendered = dsl::render_diagnostic(d, {});
  return out;
}

std::vector<Diagnostic> diagnostics(const dsl::DiagnosticList& list) {
  std::vector<Diagnostic> out;
  for (const dsl::Diagnostic& d : list.items()) out.push_back(diagnostic(d));
  return out;
}

std::vector<Diagnostic> warnings(const dsl::DiagnosticList& list) {
  std::vector<Diagnostic> out;
  for (const dsl::Diagnostic& d : list.items()) {
    if (d.severity != dsl::Severity::error) out.push_back(diagnostic(d));
  }
  return out;
}

std::vector<std::string> set_words(const Assumptions& set) {
  std::vector<std::string> out;
  for (const auto& [name, value] : set) {
    std::string word = name;
    word += '=';
    word += value;
    out.push_back(std::move(word));
  }
  return out;
}

std::optional<Money> money(std::string_view text) {
  if (!is_amount("", text) || text.find('+') != std::string_view::npos) return std::nullopt;
  const bool negative = text[0] == '-';
  std::int64_t cents = 0;
  for (const char c : text) {
    if (c >= '0' && c <= '9') cents = cents * 10 + (c - '0');  // within the money range: no overflow
  }
  return Money::from_cents(negative ? -cents : cents);
}

Place place(const std::string& text) {
  // "file:line:col": the file may hold colons itself, the numbers never do.
  const std::size_t col = text.rfind(':');
  const std::size_t line = col == std::string::npos || col == 0 ? std::string::npos : text.rfind(':', col - 1);
  if (line == std::string::npos || !all_digits(std::string_view(text).substr(line + 1, col - line - 1)) ||
      !all_digits(std::string_view(text).substr(col + 1))) {
    return Place{text, std::nullopt, std::nullopt};
  }
  return Place{text.substr(0, line), static_cast<std::uint32_t>(std::stoul(text.substr(line + 1, col - line - 1))),
               static_cast<std::uint32_t>(std::stoul(text.substr(col + 1)))};
}

namespace {

// Every amount among the members of `j`, and among those of its objects through a dot.
void collect_amounts(const Json& j, const std::string& prefix, std::vector<std::pair<std::string, Money>>& out) {
  for (const auto& [key, value] : j.items()) {
    std::string name = prefix;
    name += key;
    if (value.is_string()) {
      if (!is_amount(key, value.get_ref<const std::string&>())) continue;
      if (const auto m = money(value.get_ref<const std::string&>())) out.emplace_back(std::move(name), *m);
    } else if (value.is_object()) {
      name += '.';
      collect_amounts(value, name, out);
    }
  }
}

Outcome outcome(const Json& j) {
  Outcome o;
  o.kind = j["kind"].get<std::string>();
  if (j["rule"].is_string()) o.rule = j["rule"].get<std::string>();
  if (j["at"].is_string()) o.place = place(j["at"].get<std::string>());
  o.because = j["because"].get<std::string>();
  collect_amounts(j, "", o.amounts);
  o.json = j.dump(2);
  return o;
}

}  // namespace

Answer answer(const Json& j, std::vector<Diagnostic> warnings) {
  Answer a;
  for (const Json& e : j["events"]) {
    EventAnswer event{e["on"].get<std::string>(), e["event"].get<std::string>(), {}};
    for (const Json& o : e["outcomes"]) event.outcomes.push_back(outcome(o));
    a.events.push_back(std::move(event));
  }
  collect_amounts(j["payouts"], "", a.payouts);
  a.warnings = std::move(warnings);
  a.json = j.dump(2);
  return a;
}

}  // namespace api
}  // namespace clause
