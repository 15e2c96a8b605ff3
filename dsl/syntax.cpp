#include "dsl/syntax.hpp"

#include <fmt/format.h>

#include "dsl/keywords.hpp"

namespace clause::dsl {

const Ident& Declaration::name() const {
  return std::visit([](const auto& n) -> const Ident& { return n.name; }, node);
}

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// A good or status as the canonical text writes it: lower case (they match without regard
// to case), unless lower case would make it a keyword: `Total` stays `Total`, since
// `total is declared` would not read back as an event.
std::string word(std::string_view s) {
  std::string l = lower(s);
  return is_keyword(l) ? std::string(s) : l;
}

std::string quote(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string written(const MoneyLit& m, std::string_view source) {
  if (m.span.end <= source.size() && m.span.end > m.span.begin) {
    return std::string(source.substr(m.span.begin, m.span.end - m.span.begin));
  }
  return m.value.to_short();
}

}  // namespace

std::string canonical_text(const EventSyntax& event, std::string_view source) {
  return std::visit(
      [&](const auto& e) -> std::string {
        using E = std::decay_t<decltype(e)>;
        if constexpr (std::is_same_v<E, DeclaresEvent>) {
          return fmt::format("{} declares {}", e.actor.to_string(), word(e.status.text));
        } else if constexpr (std::is_same_v<E, IsDeclaredEvent>) {
          return fmt::format("{} is declared", word(e.status.text));
        } else if constexpr (std::is_same_v<E, ConsentsEvent>) {
          return fmt::format("{} consents to {}", e.party.to_string(), e.exception.text);
        } else if constexpr (std::is_same_v<E, BuysEvent>) {
          return fmt::format("{} buys {} from {} for {}", e.buyer.to_string(), word(e.good.text), e.vendor.to_string(),
                             written(e.amount, source));
        } else if constexpr (std::is_same_v<E, UsesEvent>) {
          return fmt::format("{} uses {}", e.actor.to_string(), e.licence.text);
        } else if constexpr (std::is_same_v<E, EarnsEvent>) {
          std::string text = fmt::format("{} earns {}", e.party.to_string(), written(e.amount, source));
          if (e.stream) text += fmt::format(" in {}", word(e.stream->text));
          return text;
        } else if constexpr (std::is_same_v<E, VerifiesEvent>) {
          return fmt::format("{} verifies {}", e.actor.to_string(), word(e.status.text));
        } else if constexpr (std::is_same_v<E, RejectsEvent>) {
          return fmt::format("{} rejects {}", e.actor.to_string(), word(e.status.text));
        } else if constexpr (std::is_same_v<E, IsVerifiedEvent>) {
          return fmt::format("{} is verified", word(e.status.text));
        } else if constexpr (std::is_same_v<E, DeclinesEvent>) {
          return fmt::format("{} declines {} for {}", e.party.to_string(), word(e.good.text), written(e.amount, source));
        } else if constexpr (std::is_same_v<E, NothingHappensEvent>) {
          return "nothing happens";
        } else {
          return fmt::format("{} does {}", e.actor.to_string(), quote(e.text.value));
        }
      },
      event.node);
}

}  // namespace clause::dsl
