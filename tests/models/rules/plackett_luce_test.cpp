// Plackett-Luce by Hunter's MM algorithm.
#include <cmath>
#include <numeric>

#include <catch2/catch.hpp>

#include "primsim/models/rules/plackett_luce.hpp"
#include "primsim/sim/random_stream.hpp"

using namespace primsim::models::rules;

namespace {

// Draws n_voters Plackett-Luce rankings of the top `depth` from known worths.
Profile simulate(const std::vector<double>& worths, std::size_t voters, std::size_t depth,
                 std::uint64_t seed) {
  primsim::sim::RandomStream stream({seed, 0, 0, 5});
  Profile profile(worths.size());
  std::vector<CandidateIndex> order;
  for (std::size_t v = 0; v < voters; ++v) {
    std::vector<double> left = worths;
    order.clear();
    for (std::size_t stage = 0; stage < depth; ++stage) {
      double total = std::accumulate(left.begin(), left.end(), 0.0);
      double u = stream.uniform() * total;
      std::size_t pick = 0;
      while (pick + 1 < left.size() && (left[pick] == 0.0 || u >= left[pick])) {
        u -= left[pick];
        ++pick;
      }
      order.push_back(static_cast<CandidateIndex>(pick));
      left[pick] = 0.0;
    }
    profile.add_ranking(order);
  }
  return profile;
}

}  // namespace

TEST_CASE("MM recovers known Plackett-Luce worths from simulated rankings", "[models][rules]") {
  const std::vector<double> truth{0.4, 0.25, 0.15, 0.1, 0.06, 0.04};
  const auto profile = simulate(truth, 20000, 3, 42);
  const auto fit = fit_plackett_luce(profile);
  REQUIRE(fit.converged);
  for (std::size_t k = 0; k < truth.size(); ++k) {
    // 20,000 top-3 rankings: relative standard errors are a few per cent.
    REQUIRE(fit.worths[k] == Approx(truth[k]).epsilon(0.08));
  }
}

TEST_CASE("every MM iteration raises the log-likelihood", "[models][rules]") {
  const auto profile = simulate({0.5, 0.2, 0.2, 0.1}, 500, 4, 9);
  const auto fit = fit_plackett_luce(profile);
  REQUIRE(fit.log_likelihood.size() > 3);
  for (std::size_t i = 1; i < fit.log_likelihood.size(); ++i) {
    REQUIRE(fit.log_likelihood[i] >= fit.log_likelihood[i - 1] - 1e-9 * std::abs(fit.log_likelihood[i - 1]));
  }
  REQUIRE(fit.log_likelihood.back() > fit.log_likelihood.front());
}

TEST_CASE("Plackett-Luce with two candidates is the share of first places", "[models][rules]") {
  // Two candidates: the maximum likelihood worth is the share of wins (Bradley-Terry).
  Profile profile(2);
  const std::vector<CandidateIndex> a{0, 1}, b{1, 0};
  profile.add_ranking(a, 30);
  profile.add_ranking(b, 10);
  const auto fit = fit_plackett_luce(profile);
  REQUIRE(fit.worths[0] == Approx(0.75));
  REQUIRE(fit.worths[1] == Approx(0.25));
}
