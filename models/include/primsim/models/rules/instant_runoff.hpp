// Instant runoff (alternative vote): the candidate with fewest current votes is eliminated and
// those ballots move to their next hopeful choice, until one candidate holds more than half of
// the ballots still in the count.
#pragma once

#include "primsim/models/rules/profile.hpp"
#include "primsim/models/rules/tally_result.hpp"
#include "primsim/models/rules/tie_break.hpp"

namespace primsim::models::rules {

// Score: the candidate's votes in the last round it took part in (the winner's final total).
// Order: the winner, then the others in reverse order of elimination (the last survivors first).
// A tie for fewest votes eliminates the candidate the tie break disfavours.
TallyResult instant_runoff(const Profile& profile, const TieBreak& tie_break);

}  // namespace primsim::models::rules
