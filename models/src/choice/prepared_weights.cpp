// Plackett-Luce weights with their alias table.
#include "primsim/models/choice/prepared_weights.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace primsim::models {

PreparedWeights PreparedWeights::from_utilities(std::span<const double> utilities) {
  PreparedWeights prepared;
  double best = -std::numeric_limits<double>::infinity();
  for (const double u : utilities) best = std::max(best, u);
  for (const double u : utilities) {
    prepared.weights_.push_back(std::exp(u - best));
    prepared.total_ += prepared.weights_.back();
  }
  // Vose's alias method: columns of height 1 (weights scaled by n / total), each filled by its
  // own candidate up to keep_ and topped up by one candidate with more than its share.
  const std::size_t n = prepared.weights_.size();
  prepared.keep_.assign(n, 1.0);
  prepared.alias_.resize(n);
  std::vector<double> scaled(n);
  std::vector<std::uint32_t> small;
  std::vector<std::uint32_t> large;
  for (std::size_t i = 0; i < n; ++i) {
    prepared.alias_[i] = static_cast<std::uint32_t>(i);
    scaled[i] = prepared.weights_[i] * static_cast<double>(n) / prepared.total_;
    (scaled[i] < 1.0 ? small : large).push_back(static_cast<std::uint32_t>(i));
  }
  while (!small.empty() && !large.empty()) {
    const std::uint32_t less = small.back();
    small.pop_back();
    const std::uint32_t more = large.back();
    prepared.keep_[less] = scaled[less];
    prepared.alias_[less] = more;
    scaled[more] = (scaled[more] + scaled[less]) - 1.0;
    if (scaled[more] < 1.0) {
      large.pop_back();
      small.push_back(more);
    }
  }
  // Whatever is left is full up to rounding.
  for (const auto i : small) prepared.keep_[i] = 1.0;
  for (const auto i : large) prepared.keep_[i] = 1.0;
  return prepared;
}

}  // namespace primsim::models
