// How the timeline names a boundary's subject, shared by `clause timeline` and the
// report's timeline: its kind as a word and its title.
#pragma once

#include <string_view>

#include "engine/model/contract.hpp"

namespace clause::cli {

// "licence", "commitment", "clause", "exception", "waterfall".
const char* kind_word(const engine::Contract& c, engine::DeclRef ref);

// A licence's description or a clause's, exception's or waterfall's title ("" if none).
std::string_view title_of(const engine::Contract& c, engine::DeclRef ref);

}  // namespace clause::cli
