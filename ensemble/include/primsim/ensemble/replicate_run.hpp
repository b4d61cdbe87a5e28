// One replicate as every replicate loop of primsim runs it (`run`, `explore`, `calibrate`,
// `validate --model`, Python, the classroom server): after handing the memory the previous
// replicate freed back to the system.
#pragma once

#include <cstdint>

#include "primsim/models/results/result_rows.hpp"
#include "primsim/models/spec/scenario_spec.hpp"

namespace primsim::ensemble {

struct ReplicateRun {
  models::results::ReplicateResults results;
  std::uint64_t events = 0;
};

// How a replicate's regions are run: on the calling thread alone (the sequential executor), or
// on the windowed executor in the calling thread's oneTBB arena, which every thread of the arena
// that has nothing else to do joins. Both commit the same events, so the results are identical;
// `shared` is only sooner when cores would otherwise idle.
enum class ReplicateThreads : std::uint8_t { one, shared };

// Replicate `replicate` of the ensemble seeded with `seed`: the same draws whatever thread runs it.
ReplicateRun run_replicate(const models::spec::ScenarioSpec& scenario, std::uint64_t seed,
                           std::uint32_t replicate, ReplicateThreads threads = ReplicateThreads::one);

}  // namespace primsim::ensemble
