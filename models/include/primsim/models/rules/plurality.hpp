// Plurality and its top-k form: every ballot marks its first `marks` candidates; the `winners`
// candidates with most marks are elected (single-member plurality is marks = winners = 1).
#pragma once

#include <cstddef>

#include "primsim/models/rules/profile.hpp"
#include "primsim/models/rules/tally_result.hpp"
#include "primsim/models/rules/tie_break.hpp"

namespace primsim::models::rules {

// A tier that straddles the last mark shares the remaining marks equally among its members
// (a first place tied between two gives each half a vote). Score: marks received.
TallyResult plurality(const Profile& profile, std::size_t winners, const TieBreak& tie_break,
                      std::size_t marks = 1);

}  // namespace primsim::models::rules
