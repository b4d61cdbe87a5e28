// Summaries of a statistic over an ensemble of replicates: the mean with the 90% ensemble
// interval (where 90% of replicates fall), and the difference between two ensembles' means
// with its 90% t confidence interval: Welch's for independent ensembles, the paired one for
// ensembles that share random numbers replicate by replicate.
#pragma once

#include <cstddef>
#include <span>

namespace primsim::output {

struct EnsembleInterval {
  double mean;
  double low;              // 5th percentile of the replicates (linear interpolation, numpy's default)
  double high;             // 95th percentile
  std::size_t replicates;  // NaN values are left out and not counted
};

// All fields NaN when no value is a number.
EnsembleInterval ensemble_interval(std::span<const double> values);

struct MeanDifference {
  double mean_a;
  double mean_b;
  double difference;          // mean_b - mean_a
  double low;                 // 90% Welch t confidence interval of the difference; NaN when either
  double high;                // ensemble has fewer than two replicates
  double degrees_of_freedom;  // Welch-Satterthwaite
};

MeanDifference welch_difference(std::span<const double> a, std::span<const double> b,
                                double confidence = 0.90);

// a[i] and b[i] are one pair (the same replicate of two runs with common random numbers); a pair
// where either is NaN is left out. The interval is the t interval of the mean of the differences
// b[i] - a[i] (n - 1 degrees of freedom), so a difference that is the same in every pair has an
// interval of zero width; mean_a and mean_b are over the pairs kept. NaN interval with fewer
// than two pairs. Throws std::invalid_argument when the spans differ in length.
MeanDifference paired_difference(std::span<const double> a, std::span<const double> b,
                                 double confidence = 0.90);

// The pairs paired_difference() keeps: both values numbers.
std::size_t count_pairs(std::span<const double> a, std::span<const double> b);

}  // namespace primsim::output
