// How a scenario runs as an ensemble and what the output file records.
#pragma once

#include <cstdint>

#include "primsim/sim/sim_time.hpp"

namespace primsim::models::spec {

struct EnsembleSpec {
  std::int64_t replicates = 1;  // per sweep point; --replicates overrides
  std::uint64_t seed = 1;       // --seed overrides
  // Least delay of a message between regional LPs: the parallel executor's window.
  sim::Duration lookahead = sim::Duration::hours(1);
};

struct OutputSpec {
  // Sampling interval of the /turnout table.
  sim::Duration turnout_interval = sim::Duration::hours(1);
  // Sampling interval of the /platform table.
  sim::Duration platform_interval = sim::Duration::minutes(1);
  // Deflate level of every dataset, 0-9.
  std::int32_t compression = 4;
  // Write one /list row per candidate selected (large for many replicates).
  bool write_lists = true;
};

}  // namespace primsim::models::spec
