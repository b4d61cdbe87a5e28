// Where each replicate's parameter values come from: the scenario as written, a draw from its
// priors or from a posterior, or the point of a design. Every draw is keyed by the seed and the
// replicate's index within its point, so two runs with the same seed draw the same parameters
// replicate by replicate (common random numbers extend to parameter uncertainty).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "primsim/scenarios/scenario_loader.hpp"

namespace primsim::ensemble {

class ReplicateParameters {
 public:
  // The scenario's own values: no parameter varies.
  ReplicateParameters() = default;

  static ReplicateParameters from_priors(const std::vector<scenarios::Prior>& priors, std::uint64_t seed);
  // Weighted samples (one row of values per sample, in the priors' order), drawn with replacement.
  static ReplicateParameters from_posterior(const std::vector<scenarios::Prior>& priors,
                                            std::vector<std::vector<double>> samples,
                                            std::vector<double> weights, std::uint64_t seed);
  // One row of values per design point, already typed (rounded counts and durations).
  static ReplicateParameters from_points(std::vector<std::vector<double>> points);

  // Multiplies parameter i by factors[i] after it is drawn (a what-if such as "twice the
  // calibrated capacity" over a posterior); the scaled value is rounded as its key requires.
  void scale(std::vector<double> factors) { factors_ = std::move(factors); }

  [[nodiscard]] bool varies() const { return kind_ != Kind::fixed; }
  // The root attribute parameter_draws: "", "prior", "posterior" or "design".
  [[nodiscard]] std::string draws() const;
  [[nodiscard]] std::vector<double> values(std::uint32_t point, std::uint32_t replicate) const;

 private:
  enum class Kind { fixed, prior, posterior, design };

  [[nodiscard]] std::vector<double> unscaled(std::uint32_t point, std::uint32_t replicate) const;

  Kind kind_ = Kind::fixed;
  std::uint64_t seed_ = 0;
  std::vector<scenarios::Prior> priors_;
  std::vector<std::vector<double>> rows_;  // posterior samples or design points
  std::vector<double> cumulative_;         // posterior weights, cumulated
  std::vector<double> factors_;            // empty: every factor 1
};

}  // namespace primsim::ensemble
