// Bootstrap helpers for the sensitivity estimators: counter-based resampling, so that intervals
// are reproducible from the seed, and percentile intervals, which need no normality assumption.
#include "sensitivity_bootstrap.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>

#include <fmt/format.h>

namespace primsim::uq::detail {

void check_confidence(double confidence) {
  if (!(confidence > 0.0 && confidence < 1.0)) {
    throw std::invalid_argument(fmt::format("a confidence level is in (0, 1), not {}", confidence));
  }
}

std::vector<std::size_t> resample_rows(std::size_t rows, std::size_t resample, std::uint64_t seed,
                                       sim::RandomPurpose purpose) {
  sim::RandomStream stream({seed, 0, resample, purpose});
  std::vector<std::size_t> drawn(rows);
  for (std::size_t& row : drawn) row = static_cast<std::size_t>(stream.uniform_index(rows));
  return drawn;
}

IndexEstimate percentile_interval(double estimate, std::vector<double> replicates, double confidence) {
  constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
  const bool undefined = replicates.empty() || std::any_of(replicates.begin(), replicates.end(),
                                                           [](double x) { return std::isnan(x); });
  if (undefined) return {estimate, kNaN, kNaN};
  std::sort(replicates.begin(), replicates.end());
  const auto quantile = [&replicates](double q) {
    const double h = q * static_cast<double>(replicates.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(h));
    const std::size_t above = std::min(below + 1, replicates.size() - 1);
    const double weight = h - static_cast<double>(below);
    return replicates[below] + weight * (replicates[above] - replicates[below]);
  };
  const double tail = (1.0 - confidence) / 2.0;
  return {estimate, quantile(tail), quantile(1.0 - tail)};
}

}  // namespace primsim::uq::detail
