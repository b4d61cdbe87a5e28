// Plurality and top-k marks.
#include <catch2/catch.hpp>

#include "primsim/models/rules/plurality.hpp"
#include "rules_fixtures.hpp"

using namespace primsim::models::rules;

TEST_CASE("plurality elects Memphis in the Tennessee example", "[models][rules]") {
  const auto result = plurality(testing::tennessee(), 1, TieBreak::by_index());
  REQUIRE(result.scores == std::vector<double>{42, 26, 15, 17});
  REQUIRE(result.winner() == 0);
  REQUIRE(result.order == std::vector<CandidateIndex>{0, 1, 3, 2});
}

TEST_CASE("top-k plurality marks the first k and elects the k best", "[models][rules]") {
  // Two marks each in the Tennessee profile: M 42, N 42+26 = 68, C 26+15+17 = 58, K 15+17 = 32.
  const auto result = plurality(testing::tennessee(), 2, TieBreak::by_index(), 2);
  REQUIRE(result.scores == std::vector<double>{42, 68, 58, 32});
  REQUIRE(result.elected == std::vector<bool>{false, true, true, false});
}

TEST_CASE("a tied first place shares the vote", "[models][rules]") {
  Profile profile(3);
  profile.add_tiered_ranking({{0, 1}, {2}}, 3);
  profile.add_tiered_ranking({{2}}, 1);
  const auto result = plurality(profile, 1, TieBreak::by_order({1, 0, 2}));
  REQUIRE(result.scores == std::vector<double>{1.5, 1.5, 1});
  // 0 and 1 tie at 1.5: the fixed order puts 1 first, whatever the index says.
  REQUIRE(result.winner() == 1);
}
