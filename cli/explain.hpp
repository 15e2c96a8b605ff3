// `clause explain`: every declaration of a checked contract as a sentence or two a
// non-lawyer understands, grouped by theme, each pointing back to its line. English and
// Chinese come from the same walk of the model (explain.cpp) through two phrasebooks, so
// the two languages cannot say different things about the same contract.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/date.hpp"
#include "dsl/money.hpp"
#include "dsl/source.hpp"
#include "engine/model/contract.hpp"

namespace clause::cli {

enum class Language { en, zh };

// "en" or "zh"; nullopt for anything else.
std::optional<Language> parse_language(std::string_view text);

struct ExplainedLine {
  std::string text;         // one or two plain sentences
  dsl::Span place;          // the declaration's keyword span (its line)
  std::string name;         // the declaration's name ("" for the contract's own lines)
  bool assumption = false;  // an assumption, marked as such
};

// key: a stable id such as "who-buys"; title: the heading, in the language.
struct ExplainedTheme {
  std::string key;
  std::string title;
  std::vector<ExplainedLine> lines;
};

struct Explanation {
  std::string title;
  std::vector<ExplainedLine> parties;
  std::vector<ExplainedTheme> themes;
  std::string parties_title;  // the heading of `parties`, in the language
};

// "contracts/microsoft-openai/2025-10.clause:47": where a line of an explanation points.
std::string place_words(const engine::Contract& contract, dsl::Span place);

Explanation explain(const engine::Contract& contract, Language language);

// "$17.3B" / "173 亿美元"; exact: "$1,234.56" / "1,234.56 美元" when not a round figure.
std::string money_words(dsl::Money amount, Language language);

// "31 December 2032" / "2032 年 12 月 31 日".
std::string date_words(dsl::Date date, Language language);

}  // namespace clause::cli
