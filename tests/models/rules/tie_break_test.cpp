// Tie-break precedence: fixed orders and reproducible lots.
#include <algorithm>

#include <catch2/catch.hpp>

#include "primsim/models/rules/tie_break.hpp"

using namespace primsim::models::rules;

TEST_CASE("fixed orders give the stated precedence", "[models][rules]") {
  REQUIRE(TieBreak::by_index().precedence(3) == std::vector<std::uint32_t>{0, 1, 2});
  // Candidate 2 first, then 0; candidate 1 is not listed and comes last.
  REQUIRE(TieBreak::by_order({2, 0}).precedence(3) == std::vector<std::uint32_t>{1, 2, 0});
  const std::vector<std::uint32_t> precedence{1, 2, 0};
  const std::vector<CandidateIndex> tied{0, 1};
  REQUIRE(TieBreak::favoured(tied, precedence) == 0);
  REQUIRE(TieBreak::disfavoured(tied, precedence) == 1);
}

TEST_CASE("a lot is a permutation that depends only on its key", "[models][rules]") {
  const auto lot = TieBreak::by_lot({7, 0, 0, 1});
  const auto first = lot.precedence(20);
  REQUIRE(first == TieBreak::by_lot({7, 0, 0, 1}).precedence(20));
  auto sorted = first;
  std::sort(sorted.begin(), sorted.end());
  for (std::uint32_t i = 0; i < 20; ++i) REQUIRE(sorted[i] == i);
  // Another seed draws another lot (the chance of equal 20-permutations is 1 / 20!).
  REQUIRE(first != TieBreak::by_lot({8, 0, 0, 1}).precedence(20));
  REQUIRE(first != TieBreak::by_index().precedence(20));
}

TEST_CASE("each candidate wins a two-way lot about half the time", "[models][rules]") {
  int zero_first = 0;
  for (std::uint64_t seed = 0; seed < 2000; ++seed) {
    if (TieBreak::by_lot({seed, 0, 0, 1}).precedence(2)[0] == 0) ++zero_first;
  }
  // Binomial(2000, 1/2): mean 1000, sd 22.4; 5 sd either side.
  REQUIRE(zero_first > 888);
  REQUIRE(zero_first < 1112);
}
