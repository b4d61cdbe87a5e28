// Copeland's rule: each candidate scores 1 for every pairwise majority win and 1/2 for every
// pairwise tie, from ballots read as weak orders (a listed candidate beats an unlisted one; two
// candidates in one tier, or both unlisted, are not compared by that ballot).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "primsim/models/rules/profile.hpp"
#include "primsim/models/rules/tally_result.hpp"
#include "primsim/models/rules/tie_break.hpp"

namespace primsim::models::rules {

// wins[a * n + b]: voters who rank a above b. Cost O(ballots * n^2).
std::vector<std::uint64_t> pairwise_preferences(const Profile& profile);

// Score: Copeland points (wins + ties / 2). A Condorcet winner scores n - 1 and ranks first.
TallyResult copeland(const Profile& profile, std::size_t winners, const TieBreak& tie_break);

}  // namespace primsim::models::rules
