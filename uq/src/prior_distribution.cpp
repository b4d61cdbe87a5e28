// Prior distributions through Boost.Math, whose quantiles and densities are exact to double
// precision, so that a prior drawn here has the distribution its name promises.
#include "primsim/uq/prior_distribution.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/gamma.hpp>
#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/distributions/normal.hpp>

namespace primsim::uq {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
constexpr std::array<std::string_view, 8> kNames = {"uniform", "normal",    "truncated_normal", "beta",
                                                    "gamma",   "lognormal", "log_uniform",      "discrete"};

double clamp_unit(double u) {
  // The quantile functions are infinite at 0 and 1; a draw is never exactly there.
  constexpr double kTiny = 0x1.0p-60;
  return std::clamp(u, kTiny, 1.0 - 0x1.0p-53);
}

}  // namespace

std::string_view distribution_name(DistributionKind kind) {
  return kNames.at(static_cast<std::size_t>(kind));
}

PriorDistribution PriorDistribution::uniform(double low, double high) {
  return {DistributionKind::uniform, low, high, low, high};
}
PriorDistribution PriorDistribution::normal(double mean, double sd) {
  return {DistributionKind::normal, mean, sd, -kInfinity, kInfinity};
}
PriorDistribution PriorDistribution::truncated_normal(double mean, double sd, double low, double high) {
  return {DistributionKind::truncated_normal, mean, sd, low, high};
}
PriorDistribution PriorDistribution::beta(double alpha, double beta, double low, double high) {
  return {DistributionKind::beta, alpha, beta, low, high};
}
PriorDistribution PriorDistribution::gamma(double shape, double scale) {
  return {DistributionKind::gamma, shape, scale, 0.0, kInfinity};
}
PriorDistribution PriorDistribution::lognormal(double meanlog, double sdlog) {
  return {DistributionKind::lognormal, meanlog, sdlog, 0.0, kInfinity};
}
PriorDistribution PriorDistribution::log_uniform(double low, double high) {
  return {DistributionKind::log_uniform, low, high, low, high};
}
PriorDistribution PriorDistribution::discrete(std::vector<double> values, std::vector<double> weights) {
  if (values.empty()) throw std::invalid_argument("a discrete prior needs at least one value");
  if (weights.empty()) weights.assign(values.size(), 1.0);
  if (weights.size() != values.size())
    throw std::invalid_argument("a discrete prior needs a weight per value");
  const double total = std::accumulate(weights.begin(), weights.end(), 0.0);
  PriorDistribution prior(DistributionKind::discrete, 0, 0, *std::min_element(values.begin(), values.end()),
                          *std::max_element(values.begin(), values.end()));
  double running = 0;
  for (double& w : weights) {
    w /= total;
    running += w;
    prior.cumulative_.push_back(running);
  }
  prior.cumulative_.back() = 1.0;
  prior.values_ = std::move(values);
  prior.weights_ = std::move(weights);
  return prior;
}

double PriorDistribution::quantile(double u) const {
  namespace bm = boost::math;
  u = clamp_unit(u);
  switch (kind_) {
    case DistributionKind::uniform:
      return a_ + u * (b_ - a_);
    case DistributionKind::normal:
      return bm::quantile(bm::normal(a_, b_), u);
    case DistributionKind::truncated_normal: {
      const bm::normal n(a_, b_);
      const double lo = bm::cdf(n, low_);
      const double hi = bm::cdf(n, high_);
      return std::clamp(bm::quantile(n, clamp_unit(lo + u * (hi - lo))), low_, high_);
    }
    case DistributionKind::beta:
      return low_ + (high_ - low_) * bm::quantile(bm::beta_distribution<>(a_, b_), u);
    case DistributionKind::gamma:
      return bm::quantile(bm::gamma_distribution<>(a_, b_), u);
    case DistributionKind::lognormal:
      return bm::quantile(bm::lognormal(a_, b_), u);
    case DistributionKind::log_uniform:
      return std::exp(std::log(a_) + u * (std::log(b_) - std::log(a_)));
    case DistributionKind::discrete: {
      const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), u);
      return values_[std::min<std::size_t>(static_cast<std::size_t>(it - cumulative_.begin()),
                                           values_.size() - 1)];
    }
  }
  return std::numeric_limits<double>::quiet_NaN();
}

double PriorDistribution::density(double x) const {
  namespace bm = boost::math;
  if (std::isnan(x) || x < support_low() || x > support_high()) return 0.0;
  switch (kind_) {
    case DistributionKind::uniform:
      return 1.0 / (b_ - a_);
    case DistributionKind::normal:
      return bm::pdf(bm::normal(a_, b_), x);
    case DistributionKind::truncated_normal: {
      const bm::normal n(a_, b_);
      return bm::pdf(n, x) / (bm::cdf(n, high_) - bm::cdf(n, low_));
    }
    case DistributionKind::beta:
      return bm::pdf(bm::beta_distribution<>(a_, b_), (x - low_) / (high_ - low_)) / (high_ - low_);
    case DistributionKind::gamma:
      return x <= 0 ? 0.0 : bm::pdf(bm::gamma_distribution<>(a_, b_), x);
    case DistributionKind::lognormal:
      return x <= 0 ? 0.0 : bm::pdf(bm::lognormal(a_, b_), x);
    case DistributionKind::log_uniform:
      return 1.0 / (x * (std::log(b_) - std::log(a_)));
    case DistributionKind::discrete: {
      double mass = 0;
      for (std::size_t i = 0; i < values_.size(); ++i) {
        if (values_[i] == x) mass += weights_[i];
      }
      return mass;
    }
  }
  return 0.0;
}

double PriorDistribution::cdf(double x) const {
  namespace bm = boost::math;
  if (x < support_low()) return 0.0;
  if (x >= support_high()) return 1.0;
  switch (kind_) {
    case DistributionKind::uniform:
      return (x - a_) / (b_ - a_);
    case DistributionKind::normal:
      return bm::cdf(bm::normal(a_, b_), x);
    case DistributionKind::truncated_normal: {
      const bm::normal n(a_, b_);
      const double lo = bm::cdf(n, low_);
      return (bm::cdf(n, x) - lo) / (bm::cdf(n, high_) - lo);
    }
    case DistributionKind::beta:
      return bm::cdf(bm::beta_distribution<>(a_, b_), (x - low_) / (high_ - low_));
    case DistributionKind::gamma:
      return x <= 0 ? 0.0 : bm::cdf(bm::gamma_distribution<>(a_, b_), x);
    case DistributionKind::lognormal:
      return x <= 0 ? 0.0 : bm::cdf(bm::lognormal(a_, b_), x);
    case DistributionKind::log_uniform:
      return (std::log(x) - std::log(a_)) / (std::log(b_) - std::log(a_));
    case DistributionKind::discrete: {
      double mass = 0;
      for (std::size_t i = 0; i < values_.size(); ++i) {
        if (values_[i] <= x) mass += weights_[i];
      }
      return mass;
    }
  }
  return 0.0;
}

double PriorDistribution::mean() const {
  namespace bm = boost::math;
  switch (kind_) {
    case DistributionKind::uniform:
      return 0.5 * (a_ + b_);
    case DistributionKind::normal:
      return a_;
    case DistributionKind::truncated_normal: {
      const bm::normal standard;
      const double alpha = (low_ - a_) / b_;
      const double beta = (high_ - a_) / b_;
      const double z = bm::cdf(standard, beta) - bm::cdf(standard, alpha);
      const double pdf_alpha = std::isinf(alpha) ? 0.0 : bm::pdf(standard, alpha);
      const double pdf_beta = std::isinf(beta) ? 0.0 : bm::pdf(standard, beta);
      return a_ + b_ * (pdf_alpha - pdf_beta) / z;
    }
    case DistributionKind::beta:
      return low_ + (high_ - low_) * a_ / (a_ + b_);
    case DistributionKind::gamma:
      return a_ * b_;
    case DistributionKind::lognormal:
      return std::exp(a_ + 0.5 * b_ * b_);
    case DistributionKind::log_uniform:
      return (b_ - a_) / (std::log(b_) - std::log(a_));
    case DistributionKind::discrete:
      return std::inner_product(values_.begin(), values_.end(), weights_.begin(), 0.0);
  }
  return 0.0;
}

double PriorDistribution::sd() const {
  namespace bm = boost::math;
  switch (kind_) {
    case DistributionKind::uniform:
      return (b_ - a_) / std::sqrt(12.0);
    case DistributionKind::normal:
      return b_;
    case DistributionKind::beta: {
      const double s = a_ + b_;
      return (high_ - low_) * std::sqrt(a_ * b_ / (s * s * (s + 1)));
    }
    case DistributionKind::gamma:
      return std::sqrt(a_) * b_;
    case DistributionKind::lognormal:
      return std::sqrt((std::exp(b_ * b_) - 1) * std::exp(2 * a_ + b_ * b_));
    default: {
      // Truncated normal, log-uniform and discrete: from the quantiles, which is exact enough for
      // the scale of a perturbation kernel or a printed summary.
      const double m = mean();
      double sum = 0;
      constexpr int kSteps = 2000;
      for (int i = 0; i < kSteps; ++i) {
        const double x = quantile((i + 0.5) / kSteps);
        sum += (x - m) * (x - m);
      }
      return std::sqrt(sum / kSteps);
    }
  }
}

double PriorDistribution::support_low() const {
  return kind_ == DistributionKind::normal ? -kInfinity : low_;
}
double PriorDistribution::support_high() const {
  return kind_ == DistributionKind::normal ? kInfinity : high_;
}

std::vector<std::pair<std::string, double>> PriorDistribution::parameters() const {
  switch (kind_) {
    case DistributionKind::uniform:
    case DistributionKind::log_uniform:
      return {{"low", a_}, {"high", b_}};
    case DistributionKind::normal:
      return {{"mean", a_}, {"sd", b_}};
    case DistributionKind::truncated_normal:
      return {{"mean", a_}, {"sd", b_}, {"low", low_}, {"high", high_}};
    case DistributionKind::beta:
      if (low_ == 0.0 && high_ == 1.0) return {{"alpha", a_}, {"beta", b_}};
      return {{"alpha", a_}, {"beta", b_}, {"low", low_}, {"high", high_}};
    case DistributionKind::gamma:
      return {{"shape", a_}, {"scale", b_}};
    case DistributionKind::lognormal:
      return {{"meanlog", a_}, {"sdlog", b_}};
    case DistributionKind::discrete:
      return {};
  }
  return {};
}

std::string PriorDistribution::describe() const {
  std::string text = fmt::format("{{distribution: {}", distribution_name(kind_));
  for (const auto& [name, value] : parameters()) text += fmt::format(", {}: {}", name, value);
  if (kind_ == DistributionKind::discrete) {
    text += fmt::format(", values: [{}]", fmt::join(values_, ", "));
    const bool equal = std::all_of(weights_.begin(), weights_.end(),
                                   [&](double w) { return std::abs(w - weights_.front()) < 1e-15; });
    if (!equal) text += fmt::format(", weights: [{}]", fmt::join(weights_, ", "));
  }
  return text + "}";
}

}  // namespace primsim::uq
