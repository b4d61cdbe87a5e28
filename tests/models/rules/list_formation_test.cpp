// Merging with leadership places, minimum shares and appointment.
#include <algorithm>

#include <catch2/catch.hpp>

#include "primsim/models/rules/list_formation.hpp"
#include "primsim/sim/random_stream.hpp"

using namespace primsim::models::rules;

namespace {

std::vector<ListCandidate> pool(std::size_t size, ListRoute route, std::uint32_t first_id) {
  std::vector<ListCandidate> candidates(size);
  for (std::size_t i = 0; i < size; ++i)
    candidates[i] = {first_id + static_cast<std::uint32_t>(i), false, false, route};
  return candidates;
}

std::size_t count_if_women(const std::vector<ListCandidate>& list) {
  return static_cast<std::size_t>(
      std::count_if(list.begin(), list.end(), [](const auto& c) { return c.is_woman; }));
}
std::size_t count_if_youth(const std::vector<ListCandidate>& list) {
  return static_cast<std::size_t>(
      std::count_if(list.begin(), list.end(), [](const auto& c) { return c.is_youth; }));
}

}  // namespace

TEST_CASE("2020: 77 primary winners and 49 leadership places make 126 names", "[models][rules]") {
  const auto primary = pool(77, ListRoute::primary, 0);
  const auto leadership = pool(49, ListRoute::leadership, 1000);
  const auto list = merge_leadership_places(primary, leadership, LeadershipPlacement::interleaved);
  REQUIRE(list.size() == 126);
  // Each group keeps its own order, and leadership places are spread: every block of 18 places
  // holds 7 (49/126 * 18 = 7) leadership names.
  std::uint32_t last_primary = 0;
  std::uint32_t last_leadership = 999;
  for (std::size_t start = 0; start < 126; start += 18) {
    std::size_t in_block = 0;
    for (std::size_t i = start; i < start + 18; ++i) {
      if (list[i].route == ListRoute::leadership) {
        ++in_block;
        REQUIRE(list[i].id > last_leadership);
        last_leadership = list[i].id;
      } else {
        REQUIRE((list[i].id >= last_primary));
        last_primary = list[i].id;
      }
    }
    REQUIRE(in_block == 7);
  }
  const auto block = merge_leadership_places(primary, leadership, LeadershipPlacement::leadership_first);
  REQUIRE(block[48].route == ListRoute::leadership);
  REQUIRE(block[49].route == ListRoute::primary);
}

TEST_CASE("least displacement swaps in the best-ranked women for the lowest-ranked men", "[models][rules]") {
  // Ten places, 30% women: the top ten hold one woman (place 4); women at 12 and 15 come in,
  // replacing places 10 and 9; everyone else keeps the order.
  auto ranked = pool(16, ListRoute::primary, 0);
  ranked[3].is_woman = ranked[11].is_woman = ranked[14].is_woman = true;
  const auto list = enforce_minimum_shares(ranked, 10, {0.30, 0.0}, QuotaMethod::least_displacement);
  std::vector<std::uint32_t> ids;
  for (const auto& c : list) ids.push_back(c.id);
  REQUIRE(ids == std::vector<std::uint32_t>{0, 1, 2, 3, 4, 5, 6, 7, 11, 14});
}

TEST_CASE("a zipper alternates women and men from the best-ranked", "[models][rules]") {
  auto ranked = pool(8, ListRoute::primary, 0);
  ranked[5].is_woman = ranked[6].is_woman = ranked[7].is_woman = true;
  const auto list = enforce_minimum_shares(ranked, 6, {}, QuotaMethod::zipper);
  std::vector<std::uint32_t> ids;
  for (const auto& c : list) ids.push_back(c.id);
  REQUIRE(ids == std::vector<std::uint32_t>{0, 5, 1, 6, 2, 7});
}

TEST_CASE("quotas hold on every generated list", "[models][rules]") {
  primsim::sim::RandomStream stream({5, 0, 0, 3});
  int feasible = 0;
  for (int trial = 0; trial < 300; ++trial) {
    const std::size_t size = 20 + stream.uniform_index(60);
    std::vector<ListCandidate> ranked(size);
    for (std::size_t i = 0; i < size; ++i) {
      ranked[i] = {static_cast<std::uint32_t>(i), stream.bernoulli(0.3), stream.bernoulli(0.2),
                   ListRoute::primary};
    }
    const std::size_t places = 5 + stream.uniform_index(size - 5);
    const MinimumShares shares{0.30, 0.20};
    for (const auto method : {QuotaMethod::least_displacement, QuotaMethod::zipper}) {
      try {
        const auto list = enforce_minimum_shares(ranked, places, shares, method);
        ++feasible;
        REQUIRE(list.size() == places);
        REQUIRE(count_if_women(list) * 10 >= places * 3);
        REQUIRE(count_if_youth(list) * 10 >= places * 2);
        if (method == QuotaMethod::zipper) {
          for (std::size_t i = 1; i < 2 * (places / 2) && i < list.size(); ++i) {
            if (count_if_women(list) >= places / 2 && list.size() - count_if_women(list) >= places / 2) {
              REQUIRE(list[i].is_woman != list[i - 1].is_woman);
            }
          }
        }
      } catch (const ListFormationError&) {
        // Reported infeasible: check by counting the four kinds of candidate that no list of this
        // length could meet the minimums.
        std::size_t available[2][2] = {{0, 0}, {0, 0}};  // [woman][youth]
        for (const auto& c : ranked) ++available[c.is_woman ? 1 : 0][c.is_youth ? 1 : 0];
        const std::size_t need_women = method == QuotaMethod::zipper
                                           ? std::max(places / 2, (places * 3 + 9) / 10)
                                           : (places * 3 + 9) / 10;
        const std::size_t need_men = method == QuotaMethod::zipper ? places / 2 : 0;
        const std::size_t need_youth = (places * 2 + 9) / 10;
        bool possible = false;
        for (std::size_t wy = 0; wy <= available[1][1]; ++wy) {
          for (std::size_t wn = 0; wn <= available[1][0]; ++wn) {
            const std::size_t women = wy + wn;
            if (women < need_women || women > places || places - women < need_men) continue;
            const std::size_t men = places - women;
            const std::size_t least_young_men = std::max(
                {need_youth > wy ? need_youth - wy : 0, men > available[0][0] ? men - available[0][0] : 0});
            if (least_young_men <= std::min(available[0][1], men)) possible = true;
          }
        }
        REQUIRE_FALSE(possible);
      }
    }
  }
  REQUIRE(feasible > 200);
}

TEST_CASE("appointment keeps the leadership's order and marks the route", "[models][rules]") {
  auto nominees = pool(6, ListRoute::leadership, 0);
  nominees[5].is_woman = true;
  const auto list = appoint_list(nominees, 4, {0.25, 0.0});
  REQUIRE(list.size() == 4);
  REQUIRE(list[3].id == 5);
  REQUIRE(
      std::all_of(list.begin(), list.end(), [](const auto& c) { return c.route == ListRoute::appointed; }));
  REQUIRE_THROWS_WITH(
      enforce_minimum_shares(nominees, 4, {0.5, 0.0}, QuotaMethod::least_displacement),
      "list quotas: expected 4 places to hold at least 2 women, found a pool of 6 that cannot provide "
      "them without breaking another minimum");
}

TEST_CASE("leadership places are kept through quota swaps when the list asks for it", "[models][rules]") {
  // Ten places, 30% women: the lowest-ranked selected are leadership men (places 9 and 10).
  // Kept, they are passed over and the swaps take the lowest-ranked primary men instead.
  auto ranked = pool(14, ListRoute::primary, 0);
  ranked[8].route = ranked[9].route = ListRoute::leadership;
  ranked[12].is_woman = ranked[13].is_woman = ranked[2].is_woman = true;
  const auto ids = [](const std::vector<ListCandidate>& list) {
    std::vector<std::uint32_t> out;
    for (const auto& c : list) out.push_back(c.id);
    return out;
  };
  const auto plain = enforce_minimum_shares(ranked, 10, {0.30, 0.0}, QuotaMethod::least_displacement);
  REQUIRE(ids(plain) == std::vector<std::uint32_t>{0, 1, 2, 3, 4, 5, 6, 7, 12, 13});
  const auto kept = enforce_minimum_shares(ranked, 10, {0.30, 0.0},
                                           QuotaOptions{QuotaMethod::least_displacement, true, false});
  REQUIRE(ids(kept) == std::vector<std::uint32_t>{0, 1, 2, 3, 4, 5, 8, 9, 12, 13});
}

TEST_CASE("best effort leaves an unmeetable minimum short instead of failing", "[models][rules]") {
  // One woman in the pool, 30% of ten asked: she comes in, the list stays at ten, the youth
  // minimum is still met.
  auto ranked = pool(14, ListRoute::primary, 0);
  ranked[13].is_woman = true;
  for (const std::size_t i : {1U, 11U, 12U}) ranked[i].is_youth = true;
  REQUIRE_THROWS_AS(enforce_minimum_shares(ranked, 10, {0.30, 0.20}, QuotaMethod::least_displacement),
                    ListFormationError);
  const auto list = enforce_minimum_shares(ranked, 10, {0.30, 0.20},
                                           QuotaOptions{QuotaMethod::least_displacement, false, true});
  REQUIRE(list.size() == 10);
  CHECK(count_if_women(list) == 1);
  CHECK(count_if_youth(list) >= 2);
  // A pool shorter than the list gives every name in it.
  CHECK(enforce_minimum_shares(std::span(ranked).first(6), 10, {},
                               QuotaOptions{QuotaMethod::least_displacement, false, true})
            .size() == 6);
}

TEST_CASE("a combined minimum counts women and young candidates together", "[models][rules]") {
  // 2020 law: 30% women and youth combined. One woman and one young man among the top ten are
  // two of the three needed; the best-ranked of either group below comes in.
  auto ranked = pool(14, ListRoute::primary, 0);
  ranked[0].is_woman = true;
  ranked[5].is_youth = true;
  ranked[11].is_youth = true;
  ranked[12].is_woman = true;
  MinimumShares shares;
  shares.women_or_youth = 0.30;
  const auto list = enforce_minimum_shares(ranked, 10, shares, QuotaMethod::least_displacement);
  std::vector<std::uint32_t> ids;
  for (const auto& c : list) ids.push_back(c.id);
  REQUIRE(ids == std::vector<std::uint32_t>{0, 1, 2, 3, 4, 5, 6, 7, 8, 11});
}
