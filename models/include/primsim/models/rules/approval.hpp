// Approval voting read from ordinal ballots: a ballot approves every candidate it lists, except
// that a ballot listing every candidate does not approve its last tier (PrefLib's complete
// orders write "approved, then the rest"; a complete strict order approves all but its last).
#pragma once

#include <cstddef>

#include "primsim/models/rules/profile.hpp"
#include "primsim/models/rules/tally_result.hpp"
#include "primsim/models/rules/tie_break.hpp"

namespace primsim::models::rules {

// Score: approvals received. The `winners` most approved are elected.
TallyResult approval(const Profile& profile, std::size_t winners, const TieBreak& tie_break);

}  // namespace primsim::models::rules
