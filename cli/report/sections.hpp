// The sections of the report page, each a renderer of engine data into HTML, and the
// small pieces they share. page.cpp puts them together.
#pragma once

#include <string>
#include <string_view>

#include <fmt/format.h>

#include "cli/report/labels.hpp"
#include "cli/report/report.hpp"
#include "engine/payout/rational.hpp"

namespace clause::cli::report {

// Contract-provided text, escaped for HTML.
std::string esc(std::string_view text);

// The same, with each `name` the engine's sentences quote set as code.
std::string ticks_as_code(std::string_view text);

// An outcome's headline as HTML in the page's language: the engine's words, but a breach's
// "of `exclusivity` by OpenAI" reads "OpenAI 违反 `exclusivity`" in Chinese.
std::string headline_words(const Input& in, engine::OutcomeKind kind, const std::string& headline);

// A label template filled in: say(l.line, 12).
template <typename... Args>
std::string say(std::string_view label, Args&&... args) {
  return fmt::format(fmt::runtime(label), std::forward<Args>(args)...);
}

// An exact amount the browser tests compare with the CLI's JSON: the visible text is the
// exact display ("$14,241,365,853.65 + 35/41¢"), data-amount the JSON decimal
// ("14241365853.65+35/41"); `attributes` say which figure it is (data-figure="…" …).
std::string money_figure(const engine::Rational& cents, std::string_view attributes);
std::string money_figure(dsl::Money amount, std::string_view attributes);

// `<section id="…"><h2>…</h2>`; the caller closes it.
std::string section_open(std::string_view id, std::string_view heading);

// "line 12", pointing at a place in the contract's file.
std::string line_of(const Input& in, const engine::Contract& contract, dsl::Span place);

std::string parties_section(const Input& in, const Explanation& explained);
std::string terms_section(const Input& in, const Explanation& explained);
std::string timeline_section(const Input& in);
std::string payouts_section(const Input& in);
std::string scenarios_section(const Input& in);
std::string renegotiation_section(const Input& in);

}  // namespace clause::cli::report
