// ABC calibration against a posterior known in closed form (a beta-binomial), and the guarantees a
// caller relies on: a seed fixes the result whatever order a batch runs in, the budget holds, the
// tolerance falls, and history matching keeps only non-implausible points.
#include "primsim/uq/abc_calibration.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <vector>

#include <boost/math/distributions/beta.hpp>
#include <catch2/catch.hpp>

#include "primsim/sim/random_stream.hpp"

namespace primsim::uq {
namespace {

constexpr std::uint64_t kModelSeed = 20260;
constexpr sim::RandomPurpose kModelPurpose = 7;

// k ~ Binomial(100, p), returned as k / 100; simulation `index`'s numbers are keyed by that index.
std::vector<double> binomial_share(double p, std::uint64_t index) {
  sim::RandomStream stream({kModelSeed, 0, index, kModelPurpose});
  int successes = 0;
  for (int trial = 0; trial < 100; ++trial) successes += stream.uniform() < p ? 1 : 0;
  return {successes / 100.0};
}

// Runs a batch forwards, or backwards as a parallel caller might, counting the simulations.
BatchSimulator binomial_simulator(std::size_t& calls, bool backwards = false) {
  return [&calls, backwards](const std::vector<std::vector<double>>& sets, std::uint64_t first_index) {
    std::vector<std::vector<double>> statistics(sets.size());
    for (std::size_t step = 0; step < sets.size(); ++step) {
      const std::size_t i = backwards ? sets.size() - 1 - step : step;
      statistics[i] = binomial_share(sets[i][0], first_index + i);
    }
    calls += sets.size();
    return statistics;
  };
}

const std::vector<PriorDistribution> kBetaPrior = {PriorDistribution::beta(2, 2)};
const std::vector<AbcTarget> kShareTarget = {{"share", TargetBound::equal, 0.30, 0.01}};

// The largest gap between the weighted empirical CDF of parameter 0 and Beta(32, 72)'s.
double kolmogorov_distance_to_exact(const AbcResult& result) {
  const boost::math::beta_distribution<> exact(32, 72);
  std::vector<AbcParticle> sorted = result.posterior;
  std::sort(sorted.begin(), sorted.end(),
            [](const AbcParticle& a, const AbcParticle& b) { return a.parameters[0] < b.parameters[0]; });
  double below = 0.0;
  double largest = 0.0;
  for (const AbcParticle& particle : sorted) {
    const double cdf = boost::math::cdf(exact, particle.parameters[0]);
    const double above = below + particle.weight;
    largest = std::max({largest, std::abs(cdf - below), std::abs(cdf - above)});
    below = above;
  }
  return largest;
}

double weight_sum(const AbcResult& result) {
  double sum = 0.0;
  for (const AbcParticle& particle : result.posterior) sum += particle.weight;
  return sum;
}

// The exact posterior for k = 30 of 100 under a Beta(2, 2) prior is Beta(32, 72).
const double kExactMean = 32.0 / 104.0;
const double kExactSd = std::sqrt(32.0 * 72.0 / (104.0 * 104.0 * 105.0));

void check_against_exact_posterior(const AbcResult& result) {
  const double mean = weighted_mean(result)[0];
  const double sd = std::sqrt(weighted_covariance(result)[0][0]);
  const double ess = result.generations.back().effective_sample_size;
  const double kolmogorov = kolmogorov_distance_to_exact(result);
  // The Kolmogorov statistic of n independent draws exceeds 1.95 / sqrt(n) with probability 0.001;
  // an importance sample counts as its effective size.
  const double kolmogorov_bound = 1.95 / std::sqrt(ess);
  INFO("mean " << mean << " (exact " << kExactMean << "), sd " << sd << " (exact " << kExactSd << "), ESS "
               << ess << ", Kolmogorov distance " << kolmogorov << " (bound " << kolmogorov_bound << ")");
  // With an ESS over 200, the mean's Monte Carlo error is about 0.045 / sqrt(ESS) < 0.0032 and the SD's
  // about 0.045 / sqrt(2 ESS) < 0.0023, so 0.01 is three standard errors or more for both. (Over 40 seeds
  // of the ABC-SMC case the errors' RMS was 0.0039 for the mean and 0.0035 for the SD.)
  CHECK(ess > 200);
  CHECK(mean == Approx(kExactMean).margin(0.01));
  CHECK(sd == Approx(kExactSd).margin(0.01));
  CHECK(kolmogorov < kolmogorov_bound);
}

TEST_CASE("ABC-SMC recovers the beta posterior of a binomial share", "[uq][abc]") {
  std::size_t calls = 0;
  AbcSettings settings;
  settings.method = AbcMethod::abc_smc;
  settings.budget = 20000;
  settings.particles = 400;
  // A low quantile reaches k = 30 in fewer generations, leaving more of the budget for the last one,
  // which accepts only about 4% of its proposals.
  settings.quantile = 0.3;
  settings.seed = 11;
  const AbcResult result = calibrate(kBetaPrior, kShareTarget, binomial_simulator(calls), settings);
  INFO("stop: " << result.stop_reason << ", generations " << result.generations.size() << ", simulations "
                << result.simulations);
  // Distances are multiples of 1 (k / 100 against 0.30 at scale 0.01): below 0.5 means k = 30 exactly,
  // where ABC's posterior is the exact one and only Monte Carlo error remains.
  REQUIRE_FALSE(result.posterior.empty());
  REQUIRE(result.generations.back().complete);
  REQUIRE(result.generations.back().epsilon < 0.5);
  CHECK(result.stop_reason == "tolerance cannot shrink");
  check_against_exact_posterior(result);
}

TEST_CASE("rejection ABC recovers the beta posterior of a binomial share", "[uq][abc]") {
  std::size_t calls = 0;
  AbcSettings settings;
  settings.method = AbcMethod::rejection;
  // About 1.2% of prior draws give k = 30 exactly, so 100,000 give about 1,200 of them: enough that
  // the 800 kept are all exact matches.
  settings.budget = 100000;
  settings.particles = 800;
  settings.seed = 5;
  const AbcResult result = calibrate(kBetaPrior, kShareTarget, binomial_simulator(calls), settings);
  REQUIRE(result.posterior.size() == 800);
  REQUIRE(result.generations.size() == 1);
  CHECK(result.generations[0].epsilon < 0.5);
  CHECK(result.simulations == 100000);
  CHECK(calls == 100000);
  CHECK(weight_sum(result) == Approx(1.0));
  check_against_exact_posterior(result);
}

bool identical(const AbcResult& a, const AbcResult& b) {
  if (a.posterior.size() != b.posterior.size() || a.generations.size() != b.generations.size()) return false;
  for (std::size_t i = 0; i < a.posterior.size(); ++i) {
    const AbcParticle& x = a.posterior[i];
    const AbcParticle& y = b.posterior[i];
    if (x.parameters != y.parameters || x.statistics != y.statistics || x.distance != y.distance ||
        x.weight != y.weight) {
      return false;
    }
  }
  for (std::size_t g = 0; g < a.generations.size(); ++g) {
    const AbcGeneration& x = a.generations[g];
    const AbcGeneration& y = b.generations[g];
    if (x.epsilon != y.epsilon || x.simulated != y.simulated || x.accepted != y.accepted ||
        x.effective_sample_size != y.effective_sample_size) {
      return false;
    }
  }
  return a.simulations == b.simulations && a.stop_reason == b.stop_reason;
}

TEST_CASE("a seed gives the same result whatever order a batch is simulated in", "[uq][abc]") {
  for (const AbcMethod method : {AbcMethod::abc_smc, AbcMethod::rejection, AbcMethod::history_matching}) {
    INFO(abc_method_name(method));
    AbcSettings settings;
    settings.method = method;
    settings.budget = 4000;
    settings.particles = 100;
    settings.seed = 3;
    std::vector<AbcTarget> targets = kShareTarget;
    if (method == AbcMethod::history_matching) targets[0].scale = 0.05;
    std::size_t forwards_calls = 0;
    std::size_t backwards_calls = 0;
    const AbcResult forwards = calibrate(kBetaPrior, targets, binomial_simulator(forwards_calls), settings);
    const AbcResult backwards =
        calibrate(kBetaPrior, targets, binomial_simulator(backwards_calls, true), settings);
    CHECK(identical(forwards, backwards));
    CHECK(forwards_calls == backwards_calls);

    settings.seed = 4;
    const AbcResult other_seed = calibrate(kBetaPrior, targets, binomial_simulator(forwards_calls), settings);
    CHECK_FALSE(identical(forwards, other_seed));
  }
}

TEST_CASE("ABC-SMC's tolerance never rises, its weights sum to 1 and it keeps to the budget", "[uq][abc]") {
  for (const std::size_t budget : {std::size_t{700}, std::size_t{2500}, std::size_t{6000}}) {
    std::size_t calls = 0;
    AbcSettings settings;
    settings.budget = budget;
    settings.particles = 200;
    settings.seed = 8;
    const AbcResult result = calibrate(kBetaPrior, kShareTarget, binomial_simulator(calls), settings);
    INFO("budget " << budget << ", stop: " << result.stop_reason);
    CHECK(calls <= budget);
    CHECK(result.simulations == calls);
    std::size_t simulated = 0;
    for (std::size_t g = 0; g < result.generations.size(); ++g) {
      simulated += result.generations[g].simulated;
      if (g > 0) CHECK(result.generations[g].epsilon <= result.generations[g - 1].epsilon);
    }
    CHECK(simulated == calls);
    REQUIRE_FALSE(result.posterior.empty());
    CHECK(weight_sum(result) == Approx(1.0).margin(1e-12));
    for (const AbcParticle& particle : result.posterior) CHECK(particle.weight > 0.0);
  }
}

TEST_CASE("ABC-SMC stops at max_generations and at a low acceptance rate", "[uq][abc]") {
  std::size_t calls = 0;
  AbcSettings settings;
  settings.budget = 20000;
  settings.particles = 100;
  settings.max_generations = 3;
  const AbcResult capped = calibrate(kBetaPrior, kShareTarget, binomial_simulator(calls), settings);
  CHECK(capped.stop_reason == "max_generations reached");
  CHECK(capped.generations.size() == 3);

  // Each generation accepts a smaller share as the tolerance falls; one under 30% ends the run, and
  // the posterior is the last population that was filled.
  settings.max_generations = 50;
  settings.min_acceptance = 0.3;
  const AbcResult starved = calibrate(kBetaPrior, kShareTarget, binomial_simulator(calls), settings);
  CHECK(starved.stop_reason == "acceptance below min_acceptance");
  REQUIRE(starved.generations.size() >= 2);
  const AbcGeneration& last = starved.generations.back();
  CHECK((!last.complete || last.acceptance_rate < 0.3));
  CHECK(starved.posterior.size() == settings.particles);
}

TEST_CASE("a sum a + b matched to 1 gives a posterior ridge with negative correlation", "[uq][abc]") {
  const std::vector<PriorDistribution> priors = {PriorDistribution::uniform(0, 1),
                                                 PriorDistribution::uniform(0, 1)};
  const std::vector<AbcTarget> targets = {{"y", TargetBound::equal, 1.0, 0.02}};
  const BatchSimulator sum = [](const std::vector<std::vector<double>>& sets, std::uint64_t) {
    std::vector<std::vector<double>> statistics;
    for (const auto& set : sets) statistics.push_back({set[0] + set[1]});
    return statistics;
  };
  AbcSettings settings;
  settings.budget = 5000;
  settings.particles = 300;
  settings.seed = 2;
  const AbcResult result = calibrate(priors, targets, sum, settings);
  const double correlation = weighted_correlation(result, 0, 1);
  INFO("correlation " << correlation << ", stop: " << result.stop_reason);
  // Exactly on the line a + b = 1 the correlation is -1; the tolerance leaves a band around it.
  CHECK(correlation < -0.8);
  CHECK(weighted_mean(result)[0] + weighted_mean(result)[1] == Approx(1.0).margin(0.02));
}

TEST_CASE("discrete parameters stay on their values", "[uq][abc]") {
  const std::vector<PriorDistribution> priors = {PriorDistribution::discrete({1, 2, 3, 4, 5}),
                                                 PriorDistribution::uniform(0, 1)};
  const std::vector<AbcTarget> targets = {{"y", TargetBound::equal, 3.5, 0.05}};
  const BatchSimulator sum = [](const std::vector<std::vector<double>>& sets, std::uint64_t) {
    std::vector<std::vector<double>> statistics;
    for (const auto& set : sets) statistics.push_back({set[0] + set[1]});
    return statistics;
  };
  AbcSettings settings;
  settings.budget = 5000;
  settings.particles = 200;
  const AbcResult result = calibrate(priors, targets, sum, settings);
  REQUIRE_FALSE(result.posterior.empty());
  for (const AbcParticle& particle : result.posterior) {
    CHECK((particle.parameters[0] == 3.0 || particle.parameters[0] == 2.0 || particle.parameters[0] == 4.0));
  }
  CHECK(weighted_mean(result)[0] == Approx(3.0).margin(0.05));
}

TEST_CASE("a model of discrete parameters only converges on the exact values", "[uq][abc]") {
  // No continuous parameter, so the kernel is the keep-or-switch one alone; y = 10 a + b identifies both.
  const std::vector<PriorDistribution> priors = {PriorDistribution::discrete({0, 1, 2, 3}),
                                                 PriorDistribution::discrete({0, 1, 2, 3}, {4, 3, 2, 1})};
  const std::vector<AbcTarget> targets = {{"y", TargetBound::equal, 21.0, 1.0}};
  const BatchSimulator model = [](const std::vector<std::vector<double>>& sets, std::uint64_t) {
    std::vector<std::vector<double>> statistics;
    for (const auto& set : sets) statistics.push_back({10 * set[0] + set[1]});
    return statistics;
  };
  AbcSettings settings;
  settings.budget = 5000;
  settings.particles = 100;
  const AbcResult result = calibrate(priors, targets, model, settings);
  INFO("stop: " << result.stop_reason);
  CHECK(result.stop_reason == "tolerance cannot shrink");
  REQUIRE(result.posterior.size() == 100);
  for (const AbcParticle& particle : result.posterior) {
    CHECK(particle.parameters == std::vector<double>{2, 1});
    CHECK(particle.distance == 0.0);
  }
  CHECK(weight_sum(result) == Approx(1.0));
}

TEST_CASE("history matching keeps only points below the implausibility cut", "[uq][abc]") {
  // Two outputs, one a floor: y1 = a + b near 1 (SD 0.1) and y2 = a - b at least 0.
  const std::vector<PriorDistribution> priors = {PriorDistribution::uniform(0, 2),
                                                 PriorDistribution::uniform(0, 2)};
  const std::vector<AbcTarget> targets = {{"y1", TargetBound::equal, 1.0, 0.1},
                                          {"y2", TargetBound::at_least, 0.0, 0.05}};
  const BatchSimulator model = [](const std::vector<std::vector<double>>& sets, std::uint64_t) {
    std::vector<std::vector<double>> statistics;
    for (const auto& set : sets) statistics.push_back({set[0] + set[1], set[0] - set[1]});
    return statistics;
  };
  AbcSettings settings;
  settings.method = AbcMethod::history_matching;
  settings.budget = 3000;
  settings.particles = 200;
  settings.implausibility_cut = 3.0;
  const AbcResult result = calibrate(priors, targets, model, settings);
  INFO("stop: " << result.stop_reason << ", waves " << result.generations.size());
  REQUIRE_FALSE(result.posterior.empty());
  CHECK(result.simulations <= settings.budget);
  for (const AbcParticle& particle : result.posterior) {
    const double implausibility = std::max(std::abs(particle.statistics[0] - 1.0) / 0.1,
                                           std::max(0.0, 0.0 - particle.statistics[1]) / 0.05);
    CHECK(implausibility < 3.0);
    CHECK(particle.distance == Approx(implausibility));
    CHECK(particle.weight == Approx(1.0 / static_cast<double>(result.posterior.size())));
  }
  for (const AbcGeneration& wave : result.generations) {
    CHECK(wave.epsilon == 3.0);
    CHECK(wave.acceptance_rate ==
          Approx(static_cast<double>(wave.accepted) / static_cast<double>(wave.simulated)));
  }
  // The first wave samples the prior, where the non-implausible band is a small share; later waves
  // propose inside it and keep more.
  REQUIRE(result.generations.size() >= 2);
  CHECK(result.generations[1].acceptance_rate > result.generations[0].acceptance_rate);
}

TEST_CASE("abc_distance measures each kind of target", "[uq][abc]") {
  const std::vector<AbcTarget> equal = {{"s", TargetBound::equal, 0.3, 0.01}};
  CHECK(abc_distance(equal, {0.33}) == Approx(3.0));
  CHECK(abc_distance(equal, {0.27}) == Approx(3.0));
  CHECK(abc_distance(equal, {0.3}) == 0.0);

  const std::vector<AbcTarget> floor = {{"s", TargetBound::at_least, 10.0, 2.0}};
  CHECK(abc_distance(floor, {6.0}) == Approx(2.0));
  CHECK(abc_distance(floor, {12.0}) == 0.0);

  const std::vector<AbcTarget> ceiling = {{"s", TargetBound::at_most, 10.0, 2.0}};
  CHECK(abc_distance(ceiling, {16.0}) == Approx(3.0));
  CHECK(abc_distance(ceiling, {4.0}) == 0.0);

  const std::vector<AbcTarget> both = {equal[0], ceiling[0]};
  CHECK(abc_distance(both, {0.34, 16.0}) == Approx(5.0));  // sqrt(4^2 + 3^2)
  CHECK(abc_implausibility(both, {0.34, 16.0}) == Approx(4.0));
  CHECK(abc_implausibility(both, {0.26, 0.0}) == Approx(4.0));

  const double nan = std::numeric_limits<double>::quiet_NaN();
  CHECK(std::isinf(abc_distance(equal, {nan})));
  CHECK(std::isinf(abc_distance(both, {0.3, nan})));
  CHECK(std::isinf(abc_implausibility(both, {0.3, nan})));
  CHECK_THROWS_AS(abc_distance(both, {0.3}), std::invalid_argument);
}

TEST_CASE("ABC refuses settings it cannot work with", "[uq][abc]") {
  std::size_t calls = 0;
  const BatchSimulator simulate = binomial_simulator(calls);
  const AbcSettings good;
  CHECK_THROWS_AS(calibrate({}, kShareTarget, simulate, good), std::invalid_argument);
  CHECK_THROWS_AS(calibrate(kBetaPrior, {}, simulate, good), std::invalid_argument);
  AbcSettings few = good;
  few.particles = 1;
  CHECK_THROWS_AS(calibrate(kBetaPrior, kShareTarget, simulate, few), std::invalid_argument);
  AbcSettings poor = good;
  poor.budget = poor.particles - 1;
  CHECK_THROWS_AS(calibrate(kBetaPrior, kShareTarget, simulate, poor), std::invalid_argument);
  for (const double scale : {0.0, -1.0, std::numeric_limits<double>::quiet_NaN()}) {
    const std::vector<AbcTarget> bad = {{"share", TargetBound::equal, 0.3, scale}};
    CHECK_THROWS_WITH(calibrate(kBetaPrior, bad, simulate, good), Catch::Contains("scale"));
  }
  CHECK(calls == 0);

  const BatchSimulator short_rows = [](const std::vector<std::vector<double>>& sets, std::uint64_t) {
    return std::vector<std::vector<double>>(sets.size());
  };
  CHECK_THROWS_AS(calibrate(kBetaPrior, kShareTarget, short_rows, good), std::runtime_error);
}

TEST_CASE("method names round-trip", "[uq][abc]") {
  for (const AbcMethod method : {AbcMethod::abc_smc, AbcMethod::rejection, AbcMethod::history_matching}) {
    CHECK(parse_abc_method(abc_method_name(method)) == method);
  }
  CHECK(abc_method_name(AbcMethod::abc_smc) == "abc-smc");
  CHECK(abc_method_name(AbcMethod::history_matching) == "history-matching");
  CHECK_FALSE(parse_abc_method("smc").has_value());
}

}  // namespace
}  // namespace primsim::uq
