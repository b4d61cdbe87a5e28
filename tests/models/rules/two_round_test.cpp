// Two-round system, majority and Uruguay's qualified plurality.
#include <catch2/catch.hpp>

#include "primsim/models/rules/two_round.hpp"
#include "rules_fixtures.hpp"

using namespace primsim::models::rules;

TEST_CASE("Tennessee goes to a runoff that Nashville wins 58 to 42", "[models][rules]") {
  const auto result = two_round(testing::tennessee(), TieBreak::by_index());
  REQUIRE(result.runoff_held);
  REQUIRE(result.tally.winner() == 1);
  REQUIRE(result.runoff_winner_votes == 58);
  REQUIRE(result.runoff_loser_votes == 42);
  REQUIRE(result.tally.order == std::vector<CandidateIndex>{1, 0, 3, 2});
}

TEST_CASE("Uruguay's rule: more than 40% with a 10-point lead wins outright", "[models][rules]") {
  // 42% against 26%: no majority, but above 40% with a 16-point lead.
  TwoRoundOptions uruguay;
  uruguay.qualified_share = 0.40;
  uruguay.lead = 0.10;
  const auto result = two_round(testing::tennessee(), TieBreak::by_index(), uruguay);
  REQUIRE_FALSE(result.runoff_held);
  REQUIRE(result.tally.winner() == 0);
  // With a 20-point lead required, 16 points are not enough.
  uruguay.lead = 0.20;
  REQUIRE(two_round(testing::tennessee(), TieBreak::by_index(), uruguay).runoff_held);
}
