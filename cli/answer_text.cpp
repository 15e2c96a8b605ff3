#include <algorithm>
#include <ostream>

#include <fmt/format.h>

#include "cli/answer.hpp"
#include "dsl/source.hpp"
#include "cli/outcome_sentences.hpp"

namespace clause::cli {

using engine::Outcome;
using engine::OutcomeKind;

std::vector<std::pair<engine::Index, engine::Money>> payouts_by_size(const engine::Contract& c,
                                                                     const std::vector<engine::Money>& received) {
  std::vector<std::pair<engine::Index, engine::Money>> out;
  for (engine::Index p = 0; p < c.parties.size(); ++p) {
    if (!received[p].is_zero()) out.emplace_back(p, received[p]);
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

namespace {

constexpr std::size_t kKindWidth = 12;
const std::string kIndent(4 + kKindWidth, ' ');

void print_payout_lines(std::ostream& out, const Answer& a, const engine::Payout& o) {
  std::vector<engine::Money> by_party(a.contract.parties.size());
  for (const engine::PayoutLine& line : a.log.lines_of(o)) by_party[line.party] = *by_party[line.party].plus(line.amount);
  const auto rows = payouts_by_size(a.contract, by_party);
  std::size_t name_width = 0;
  std::size_t amount_width = 0;
  for (const auto& [p, m] : rows) {
    name_width = std::max(name_width, a.contract.parties[p].name.size());
    amount_width = std::max(amount_width, m.to_display().size());
  }
  if (!o.undistributed.is_zero()) amount_width = std::max(amount_width, o.undistributed.to_display().size());
  for (const auto& [p, m] : rows) {
    out << kIndent << "  " << pad(a.contract.parties[p].name, name_width) << "  "
        << pad_left(m.to_display(), amount_width) << '\n';
  }
  if (!o.undistributed.is_zero()) {
    out << kIndent << "  " << pad("not distributed", name_width) << "  "
        << pad_left(o.undistributed.to_display(), amount_width)
        << '\n';
  }
}

// Breaks `text` into lines of at most `width` cells after `indent`, at spaces.
std::string wrapped(const std::string& text, std::size_t indent, int width) {
  const std::size_t room = width > 0 && static_cast<std::size_t>(width) > indent + 20
                               ? static_cast<std::size_t>(width) - indent
                               : std::string::npos;
  if (room == std::string::npos || dsl::display_width(text) <= room) return text;
  std::string out;
  std::size_t line = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view word(text.data() + start, end - start);
    const std::size_t w = dsl::display_width(word);
    if (line > 0 && line + 1 + w > room) {
      out += '\n';
      out.append(indent, ' ');
      line = 0;
    } else if (line > 0) {
      out += ' ';
      ++line;
    }
    out += word;
    line += w;
    start = end + 1;
  }
  return out;
}

}  // namespace

void print_answer(std::ostream& out, const Answer& a, const Style& style, bool with_payouts, int width) {
  const ExplainContext ctx{a.contract, a.log, &a.outsiders};
  for (const engine::EventRecord& rec : a.log.events) {
    const engine::Event& e = a.events[rec.event];
    out << style.bold(fmt::format("on {}: {}", rec.on.to_string(), e.canonical)) << '\n';
    if (rec.count == 0) out << kIndent << style.dim("nothing changes: what this would end has already ended") << '\n';
    for (const Outcome& o : a.log.outcomes_of(rec)) {
      const OutcomeKind kind = engine::kind_of(o);
      const engine::DeclRef rule = engine::rule_of(o);
      out << "  " << style.kind(kind, std::string(symbol(kind)) + " " + pad(engine::outcome_kind_name(kind), kKindWidth))
          << headline(ctx, e, o) << '\n';
      if (const auto* payout = std::get_if<engine::Payout>(&o)) {
        const engine::Waterfall& w = a.contract.waterfalls[rule.index];
        out << kIndent << fmt::format("{} earned {}; waterfall `{}` pays:", a.contract.actor_name(e.actor, &a.outsiders),
                                      e.amount.to_short(), w.name)
            << '\n';
        print_payout_lines(out, a, *payout);
      } else {
        out << kIndent << wrapped(explain(ctx, e, rec.on, o), kIndent.size(), width) << '\n';
      }
      const auto* uncovered = std::get_if<engine::Uncovered>(&o);
      if (rule.valid()) {
        out << kIndent
            << style.dim(fmt::format("{} `{}`, {}", engine::decl_kind_name(rule.kind), a.contract.name_of(rule),
                                     a.contract.place_of(rule)))
            << '\n';
      } else if (uncovered != nullptr && uncovered->why == engine::Uncovered::Why::not_in_force) {
        out << kIndent << style.dim(fmt::format("effective date, {}", a.contract.source->location(
                                                                          a.contract.effective_keyword.begin)))
            << '\n';
      }
    }
  }
  if (!with_payouts) return;
  const auto rows = payouts_by_size(a.contract, a.state.received);
  if (rows.empty()) return;
  out << '\n' << style.bold("payouts") << '\n';
  std::size_t name_width = 0;
  std::size_t amount_width = 0;
  for (const auto& [p, m] : rows) {
    name_width = std::max(name_width, a.contract.parties[p].name.size());
    amount_width = std::max(amount_width, m.to_display().size());
  }
  for (const auto& [p, m] : rows) {
    out << "  " << pad(a.contract.parties[p].name, name_width) << "  " << pad_left(m.to_display(), amount_width)
        << '\n';
  }
}

}  // namespace clause::cli
