// The perturbation kernel ABC-SMC and history matching move particles with, and its density.
#pragma once

#include <cstddef>
#include <vector>

#include "primsim/sim/random_stream.hpp"
#include "primsim/uq/prior_distribution.hpp"

namespace primsim::uq::detail {

// Normalised weights (they sum to 1) give the reliability-weights covariance of `points`.
std::vector<std::vector<double>> weighted_covariance_of(const std::vector<std::vector<double>>& points,
                                                        const std::vector<double>& weights);

// A standard normal draw by Box-Muller, so that the same stream gives the same number with any
// standard library.
double standard_normal(sim::RandomStream& stream);

class AbcKernel {
 public:
  // Continuous parameters move by a multivariate normal with twice the population's weighted
  // covariance (Beaumont et al. 2009: the choice that minimises the Kullback-Leibler distance between
  // the proposal and the next target); discrete ones keep their value with probability 0.7 and else
  // take another of the prior's values, so that a discrete value is never proposed off the grid.
  AbcKernel(const std::vector<PriorDistribution>& priors, const std::vector<std::vector<double>>& points,
            const std::vector<double>& weights);

  [[nodiscard]] std::vector<double> perturb(const std::vector<double>& origin,
                                            sim::RandomStream& stream) const;
  // log K(to | from); -infinity where the kernel cannot reach.
  [[nodiscard]] double log_density(const std::vector<double>& to, const std::vector<double>& from) const;
  // True when the covariance was not positive definite and only its diagonal is used.
  [[nodiscard]] bool diagonal() const { return diagonal_; }

 private:
  static constexpr double kKeepDiscrete = 0.7;

  std::vector<std::size_t> continuous_;
  std::vector<std::size_t> discrete_;
  std::vector<std::vector<double>> discrete_values_;  // the distinct values of each discrete prior
  std::vector<double> cholesky_;                      // lower triangle, row-major, continuous_ squared
  double log_normaliser_ = 0.0;
  bool diagonal_ = false;
};

}  // namespace primsim::uq::detail
