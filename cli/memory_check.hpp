// Refuses a scenario whose replicates cannot fit in this machine's memory, before any work, with
// the estimate and the limit (the smallest of physical memory, RLIMIT_AS and the cgroup's limit).
#pragma once

#include <cstdint>
#include <string>

#include "primsim/scenarios/scenario_loader.hpp"

namespace primsim::cli {

struct MemoryLimit {
  double bytes = 0;
  std::string source;  // "physical memory", "RLIMIT_AS (ulimit -v)", "the cgroup's memory.max"
};

// The smallest of the limits this process can find. O(1): a few files under /sys and /proc.
MemoryLimit machine_memory_limit();

// Throws sim::InputError naming `file`, the estimate and the limit when `concurrent` replicates
// of the largest grid point need more than the machine allows.
void check_memory(const scenarios::LoadedScenario& loaded, const std::string& file, std::size_t concurrent);

}  // namespace primsim::cli
