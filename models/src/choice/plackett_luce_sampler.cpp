// Plackett-Luce draws by successive weighted picks or by the exponential race.
#include "primsim/models/choice/plackett_luce_sampler.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace primsim::models {

void PlackettLuceSampler::sample(std::span<const double> utilities, sim::RandomStream& stream,
                                 std::vector<std::uint32_t>& ranking, std::size_t top) {
  // Weights relative to the largest utility, so that exp never overflows.
  double largest = -std::numeric_limits<double>::infinity();
  for (const double u : utilities) largest = std::max(largest, u);
  utility_weights_.clear();
  for (const double u : utilities) utility_weights_.push_back(std::exp(u - largest));
  sample_weighted(utility_weights_, stream, ranking, top);
}

void PlackettLuceSampler::sample_weighted(std::span<const double> weights, sim::RandomStream& stream,
                                          std::vector<std::uint32_t>& ranking, std::size_t top) {
  const std::size_t placed = std::min(top, weights.size());
  ranking.clear();
  if (placed == 0) return;
  if (placed <= kSuccessivePicksUpTo && placed < weights.size()) {
    left_.assign(weights.begin(), weights.end());
    successive_picks(stream, ranking, placed);
  } else {
    exponential_race(weights, stream, ranking, placed);
  }
}

namespace {

// Placed candidates are marked with a negative weight; weights that underflowed to zero stay
// pickable (last, by index) so that a ranking always has the candidates it asks for.
constexpr double kPlaced = -1.0;

}  // namespace

void PlackettLuceSampler::sample_prepared(const PreparedWeights& prepared,
                                          std::span<const std::uint32_t> boosted, double boost,
                                          sim::RandomStream& stream, std::vector<std::uint32_t>& ranking,
                                          std::size_t top) {
  const std::size_t placed = std::min(top, prepared.size());
  ranking.clear();
  if (placed == 0) return;
  const auto weights = prepared.weights();
  if (prepared.size() <= kScanFieldsUpTo) {
    fill_left(prepared, boosted, boost, ranking);
    successive_picks(stream, ranking, placed);
    return;
  }
  if (placed > kSuccessivePicksUpTo || placed == prepared.size() || boost < 1.0) {
    // Long ballots and penalties (which the prefix sums cannot subtract) take the general path.
    fill_left(prepared, boosted, boost, ranking);
    utility_weights_.assign(left_.begin(), left_.end());
    sample_weighted(utility_weights_, stream, ranking, placed);
    return;
  }
  double extra = 0;
  for (const auto b : boosted) extra += (boost - 1.0) * weights[b];
  const double total = prepared.total();
  int misses = 0;
  while (ranking.size() < placed) {
    if (misses > kMaxRedraws) {
      fill_left(prepared, boosted, boost, ranking);
      successive_picks(stream, ranking, placed);
      return;
    }
    double target = stream.uniform() * (total + extra);
    std::size_t chosen = 0;
    if (target < total || boosted.empty()) {
      chosen = prepared.pick(target / total);
    } else {
      target -= total;
      chosen = boosted.back();
      for (const auto b : boosted) {
        target -= (boost - 1.0) * weights[b];
        if (target < 0) {
          chosen = b;
          break;
        }
      }
    }
    if (weights[chosen] <= 0 || std::find(ranking.begin(), ranking.end(), chosen) != ranking.end()) {
      ++misses;
      continue;
    }
    misses = 0;
    ranking.push_back(static_cast<std::uint32_t>(chosen));
  }
}

void PlackettLuceSampler::fill_left(const PreparedWeights& prepared, std::span<const std::uint32_t> boosted,
                                    double boost, const std::vector<std::uint32_t>& ranking) {
  const auto weights = prepared.weights();
  left_.assign(weights.begin(), weights.end());
  for (const auto b : boosted) left_[b] *= boost;
  for (const auto placed : ranking) left_[placed] = kPlaced;
}

void PlackettLuceSampler::successive_picks(sim::RandomStream& stream, std::vector<std::uint32_t>& ranking,
                                           std::size_t placed) {
  while (ranking.size() < placed) {
    // The total is summed afresh each time rather than decremented, so that rounding cannot
    // leave a picked candidate a sliver of probability.
    double total = 0;
    for (const double w : left_) total += std::max(0.0, w);
    const double target = stream.uniform() * total;
    double cumulative = 0;
    std::size_t chosen = left_.size();
    std::size_t last_positive = left_.size();
    for (std::size_t i = 0; i < left_.size(); ++i) {
      if (left_[i] <= 0) continue;
      last_positive = i;
      cumulative += left_[i];
      if (target < cumulative) {
        chosen = i;
        break;
      }
    }
    if (chosen == left_.size()) chosen = last_positive;  // the target rounded up to the total
    if (chosen == left_.size()) {
      chosen = static_cast<std::size_t>(
          std::find_if(left_.begin(), left_.end(), [](double w) { return w >= 0; }) - left_.begin());
    }
    ranking.push_back(static_cast<std::uint32_t>(chosen));
    left_[chosen] = kPlaced;
  }
}

void PlackettLuceSampler::exponential_race(std::span<const double> weights, sim::RandomStream& stream,
                                           std::vector<std::uint32_t>& ranking, std::size_t placed) {
  keys_.clear();
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const double arrival = -std::log(stream.uniform_positive()) / weights[i];
    keys_.emplace_back(arrival, static_cast<std::uint32_t>(i));
  }
  // Earlier arrival first; equal keys (probability zero, but possible in floating point) by index.
  const auto earlier = [](const auto& a, const auto& b) {
    return a.first < b.first || (a.first == b.first && a.second < b.second);
  };
  std::partial_sort(keys_.begin(), keys_.begin() + static_cast<std::ptrdiff_t>(placed), keys_.end(), earlier);
  for (std::size_t i = 0; i < placed; ++i) ranking.push_back(keys_[i].second);
}

}  // namespace primsim::models
