// `primsim report`'s terminal summary: what the run was and its headline statistics with the
// ensemble mean and 90% interval.
#pragma once

#include <string>

#include "primsim/output/run_file.hpp"

namespace primsim::output {

std::string terminal_report(const RunFile& run);

}  // namespace primsim::output
