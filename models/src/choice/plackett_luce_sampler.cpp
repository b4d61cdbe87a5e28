// The Gumbel-max Plackett-Luce draw.
#include "primsim/models/choice/plackett_luce_sampler.hpp"

#include <algorithm>
#include <cmath>

namespace primsim::models {

void PlackettLuceSampler::sample(std::span<const double> utilities, sim::RandomStream& stream,
                                 std::vector<std::uint32_t>& ranking, std::size_t top) {
  keys_.clear();
  for (std::size_t i = 0; i < utilities.size(); ++i) {
    const double gumbel = -std::log(-std::log(stream.uniform_positive() * (1.0 - 0x1.0p-54)));
    keys_.emplace_back(utilities[i] + gumbel, static_cast<std::uint32_t>(i));
  }
  const std::size_t placed = std::min(top, keys_.size());
  // Larger key first; equal keys (probability zero, but possible in floating point) by index.
  const auto better = [](const auto& a, const auto& b) {
    return a.first > b.first || (a.first == b.first && a.second < b.second);
  };
  std::partial_sort(keys_.begin(), keys_.begin() + static_cast<std::ptrdiff_t>(placed), keys_.end(), better);
  ranking.clear();
  for (std::size_t i = 0; i < placed; ++i) ranking.push_back(keys_[i].second);
}

}  // namespace primsim::models
