// The reserved words of the language (docs/language.md, section 2). They are lower case,
// case-sensitive, and never names, goods or statuses.
#pragma once

#include <span>
#include <string_view>

namespace clause::dsl {

bool is_keyword(std::string_view word);
std::span<const std::string_view> keywords();

}  // namespace clause::dsl
