// Instant runoff.
#include <catch2/catch.hpp>

#include "primsim/models/rules/instant_runoff.hpp"
#include "rules_fixtures.hpp"

using namespace primsim::models::rules;

TEST_CASE("instant runoff elects Knoxville in the Tennessee example", "[models][rules]") {
  // Round 1: M 42, N 26, C 15, K 17: Chattanooga out, its 15 go to Knoxville (32).
  // Round 2: M 42, N 26, K 32: Nashville out, its 26 pass Chattanooga to Knoxville (58 > 50).
  const auto result = instant_runoff(testing::tennessee(), TieBreak::by_index());
  REQUIRE(result.winner() == 3);
  REQUIRE(result.scores == std::vector<double>{42, 26, 15, 58});
  REQUIRE(result.order == std::vector<CandidateIndex>{3, 0, 1, 2});
}

TEST_CASE("a tie for last place eliminates the candidate the tie break disfavours", "[models][rules]") {
  // 0 has 3, 1 and 2 have 2 each; 1's voters prefer 2 next, 2's voters prefer 1 next.
  Profile profile(3);
  const std::vector<CandidateIndex> a{0}, b{1, 2}, c{2, 1};
  profile.add_ranking(a, 3);
  profile.add_ranking(b, 2);
  profile.add_ranking(c, 2);
  REQUIRE(instant_runoff(profile, TieBreak::by_index()).winner() == 1);     // 2 eliminated
  REQUIRE(instant_runoff(profile, TieBreak::by_order({2})).winner() == 2);  // 1 eliminated
}

TEST_CASE("a ballot tied at the top splits between the tied candidates", "[models][rules]") {
  Profile profile(3);
  profile.add_tiered_ranking({{0, 1}}, 4);
  const std::vector<CandidateIndex> c{2};
  profile.add_ranking(c, 3);
  const auto result = instant_runoff(profile, TieBreak::by_index());
  // 0: 2, 1: 2, 2: 3; 1 is eliminated by index, and its halves go to the candidate tied with it,
  // 0, which then holds 4 of 7.
  REQUIRE(result.winner() == 0);
  REQUIRE(result.scores[0] == Approx(4.0));
}
