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

TEST_CASE("strict one-voter ballots of one length read back unchanged after a ballot breaks the pattern",
          "[models][rules]") {
  // Such ballots store only their candidates until a tied, shorter or weighted ballot arrives;
  // the ballots before it must read back exactly as they were added.
  for (const int breaker : {0, 1, 2}) {
    Profile profile(5);
    std::vector<std::vector<CandidateIndex>> added;
    for (CandidateIndex i = 0; i < 4; ++i) {
      added.push_back({i, static_cast<CandidateIndex>(i + 1), static_cast<CandidateIndex>((i + 2) % 5)});
      profile.add_ranking(added.back());
    }
    if (breaker == 0) profile.add_tiered_ranking({{1, 2}, {0}});
    if (breaker == 1) profile.add_ranking(std::vector<CandidateIndex>{3});
    if (breaker == 2) profile.add_ranking(std::vector<CandidateIndex>{0, 1, 2}, 7);
    profile.add_ranking(std::vector<CandidateIndex>{4, 3, 2});
    REQUIRE(profile.ballot_count() == 6);
    REQUIRE(profile.voter_count() == (breaker == 2 ? 12U : 6U));
    for (std::size_t b = 0; b < added.size(); ++b) {
      const auto ballot = profile.ballot(b);
      REQUIRE(std::vector<CandidateIndex>(ballot.candidates.begin(), ballot.candidates.end()) == added[b]);
      REQUIRE(ballot.count == 1);
      REQUIRE(ballot.tier_end(0) == 1);
      REQUIRE(ballot.tier_end(1) == 2);
    }
    const auto broken = profile.ballot(4);
    if (breaker == 0) REQUIRE(broken.tier_end(0) == 2);
    if (breaker == 1) REQUIRE(broken.candidates.size() == 1);
    if (breaker == 2) REQUIRE(broken.count == 7);
    const auto last = profile.ballot(5);
    REQUIRE(std::vector<CandidateIndex>(last.candidates.begin(), last.candidates.end()) ==
            std::vector<CandidateIndex>{4, 3, 2});
    REQUIRE(last.count == 1);
    REQUIRE(last.tier_end(0) == 1);
  }
}
