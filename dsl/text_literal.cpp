#include "dsl/text_literal.hpp"

#include <memory>
#include <string>

namespace clause::dsl {

Text text_literal(std::string_view raw, Span span) {
  Text t;
  read_text_literal(raw, span, t);
  return t;
}

void read_text_literal(std::string_view raw, Span span, Text& out) {
  out.span = span;
  const std::string_view inner = raw.size() >= 2 ? raw.substr(1, raw.size() - 2) : std::string_view();
  if (inner.find('\\') == std::string_view::npos) {
    out.value = inner;  // no escapes: the usual case, a view of the source
    out.decoded.reset();
    return;
  }
  auto decoded = std::make_shared<std::string>();
  decoded->reserve(raw.size());
  for (std::size_t i = 1; i + 1 < raw.size(); ++i) {
    if (raw[i] == '\\' && i + 2 < raw.size()) {
      ++i;
      decoded->push_back(raw[i] == 'n' ? '\n' : raw[i]);
    } else {
      decoded->push_back(raw[i]);
    }
  }
  out.value = *decoded;
  out.decoded = std::move(decoded);
}

}  // namespace clause::dsl
