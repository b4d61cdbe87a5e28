// Every rule by name, and the property that no result depends on the order of the ballots.
#include <catch2/catch.hpp>

#include "primsim/models/rules/voting_rule.hpp"
#include "primsim/sim/random_stream.hpp"

using namespace primsim::models::rules;

TEST_CASE("rule names round-trip and unknown names are refused", "[models][rules]") {
  for (const VotingRule rule : all_voting_rules()) REQUIRE(parse_voting_rule(rule_name(rule)) == rule);
  REQUIRE_THROWS_WITH(parse_voting_rule("schulze"),
                      "--rule: expected one of plurality, borda, approval, two-round, irv, stv, copeland, "
                      "plackett-luce, found 'schulze'");
}

TEST_CASE("results do not depend on the order of ballots", "[models][rules]") {
  primsim::sim::RandomStream stream({21, 0, 0, 4});
  for (int trial = 0; trial < 40; ++trial) {
    const std::size_t n = 3 + stream.uniform_index(6);
    // Ballots with ties and truncation, held as separate entries so that they can be shuffled.
    std::vector<std::vector<std::vector<CandidateIndex>>> ballots;
    for (int voter = 0; voter < 60; ++voter) {
      std::vector<CandidateIndex> order(n);
      for (std::size_t i = 0; i < n; ++i) order[i] = static_cast<CandidateIndex>(i);
      for (std::size_t i = n; i > 1; --i) std::swap(order[i - 1], order[stream.uniform_index(i)]);
      order.resize(1 + stream.uniform_index(n));
      std::vector<std::vector<CandidateIndex>> tiers;
      for (const CandidateIndex c : order) {
        if (tiers.empty() || stream.bernoulli(0.8)) tiers.emplace_back();
        tiers.back().push_back(c);
      }
      ballots.push_back(std::move(tiers));
    }
    Profile forward(n);
    Profile backward(n);
    for (const auto& tiers : ballots) forward.add_tiered_ranking(tiers);
    for (auto it = ballots.rbegin(); it != ballots.rend(); ++it) backward.add_tiered_ranking(*it);
    const auto tie_break = TieBreak::by_lot({static_cast<std::uint64_t>(trial), 0, 0, 9});
    for (const VotingRule rule : all_voting_rules()) {
      INFO("rule " << rule_name(rule) << ", trial " << trial);
      const auto a = tally(forward, rule, 2, tie_break);
      const auto b = tally(backward, rule, 2, tie_break);
      REQUIRE(a.order == b.order);
      REQUIRE(a.elected == b.elected);
      for (std::size_t c = 0; c < n; ++c) REQUIRE(a.scores[c] == Approx(b.scores[c]).margin(1e-9));
    }
  }
}
