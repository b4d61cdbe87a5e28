// STV with the Droop quota and Weighted Inclusive Gregory transfers.
#include <catch2/catch.hpp>

#include "primsim/models/rules/single_transferable_vote.hpp"

using namespace primsim::models::rules;

namespace {

// The food election, Wikipedia "Single transferable vote" (worked example): 20 voters, 3 seats.
// Candidates: 0 Oranges, 1 Pears, 2 Chocolate, 3 Strawberries, 4 Hamburgers.
Profile food_election() {
  Profile profile(5);
  const std::vector<CandidateIndex> oranges{0}, pears{1, 0}, choc_straw{2, 3}, choc_ham{2, 4}, straw{3},
      ham{4};
  profile.add_ranking(oranges, 4);
  profile.add_ranking(pears, 2);
  profile.add_ranking(choc_straw, 8);
  profile.add_ranking(choc_ham, 4);
  profile.add_ranking(straw, 1);
  profile.add_ranking(ham, 1);
  return profile;
}

}  // namespace

TEST_CASE("the Droop quota is floor(valid / (seats + 1)) + 1", "[models][rules]") {
  REQUIRE(droop_quota(20, 3) == 6);
  REQUIRE(droop_quota(100, 1) == 51);
  REQUIRE(droop_quota(436, 2) == 146);
}

TEST_CASE("STV elects Chocolate, Oranges and Strawberries in the food election", "[models][rules]") {
  // By hand: quota 6. Chocolate 12 is elected; surplus 6 moves all 12 ballots at 1/2:
  // Strawberries 1 + 4 = 5, Hamburgers 1 + 2 = 3. Pears (2) is eliminated: Oranges 6, elected.
  // Hamburgers (3) is eliminated; its ballots exhaust; Strawberries fills the last seat with 5.
  const auto result = single_transferable_vote(food_election(), 3, TieBreak::by_index());
  REQUIRE(result.order == std::vector<CandidateIndex>{2, 0, 3, 4, 1});
  REQUIRE(result.elected == std::vector<bool>{true, false, true, true, false});
  REQUIRE(result.scores[2] == Approx(12));
  REQUIRE(result.scores[0] == Approx(6));
  REQUIRE(result.scores[3] == Approx(5));
  REQUIRE(result.scores[4] == Approx(3));
  REQUIRE(result.scores[1] == Approx(2));
}

TEST_CASE("WIGM transfers each ballot at its current value times surplus / total", "[models][rules]") {
  // A has 30 first preferences (20 A>B, 10 A>C), B 5, C 5, D 10; 2 seats, 50 votes, quota 17.
  // Surplus 13 of 30: B gets 20 * 13/30 = 8.667 (13.667), C 10 * 13/30 = 4.333 (9.333).
  // No quota: C (lowest) is out and its ballots exhaust; then D (10) is out against B (13.667),
  // and B takes the last seat.
  Profile profile(4);
  const std::vector<CandidateIndex> ab{0, 1}, ac{0, 2}, b{1}, c{2}, d{3};
  profile.add_ranking(ab, 20);
  profile.add_ranking(ac, 10);
  profile.add_ranking(b, 5);
  profile.add_ranking(c, 5);
  profile.add_ranking(d, 10);
  const auto result = single_transferable_vote(profile, 2, TieBreak::by_index());
  REQUIRE(result.elected == std::vector<bool>{true, true, false, false});
  REQUIRE(result.scores[1] == Approx(5 + 20.0 * 13 / 30));
  REQUIRE(result.scores[2] == Approx(5 + 10.0 * 13 / 30));
  REQUIRE(result.order == std::vector<CandidateIndex>{0, 1, 3, 2});
}
