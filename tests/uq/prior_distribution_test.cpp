// Each prior against its definition: the quantile inverts the distribution function, the mean of
// the quantiles is the distribution's mean, and the density integrates to the distribution function.
#include "primsim/uq/prior_distribution.hpp"

#include <cmath>
#include <vector>

#include <catch2/catch.hpp>

namespace primsim::uq {
namespace {

std::vector<PriorDistribution> continuous_priors() {
  return {PriorDistribution::uniform(1000, 4000),
          PriorDistribution::normal(1.6, 0.5),
          PriorDistribution::truncated_normal(0.5, 0.3, 0.0, 1.0),
          PriorDistribution::beta(2, 5, 0.1, 0.9),
          PriorDistribution::gamma(3, 2),
          PriorDistribution::lognormal(0.2, 0.4),
          PriorDistribution::log_uniform(0.01, 10)};
}

TEST_CASE("the quantile function inverts the distribution function", "[uq][prior]") {
  for (const PriorDistribution& prior : continuous_priors()) {
    INFO(prior.describe());
    for (const double u : {0.001, 0.05, 0.3, 0.5, 0.77, 0.99}) {
      CHECK(prior.cdf(prior.quantile(u)) == Approx(u).margin(1e-9));
    }
  }
}

TEST_CASE("the mean of the quantiles is the distribution's mean", "[uq][prior]") {
  for (const PriorDistribution& prior : continuous_priors()) {
    INFO(prior.describe());
    constexpr int kSteps = 200000;
    double sum = 0;
    for (int i = 0; i < kSteps; ++i) sum += prior.quantile((i + 0.5) / kSteps);
    CHECK(sum / kSteps == Approx(prior.mean()).epsilon(2e-3));
  }
}

TEST_CASE("the density integrates to the distribution function", "[uq][prior]") {
  for (const PriorDistribution& prior : continuous_priors()) {
    INFO(prior.describe());
    const double a = prior.quantile(0.2);
    const double b = prior.quantile(0.7);
    constexpr int kSteps = 20000;
    double integral = 0;
    const double h = (b - a) / kSteps;
    for (int i = 0; i < kSteps; ++i) integral += prior.density(a + (i + 0.5) * h) * h;
    CHECK(integral == Approx(0.5).epsilon(1e-4));
  }
}

TEST_CASE("a truncated normal stays inside its bounds and a discrete prior draws its values", "[uq][prior]") {
  const PriorDistribution truncated = PriorDistribution::truncated_normal(0.0, 1.0, -0.5, 2.0);
  CHECK(truncated.quantile(1e-12) >= -0.5);
  CHECK(truncated.quantile(1 - 1e-12) <= 2.0);
  const PriorDistribution discrete = PriorDistribution::discrete({1000, 2000, 4000}, {1, 2, 1});
  CHECK(discrete.quantile(0.1) == 1000);
  CHECK(discrete.quantile(0.5) == 2000);
  CHECK(discrete.quantile(0.9) == 4000);
  CHECK(discrete.density(2000) == Approx(0.5));
  CHECK(discrete.density(1500) == 0.0);
  CHECK(discrete.mean() == Approx(2250));
  CHECK(discrete.describe() ==
        "{distribution: discrete, values: [1000, 2000, 4000], weights: [0.25, 0.5, 0.25]}");
}

}  // namespace
}  // namespace primsim::uq
