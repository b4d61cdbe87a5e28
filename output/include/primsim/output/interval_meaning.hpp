// The one line that says what a run's intervals measure: Monte Carlo noise of one parameter set,
// or parameter uncertainty as well, or nothing of the kind in a design over parameters.
#pragma once

#include <string>

#include "primsim/output/run_file.hpp"

namespace primsim::output {

// "intervals: ..." without a newline, from RunInfo::parameter_draws and the replicates of `run`
// (of its point, in a view from at_point()).
std::string interval_meaning(const RunFile& run);

}  // namespace primsim::output
