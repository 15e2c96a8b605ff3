// How each kind of declaration shows in an editor: the LSP SymbolKind (outline) and
// CompletionItemKind (completion list) it is given, so both lists use the same icons.
#pragma once

#include "dsl/syntax.hpp"

namespace clause::cli::lsp {

struct EditorKind {
  int symbol;      // SymbolKind
  int completion;  // CompletionItemKind
};

// Numbers from the LSP specification.
inline constexpr EditorKind kFieldKind{8, 5};      // a party's body
inline constexpr EditorKind kKeywordKind{20, 14};  // a keyword (completion only)
inline constexpr EditorKind kValueKind{14, 12};    // a status
inline constexpr EditorKind kTierKind{22, 20};     // a waterfall's tier (EnumMember)
inline constexpr EditorKind kEventKind{24, 23};    // a scenario's event
inline constexpr EditorKind kAssumeKind{14, 21};   // an assumption (Constant)
inline constexpr EditorKind kExpectKind{17, 12};   // a scenario's expectation (Boolean)

inline EditorKind editor_kind(dsl::DeclKind k) {
  switch (k) {
    case dsl::DeclKind::party: return {5, 7};         // Class
    case dsl::DeclKind::assumption: return kAssumeKind;
    case dsl::DeclKind::licence: return {11, 8};      // Interface
    case dsl::DeclKind::clause: return {12, 3};       // Function
    case dsl::DeclKind::exception: return kEventKind; // Event
    case dsl::DeclKind::power: return {6, 2};         // Method
    case dsl::DeclKind::waterfall: return {23, 22};   // Struct
  }
  return kValueKind;
}

}  // namespace clause::cli::lsp
