// A synthetic but plausible ensemble shaped like the 2020 primaries (17 regions, about 787,000
// eligible members, 86 hours of voting with a 24-hour extension), so that the writer, the
// reports and the Python and Chromium checks have a complete file before `primsim run` exists.
#pragma once

#include <cstdint>

#include "primsim/models/results/result_rows.hpp"
#include "primsim/output/run_info.hpp"

namespace primsim::test {

output::RunInfo sample_run_info(std::uint64_t seed, std::uint32_t replicates);

// Every table of one replicate; draws only from streams keyed by (seed, replicate, ...). /warnings
// stays empty: the run did what the scenario said.
models::results::ReplicateResults sample_replicate(std::uint64_t seed, std::uint32_t replicate);

// Adds /warnings rows to a sample replicate: a women's quota unmet at the members' vote in every
// replicate (3 or 4 contests), and two congress places left empty in odd replicates.
void add_sample_warnings(models::results::ReplicateResults& results);

}  // namespace primsim::test
