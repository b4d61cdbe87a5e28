// Summaries of a statistic over an ensemble of replicates: the mean with the 90% ensemble
// interval (where 90% of replicates fall), and the difference between two ensembles' means
// with its 90% Welch t confidence interval.
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

}  // namespace primsim::output
