// The Borda count: with n candidates a ballot gives n-1 points to its first, n-2 to its second,
// ..., 0 to its last. Tied candidates share the points of the places they occupy (averaged
// Borda), and unlisted candidates share the places below every listed one, so a truncated ballot
// counts exactly like the complete ballot that ties the rest at the bottom.
#pragma once

#include <cstddef>

#include "primsim/models/rules/profile.hpp"
#include "primsim/models/rules/tally_result.hpp"
#include "primsim/models/rules/tie_break.hpp"

namespace primsim::models::rules {

// Score: Borda points. Cost: O(ballot entries + ballots * candidates).
TallyResult borda(const Profile& profile, std::size_t winners, const TieBreak& tie_break);

}  // namespace primsim::models::rules
