// Copeland and pairwise counts.
#include <catch2/catch.hpp>

#include "primsim/models/rules/copeland.hpp"
#include "primsim/models/rules/preflib_reader.hpp"
#include "primsim/sim/random_stream.hpp"
#include "rules_fixtures.hpp"

using namespace primsim::models::rules;

TEST_CASE("Copeland ranks the Tennessee cities by pairwise wins", "[models][rules]") {
  // Nashville beats all three (58-42, 68-32, 68-32); Chattanooga beats Memphis and Knoxville
  // (83-17); Knoxville beats Memphis 58-42.
  const auto result = copeland(testing::tennessee(), 1, TieBreak::by_index());
  REQUIRE(result.scores == std::vector<double>{0, 3, 2, 1});
  REQUIRE(result.winner() == 1);
}

TEST_CASE("the Debian 2010 leader election has its published winner as Condorcet winner", "[models][rules]") {
  // Stefano Zacchiroli was elected Debian Project Leader in 2010 (Debian uses a Condorcet
  // method). Pairwise counts checked with an independent Python count of the PrefLib soi file.
  const auto profile = read_preflib(PRIMSIM_RULES_DATA_DIR "/debian_2010_leader.soi");
  const auto wins = pairwise_preferences(profile);
  REQUIRE(wins[0 * 5 + 1] == 323);
  REQUIRE(wins[1 * 5 + 0] == 102);
  REQUIRE(wins[1 * 5 + 3] == 215);
  REQUIRE(wins[3 * 5 + 1] == 207);
  const auto result = copeland(profile, 1, TieBreak::by_index());
  REQUIRE(profile.candidate_names()[result.winner()] == "Stefano Zacchiroli");
  REQUIRE(result.scores[0] == 4.0);
}

TEST_CASE("a Condorcet winner always wins Copeland", "[models][rules]") {
  // Random profiles of 5 candidates; whenever one beats every other pairwise, it must win.
  primsim::sim::RandomStream stream({3, 0, 0, 11});
  int checked = 0;
  for (int trial = 0; trial < 300; ++trial) {
    Profile profile(5);
    for (int voter = 0; voter < 15; ++voter) {
      std::vector<CandidateIndex> order{0, 1, 2, 3, 4};
      for (std::size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[stream.uniform_index(i)]);
      order.resize(1 + stream.uniform_index(5));
      profile.add_ranking(order);
    }
    const auto wins = pairwise_preferences(profile);
    for (std::size_t a = 0; a < 5; ++a) {
      bool beats_all = true;
      for (std::size_t b = 0; b < 5; ++b) {
        if (a != b && wins[a * 5 + b] <= wins[b * 5 + a]) beats_all = false;
      }
      if (!beats_all) continue;
      ++checked;
      const auto result =
          copeland(profile, 1, TieBreak::by_lot({static_cast<std::uint64_t>(trial), 0, 0, 1}));
      REQUIRE(result.winner() == a);
      REQUIRE(result.scores[a] == 4.0);
    }
  }
  REQUIRE(checked > 50);  // the property was exercised, not skipped
}
