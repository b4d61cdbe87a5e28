// A prior distribution of one scalar parameter: what a scenario's `priors:` block gives a key.
// Every draw goes through the quantile function, so a design's point in the unit cube and a
// random draw map to parameter values the same way.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace primsim::uq {

enum class DistributionKind {
  uniform,
  normal,
  truncated_normal,
  beta,
  gamma,
  lognormal,
  log_uniform,
  discrete
};

// The names a scenario writes after `distribution:`, in the order of DistributionKind.
std::string_view distribution_name(DistributionKind kind);

class PriorDistribution {
 public:
  static PriorDistribution uniform(double low, double high);
  static PriorDistribution normal(double mean, double sd);
  static PriorDistribution truncated_normal(double mean, double sd, double low, double high);
  // Beta(alpha, beta) stretched from [0, 1] onto [low, high].
  static PriorDistribution beta(double alpha, double beta, double low = 0.0, double high = 1.0);
  static PriorDistribution gamma(double shape, double scale);
  // log X ~ Normal(meanlog, sdlog), as R's dlnorm writes it.
  static PriorDistribution lognormal(double meanlog, double sdlog);
  static PriorDistribution log_uniform(double low, double high);
  // One of `values`, with probabilities proportional to `weights` (equal when empty).
  static PriorDistribution discrete(std::vector<double> values, std::vector<double> weights = {});

  [[nodiscard]] DistributionKind kind() const { return kind_; }
  // The value below which a share `u` of the mass lies, for u in (0, 1); a discrete prior gives
  // the value whose cumulative step contains u.
  [[nodiscard]] double quantile(double u) const;
  // The probability density at x (the probability mass for a discrete prior); 0 outside the support.
  [[nodiscard]] double density(double x) const;
  [[nodiscard]] double cdf(double x) const;
  [[nodiscard]] double mean() const;
  [[nodiscard]] double sd() const;
  // The bounds of the support (infinite where it is unbounded).
  [[nodiscard]] double support_low() const;
  [[nodiscard]] double support_high() const;
  [[nodiscard]] bool is_discrete() const { return kind_ == DistributionKind::discrete; }
  [[nodiscard]] const std::vector<double>& values() const { return values_; }
  [[nodiscard]] const std::vector<double>& weights() const { return weights_; }
  // The parameters as (name, value) in the order a scenario writes them; empty for discrete.
  [[nodiscard]] std::vector<std::pair<std::string, double>> parameters() const;
  // One line of YAML flow map, as `--print-resolved` shows it.
  [[nodiscard]] std::string describe() const;

 private:
  PriorDistribution(DistributionKind kind, double a, double b, double low, double high)
      : kind_(kind), a_(a), b_(b), low_(low), high_(high) {}

  DistributionKind kind_;
  double a_;    // low, mean, alpha, shape or meanlog
  double b_;    // high, sd, beta, scale or sdlog
  double low_;  // truncation or stretch bounds
  double high_;
  std::vector<double> values_;
  std::vector<double> weights_;  // normalised to sum 1
  std::vector<double> cumulative_;
};

}  // namespace primsim::uq
