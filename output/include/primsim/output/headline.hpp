// The headline statistics of a run, one value per replicate: what `report` summarises and
// `compare` compares, the contract tables' totals and Rahat's four yardsticks.
#pragma once

#include <string>
#include <vector>

#include "primsim/output/run_file.hpp"

namespace primsim::output {

// How a value is printed: counts as whole numbers, fractions as percentages.
enum class ValueKind { count, fraction, ratio, hours };

struct HeadlineStatistic {
  std::string key;    // a stable name for scripts (the --json output)
  std::string group;  // "run", "platform", "participation", "competition", "representation",
                      // "responsiveness"
  std::string label;
  ValueKind kind;
  std::vector<double> values;  // one per replicate, in replicate order; NaN where not measured
};

std::vector<HeadlineStatistic> headline_statistics(const RunFile& run);

// "84.2%", "662,687", "3.41", "24.0 h"; "n/a" for NaN.
std::string format_value(double value, ValueKind kind);

}  // namespace primsim::output
