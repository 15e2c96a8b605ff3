// The clauses, exceptions and licences of a contract as an evaluator reads them, each in
// one cache line together with its own state (whether and when it ended, who consented,
// what was bought under it).
//
// Why: against a contract of 100,000 declarations, each event reads the rules of a part
// of the contract the last events did not touch. In the checked model a clause is 176
// bytes with its names and places, its exceptions and vendors are heap blocks of their
// own, and its state is in another array: a purchase under an exception read about ten
// lines, an event on average seven, and the rules an event stream touches no longer fit
// the 4 MiB second-level cache. Here the fields evaluation reads are copied once, when the
// evaluator is made; the lists (vendors after the first, exceptions, effects, consents)
// are runs of four shared arrays.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "engine/model/contract.hpp"

namespace clause::engine {

// An ending as a live rule keeps it: the trigger clause that ended it, and when.
struct LiveEnding {
  Date on;
  Index by = kNone;  // the trigger clause; kNone while live
  bool ended() const { return by != kNone; }
};

struct alignas(64) LiveClause {
  // exclusivity and prohibition
  Actor vendor;
  Index more_vendors = 0;  // the vendors after the first: a run of LiveRules::vendors
  Index more_vendor_count = 0;
  // Its exceptions, in file order: the exception itself when there is one, else a run of
  // LiveRules::exception_lists.
  Index exceptions = 0;
  Index exception_count = 0;
  // trigger
  Actor pattern_actor;
  Actor pattern_vendor;
  Index ends = 0;  // what the trigger ends: a run of LiveRules::ends, as written
  Index end_count = 0;
  std::uint8_t kind = 0;          // ClauseKind
  std::uint8_t pattern_kind = 0;  // PatternKind
  // state
  LiveEnding ending;

  ClauseKind clause_kind() const { return static_cast<ClauseKind>(kind); }
  PatternKind pattern() const { return static_cast<PatternKind>(pattern_kind); }
};

struct alignas(64) LiveException {
  Actor buyer;
  Actor vendor;
  Money limit;   // when has_limit
  Money bought;  // state: the total it has permitted
  Index good = kNone;
  Date from;   // when has_from
  Date until;  // when has_until
  Index consents = 0;  // every party whose consent is a condition: a run of LiveRules::consents
  std::uint32_t consented = 0;  // state: bit i set when consents[i] has consented
  LiveEnding ending;            // state
  std::uint8_t consent_count = 0;  // at most kMaxConsents (32)
  bool has_from = false;
  bool has_until = false;
  bool has_limit = false;

  std::uint32_t all_consents() const { return consent_count == 0 ? 0u : 0xFFFF'FFFFu >> (32 - consent_count); }
};

struct alignas(32) LiveLicence {
  Actor grantor;
  Actor grantee;
  LiveEnding ending;  // state
};

// What a declaration of a status reads: the power that names it, with its holder, and the
// trigger clauses it could fire.
struct LiveStatus {
  Index power = kNone;  // kNone where no power names the status
  Actor holder;
  Index triggers = 0;  // a run of LiveRules::status_triggers, in file order
  Index trigger_count = 0;
};

class LiveRules {
 public:
  explicit LiveRules(const Contract& c);

  // Every ending, consent and total bought back to a fresh state.
  void reset();

  std::vector<LiveClause> clauses;
  std::vector<LiveException> exceptions;
  std::vector<LiveLicence> licences;
  std::vector<LiveStatus> statuses;  // by word

  std::span<const Actor> more_vendors(const LiveClause& c) const {
    return {vendors_.data() + c.more_vendors, c.more_vendor_count};
  }
  std::span<const Index> exceptions_of(const LiveClause& c) const {
    return one_or_run<Index>(c.exceptions, c.exceptions, c.exception_count, exception_lists_);
  }
  std::span<const DeclRef> ends(const LiveClause& c) const { return {ends_.data() + c.ends, c.end_count}; }
  std::span<const Index> triggers(const LiveStatus& s) const {
    return {status_triggers_.data() + s.triggers, s.trigger_count};
  }
  std::span<const Actor> consents(const LiveException& x) const {
    return {consents_.data() + x.consents, x.consent_count};
  }

  // Whether an exclusivity names `v` among the vendors it allows, or a prohibition names it.
  bool names_vendor(const LiveClause& c, Actor v) const {
    if (v == c.vendor) return true;
    for (const Actor m : more_vendors(c)) {
      if (m == v) return true;
    }
    return false;
  }

  // The ending of a licence, clause or exception; nullptr for any other kind.
  LiveEnding* ending(DeclRef ref) {
    switch (ref.kind) {
      case DeclKind::licence: return &licences[ref.index].ending;
      case DeclKind::clause: return &clauses[ref.index].ending;
      case DeclKind::exception: return &exceptions[ref.index].ending;
      default: return nullptr;
    }
  }

 private:
  std::vector<Actor> vendors_;
  std::vector<Index> exception_lists_;
  std::vector<DeclRef> ends_;
  std::vector<Actor> consents_;
  std::vector<Index> status_triggers_;
};

}  // namespace clause::engine
