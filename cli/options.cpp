#include "cli/options.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "engine/model/suggest.hpp"

namespace clause::cli {

namespace {

// An argument shown as its own source, so its errors get a caret like a file's.
dsl::SourcePtr argument_source(const std::string& name, const std::string& text) {
  return std::make_shared<const dsl::SourceFile>(name, text);
}

// What a shell leaves of `$100B` unquoted or in double quotes: `$1` is replaced (by
// nothing), so `00B` arrives; `$50B` arrives as `0B`. Nobody writes an amount so.
bool looks_mangled(std::string_view text) {
  if (text.empty() || text[0] != '0' || text.size() < 2) return false;
  const char next = text[1];
  if (next >= '0' && next <= '9') return true;
  return text.size() == 2 && (next == 'K' || next == 'M' || next == 'B' || next == 'T');
}

// An amount written without `$` (`100B`, as a shell leaves it alone) reads as money.
std::string with_dollar(const std::string& text) {
  return !text.empty() && text[0] >= '0' && text[0] <= '9' && text.back() != '%' ? "$" + text : text;
}

}  // namespace

std::vector<engine::Override> parse_overrides(const std::vector<std::string>& sets, dsl::DiagnosticList& diagnostics) {
  std::vector<engine::Override> out;
  for (const std::string& s : sets) {
    const auto src = argument_source("--set", s);
    const std::size_t eq = s.find('=');
    if (eq == std::string::npos || eq == 0) {
      diagnostics.report<dsl::DiagId::set_expected>({src, {0, static_cast<std::uint32_t>(s.size())}, {}});
      continue;
    }
    const std::string name = s.substr(0, eq);
    const std::string value = s.substr(eq + 1);
    const dsl::Span value_span{static_cast<std::uint32_t>(eq + 1), static_cast<std::uint32_t>(s.size())};
    if (value.empty() || looks_mangled(value)) {
      diagnostics.report<dsl::DiagId::amount_mangled_by_shell>({src, value.empty() ? dsl::Span{0, static_cast<std::uint32_t>(s.size())} : value_span, {}}, value.empty() ? s : value);
      continue;
    }
    auto parsed = dsl::parse_value(with_dollar(value));
    if (auto* e = std::get_if<dsl::LiteralError>(&parsed)) {
      diagnostics.report({src, value_span, {}}, e->message);
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
  diagnostics.report({src, {0, static_cast<std::uint32_t>(text.size())}, {}},
                     std::get<dsl::LiteralError>(parsed).message);
  return std::nullopt;
}

std::optional<dsl::Money> parse_money_option(const std::string& option, const std::string& text,
                                             dsl::DiagnosticList& diagnostics) {
  if (text.empty() || looks_mangled(text)) {
    diagnostics.report<dsl::DiagId::amount_mangled_by_shell>(
        {argument_source(option, text), {0, static_cast<std::uint32_t>(text.size())}, {}}, text);
    return std::nullopt;
  }
  const std::string money = text[0] != '$' ? "$" + text : text;
  auto parsed = dsl::parse_money(money);
  if (auto* m = std::get_if<dsl::Money>(&parsed)) return *m;
  const auto src = argument_source(option, text);
  diagnostics.report({src, {0, static_cast<std::uint32_t>(text.size())}, {}},
                     std::get<dsl::LiteralError>(parsed).message);
  return std::nullopt;
}

std::optional<dsl::Money> parse_profit_option(const std::string& option, const std::string& text,
                                              dsl::DiagnosticList& diagnostics) {
  const auto not_positive = [&]() {
    diagnostics.report<dsl::DiagId::profit_not_positive>(
        {argument_source(option, text), {0, static_cast<std::uint32_t>(text.size())}, {}}, text);
    return std::nullopt;
  };
  if (!text.empty() && text[0] == '-') return not_positive();
  auto profit = parse_money_option(option, text, diagnostics);
  if (profit && profit->is_zero()) return not_positive();
  return profit;
}

std::optional<engine::Index> choose_waterfall(const engine::Contract& c, const std::optional<std::string>& name,
                                              const std::string& contract_path, dsl::DiagnosticList& diagnostics) {
  if (name) {
    const auto ref = c.find(*name);
    if (ref && ref->kind == engine::DeclKind::waterfall) return ref->index;
    std::vector<std::string_view> names;
    for (const engine::Waterfall& w : c.waterfalls) names.push_back(w.name);
    diagnostics.report<dsl::DiagId::no_such_declaration>({nullptr, {}, contract_path}, "waterfall", *name,
                                                         engine::did_you_mean(*name, names));
    return std::nullopt;
  }
  if (c.waterfalls.size() == 1) return 0;
  std::vector<std::string> names;
  for (const engine::Waterfall& w : c.waterfalls) names.push_back(fmt::format("`{}`", w.name));
  if (c.waterfalls.empty()) diagnostics.report<dsl::DiagId::no_waterfall>({nullptr, {}, contract_path});
  else diagnostics.report<dsl::DiagId::several_waterfalls>({nullptr, {}, contract_path}, c.waterfalls.size(),
                                                           fmt::join(names, ", "));
  return std::nullopt;
}

}  // namespace clause::cli
