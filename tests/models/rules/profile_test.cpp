// Profile storage: tiers, counts and the rejection of malformed ballots.
#include <catch2/catch.hpp>

#include "primsim/models/rules/profile.hpp"

using primsim::models::rules::CandidateIndex;
using primsim::models::rules::Profile;

TEST_CASE("a profile stores tiers and counts as given", "[models][rules]") {
  Profile profile(4);
  profile.add_tiered_ranking({{2}, {0, 3}}, 5);
  const std::vector<CandidateIndex> strict{1, 0};
  profile.add_ranking(strict);
  REQUIRE(profile.ballot_count() == 2);
  REQUIRE(profile.voter_count() == 6);
  const auto ballot = profile.ballot(0);
  REQUIRE(ballot.count == 5);
  REQUIRE(std::vector<CandidateIndex>(ballot.candidates.begin(), ballot.candidates.end()) ==
          std::vector<CandidateIndex>{2, 0, 3});
  REQUIRE(ballot.tier_end(0) == 1);
  REQUIRE(ballot.tier_end(1) == 3);
  REQUIRE(profile.ballot(1).tier_end(0) == 1);
}

TEST_CASE("a profile rejects a candidate listed twice or out of range", "[models][rules]") {
  Profile profile(3);
  const std::vector<CandidateIndex> twice{0, 1, 0};
  REQUIRE_THROWS_WITH(profile.add_ranking(twice), "candidate 0 listed twice");
  const std::vector<CandidateIndex> outside{0, 3};
  REQUIRE_THROWS_WITH(profile.add_ranking(outside), "candidate 3 is not in a 3-candidate profile");
}
