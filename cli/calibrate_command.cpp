// `primsim calibrate SCENARIO.yaml -o POSTERIOR.h5`: fits the scenario's priors to its
// calibration targets by ABC (ABC-SMC, rejection) or history matching, every simulation a
// replicate run in memory on every core, then runs the model over the posterior to check every
// target, fitted and never fitted (the validation targets).
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <ctime>
#include <iostream>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <tbb/task_arena.h>

#include "command.hpp"
#include "integer_option.hpp"
#include "memory_check.hpp"
#include "output_guard.hpp"
#include "primsim/ensemble/replicate_run.hpp"
#include "primsim/output/ensemble_stats.hpp"
#include "primsim/output/posterior_file.hpp"
#include "primsim/output/posterior_report.hpp"
#include "primsim/scenarios/scenario_loader.hpp"
#include "primsim/sim/input_error.hpp"
#include "primsim/sim/random_stream.hpp"
#include "primsim/sim/tbb_happens_before.hpp"
#include "primsim/uq/abc_calibration.hpp"
#include "target_statistics.hpp"

namespace primsim::cli {
namespace {

namespace spec = models::spec;

struct Options {
  std::string scenario;
  std::string output;
  std::string method = "abc-smc";
  std::size_t budget = 1000;
  std::size_t particles = 100;
  double quantile = 0.5;
  std::vector<std::string> targets;
  std::size_t predictive = 40;
  std::optional<std::uint64_t> seed;
  std::size_t threads = 0;
  std::vector<std::string> overrides;
  bool json = false;
  bool quiet = false;
};

// Predictive simulations are numbered after every simulation the fit may run, so that no two
// simulations share their random numbers.
constexpr std::uint64_t kPredictiveOffset = std::uint64_t{1} << 31;
constexpr sim::RandomPurpose kPredictiveDraw = 0x7072656469;  // "predi"

bool names_prior(const spec::TargetSpec& target, const std::vector<scenarios::Prior>& priors) {
  return std::any_of(priors.begin(), priors.end(),
                     [&](const scenarios::Prior& prior) { return prior.path == target.sets; });
}

// The targets the fit uses: those named by --target (a statistic name or a label such as
// "attrition_in_region (Shymkent)"), else the calibration targets whose `sets` is a prior.
std::vector<std::size_t> fitted_targets(const Options& options, const spec::ScenarioSpec& scenario,
                                        const std::vector<scenarios::Prior>& priors) {
  std::vector<std::size_t> chosen;
  std::vector<std::string> labels;
  for (const spec::TargetSpec& target : scenario.calibration) labels.push_back(spec::label_of(target));
  if (!options.targets.empty()) {
    for (const std::string& name : options.targets) {
      bool found = false;
      for (std::size_t i = 0; i < scenario.calibration.size(); ++i) {
        const std::string statistic(
            spec::kStatisticNames[static_cast<std::size_t>(scenario.calibration[i].statistic)]);
        if (name == labels[i] || name == statistic) {
          if (std::find(chosen.begin(), chosen.end(), i) == chosen.end()) chosen.push_back(i);
          found = true;
        }
      }
      if (!found) {
        throw sim::InputError(
            fmt::format("--target: expected one of the scenario's calibration targets ({}), found \"{}\"",
                        fmt::join(labels, ", "), name));
      }
    }
    return chosen;
  }
  for (std::size_t i = 0; i < scenario.calibration.size(); ++i) {
    if (names_prior(scenario.calibration[i], priors)) chosen.push_back(i);
  }
  if (chosen.empty()) {
    throw sim::InputError(fmt::format(
        "calibrate: no calibration target of '{}' sets one of its priors; name the targets to fit with "
        "--target "
        "(the scenario has {})",
        options.scenario, labels.empty() ? std::string("none") : fmt::format("{}", fmt::join(labels, ", "))));
  }
  return chosen;
}

// A bound target's distance is its shortfall in tolerances, or in tenths of the bound without one.
uq::AbcTarget abc_target(const spec::TargetSpec& target) {
  uq::AbcTarget abc;
  abc.statistic = spec::label_of(target);
  if (target.published) {
    if (target.tolerance <= 0) {
      throw sim::InputError(fmt::format(
          "calibrate: the target {} needs a tolerance (or an sd) to measure distance", abc.statistic));
    }
    abc.bound = uq::TargetBound::equal;
    abc.published = *target.published;
    abc.scale = target.tolerance;
  } else if (target.at_least) {
    abc.bound = uq::TargetBound::at_least;
    abc.published = *target.at_least;
    abc.scale = target.tolerance > 0 ? target.tolerance : std::max(std::abs(*target.at_least) * 0.1, 1e-9);
  } else {
    abc.bound = uq::TargetBound::at_most;
    abc.published = target.at_most.value_or(0.0);
    abc.scale = target.tolerance > 0 ? target.tolerance : std::max(std::abs(abc.published) * 0.1, 1e-9);
  }
  return abc;
}

class Simulations {
 public:
  Simulations(const scenarios::LoadedScenario& loaded, std::uint64_t seed, std::size_t threads, bool progress,
              std::size_t budget)
      : loaded_(loaded),
        seed_(seed),
        arena_(threads == 0 ? tbb::task_arena::automatic : static_cast<int>(threads)),
        progress_(progress),
        budget_(budget) {}

  // Runs each parameter set as replicate `first + i` and measures `targets` (indices into
  // calibration then validation) on it.
  std::vector<std::vector<double>> run(const std::vector<std::vector<double>>& sets, std::uint64_t first,
                                       const std::vector<const spec::TargetSpec*>& targets) {
    std::vector<std::vector<double>> statistics(sets.size());
    sim::tbb_hb::execute(arena_, [&] {
      sim::tbb_hb::parallel_for(std::size_t{0}, sets.size(), [&](std::size_t i) {
        std::vector<double> typed;
        for (std::size_t p = 0; p < sets[i].size(); ++p) typed.push_back(loaded_.priors[p].typed(sets[i][p]));
        const spec::ScenarioSpec scenario = loaded_.spec_with(typed);
        const ensemble::ReplicateRun run =
            ensemble::run_replicate(scenario, seed_, static_cast<std::uint32_t>(first + i));
        const TargetStatistics measure(scenario);
        for (const spec::TargetSpec* target : targets)
          statistics[i].push_back(measure.measure(*target, run.results));
        events_ += run.events;
      });
    });
    done_ += sets.size();
    if (progress_) {
      std::cerr << fmt::format("\rprimsim: calibrate: {} of at most {} simulations", done_, budget_)
                << std::flush;
    }
    return statistics;
  }

  [[nodiscard]] std::uint64_t events() const { return events_.load(); }
  void end_progress() const {
    if (progress_) std::cerr << '\n';
  }

 private:
  const scenarios::LoadedScenario& loaded_;
  std::uint64_t seed_;
  tbb::task_arena arena_;
  bool progress_;
  std::size_t budget_;
  std::size_t done_ = 0;
  std::atomic<std::uint64_t> events_{0};
};

std::uint8_t bound_code(const spec::TargetSpec& target) {
  if (target.published) return 0;
  return target.at_least ? 1 : 2;
}

int calibrate(const Options& options, const std::string& command_line) {
  const auto loaded = scenarios::load_scenario(options.scenario, options.overrides);
  refuse_unsafe_output("-o", options.output, loaded.files);
  check_memory(loaded, options.scenario, 1);
  if (loaded.priors.empty()) {
    throw sim::InputError(
        fmt::format("calibrate: the scenario '{}' has no priors: block to fit", options.scenario));
  }
  if (loaded.grid.size() > 1) {
    throw sim::InputError(fmt::format(
        "calibrate: the scenario '{}' has a sweep: block; remove it to calibrate", options.scenario));
  }
  const std::optional<uq::AbcMethod> method = uq::parse_abc_method(options.method);
  if (!method) {
    throw sim::InputError(fmt::format(
        "--method: expected abc-smc, rejection or history-matching, found \"{}\"", options.method));
  }
  const spec::ScenarioSpec& scenario = loaded.spec;
  const std::uint64_t seed = options.seed.value_or(scenario.ensemble.seed);
  const std::vector<std::size_t> fitted = fitted_targets(options, scenario, loaded.priors);
  std::vector<uq::AbcTarget> targets;
  std::vector<const spec::TargetSpec*> fitted_specs;
  for (const std::size_t i : fitted) {
    targets.push_back(abc_target(scenario.calibration[i]));
    fitted_specs.push_back(&scenario.calibration[i]);
  }
  std::vector<uq::PriorDistribution> priors;
  for (const scenarios::Prior& prior : loaded.priors) priors.push_back(prior.distribution);
  uq::AbcSettings settings;
  settings.method = *method;
  settings.budget = options.budget;
  settings.particles = options.particles;
  settings.quantile = options.quantile;
  settings.seed = seed;

  const auto start = std::chrono::steady_clock::now();
  Simulations simulations(loaded, seed, options.threads, !options.quiet && ::isatty(2) != 0, options.budget);
  uq::AbcResult result;
  try {
    result = uq::calibrate(
        priors, targets,
        [&](const std::vector<std::vector<double>>& sets, std::uint64_t first) {
          return simulations.run(sets, first, fitted_specs);
        },
        settings);
  } catch (const std::invalid_argument& error) {
    throw sim::InputError(fmt::format("calibrate: {}", error.what()));
  }
  simulations.end_progress();
  if (result.posterior.empty()) {
    throw sim::InputError(fmt::format(
        "calibrate: no generation completed within --budget {} ({}); raise the budget or lower --particles",
        options.budget, result.stop_reason));
  }

  output::Posterior posterior;
  posterior.method = std::string(uq::abc_method_name(*method));
  posterior.scenario_name = scenario.name;
  posterior.scenario_yaml = loaded.resolved_yaml;
  posterior.command_line = command_line;
  posterior.program_version = PRIMSIM_VERSION;
  posterior.stop_reason = result.stop_reason;
  posterior.seed = seed;
  posterior.budget = options.budget;
  posterior.simulations = result.simulations;
  for (const scenarios::Prior& prior : loaded.priors) posterior.parameter_names.push_back(prior.path);
  for (const uq::AbcTarget& target : targets) posterior.statistic_names.push_back(target.statistic);
  for (const uq::AbcParticle& particle : result.posterior) {
    std::vector<double> typed;
    for (std::size_t p = 0; p < particle.parameters.size(); ++p)
      typed.push_back(loaded.priors[p].typed(particle.parameters[p]));
    posterior.samples.push_back(std::move(typed));
    posterior.weights.push_back(particle.weight);
    posterior.distances.push_back(particle.distance);
    posterior.statistics.push_back(particle.statistics);
  }
  for (const uq::AbcGeneration& g : result.generations) {
    posterior.generations.push_back({static_cast<std::uint32_t>(g.index), g.epsilon, g.simulated, g.accepted,
                                     g.acceptance_rate, g.effective_sample_size,
                                     static_cast<std::uint8_t>(g.complete ? 1 : 0)});
  }

  // Posterior predictive checks: every target, against replicates whose parameters are drawn
  // from the posterior (weighted), as `run --posterior` would draw them.
  if (options.predictive > 0) {
    std::vector<double> cumulative;
    double total = 0;
    for (const double w : posterior.weights) cumulative.push_back(total += w);
    std::vector<std::vector<double>> sets;
    for (std::size_t r = 0; r < options.predictive; ++r) {
      sim::RandomStream stream({seed, r, 0, kPredictiveDraw});
      const double u = stream.uniform() * total;
      const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), u);
      sets.push_back(posterior.samples[std::min<std::size_t>(
          static_cast<std::size_t>(it - cumulative.begin()), posterior.samples.size() - 1)]);
    }
    std::vector<const spec::TargetSpec*> every;
    for (const spec::TargetSpec& target : scenario.calibration) every.push_back(&target);
    for (const spec::TargetSpec& target : scenario.validation) every.push_back(&target);
    const std::vector<std::vector<double>> measured = simulations.run(sets, kPredictiveOffset, every);
    simulations.end_progress();
    for (std::size_t t = 0; t < every.size(); ++t) {
      std::vector<double> values;
      for (const auto& row : measured) values.push_back(row[t]);
      const output::EnsembleInterval interval = output::ensemble_interval(values);
      const spec::TargetSpec& target = *every[t];
      output::PredictiveCheck check;
      check.check = static_cast<std::uint16_t>(t);
      check.role = t < scenario.calibration.size() ? 0 : 1;
      check.fitted = std::find(fitted.begin(), fitted.end(), t) != fitted.end() && check.role == 0 ? 1 : 0;
      check.bound = bound_code(target);
      check.published = target.published  ? *target.published
                        : target.at_least ? *target.at_least
                                          : target.at_most.value_or(0);
      check.tolerance = target.tolerance;
      check.mean = interval.mean;
      check.low = interval.low;
      check.high = interval.high;
      const bool inside = target.published  ? std::abs(interval.mean - *target.published) <= target.tolerance
                          : target.at_least ? interval.mean >= *target.at_least
                                            : interval.mean <= target.at_most.value_or(0);
      check.inside = !std::isnan(interval.mean) && inside ? 1 : 0;
      posterior.check_names.push_back(spec::label_of(target));
      posterior.checks.push_back(check);
    }
  }
  posterior.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  output::write_posterior(options.output, posterior);
  if (options.json) {
    std::cout << output::posterior_json(posterior);
  } else if (!options.quiet) {
    std::cout << output::posterior_text(posterior) << fmt::format("\nposterior: {}\n", options.output);
  }
  return 0;
}

}  // namespace

Command add_calibrate_command(CLI::App& parent, std::string command_line) {
  auto options = std::make_shared<Options>();
  CLI::App* app = parent.add_subcommand(
      "calibrate",
      "fit the scenario's priors to its calibration targets (ABC-SMC, rejection ABC, history matching)");
  app->add_option("SCENARIO.yaml", options->scenario, "scenario file with a priors: block")->required();
  app->add_option("-o,--output", options->output, "posterior file to write (HDF5)")->required();
  app->add_option("--method", options->method, "abc-smc (default), rejection or history-matching");
  app->add_option("--budget", options->budget, "simulations at most (default: 1000)")
      ->check(integer_in(2, 100000000));
  app->add_option("--particles", options->particles, "population size and batch size (default: 100)")
      ->check(integer_in(2, 1000000));
  app->add_option("--quantile", options->quantile,
                  "ABC-SMC: the next tolerance is this quantile of the current distances (default: 0.5)")
      ->check(number_in(0.01, 0.99));
  app->add_option(
      "--target", options->targets,
      "a calibration target to fit, by statistic or label (repeatable; default: the targets whose "
      "`sets` is a prior's key)");
  app->add_option("--predictive", options->predictive,
                  "replicates over the posterior for the predictive checks (default: 40; 0: none)")
      ->check(integer_in(0, 100000));
  app->add_option("--seed", options->seed, "random seed (default: ensemble.seed)")
      ->check(integer_in(0, UINT64_MAX));
  app->add_option("--threads", options->threads, "worker threads (default: every core)")
      ->check(integer_in(0, kMaxThreads));
  app->add_option("--set", options->overrides, "override a scenario key: key.path=value (repeatable)");
  app->add_flag("--json", options->json, "print one JSON object of the posterior summary");
  app->add_flag("--quiet", options->quiet, "print nothing but errors (and --json)");
  return {app, [options, command_line] { return calibrate(*options, command_line); }};
}

}  // namespace primsim::cli
