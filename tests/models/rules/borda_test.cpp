// Borda count, with ties and truncation.
#include <catch2/catch.hpp>

#include "primsim/models/rules/borda.hpp"
#include "primsim/models/rules/preflib_reader.hpp"
#include "rules_fixtures.hpp"

using namespace primsim::models::rules;

TEST_CASE("Borda elects Nashville in the Tennessee example", "[models][rules]") {
  // By hand, points 3/2/1/0: M 42*3 = 126; N 42*2 + 26*3 + 15 + 17 = 194;
  // C 42 + 26*2 + 15*3 + 17*2 = 173; K 26 + 15*2 + 17*3 = 107.
  const auto result = borda(testing::tennessee(), 1, TieBreak::by_index());
  REQUIRE(result.scores == std::vector<double>{126, 194, 173, 107});
  REQUIRE(result.order == std::vector<CandidateIndex>{1, 2, 0, 3});
}

TEST_CASE("tied and unlisted candidates share the points of their places", "[models][rules]") {
  Profile profile(4);
  profile.add_tiered_ranking({{1, 2}, {0}});  // 1 and 2 share 3+2; 0 gets 1; 3 alone gets 0
  profile.add_tiered_ranking({{3}});          // 3 gets 3; the rest share 2+1+0
  const auto result = borda(profile, 1, TieBreak::by_index());
  REQUIRE(result.scores == std::vector<double>{2.0, 3.5, 3.5, 3.0});
}

TEST_CASE("Borda counts a truncated ballot as the complete ballot ending in a tie", "[models][rules]") {
  // PrefLib's toc of the Debian 2010 leader election adds the unranked at the bottom of each soi
  // order; the counts agree, and match a separate count of the soi file: 1434, 1093, 432, 1064.5,
  // 336.5 (checked with an independent Python count).
  const auto soi = read_preflib(PRIMSIM_RULES_DATA_DIR "/debian_2010_leader.soi");
  const auto toc = read_preflib(PRIMSIM_RULES_DATA_DIR "/debian_2010_leader.toc");
  const auto a = borda(soi, 1, TieBreak::by_index());
  const auto b = borda(toc, 1, TieBreak::by_index());
  REQUIRE(a.scores == std::vector<double>{1434, 1093, 432, 1064.5, 336.5});
  REQUIRE(b.scores == a.scores);
}
