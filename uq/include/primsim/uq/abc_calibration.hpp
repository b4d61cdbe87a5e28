// Approximate Bayesian computation over a caller's batch simulator: rejection, ABC-SMC and history matching.
// It knows parameter vectors and statistics only, so a scenario, a test model or a benchmark can all be
// calibrated the same way; every random number comes from a counter-based stream, so a seed fixes the result
// whatever order or thread the caller runs a batch's simulations in.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "primsim/uq/prior_distribution.hpp"

namespace primsim::uq {

enum class AbcMethod { abc_smc, rejection, history_matching };

// "abc-smc", "rejection", "history-matching": the names a scenario or a command line writes.
std::string_view abc_method_name(AbcMethod method);
std::optional<AbcMethod> parse_abc_method(std::string_view name);

// How a statistic is compared with its published value: `equal` penalises a miss either way,
// `at_least` only a shortfall and `at_most` only an excess (a published floor or ceiling).
enum class TargetBound { equal, at_least, at_most };

struct AbcTarget {
  std::string statistic;
  TargetBound bound = TargetBound::equal;
  double published = 0.0;
  // A tolerance for ABC, an SD for history matching (where it should already include the
  // simulator's own run-to-run variance, since each point is simulated once); > 0.
  double scale = 1.0;
};

// Runs every parameter set (one simulation each) and returns, for each, the statistics in the order of
// the targets. `first_index` numbers the simulations 0, 1, 2, ... over the whole calibration, so that the
// caller keys simulation first_index + i's random numbers by that number and not by evaluation order.
using BatchSimulator = std::function<std::vector<std::vector<double>>(
    const std::vector<std::vector<double>>& parameter_sets, std::uint64_t first_index)>;

struct AbcSettings {
  AbcMethod method = AbcMethod::abc_smc;
  std::size_t budget = 1000;         // simulations, never exceeded
  std::size_t particles = 100;       // population size, and the size of every batch
  double quantile = 0.5;             // ABC-SMC: next tolerance = this quantile of the current distances
  std::size_t max_generations = 20;  // generations (or waves) including the first, from the prior
  double min_acceptance = 0.02;      // ABC-SMC: stop when a generation accepts a smaller share
  double implausibility_cut = 3.0;   // history matching: keep points with implausibility below it
  std::uint64_t seed = 1;
};

struct AbcParticle {
  std::vector<double> parameters;
  std::vector<double> statistics;
  // abc_distance for ABC; the implausibility (largest target term) for history matching.
  double distance = 0.0;
  double weight = 0.0;  // the posterior's weights sum to 1
};

struct AbcGeneration {
  std::size_t index = 0;
  // The tolerance the generation accepted under (its largest distance for the first ABC-SMC
  // generation and for rejection); the implausibility cut for history matching.
  double epsilon = 0.0;
  std::size_t simulated = 0;
  std::size_t accepted = 0;
  double acceptance_rate = 0.0;
  double effective_sample_size = 0.0;  // 1 / sum of squared weights
  // False for the generation a stop interrupted: its particles are not the posterior.
  bool complete = true;
};

struct AbcResult {
  AbcMethod method = AbcMethod::abc_smc;
  std::vector<AbcParticle> posterior;  // the last complete population; empty if none completed
  std::vector<AbcGeneration> generations;
  std::size_t simulations = 0;
  // One of: "budget spent", "acceptance below min_acceptance", "max_generations reached",
  // "tolerance cannot shrink", "proposals outside the prior support",
  // "non-implausible set stopped shrinking", "no non-implausible point".
  std::string stop_reason;
};

// sqrt(sum of squared target terms); a term is (s - published) / scale for `equal`,
// max(0, published - s) / scale for `at_least` and max(0, s - published) / scale for `at_most`.
// A NaN statistic (a simulation that could not produce it) is infinitely far.
double abc_distance(const std::vector<AbcTarget>& targets, const std::vector<double>& statistics);
// The largest target term in absolute value: history matching's implausibility.
double abc_implausibility(const std::vector<AbcTarget>& targets, const std::vector<double>& statistics);

// Throws std::invalid_argument for empty priors or targets, particles < 2, budget < particles, a scale
// that is not > 0, or settings out of range; std::runtime_error when the simulator returns the wrong shape.
AbcResult calibrate(const std::vector<PriorDistribution>& priors, const std::vector<AbcTarget>& targets,
                    const BatchSimulator& simulate, const AbcSettings& settings);

// Weighted summaries of the posterior, for a report. The covariance has the reliability-weights
// correction 1 / (1 - sum w^2), so that equal weights give the usual n - 1 sample covariance.
// All throw std::invalid_argument on an empty posterior.
std::vector<double> weighted_mean(const AbcResult& result);
std::vector<std::vector<double>> weighted_covariance(const AbcResult& result);
double weighted_correlation(const AbcResult& result, std::size_t i, std::size_t j);

}  // namespace primsim::uq
