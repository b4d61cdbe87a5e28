// One replicate as every replicate loop of primsim runs it (`run`, `explore`, `calibrate`,
// `validate --model`, Python, the classroom server): after handing the memory the previous
// replicate freed back to the system.
#pragma once

#include <cstddef>
#include <cstdint>

#include "primsim/models/results/result_rows.hpp"
#include "primsim/models/spec/scenario_spec.hpp"

namespace primsim::ensemble {

struct ReplicateRun {
  models::results::ReplicateResults results;
  std::uint64_t events = 0;
};

// Replicate `replicate` of the ensemble seeded with `seed`: the same draws whatever thread runs it.
// With `threads` > 1 its regions run in parallel on the windowed executor, which commits the same
// events as the sequential one: the results are identical, only sooner when cores would idle.
ReplicateRun run_replicate(const models::spec::ScenarioSpec& scenario, std::uint64_t seed,
                           std::uint32_t replicate, std::size_t threads = 1);

}  // namespace primsim::ensemble
