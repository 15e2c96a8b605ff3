#include "cli/context.hpp"

#include <ostream>

#include <fmt/format.h>

namespace clause::cli {

void Context::print(const dsl::DiagnosticList& diagnostics) const {
  err << dsl::render_diagnostics(diagnostics, {err_style.colour});
}

dsl::Date Context::today() const { return env.today ? *env.today : dsl::Date::today(); }

namespace {

// An argument shown as its own source, so its errors get a caret like a file's.
dsl::SourcePtr argument_source(const std::string& name, const std::string& text) {
  return std::make_shared<const dsl::SourceFile>(name, text);
}

}  // namespace

std::vector<engine::Override> parse_overrides(const std::vector<std::string>& sets, dsl::DiagnosticList& diagnostics) {
  std::vector<engine::Override> out;
  for (const std::string& s : sets) {
    const auto src = argument_source("--set", s);
    const std::size_t eq = s.find('=');
    if (eq == std::string::npos || eq == 0) {
      diagnostics.error({src, {0, static_cast<std::uint32_t>(s.size())}, {}},
                        fmt::format("expected `NAME=VALUE` after `--set`, like `--set microsoft_cap=$100B`"));
      continue;
    }
    const std::string name = s.substr(0, eq);
    const std::string value = s.substr(eq + 1);
    const dsl::Span value_span{static_cast<std::uint32_t>(eq + 1), static_cast<std::uint32_t>(s.size())};
    auto parsed = dsl::parse_value(value);
    if (auto* e = std::get_if<dsl::LiteralError>(&parsed)) {
      diagnostics.error({src, value_span, {}}, e->message);
      continue;
    }
    out.push_back(engine::Override{name, std::get<dsl::Value>(parsed), {src, value_span, {}}});
  }
  return out;
}

std::optional<dsl::Date> parse_date_option(const std::string& option, const std::string& text,
                                           dsl::DiagnosticList& diagnostics) {
  auto parsed = dsl::parse_date(text);
  if (auto* d = std::get_if<dsl::Date>(&parsed)) return *d;
  const auto src = argument_source(option, text);
  diagnostics.error({src, {0, static_cast<std::uint32_t>(text.size())}, {}}, std::get<dsl::LiteralError>(parsed).message);
  return std::nullopt;
}

std::optional<dsl::Money> parse_money_option(const std::string& option, const std::string& text,
                                             dsl::DiagnosticList& diagnostics) {
  const std::string money = !text.empty() && text[0] != '$' ? "$" + text : text;
  auto parsed = dsl::parse_money(money);
  if (auto* m = std::get_if<dsl::Money>(&parsed)) return *m;
  const auto src = argument_source(option, text);
  diagnostics.error({src, {0, static_cast<std::uint32_t>(text.size())}, {}},
                    std::get<dsl::LiteralError>(parsed).message);
  return std::nullopt;
}

}  // namespace clause::cli
