#include "cli/timeline_words.hpp"

namespace clause::cli {

using engine::DeclKind;

const char* kind_word(const engine::Contract& c, engine::DeclRef ref) {
  const bool commitment = ref.kind == DeclKind::clause && c.clauses[ref.index].kind == engine::ClauseKind::commitment;
  return commitment ? "commitment" : engine::decl_kind_name(ref.kind);
}

std::string_view title_of(const engine::Contract& c, engine::DeclRef ref) {
  switch (ref.kind) {
    case DeclKind::licence: return c.licences[ref.index].description;
    case DeclKind::clause: return c.clauses[ref.index].title;
    case DeclKind::exception: return c.exceptions[ref.index].title;
    case DeclKind::waterfall: return c.waterfalls[ref.index].title;
    default: return {};
  }
}

}  // namespace clause::cli
