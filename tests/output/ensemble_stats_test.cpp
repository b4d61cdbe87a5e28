// Ensemble intervals and Welch's interval against hand-computed values and t tables.
#include <cmath>
#include <limits>
#include <vector>

#include <catch2/catch.hpp>

#include "primsim/output/ensemble_stats.hpp"

using primsim::output::ensemble_interval;
using primsim::output::welch_difference;

TEST_CASE("the ensemble interval spans the 5th to the 95th percentile", "[output]") {
  const std::vector<double> values{10, 1, 3, 2, 4};
  const auto interval = ensemble_interval(values);
  CHECK(interval.mean == Approx(4.0));
  CHECK(interval.low == Approx(1.2));   // numpy.percentile(values, 5)
  CHECK(interval.high == Approx(8.8));  // numpy.percentile(values, 95)
  CHECK(interval.replicates == 5);
}

TEST_CASE("unmeasured replicates are left out of the ensemble interval", "[output]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const std::vector<double> values{nan, 2.0, nan, 4.0};
  const auto interval = ensemble_interval(values);
  CHECK(interval.mean == Approx(3.0));
  CHECK(interval.replicates == 2);
  const std::vector<double> none{nan};
  CHECK(std::isnan(ensemble_interval(none).mean));
  CHECK(ensemble_interval(none).replicates == 0);
}

TEST_CASE("Welch's interval matches the t table", "[output]") {
  // Equal sizes and variances: 4 degrees of freedom, t(0.95, 4) = 2.131847.
  const std::vector<double> a{1, 2, 3};
  const std::vector<double> b{4, 5, 6};
  const auto d = welch_difference(a, b);
  CHECK(d.mean_a == Approx(2.0));
  CHECK(d.mean_b == Approx(5.0));
  CHECK(d.difference == Approx(3.0));
  CHECK(d.degrees_of_freedom == Approx(4.0));
  CHECK(d.low == Approx(3.0 - 2.131847 * std::sqrt(2.0 / 3.0)).epsilon(1e-6));
  CHECK(d.high == Approx(3.0 + 2.131847 * std::sqrt(2.0 / 3.0)).epsilon(1e-6));
}

TEST_CASE("Welch's interval needs two replicates on each side", "[output]") {
  const std::vector<double> a{1.0};
  const std::vector<double> b{4, 5, 6};
  const auto d = welch_difference(a, b);
  CHECK(d.difference == Approx(4.0));
  CHECK(std::isnan(d.low));
  CHECK(std::isnan(d.high));
}
