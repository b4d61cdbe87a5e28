// The ABC perturbation kernel: a Cholesky-factored Gaussian for continuous parameters and a
// keep-or-switch kernel for discrete ones, with the density the importance weights need.
#include "abc_kernel.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace primsim::uq::detail {
namespace {

constexpr double kMinusInfinity = -std::numeric_limits<double>::infinity();

// Lower-triangular L with L L^T = a (row-major, n by n); false when a is not positive definite.
bool cholesky(const std::vector<double>& a, std::size_t n, std::vector<double>& l) {
  l.assign(n * n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j <= i; ++j) {
      double sum = a[i * n + j];
      for (std::size_t k = 0; k < j; ++k) sum -= l[i * n + k] * l[j * n + k];
      if (i == j) {
        if (!(sum > 0.0) || !std::isfinite(sum)) return false;
        l[i * n + i] = std::sqrt(sum);
      } else {
        l[i * n + j] = sum / l[j * n + j];
      }
    }
  }
  return true;
}

}  // namespace

std::vector<std::vector<double>> weighted_covariance_of(const std::vector<std::vector<double>>& points,
                                                        const std::vector<double>& weights) {
  const std::size_t dimension = points.empty() ? 0 : points.front().size();
  std::vector<double> mean(dimension, 0.0);
  double sum_squared_weights = 0.0;
  for (std::size_t p = 0; p < points.size(); ++p) {
    for (std::size_t k = 0; k < dimension; ++k) mean[k] += weights[p] * points[p][k];
    sum_squared_weights += weights[p] * weights[p];
  }
  std::vector<std::vector<double>> covariance(dimension, std::vector<double>(dimension, 0.0));
  for (std::size_t p = 0; p < points.size(); ++p) {
    for (std::size_t i = 0; i < dimension; ++i) {
      for (std::size_t j = 0; j < dimension; ++j) {
        covariance[i][j] += weights[p] * (points[p][i] - mean[i]) * (points[p][j] - mean[j]);
      }
    }
  }
  // A single particle carrying all the weight has no spread to correct.
  const double correction = sum_squared_weights < 1.0 ? 1.0 / (1.0 - sum_squared_weights) : 0.0;
  for (auto& row : covariance) {
    for (double& value : row) value *= correction;
  }
  return covariance;
}

double standard_normal(sim::RandomStream& stream) {
  const double radius = std::sqrt(-2.0 * std::log(stream.uniform_positive()));
  return radius * std::cos(2.0 * std::numbers::pi * stream.uniform());
}

AbcKernel::AbcKernel(const std::vector<PriorDistribution>& priors,
                     const std::vector<std::vector<double>>& points, const std::vector<double>& weights) {
  for (std::size_t k = 0; k < priors.size(); ++k) {
    if (priors[k].is_discrete()) {
      discrete_.push_back(k);
      std::vector<double> values = priors[k].values();
      std::sort(values.begin(), values.end());
      values.erase(std::unique(values.begin(), values.end()), values.end());
      discrete_values_.push_back(std::move(values));
    } else {
      continuous_.push_back(k);
    }
  }
  const std::size_t n = continuous_.size();
  if (n == 0) return;

  const auto covariance = weighted_covariance_of(points, weights);
  std::vector<double> twice(n * n);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) twice[i * n + j] = 2.0 * covariance[continuous_[i]][continuous_[j]];
  }
  if (!cholesky(twice, n, cholesky_)) {
    // Collinear or collapsed particles: move each parameter on its own. A parameter with no spread
    // at all would never move again, so it gets a small step on the scale of its prior instead.
    diagonal_ = true;
    cholesky_.assign(n * n, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
      double variance = twice[i * n + i];
      if (!(variance > 0.0) || !std::isfinite(variance)) {
        const double prior_sd = priors[continuous_[i]].sd();
        const double step = std::isfinite(prior_sd) && prior_sd > 0.0 ? 1e-3 * prior_sd : 1e-3;
        variance = step * step;
      }
      cholesky_[i * n + i] = std::sqrt(variance);
    }
  }
  log_normaliser_ = -0.5 * static_cast<double>(n) * std::log(2.0 * std::numbers::pi);
  for (std::size_t i = 0; i < n; ++i) log_normaliser_ -= std::log(cholesky_[i * n + i]);
}

std::vector<double> AbcKernel::perturb(const std::vector<double>& origin, sim::RandomStream& stream) const {
  std::vector<double> moved = origin;
  const std::size_t n = continuous_.size();
  std::vector<double> z(n);
  for (double& value : z) value = standard_normal(stream);
  for (std::size_t i = 0; i < n; ++i) {
    double step = 0.0;
    for (std::size_t k = 0; k <= i; ++k) step += cholesky_[i * n + k] * z[k];
    moved[continuous_[i]] += step;
  }
  for (std::size_t d = 0; d < discrete_.size(); ++d) {
    const auto& values = discrete_values_[d];
    if (values.size() < 2 || stream.uniform() < kKeepDiscrete) continue;
    const auto current = std::find(values.begin(), values.end(), origin[discrete_[d]]);
    if (current == values.end()) {
      moved[discrete_[d]] = values[stream.uniform_index(values.size())];
      continue;
    }
    // Another value, uniformly: an index among the others, skipping the current one.
    auto other = static_cast<std::size_t>(stream.uniform_index(values.size() - 1));
    if (other >= static_cast<std::size_t>(current - values.begin())) ++other;
    moved[discrete_[d]] = values[other];
  }
  return moved;
}

double AbcKernel::log_density(const std::vector<double>& to, const std::vector<double>& from) const {
  const std::size_t n = continuous_.size();
  double log_density = 0.0;
  if (n > 0) {
    // Solve L y = to - from; the Mahalanobis distance is |y|^2.
    std::vector<double> y(n);
    double squared = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      double residual = to[continuous_[i]] - from[continuous_[i]];
      for (std::size_t k = 0; k < i; ++k) residual -= cholesky_[i * n + k] * y[k];
      y[i] = residual / cholesky_[i * n + i];
      squared += y[i] * y[i];
    }
    log_density += log_normaliser_ - 0.5 * squared;
  }
  for (std::size_t d = 0; d < discrete_.size(); ++d) {
    const std::size_t size = discrete_values_[d].size();
    const bool same = to[discrete_[d]] == from[discrete_[d]];
    if (size < 2) {
      if (!same) return kMinusInfinity;
    } else {
      log_density +=
          same ? std::log(kKeepDiscrete) : std::log((1.0 - kKeepDiscrete) / static_cast<double>(size - 1));
    }
  }
  return log_density;
}

}  // namespace primsim::uq::detail
