// What one replicate of a scenario holds in memory, estimated from the scenario before anything
// is built, so that a scenario too large for the machine is refused when it is validated instead
// of ending a run with std::bad_alloc.
#pragma once

#include <cstdint>

#include "primsim/models/spec/scenario_spec.hpp"

namespace primsim::models {

struct MemoryEstimate {
  double persons = 0;  // members (with growth) and every other selector, all parties together
  double bytes = 0;    // a double: a scenario may ask for more than 64 bits can count
};

// Measured, not derived from sizeof: see the comment at the constant. O(regions + stages + parties).
MemoryEstimate estimate_replicate_memory(const spec::ScenarioSpec& scenario);

// The bytes a replicate holds per person, measured (see memory_estimate.cpp).
double replicate_bytes_per_person();

}  // namespace primsim::models
