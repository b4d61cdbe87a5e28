// Checks of the calibration and validation blocks: each target names a known statistic with the
// filter it needs, a published value or bounds, and (calibration only) a parameter that exists.
#pragma once

#include "primsim/models/spec/scenario_spec.hpp"
#include "spec_reader.hpp"

namespace primsim::scenarios {

// Reports each broken rule through `reader`; run after the whole scenario has been read, so that
// every key a `sets` may name is known.
void check_targets(const models::spec::ScenarioSpec& spec, SpecReader& reader);

}  // namespace primsim::scenarios
