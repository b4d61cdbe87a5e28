// Approval read from listed candidates.
#include <catch2/catch.hpp>

#include "primsim/models/rules/approval.hpp"

using namespace primsim::models::rules;

TEST_CASE("a ballot approves what it lists, a complete one all but its last tier", "[models][rules]") {
  Profile profile(4);
  profile.add_tiered_ranking({{0, 2}}, 3);           // approves 0 and 2
  profile.add_tiered_ranking({{1}, {0, 2, 3}}, 2);   // complete: approves 1 only
  profile.add_tiered_ranking({{3}, {1}, {0}, {2}});  // complete strict: approves 3, 1, 0
  const auto result = approval(profile, 2, TieBreak::by_index());
  REQUIRE(result.scores == std::vector<double>{4, 3, 3, 1});
  // 1 and 2 tie at 3: by index, 1 takes the second seat.
  REQUIRE(result.elected == std::vector<bool>{true, true, false, false});
}
