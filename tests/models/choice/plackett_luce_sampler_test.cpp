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

// Draws 60,000 rankings of `length` places with `draw` and checks, by chi-square at the 99.9%
// level, that first places follow `weights` and that, given candidate 0 first, second places
// follow the weights of those left: w_j / (total - w_0).
template <typename Draw>
void check_plackett_luce(const std::vector<double>& weights, std::size_t length, Draw draw) {
  double total = 0;
  for (const double w : weights) total += w;
  std::vector<std::uint32_t> ranking;
  constexpr int kDraws = 60000;
  std::vector<double> first(weights.size(), 0.0);
  std::vector<double> second_after_0(weights.size(), 0.0);
  int first_is_0 = 0;
  for (int d = 0; d < kDraws; ++d) {
    draw(ranking);
    REQUIRE(ranking.size() == length);
    REQUIRE(std::set<std::uint32_t>(ranking.begin(), ranking.end()).size() == length);
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
  double chi_second = 0;
  for (std::size_t j = 1; j < weights.size(); ++j) {
    const double expected = first_is_0 * weights[j] / (total - weights[0]);
    chi_second += (second_after_0[j] - expected) * (second_after_0[j] - expected) / expected;
  }
  CHECK(chi_second < chi_square_critical(static_cast<double>(weights.size() - 2)));
}

}  // namespace

TEST_CASE("first places follow the weights (chi-square at a fixed seed)", "[models]") {
  // A whole ranking takes the exponential race, a short ballot successive weighted picks.
  const std::size_t top = GENERATE(as<std::size_t>{}, models::PlackettLuceSampler::kWholeRanking, 2);
  CAPTURE(top);
  const std::vector<double> weights{4.0, 2.0, 1.0, 1.0, 0.5, 0.25};
  std::vector<double> utilities;
  for (const double w : weights) utilities.push_back(std::log(w));
  models::PlackettLuceSampler sampler;
  sim::RandomStream stream(sim::StreamKey{42, 0, 0, 1});
  check_plackett_luce(weights, std::min(top, weights.size()), [&](std::vector<std::uint32_t>& ranking) {
    sampler.sample(utilities, stream, ranking, top);
  });
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
  const std::size_t top = GENERATE(as<std::size_t>{}, models::PlackettLuceSampler::kWholeRanking, 2);
  const std::vector<double> utilities{0.0, 50.0, 0.0};
  models::PlackettLuceSampler sampler;
  sim::RandomStream stream(sim::StreamKey{3, 0, 0, 0});
  std::vector<std::uint32_t> ranking;
  for (int d = 0; d < 1000; ++d) {
    sampler.sample(utilities, stream, ranking, top);
    REQUIRE(ranking[0] == 1);
  }
}

TEST_CASE("weights that underflow to zero still give a ranking of distinct candidates", "[models]") {
  const std::vector<double> weights{0.0, 1.0, 0.0, 0.0};
  models::PlackettLuceSampler sampler;
  sim::RandomStream stream(sim::StreamKey{5, 0, 0, 0});
  std::vector<std::uint32_t> ranking;
  sampler.sample_weighted(weights, stream, ranking, 3);
  REQUIRE(ranking.size() == 3);
  CHECK(ranking[0] == 1);
  CHECK(std::set<std::uint32_t>(ranking.begin(), ranking.end()).size() == 3);
}

TEST_CASE("prepared weights with a boosted candidate follow the boosted weights (chi-square)", "[models]") {
  // Candidate 2 is on the voter's own PPO and counts three times. Six candidates are drawn by
  // scans of the weights, fourteen by alias picks.
  const std::size_t field = GENERATE(as<std::size_t>{}, 6, 14);
  CAPTURE(field);
  std::vector<double> base{4.0, 2.0, 1.0, 1.0, 0.5, 0.25};
  base.resize(field, 0.3);
  std::vector<double> effective = base;
  effective[2] *= 3.0;
  std::vector<double> utilities;
  for (const double w : base) utilities.push_back(std::log(w));
  const auto prepared = models::PreparedWeights::from_utilities(utilities);
  const std::vector<std::uint32_t> boosted{2};
  models::PlackettLuceSampler sampler;
  sim::RandomStream stream(sim::StreamKey{43, 0, 0, 1});
  check_plackett_luce(effective, 3, [&](std::vector<std::uint32_t>& ranking) {
    sampler.sample_prepared(prepared, boosted, 3.0, stream, ranking, 3);
  });
}

TEST_CASE("prepared weights with one dominant candidate still fill a short ballot", "[models]") {
  // After the favourite is placed nearly every alias pick hits it again: the sampler must fall
  // back to an exact scan rather than loop. Four candidates are scanned from the start; twelve
  // take the alias picks first.
  const std::size_t field = GENERATE(as<std::size_t>{}, 4, 12);
  CAPTURE(field);
  std::vector<double> utilities(field, 0.0);
  utilities[0] = 30.0;
  const auto prepared = models::PreparedWeights::from_utilities(utilities);
  models::PlackettLuceSampler sampler;
  sim::RandomStream stream(sim::StreamKey{44, 0, 0, 1});
  std::vector<std::uint32_t> ranking;
  for (int d = 0; d < 100; ++d) {
    sampler.sample_prepared(prepared, {}, 1.0, stream, ranking, 3);
    REQUIRE(ranking.size() == 3);
    CHECK(ranking[0] == 0);
    CHECK(std::set<std::uint32_t>(ranking.begin(), ranking.end()).size() == 3);
  }
}
