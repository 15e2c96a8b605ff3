// How output looks: colour only on a terminal and never with NO_COLOR.
#pragma once

#include <string>
#include <string_view>

#include "engine/evaluate/outcome.hpp"

namespace clause::cli {

struct Style {
  bool colour = false;

  std::string paint(std::string_view code, std::string_view text) const;
  std::string bold(std::string_view text) const { return paint("1", text); }
  std::string dim(std::string_view text) const { return paint("2", text); }
  std::string kind(engine::OutcomeKind k, std::string_view text) const;
};

// The symbol an outcome is printed with: ✓ permitted, ✗ breach, ● declared, ...
std::string_view symbol(engine::OutcomeKind k);

// Pads `text` on the right to `width` display cells.
std::string pad(std::string_view text, std::size_t width);
// Pads `text` on the left to `width` display cells (for amounts).
std::string pad_left(std::string_view text, std::size_t width);

}  // namespace clause::cli
