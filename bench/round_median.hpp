// The median of a figure's rounds: what the benchmarks report when they repeat a measurement, so
// that one slow round on a shared machine does not stand for the build.
#pragma once

#include <algorithm>
#include <vector>

namespace primsim::bench {

// Precondition: !values.empty().
inline double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t n = values.size();
  return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

}  // namespace primsim::bench
