// What an executor reports about a finished run.
#pragma once

#include <cstdint>

#include "primsim/sim/sim_time.hpp"

namespace primsim::sim {

struct RunStats {
  std::uint64_t committed_events = 0;
  // Lookahead windows worked through; 0 when the sequential executor uses one global queue.
  std::uint64_t windows = 0;
  // Time of the last event processed (the start time when there was none).
  SimTime last_event_time;
};

}  // namespace primsim::sim
