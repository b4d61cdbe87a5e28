// The scenario as one party of a several-party scenario runs it: the same rules and calendar,
// with the membership and candidate pool sized for the party.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "primsim/models/spec/scenario_spec.hpp"

namespace primsim::models {

// Party `party` of a validated scenario: members (membership.size and each region's members)
// and expected applications multiplied by the party's scale, an all_voters selectorate by its
// support share (the voters who choose its ballot), and `parties` reduced to that one party.
// For the only party of a one-party scenario the result runs exactly as the scenario does.
spec::ScenarioSpec party_scenario(const spec::ScenarioSpec& scenario, std::size_t party);

// The names behind PartyCode in the output (/meta/parties).
std::vector<std::string> party_names(const spec::ScenarioSpec& scenario);

}  // namespace primsim::models
