// Ensemble intervals and the t intervals (Welch's, paired) for a difference of means. Quantiles
// of the t distribution come from Boost.Math.
#include "primsim/output/ensemble_stats.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include <boost/math/distributions/students_t.hpp>

namespace primsim::output {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

std::vector<double> numbers(std::span<const double> values) {
  std::vector<double> kept;
  kept.reserve(values.size());
  for (double value : values) {
    if (!std::isnan(value)) kept.push_back(value);
  }
  return kept;
}

double mean(const std::vector<double>& values) {
  double sum = 0.0;
  for (double value : values) sum += value;
  return sum / static_cast<double>(values.size());
}

// Unbiased sample variance.
double variance(const std::vector<double>& values, double centre) {
  double sum = 0.0;
  for (double value : values) sum += (value - centre) * (value - centre);
  return sum / static_cast<double>(values.size() - 1);
}

double quantile(const std::vector<double>& sorted, double p) {
  const double position = p * static_cast<double>(sorted.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(position));
  const std::size_t above = std::min(below + 1, sorted.size() - 1);
  const double fraction = position - static_cast<double>(below);
  return sorted[below] + fraction * (sorted[above] - sorted[below]);
}

}  // namespace

EnsembleInterval ensemble_interval(std::span<const double> values) {
  std::vector<double> kept = numbers(values);
  if (kept.empty()) return {nan, nan, nan, 0};
  std::sort(kept.begin(), kept.end());
  return {mean(kept), quantile(kept, 0.05), quantile(kept, 0.95), kept.size()};
}

MeanDifference welch_difference(std::span<const double> a, std::span<const double> b, double confidence) {
  const std::vector<double> xs = numbers(a);
  const std::vector<double> ys = numbers(b);
  MeanDifference result{nan, nan, nan, nan, nan, nan};
  if (!xs.empty()) result.mean_a = mean(xs);
  if (!ys.empty()) result.mean_b = mean(ys);
  result.difference = result.mean_b - result.mean_a;
  if (xs.size() < 2 || ys.size() < 2) return result;
  const double na = static_cast<double>(xs.size());
  const double nb = static_cast<double>(ys.size());
  const double va = variance(xs, result.mean_a) / na;
  const double vb = variance(ys, result.mean_b) / nb;
  const double standard_error = std::sqrt(va + vb);
  if (standard_error == 0.0) {
    // Both ensembles are constant: the difference is known exactly.
    result.low = result.high = result.difference;
    return result;
  }
  const double df = (va + vb) * (va + vb) / (va * va / (na - 1.0) + vb * vb / (nb - 1.0));
  const boost::math::students_t distribution(df);
  const double t = boost::math::quantile(distribution, 0.5 + confidence / 2.0);
  result.low = result.difference - t * standard_error;
  result.high = result.difference + t * standard_error;
  result.degrees_of_freedom = df;
  return result;
}

std::size_t count_pairs(std::span<const double> a, std::span<const double> b) {
  std::size_t pairs = 0;
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (!std::isnan(a[i]) && !std::isnan(b[i])) ++pairs;
  }
  return pairs;
}

MeanDifference paired_difference(std::span<const double> a, std::span<const double> b, double confidence) {
  if (a.size() != b.size())
    throw std::invalid_argument("paired_difference: the two samples differ in length");
  std::vector<double> xs;
  std::vector<double> ys;
  std::vector<double> differences;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::isnan(a[i]) || std::isnan(b[i])) continue;
    xs.push_back(a[i]);
    ys.push_back(b[i]);
    differences.push_back(b[i] - a[i]);
  }
  MeanDifference result{nan, nan, nan, nan, nan, nan};
  if (differences.empty()) return result;
  result.mean_a = mean(xs);
  result.mean_b = mean(ys);
  result.difference = mean(differences);
  if (differences.size() < 2) return result;
  const double n = static_cast<double>(differences.size());
  const double standard_error = std::sqrt(variance(differences, result.difference) / n);
  result.degrees_of_freedom = n - 1.0;
  if (standard_error == 0.0) {
    // The same difference in every pair: common random numbers made it exact.
    result.low = result.high = result.difference;
    return result;
  }
  const boost::math::students_t distribution(n - 1.0);
  const double t = boost::math::quantile(distribution, 0.5 + confidence / 2.0);
  result.low = result.difference - t * standard_error;
  result.high = result.difference + t * standard_error;
  return result;
}

}  // namespace primsim::output
