// Ensemble intervals, Welch's and the paired interval against hand-computed values and t tables.
#include <cmath>
#include <limits>
#include <vector>

#include <catch2/catch.hpp>

#include "primsim/output/ensemble_stats.hpp"

using primsim::output::count_pairs;
using primsim::output::ensemble_interval;
using primsim::output::paired_difference;
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

TEST_CASE("the paired interval of identical runs has zero width", "[output]") {
  // What a what-if that changes nothing gives under common random numbers.
  const std::vector<double> a{662'000, 661'250, 663'900, 660'100, 664'020};
  const auto d = paired_difference(a, a);
  CHECK(d.difference == 0.0);
  CHECK(d.low == 0.0);
  CHECK(d.high == 0.0);
  CHECK(d.degrees_of_freedom == Approx(4.0));
  // Welch, blind to the pairing, reports an interval around zero as wide as the noise.
  const auto w = welch_difference(a, a);
  CHECK(w.high - w.low > 1'000.0);
}

TEST_CASE("the paired interval matches the t table", "[output]") {
  // Differences 1, 2, 1, 3: mean 1.75, sample variance 2.75 / 3, standard error
  // sqrt(2.75 / 12); 3 degrees of freedom, t(0.95, 3) = 2.353363.
  const std::vector<double> a{10, 12, 11, 15};
  const std::vector<double> b{11, 14, 12, 18};
  const auto d = paired_difference(a, b);
  const double half_width = 2.353363 * std::sqrt(2.75 / 12.0);
  CHECK(d.mean_a == Approx(12.0));
  CHECK(d.mean_b == Approx(13.75));
  CHECK(d.difference == Approx(1.75));
  CHECK(d.degrees_of_freedom == Approx(3.0));
  CHECK(d.low == Approx(1.75 - half_width).epsilon(1e-6));
  CHECK(d.high == Approx(1.75 + half_width).epsilon(1e-6));
}

TEST_CASE("pairing is narrower than Welch on correlated replicates", "[output]") {
  // B is A shifted by about -180 with a little noise of its own: the replicate-to-replicate
  // spread is shared, so it cancels in the pairs and not between the means.
  const std::vector<double> a{1000, 1400, 800, 1250, 950, 1600, 700, 1100};
  const std::vector<double> b{815, 1230, 610, 1062, 778, 1412, 525, 918};
  const auto paired = paired_difference(a, b);
  const auto welch = welch_difference(a, b);
  CHECK(paired.difference == Approx(welch.difference));
  CHECK(paired.low < paired.difference);
  CHECK(paired.high < 0.0);  // the effect is certain when paired ...
  CHECK(welch.high > 0.0);   // ... and lost in the noise when not
  CHECK(paired.high - paired.low < (welch.high - welch.low) / 10.0);
}

TEST_CASE("a pair with an unmeasured value is left out", "[output]") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const std::vector<double> a{1, nan, 3, 5};
  const std::vector<double> b{2, 7, nan, 6};
  CHECK(count_pairs(a, b) == 2);
  const auto d = paired_difference(a, b);
  CHECK(d.mean_a == Approx(3.0));
  CHECK(d.mean_b == Approx(4.0));
  CHECK(d.low == 1.0);
  CHECK(d.high == 1.0);
  const std::vector<double> one_a{1, nan};
  const std::vector<double> one_b{2, 3};
  CHECK(std::isnan(paired_difference(one_a, one_b).low));
}
