// Shards are contiguous blocks that tile the ensemble, so merging them in order is the single
// run; --shard text is checked like any other input.
#include <catch2/catch.hpp>

#include "primsim/output/ensemble_layout.hpp"
#include "primsim/sim/input_error.hpp"

using primsim::output::EnsembleLayout;
using primsim::output::parse_shard;
using primsim::output::Shard;

TEST_CASE("the shards of an ensemble tile it without gaps or overlaps", "[output][ensemble]") {
  for (std::uint32_t replicates : {1U, 5U, 7U, 1000U}) {
    for (std::uint32_t count : {1U, 2U, 3U, 8U}) {
      EnsembleLayout layout;
      layout.replicates_per_point = replicates;
      layout.sweep_keys = {"a"};
      layout.sweep_values = {{"1"}, {"2"}, {"3"}};
      std::uint64_t expected_begin = 0;
      for (std::uint32_t index = 0; index < count; ++index) {
        layout.shard = Shard{index, count};
        REQUIRE(layout.block_begin() == expected_begin);
        REQUIRE(layout.block_end() >= layout.block_begin());
        REQUIRE(layout.block_end() - layout.block_begin() <= layout.ensemble_size() / count + 1);
        expected_begin = layout.block_end();
      }
      REQUIRE(expected_begin == 3ULL * replicates);
    }
  }
}

TEST_CASE("the shard option takes i/n with 0 <= i < n", "[output][ensemble]") {
  REQUIRE(parse_shard("2/5", "--shard") == Shard{2, 5});
  REQUIRE(parse_shard("0/1", "--shard") == Shard{0, 1});
  REQUIRE_THROWS_AS(parse_shard("5/5", "--shard"), primsim::sim::InputError);
  REQUIRE_THROWS_WITH(parse_shard("5/5", "--shard"),
                      "--shard: shard index 5 is out of range for 5 shards: expected 0 to 4");
  REQUIRE_THROWS_WITH(parse_shard("1-4", "--shard"),
                      "--shard: expected i/n with integers 0 <= i < n (for example 0/4), found '1-4'");
  REQUIRE_THROWS_WITH(parse_shard("1/0", "--shard"),
                      "--shard: expected i/n with integers 0 <= i < n (for example 0/4), found '1/0'");
  REQUIRE_THROWS_WITH(parse_shard("-1/4", "--shard"),
                      "--shard: expected i/n with integers 0 <= i < n (for example 0/4), found '-1/4'");
}
