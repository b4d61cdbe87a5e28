// The territorial tree: its shape, sums up the tree, and routing to a level.
#include <numeric>

#include <catch2/catch.hpp>

#include "primsim/models/territory/territory.hpp"

using namespace primsim::models;
using spec::TerritorialLevel;

namespace {

spec::TerritorySpec two_regions() {
  spec::TerritorySpec territory;
  territory.regions.push_back({"Karaganda", 1376000, 110000, 3, 7, 0, 0.0, {}});
  territory.regions.push_back({"Turkestan", 2034000, 79305, 2, 4, 0, 0.0, {}});
  return territory;
}

}  // namespace

TEST_CASE("the tree has a centre, regions, branches and PPOs", "[models]") {
  const Territory territory(two_regions());
  CHECK(territory.vertex_count() == 1 + 2 + (3 + 2) + (7 + 4));
  CHECK(territory.region_count() == 2);
  CHECK(territory.branch_count(0) == 3);
  CHECK(territory.ppo_count(1) == 4);
  CHECK(territory.node(territory.ppo(0, 4)).level == TerritorialLevel::ppo);
  // PPOs are spread round-robin over the branches: PPO 4 of Karaganda is in branch 1.
  CHECK(territory.node(territory.ppo(0, 4)).branch == 1);
}

TEST_CASE("a complaint filed at a PPO is routed up to the level that decides it", "[models]") {
  const Territory territory(two_regions());
  const auto ppo = territory.ppo(1, 3);
  CHECK(territory.route_up(ppo, TerritorialLevel::ppo) == ppo);
  CHECK(territory.route_up(ppo, TerritorialLevel::district) == territory.branch(1, 1));
  CHECK(territory.route_up(ppo, TerritorialLevel::region) == territory.region(1));
  CHECK(territory.route_up(ppo, TerritorialLevel::national) == territory.centre());
}

TEST_CASE("values at PPOs add up to their branch, region and the centre", "[models]") {
  const Territory territory(two_regions());
  std::vector<std::int64_t> members(territory.vertex_count(), 0);
  for (std::size_t p = 0; p < territory.ppo_count(0); ++p)
    members[territory.ppo(0, p)] = 100 + static_cast<std::int64_t>(p);
  for (std::size_t p = 0; p < territory.ppo_count(1); ++p) members[territory.ppo(1, p)] = 1000;
  const auto totals = territory.aggregate_up(members);
  // Karaganda branch 0 holds PPOs 0, 3 and 6.
  CHECK(totals[territory.branch(0, 0)] == 100 + 103 + 106);
  CHECK(totals[territory.region(0)] == 7 * 100 + (0 + 1 + 2 + 3 + 4 + 5 + 6));
  CHECK(totals[territory.region(1)] == 4000);
  CHECK(totals[territory.centre()] == totals[territory.region(0)] + totals[territory.region(1)]);
}
