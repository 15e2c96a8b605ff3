// The contract parser without the quick reader (quick_reader.hpp): every declaration read
// by the grammar alone. It is what the quick reader is held to, by the parser's tests and
// the contract fuzz target; nothing else needs it.
#pragma once

#include "dsl/parse.hpp"

namespace clause::dsl {

ContractParse parse_contract_by_grammar(const SourcePtr& source);

}  // namespace clause::dsl
