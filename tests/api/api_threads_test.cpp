// One contract, many threads asking at once: each question works on a state of its own,
// so every thread gets the answer one thread alone gets (run under ASan in scripts/test).
#include <thread>

#include <catch2/catch.hpp>

#include "clause/clause.hpp"
#include "support.hpp"

namespace api_threads_test {

TEST_CASE("one contract answers many threads asking at once") {
  const auto loaded = clause::load_file(clause::test::repo_path("contracts/microsoft-openai/2024-06.clause"));
  REQUIRE(loaded.ok());
  const clause::Contract contract = *loaded;
  const std::vector<std::vector<std::string>> questions{
      {"agi is declared"},
      {"OpenAI buys compute from Oracle for $6B"},
      {"OpenAI earns $50B", "OpenAI earns $100B"},
      {"Microsoft consents to oracle_capacity", "OpenAI buys compute from Oracle for $5B"}};
  std::vector<std::string> alone;
  for (const auto& q : questions) {
    const auto answer = contract.ask(q);
    REQUIRE(answer.ok());
    alone.push_back(answer->json);
  }
  const std::string schedule_alone = contract.schedule()->json;

  constexpr int kThreads = 8;
  constexpr int kRounds = 12;
  std::vector<int> mismatches(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t]() {
      for (int r = 0; r < kRounds; ++r) {
        const std::size_t q = static_cast<std::size_t>(t + r) % questions.size();
        // Every third question sets an assumption to its own value: the text is checked again.
        const clause::Assumptions same = r % 3 == 0 ? clause::Assumptions{{"microsoft_cap", "130B"}} : clause::Assumptions{};
        const auto answer = contract.ask(questions[q], {.set = same});
        if (!answer.ok() || answer->json != alone[q]) ++mismatches[static_cast<std::size_t>(t)];
        if (r % 4 == 0 && contract.schedule()->json != schedule_alone) ++mismatches[static_cast<std::size_t>(t)];
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (int t = 0; t < kThreads; ++t) CHECK(mismatches[static_cast<std::size_t>(t)] == 0);
}

}  // namespace api_threads_test
