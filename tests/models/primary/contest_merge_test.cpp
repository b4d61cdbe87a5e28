// Merging contests of different sizes: the merge rules on their own, and a list's places by
// region against membership when every region behaves alike.
#include <algorithm>
#include <map>
#include <vector>

#include <catch2/catch.hpp>

#include "mini_scenario.hpp"
#include "primsim/models/primary/contest_merge.hpp"
#include "primsim/models/primary/primary_replicate.hpp"
#include "primsim/sim/sequential_executor.hpp"

using namespace primsim;
using namespace primsim::models;

TEST_CASE("rank merges by rank in the contest, then scaled share, then key", "[models]") {
  const std::vector<MergeEntry> entries{
      {0, 2, 3.0, 1}, {1, 1, 1.2, 2}, {2, 1, 1.5, 3}, {0, 1, 1.5, 0}, {1, 3, 9.0, 4}};
  CHECK(merge_order(entries, spec::MergeRule::rank, {}) == std::vector<std::size_t>{3, 2, 1, 0, 4});
  CHECK(merge_order(entries, spec::MergeRule::scaled_share, {}) == std::vector<std::size_t>{4, 0, 3, 2, 1});
}

TEST_CASE("apportioned merging gives every prefix of the ranking Sainte-Lague's apportionment", "[models]") {
  // Units of 50, 30 and 20 members, each with more nominees than it can take.
  std::vector<MergeEntry> entries;
  for (std::size_t unit = 0; unit < 3; ++unit) {
    for (std::uint32_t rank = 1; rank <= 12; ++rank)
      entries.push_back({unit, rank, 1.0 / rank, unit * 100 + rank});
  }
  const std::vector<std::int64_t> members{50, 30, 20};
  const auto order = merge_order(entries, spec::MergeRule::apportioned, members);
  // Sainte-Lague's sequence for 50:30:20 (quotients 50, 30, 20, 16.7, 10 = 10 to the first unit,
  // 10, 7.1, 6.7, 6, 5.6): A B C A A B A C B A, 5:3:2 after ten places.
  std::vector<std::size_t> units;
  for (std::size_t i = 0; i < 10; ++i) units.push_back(entries[order[i]].unit);
  CHECK(units == std::vector<std::size_t>{0, 1, 2, 0, 0, 1, 0, 2, 1, 0});
  // Within a unit nominees come in rank order.
  std::map<std::size_t, std::uint32_t> last_rank;
  for (const auto i : order) {
    CHECK(entries[i].contest_rank > last_rank[entries[i].unit]);
    last_rank[entries[i].unit] = entries[i].contest_rank;
  }
  // A unit without members comes after all the others.
  const std::vector<std::int64_t> without_c{50, 30, 0};
  const auto order_without = merge_order(entries, spec::MergeRule::apportioned, without_c);
  for (std::size_t i = 0; i < 24; ++i) CHECK(entries[order_without[i]].unit != 2);
}

namespace {

// Three regions of 40%, 35% and 25% of the members that behave alike, with contests of very
// different sizes: 12, 6 and 2 branches share the applicants of their region.
spec::ScenarioSpec alike_regions(spec::RuleKind rule) {
  auto s = testing::mini_2020();
  s.territory.regions = {
      {"north", 1000, 18000, 12, 60, 0, 0.0, sim::Duration::hours(6)},
      {"south", 1000, 15750, 6, 60, 0, 0.0, sim::Duration::hours(6)},
      {"west", 1000, 11250, 2, 60, 0, 0.0, sim::Duration::hours(6)},
  };
  s.membership.fraudulent_share = 0.0;
  s.membership.online_access_share = 1.0;
  s.candidacy.offices[0].application_share = 0.6;
  s.candidacy.offices[1].application_share = 0.4;
  s.selection.stages[0].rule.kind = rule;
  // Enough winners per contest that even the west's two contests can fill its share.
  s.selection.stages[0].rule.winners = 12;
  s.selection.stages[1].rule.quotas.clear();
  s.voting.channels[0].capacity = 100000;  // no platform failures: they would differ by region
  return s;
}

}  // namespace

TEST_CASE("with every region alike, the list's places by region follow membership under any rule",
          "[models]") {
  for (const auto rule : {spec::RuleKind::plurality, spec::RuleKind::borda, spec::RuleKind::stv}) {
    CAPTURE(spec::name_of(rule));
    const auto scenario = alike_regions(rule);
    for (std::uint32_t replicate = 0; replicate < 3; ++replicate) {
      PrimaryReplicate run(scenario, 2020, replicate);
      sim::SequentialExecutor executor;
      const auto results = run.run(executor);
      std::vector<std::int64_t> by_region(3, 0);
      std::vector<std::int64_t> nominees(3, 0);
      for (const auto& row : results.list) {
        if (row.route != results::Route::leadership_quota) ++by_region.at(row.region);
      }
      for (const auto& c : results.candidates) {
        if (c.office == 0 && c.contest_rank >= 1 && c.contest_rank <= 12) ++nominees.at(c.region);
      }
      // 77 places by Sainte-Lague at 40:35:25 are 31, 27 and 19; the eligible differ from the
      // members by the sampling of who registered, which may move one place.
      REQUIRE(by_region[0] + by_region[1] + by_region[2] == 77);
      CHECK(std::abs(by_region[0] - 31) <= 1);
      CHECK(std::abs(by_region[1] - 27) <= 1);
      CHECK(std::abs(by_region[2] - 19) <= 1);
      // ... although the north's small contests send three times the west's nominees.
      CHECK(nominees[0] > 2 * nominees[2]);
      // The Loosemore-Hanby index over the vote's places is the proportional benchmark's, far
      // below random draws in proportion to membership.
      const auto& majilis = results.democracy.front();
      CHECK(majilis.regional_disproportionality_vote <=
            majilis.regional_disproportionality_proportional + 0.02);
      CHECK(majilis.regional_disproportionality_vote < majilis.regional_disproportionality_random / 2);
    }
  }
}
