// Regional disproportionality: Loosemore-Hanby by hand, and the random benchmark's closed form
// against the sum over every possible count that it replaces.
#include <cmath>
#include <vector>

#include <boost/math/distributions/binomial.hpp>
#include <catch2/catch.hpp>

#include "primsim/models/primary/regional_disproportionality.hpp"

using namespace primsim::models;

namespace {

// The benchmark's definition: each region's expected |share of places - share of selectorate|
// summed over every count a Binomial(places, region's share) can take.
double random_benchmark_by_sum(std::int64_t places, const std::vector<std::int64_t>& selectorate) {
  std::int64_t total = 0;
  for (const auto e : selectorate) total += e;
  double lh = 0;
  for (const auto e : selectorate) {
    const double p = static_cast<double>(e) / static_cast<double>(total);
    const boost::math::binomial binomial(static_cast<double>(places), p);
    for (std::int64_t k = 0; k <= places; ++k) {
      lh += boost::math::pdf(binomial, static_cast<double>(k)) *
            std::abs(static_cast<double>(k) / static_cast<double>(places) - p);
    }
  }
  return lh / 2.0;
}

}  // namespace

TEST_CASE("Loosemore-Hanby halves the summed share differences, appointees as a region of none",
          "[models][representation]") {
  // Places 6/2/2 of 10 against members 50/30/20 of 100: |0.6-0.5|+|0.2-0.3|+|0.2-0.2| = 0.2.
  CHECK(loosemore_hanby({6, 2, 2}, 0, {50, 30, 20}) == Approx(0.1).epsilon(1e-15));
  // Two of 10 appointed: 0.2 + |0.4-0.5| + |0.2-0.3| + |0.2-0.2| = 0.4.
  CHECK(loosemore_hanby({4, 2, 2}, 2, {50, 30, 20}) == Approx(0.2).epsilon(1e-15));
  CHECK(std::isnan(loosemore_hanby({0, 0}, 0, {5, 5})));
  // Hare gives 5/3/2 of 10 for 50/30/20: exactly proportional.
  CHECK(proportional_benchmark(10, {50, 30, 20}) == 0.0);
  CHECK(std::isnan(proportional_benchmark(0, {50, 30, 20})));
}

TEST_CASE("the random benchmark's closed form equals the sum over every count", "[models][representation]") {
  const std::vector<std::pair<std::int64_t, std::vector<std::int64_t>>> cases = {
      {1, {1, 1}},
      {2, {1, 2, 3}},
      {7, {5, 0, 9, 1}},
      {10, {50, 30, 20}},
      {50, {1, 1, 1, 1000000}},
      {3279,
       {120000, 45000, 80000, 31000, 60000, 52000, 70000, 25000, 90000, 40000, 38000, 61000, 29000, 47000,
        83000, 56000, 33000}},
      {12, {0, 0, 7}},
  };
  for (const auto& [places, selectorate] : cases) {
    INFO("places " << places);
    CHECK(random_benchmark(places, selectorate) ==
          Approx(random_benchmark_by_sum(places, selectorate)).epsilon(1e-12).margin(1e-15));
  }
  // One region holding the whole selectorate always gets every place.
  CHECK(random_benchmark(12, {0, 0, 7}) == 0.0);
  // One place between two equal regions: each region's share is 0 or 1 against 0.5.
  CHECK(random_benchmark(1, {1, 1}) == Approx(0.5).epsilon(1e-15));
  CHECK(std::isnan(random_benchmark(0, {1, 1})));
  CHECK(std::isnan(random_benchmark(5, {0, 0})));
}
