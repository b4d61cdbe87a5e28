// Textbook profiles shared by the rule tests, each with its source.
#pragma once

#include "primsim/models/rules/profile.hpp"

namespace primsim::models::rules::testing {

// The Tennessee capital example (e.g. Wikipedia, "Condorcet method" and "Instant-runoff voting";
// also in many social-choice primers): per 100 voters, candidates 0 Memphis, 1 Nashville,
// 2 Chattanooga, 3 Knoxville. Memphis wins plurality, Nashville is the Condorcet and Borda
// winner, Knoxville wins instant runoff.
inline Profile tennessee() {
  Profile profile(4);
  profile.set_candidate_names({"Memphis", "Nashville", "Chattanooga", "Knoxville"});
  const std::vector<CandidateIndex> memphis{0, 1, 2, 3};
  const std::vector<CandidateIndex> nashville{1, 2, 3, 0};
  const std::vector<CandidateIndex> chattanooga{2, 3, 1, 0};
  const std::vector<CandidateIndex> knoxville{3, 2, 1, 0};
  profile.add_ranking(memphis, 42);
  profile.add_ranking(nashville, 26);
  profile.add_ranking(chattanooga, 15);
  profile.add_ranking(knoxville, 17);
  return profile;
}

}  // namespace primsim::models::rules::testing
