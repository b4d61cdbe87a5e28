// Morris screening: elementary effects per trajectory, summarised as mu, mu* and sigma, with a
// bootstrap over trajectories because trajectories, not points, are the independent units.
#include <cmath>
#include <limits>
#include <stdexcept>

#include <fmt/format.h>

#include "primsim/uq/sensitivity.hpp"
#include "sensitivity_bootstrap.hpp"

namespace primsim::uq {
namespace {

constexpr sim::RandomPurpose kMorrisBootstrapPurpose = 0x6d6f'7272'6973'0002ULL;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct MorrisSummary {
  std::vector<double> mu, mu_star, sigma;
};

// Elementary effects of one trajectory, indexed by parameter; throws when the rows are not a
// one-at-a-time trajectory, since the effects would then mean nothing.
std::vector<double> trajectory_effects(const Design& design, std::span<const double> outputs,
                                       std::size_t first) {
  const std::size_t k = design.parameters;
  std::vector<double> effects(k, kNaN);
  for (std::size_t r = first + 1; r <= first + k; ++r) {
    const std::vector<double>& before = design.points[r - 1];
    const std::vector<double>& after = design.points[r];
    std::size_t moved = k;
    std::size_t changes = 0;
    for (std::size_t i = 0; i < k; ++i) {
      if (after[i] != before[i]) {
        moved = i;
        ++changes;
      }
    }
    if (changes != 1 || !std::isnan(effects[moved])) {
      throw std::invalid_argument(
          fmt::format("rows {} and {} of the Morris design are not one move of a new parameter", r - 1, r));
    }
    effects[moved] = (outputs[r] - outputs[r - 1]) / (after[moved] - before[moved]);
  }
  return effects;
}

// Summary over the trajectories listed in `rows` (indices into `effects`, repeats allowed).
MorrisSummary summarise(const std::vector<std::vector<double>>& effects, const std::vector<std::size_t>& rows,
                        std::size_t parameters) {
  MorrisSummary summary{std::vector<double>(parameters, kNaN), std::vector<double>(parameters, kNaN),
                        std::vector<double>(parameters, kNaN)};
  if (rows.empty()) return summary;
  const auto n = static_cast<double>(rows.size());
  for (std::size_t i = 0; i < parameters; ++i) {
    double sum = 0.0;
    double sum_abs = 0.0;
    for (const std::size_t t : rows) {
      sum += effects[t][i];
      sum_abs += std::abs(effects[t][i]);
    }
    const double mean = sum / n;
    summary.mu[i] = mean;
    summary.mu_star[i] = sum_abs / n;
    if (rows.size() > 1) {
      // Two passes: a one-pass formula would leave rounding noise where the effects are equal.
      double squares = 0.0;
      for (const std::size_t t : rows) squares += (effects[t][i] - mean) * (effects[t][i] - mean);
      summary.sigma[i] = std::sqrt(squares / (n - 1.0));
    }
  }
  return summary;
}

}  // namespace

MorrisIndices morris_indices(const Design& design, std::span<const double> outputs, std::size_t bootstrap,
                             std::uint64_t seed, double confidence) {
  if (design.kind != DesignKind::morris) {
    throw std::invalid_argument(
        fmt::format("Morris indices need a morris design, not a {} design", design_name(design.kind)));
  }
  detail::check_confidence(confidence);
  const std::size_t k = design.parameters;
  const std::size_t block = k + 1;
  if (k == 0 || design.points.size() % block != 0 || outputs.size() != design.points.size()) {
    throw std::invalid_argument(
        fmt::format("a Morris design of {} points on {} parameters needs as many outputs, not {}",
                    design.points.size(), k, outputs.size()));
  }

  std::vector<std::vector<double>> effects;
  for (std::size_t first = 0; first < design.points.size(); first += block) {
    bool finite = true;
    for (std::size_t r = first; r < first + block; ++r) finite = finite && std::isfinite(outputs[r]);
    if (finite) effects.push_back(trajectory_effects(design, outputs, first));
  }

  std::vector<std::size_t> all(effects.size());
  for (std::size_t t = 0; t < all.size(); ++t) all[t] = t;
  const MorrisSummary point = summarise(effects, all, k);

  // A bootstrap of fewer than two trajectories only repeats the estimate.
  const std::size_t resamples = effects.size() >= 2 ? bootstrap : 0;
  std::vector<MorrisSummary> replicates;
  replicates.reserve(resamples);
  for (std::size_t b = 0; b < resamples; ++b) {
    replicates.push_back(
        summarise(effects, detail::resample_rows(effects.size(), b, seed, kMorrisBootstrapPurpose), k));
  }

  MorrisIndices indices{{}, {}, {}, effects.size()};
  const auto interval = [&](double estimate, std::vector<double> MorrisSummary::*field, std::size_t i) {
    std::vector<double> values;
    values.reserve(replicates.size());
    for (const MorrisSummary& replicate : replicates) values.push_back((replicate.*field)[i]);
    return detail::percentile_interval(estimate, std::move(values), confidence);
  };
  for (std::size_t i = 0; i < k; ++i) {
    indices.mu.push_back(interval(point.mu[i], &MorrisSummary::mu, i));
    indices.mu_star.push_back(interval(point.mu_star[i], &MorrisSummary::mu_star, i));
    indices.sigma.push_back(interval(point.sigma[i], &MorrisSummary::sigma, i));
  }
  return indices;
}

}  // namespace primsim::uq
