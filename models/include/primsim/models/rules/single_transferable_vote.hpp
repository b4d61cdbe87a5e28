// The single transferable vote with the Droop quota and Weighted Inclusive Gregory transfers
// (as in Scottish local government elections since 2007): a surplus moves every ballot the
// elected candidate holds, each at its current value times surplus / total.
#pragma once

#include <cstddef>

#include "primsim/models/rules/profile.hpp"
#include "primsim/models/rules/tally_result.hpp"
#include "primsim/models/rules/tie_break.hpp"

namespace primsim::models::rules {

// Droop quota: floor(valid / (seats + 1)) + 1, on the valid (non-empty) ballots.
double droop_quota(double valid_votes, std::size_t seats);

// Score: votes when elected, eliminated, or at the end. Order: the elected in order of
// election, then the unelected in reverse order of elimination. Ties (for the largest surplus
// or the fewest votes) go to the tie break; values are kept unrounded, and totals within 1e-9
// of each other count as tied so that the order of ballots cannot tip a count.
TallyResult single_transferable_vote(const Profile& profile, std::size_t seats, const TieBreak& tie_break);

}  // namespace primsim::models::rules
