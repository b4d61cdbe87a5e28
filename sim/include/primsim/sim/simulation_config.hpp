// Settings of one simulation run that the engine itself needs.
#pragma once

#include <cstdint>

#include "primsim/sim/sim_time.hpp"

namespace primsim::sim {

struct SimulationConfig {
  // Least delay of any event sent between LPs; the parallel executor's window length.
  Duration lookahead = Duration::hours(1);
  SimTime start_time = SimTime::epoch();
  // Events at or after end_time are not processed.
  SimTime end_time = SimTime::max();
  std::uint64_t seed = 0;
  std::uint64_t replicate = 0;
};

}  // namespace primsim::sim
