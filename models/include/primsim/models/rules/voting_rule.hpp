// The tally rules by name, as `primsim tally --rule` and scenarios spell them, and one entry
// point that runs any of them on a profile.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "primsim/models/rules/profile.hpp"
#include "primsim/models/rules/tally_result.hpp"
#include "primsim/models/rules/tie_break.hpp"

namespace primsim::models::rules {

enum class VotingRule { plurality, borda, approval, two_round, irv, stv, copeland, plackett_luce };

// Names: plurality, borda, approval, two-round, irv, stv, copeland, plackett-luce.
[[nodiscard]] std::string_view rule_name(VotingRule rule);
// Throws sim::InputError naming the known rules when `name` is none of them.
[[nodiscard]] VotingRule parse_voting_rule(std::string_view name);
[[nodiscard]] const std::vector<VotingRule>& all_voting_rules();
// STV elects a committee by design; the others rank everyone and elect the top `winners`.
[[nodiscard]] bool is_multi_winner(VotingRule rule);

// Runs `rule` with default options; `winners` is ignored by single-winner runoff rules
// (two-round, irv), which always elect one.
TallyResult tally(const Profile& profile, VotingRule rule, std::size_t winners, const TieBreak& tie_break);

}  // namespace primsim::models::rules
