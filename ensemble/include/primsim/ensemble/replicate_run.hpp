// One replicate as every replicate loop of primsim runs it (`run`, `explore`, `calibrate`,
// `validate --model`, Python, the classroom server): on the sequential executor, after handing
// the memory the previous replicate freed back to the system.
#pragma once

#include <cstdint>

#include "primsim/models/results/result_rows.hpp"
#include "primsim/models/spec/scenario_spec.hpp"

namespace primsim::ensemble {

struct ReplicateRun {
  models::results::ReplicateResults results;
  std::uint64_t events = 0;
};

// Replicate `replicate` of the ensemble seeded with `seed`: the same draws whatever thread runs it.
ReplicateRun run_replicate(const models::spec::ScenarioSpec& scenario, std::uint64_t seed,
                           std::uint32_t replicate);

}  // namespace primsim::ensemble
