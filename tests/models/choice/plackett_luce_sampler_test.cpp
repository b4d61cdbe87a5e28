// The Plackett-Luce sampler against the model's own probabilities: first places in proportion
// to the weights, second places in proportion to the weights of those left.
#include <algorithm>
#include <cmath>
#include <set>
#include <vector>

#include <boost/math/distributions/chi_squared.hpp>
#include <catch2/catch.hpp>

#include "primsim/models/choice/plackett_luce_sampler.hpp"

using namespace primsim;

namespace {

double chi_square_critical(double degrees_of_freedom) {
  return boost::math::quantile(boost::math::chi_squared(degrees_of_freedom), 0.999);
}

}  // namespace

TEST_CASE("first places follow the weights (chi-square at a fixed seed)", "[models]") {
  const std::vector<double> weights{4.0, 2.0, 1.0, 1.0, 0.5, 0.25};
  std::vector<double> utilities;
  for (const double w : weights) utilities.push_back(std::log(w));
  double total = 0;
  for (const double w : weights) total += w;

  models::PlackettLuceSampler sampler;
  sim::RandomStream stream(sim::StreamKey{42, 0, 0, 1});
  std::vector<std::uint32_t> ranking;
  constexpr int kDraws = 60000;
  std::vector<double> first(weights.size(), 0.0);
  std::vector<double> second_after_0(weights.size(), 0.0);
  int first_is_0 = 0;
  for (int d = 0; d < kDraws; ++d) {
    sampler.sample(utilities, stream, ranking);
    REQUIRE(ranking.size() == weights.size());
    REQUIRE(std::set<std::uint32_t>(ranking.begin(), ranking.end()).size() == weights.size());
    first[ranking[0]] += 1;
    if (ranking[0] == 0) {
      ++first_is_0;
      second_after_0[ranking[1]] += 1;
    }
  }
  double chi_first = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const double expected = kDraws * weights[i] / total;
    chi_first += (first[i] - expected) * (first[i] - expected) / expected;
  }
  CHECK(chi_first < chi_square_critical(static_cast<double>(weights.size() - 1)));

  // Given candidate 0 first, candidate j is second with probability w_j / (total - w_0).
  double chi_second = 0;
  for (std::size_t j = 1; j < weights.size(); ++j) {
    const double expected = first_is_0 * weights[j] / (total - weights[0]);
    chi_second += (second_after_0[j] - expected) * (second_after_0[j] - expected) / expected;
  }
  CHECK(chi_second < chi_square_critical(static_cast<double>(weights.size() - 2)));
}

TEST_CASE("a top-k draw returns k distinct candidates and repeats for the same stream", "[models]") {
  const std::vector<double> utilities{0.1, 0.5, -0.3, 2.0, 0.0, 1.0, -1.0, 0.7};
  models::PlackettLuceSampler sampler;
  std::vector<std::uint32_t> a;
  std::vector<std::uint32_t> b;
  sim::RandomStream first(sim::StreamKey{1, 2, 3, 4});
  sim::RandomStream again(sim::StreamKey{1, 2, 3, 4});
  sampler.sample(utilities, first, a, 3);
  sampler.sample(utilities, again, b, 3);
  CHECK(a.size() == 3);
  CHECK(std::set<std::uint32_t>(a.begin(), a.end()).size() == 3);
  CHECK(a == b);
}

TEST_CASE("an overwhelming favourite is always ranked first", "[models]") {
  const std::vector<double> utilities{0.0, 50.0, 0.0};
  models::PlackettLuceSampler sampler;
  sim::RandomStream stream(sim::StreamKey{3, 0, 0, 0});
  std::vector<std::uint32_t> ranking;
  for (int d = 0; d < 1000; ++d) {
    sampler.sample(utilities, stream, ranking);
    REQUIRE(ranking[0] == 1);
  }
}
