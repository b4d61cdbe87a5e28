// Parameter draws per replicate, from counter-based streams of their own purpose, so that drawing
// parameters never shifts the model's own random numbers.
#include "primsim/ensemble/replicate_parameters.hpp"

#include <algorithm>

#include "primsim/sim/random_stream.hpp"

namespace primsim::ensemble {
namespace {

// Apart from the model's purposes (1-99): a draw of parameters is its own stream.
constexpr sim::RandomPurpose kPriorDraw = 0x7072696f72;      // "prior"
constexpr sim::RandomPurpose kPosteriorDraw = 0x706f737472;  // "postr"

}  // namespace

ReplicateParameters ReplicateParameters::from_priors(const std::vector<scenarios::Prior>& priors,
                                                     std::uint64_t seed) {
  ReplicateParameters parameters;
  parameters.kind_ = Kind::prior;
  parameters.seed_ = seed;
  parameters.priors_ = priors;
  return parameters;
}

ReplicateParameters ReplicateParameters::from_posterior(const std::vector<scenarios::Prior>& priors,
                                                        std::vector<std::vector<double>> samples,
                                                        std::vector<double> weights, std::uint64_t seed) {
  ReplicateParameters parameters;
  parameters.kind_ = Kind::posterior;
  parameters.priors_ = priors;
  parameters.seed_ = seed;
  parameters.rows_ = std::move(samples);
  double total = 0;
  for (const double weight : weights) {
    total += weight;
    parameters.cumulative_.push_back(total);
  }
  for (double& c : parameters.cumulative_) c /= total;
  return parameters;
}

ReplicateParameters ReplicateParameters::from_points(std::vector<std::vector<double>> points) {
  ReplicateParameters parameters;
  parameters.kind_ = Kind::design;
  parameters.rows_ = std::move(points);
  return parameters;
}

std::string ReplicateParameters::draws() const {
  switch (kind_) {
    case Kind::prior:
      return "prior";
    case Kind::posterior:
      return "posterior";
    case Kind::design:
      return "design";
    case Kind::fixed:
      break;
  }
  return {};
}

std::vector<double> ReplicateParameters::values(std::uint32_t point, std::uint32_t replicate) const {
  std::vector<double> drawn = unscaled(point, replicate);
  for (std::size_t i = 0; i < factors_.size() && i < drawn.size(); ++i) {
    if (factors_[i] != 1.0) drawn[i] = priors_[i].typed(drawn[i] * factors_[i]);
  }
  return drawn;
}

std::vector<double> ReplicateParameters::unscaled(std::uint32_t point, std::uint32_t replicate) const {
  switch (kind_) {
    case Kind::prior: {
      std::vector<double> values;
      for (std::size_t i = 0; i < priors_.size(); ++i) {
        // One stream per parameter: adding a prior leaves the others' draws as they were.
        sim::RandomStream stream({seed_, replicate, i, kPriorDraw});
        values.push_back(priors_[i].typed(priors_[i].distribution.quantile(stream.uniform_positive())));
      }
      return values;
    }
    case Kind::posterior: {
      sim::RandomStream stream({seed_, replicate, 0, kPosteriorDraw});
      const double u = stream.uniform();
      const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), u);
      const auto index =
          std::min<std::size_t>(static_cast<std::size_t>(it - cumulative_.begin()), rows_.size() - 1);
      return rows_[index];
    }
    case Kind::design:
      return rows_.at(point);
    case Kind::fixed:
      break;
  }
  return {};
}

}  // namespace primsim::ensemble
