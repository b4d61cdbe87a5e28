// Checks that span several parts of a scenario: references between names (phases, channels,
// regions, offices), dates in order across sections, and scenario-wide defaults.
#pragma once

#include "primsim/models/spec/scenario_spec.hpp"
#include "spec_reader.hpp"

namespace primsim::scenarios {

// Reports each broken rule through `reader` (which knows where every value was written) and
// fills the defaults that depend on other keys. Sorts phases by start.
void check_scenario(models::spec::ScenarioSpec& spec, SpecReader& reader);

}  // namespace primsim::scenarios
