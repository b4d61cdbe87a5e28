// Transferable-vote totals are sums of fractions whose last bits depend on summation order;
// totals this close are treated as equal so that the tie break, never rounding, decides.
#pragma once

#include <algorithm>
#include <cmath>

namespace primsim::models::rules {

inline bool nearly_equal(double a, double b) {
  return std::abs(a - b) <= 1e-9 * std::max({1.0, std::abs(a), std::abs(b)});
}

}  // namespace primsim::models::rules
