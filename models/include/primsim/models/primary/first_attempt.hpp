// A voter's first try at voting, kept in one time-sorted list rather than as pending events: the
// queue then holds a single cursor event instead of one event per voter.
#pragma once

#include <cstdint>
#include <vector>

#include "primsim/sim/sim_time.hpp"

namespace primsim::models {

struct FirstAttempt {
  sim::SimTime at;
  std::uint32_t member = 0;
  std::uint32_t channel = 0;
};

// Sorts by (time, member), none before `earliest`: by radix passes on one 64-bit key when the
// times span less than 2^32 seconds, as every calendar the validator accepts does, otherwise by
// comparison. Both give the same order.
void sort_first_attempts(std::vector<FirstAttempt>& attempts, sim::SimTime earliest);

}  // namespace primsim::models
