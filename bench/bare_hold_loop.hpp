// The yardstick for the engine's overhead: PHOLD as a bare hold loop over one binary heap of
// (time, sequence) pairs, with the same parameters and the same random draws as the engine.
#pragma once

#include <cstddef>
#include <cstdint>

#include "primsim/sim/phold_model.hpp"

namespace primsim::bench {

struct BareHoldResult {
  std::uint64_t events = 0;
  double seconds = 0;
};

BareHoldResult run_bare_hold_loop(const sim::PholdParameters& parameters, std::uint64_t seed);

// The yardstick of a replicate's cost: `operations` hold operations (pop the earliest, push it
// back an exponential delay later) on a binary heap of `pending` (time, sequence) pairs.
BareHoldResult time_hold_operations(std::size_t pending, std::uint64_t operations, std::uint64_t seed);

}  // namespace primsim::bench
