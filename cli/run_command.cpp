// `primsim run SCENARIO.yaml -o OUT.h5`: validates the scenario, runs every replicate of every
// sweep point in parallel (each on its own, so results never depend on the thread count), writes
// one HDF5 file and prints a summary (or, with --json, one JSON line) and, on stderr, where the
// run departed from the scenario (/warnings). Finished replicates go to OUT.h5.partial as they
// complete so that --resume can continue a killed or interrupted run; --shard and mpirun split
// the ensemble into contiguous blocks that `primsim merge` joins.
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <ctime>
#include <exception>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "command.hpp"
#include "integer_option.hpp"
#include "memory_check.hpp"
#include "output_guard.hpp"
#include "primsim/ensemble/ensemble_run.hpp"
#include "primsim/ensemble/mpi_world.hpp"
#include "primsim/models/primary/party_scenario.hpp"
#include "primsim/output/ensemble_layout.hpp"
#include "primsim/output/headline.hpp"
#include "primsim/output/posterior_file.hpp"
#include "primsim/output/run_file.hpp"
#include "primsim/output/run_identity.hpp"
#include "primsim/output/run_warnings.hpp"
#include "primsim/output/terminal_report.hpp"
#include "primsim/scenarios/scenario_loader.hpp"
#include "primsim/sim/input_error.hpp"
#include "primsim/uq/design.hpp"
#include "progress_bar.hpp"

namespace primsim::cli {
namespace {

namespace fs = std::filesystem;

struct Options {
  std::string scenario;
  std::string output;
  std::optional<std::int64_t> replicates;
  std::optional<std::uint64_t> seed;
  std::size_t threads = 0;
  std::vector<std::string> overrides;
  std::optional<std::string> shard;
  bool json = false;
  bool resume = false;
  bool quiet = false;
  bool draw_priors = false;
  std::optional<std::string> posterior;
  std::vector<std::string> scales;  // key.path=factor
  // primsim explore: a design over the priors instead of one parameter set.
  std::optional<std::string> design;
  std::uint64_t samples = 0;
  std::size_t morris_levels = 4;
};

std::string scale_identity(const Options& options) {
  return options.scales.empty() ? std::string() : fmt::format(", scaled {}", fmt::join(options.scales, " "));
}

// The --scale factors in the priors' order (1 where none is given). Every value a scaled draw
// can take is checked here, before any replicate runs: the scaled ends of each prior's support,
// or every scaled posterior sample (`samples`, empty for priors).
std::vector<double> scale_factors(const Options& options, const scenarios::LoadedScenario& loaded,
                                  const std::vector<std::vector<double>>& samples) {
  std::vector<double> factors(loaded.priors.size(), 1.0);
  for (const std::string& text : options.scales) {
    const std::size_t equals = text.find('=');
    const std::string key = text.substr(0, equals);
    double factor = 0;
    const char* begin = equals == std::string::npos ? nullptr : text.c_str() + equals + 1;
    const auto [end, error] = begin == nullptr ? std::from_chars_result{nullptr, std::errc::invalid_argument}
                                               : std::from_chars(begin, text.c_str() + text.size(), factor);
    if (begin == nullptr || error != std::errc() || end != text.c_str() + text.size() ||
        !std::isfinite(factor) || factor <= 0) {
      throw sim::InputError(
          fmt::format("--scale: expected key.path=factor with a factor above 0, found \"{}\"", text));
    }
    const auto it = std::find_if(loaded.priors.begin(), loaded.priors.end(),
                                 [&](const scenarios::Prior& prior) { return prior.path == key; });
    if (it == loaded.priors.end()) {
      std::vector<std::string> paths;
      for (const scenarios::Prior& prior : loaded.priors) paths.push_back(prior.path);
      throw sim::InputError(fmt::format("--scale: expected a prior's key path ({}), found \"{}\"",
                                        fmt::join(paths, ", "), key));
    }
    factors[static_cast<std::size_t>(it - loaded.priors.begin())] = factor;
  }
  if (options.scales.empty()) return factors;
  std::vector<double> middle;
  for (const scenarios::Prior& prior : loaded.priors)
    middle.push_back(prior.typed(prior.distribution.quantile(0.5)));
  const auto check = [&](std::size_t i, double value) {
    std::vector<double> values = middle;
    values[i] = loaded.priors[i].typed(value * factors[i]);
    try {
      (void)loaded.spec_with(values);
    } catch (const sim::InputError& error) {
      throw sim::InputError(fmt::format("--scale {}={}: a scaled value, {}, is not valid: {}",
                                        loaded.priors[i].path, factors[i], loaded.priors[i].text(values[i]),
                                        error.what()));
    }
  };
  for (std::size_t i = 0; i < factors.size(); ++i) {
    if (factors[i] == 1.0) continue;
    if (!samples.empty()) {
      for (const std::vector<double>& sample : samples) check(i, sample[i]);
      continue;
    }
    const uq::PriorDistribution& prior = loaded.priors[i].distribution;
    check(i, std::isfinite(prior.support_low()) ? prior.support_low() : prior.quantile(1e-9));
    check(i, std::isfinite(prior.support_high()) ? prior.support_high() : prior.quantile(1 - 1e-9));
  }
  return factors;
}

// The replicates' parameters and, for a design, its points in the layout.
ensemble::ReplicateParameters replicate_parameters(const Options& options,
                                                   const scenarios::LoadedScenario& loaded,
                                                   std::uint64_t seed, output::EnsembleLayout& layout,
                                                   std::string& identity) {
  const bool varies = options.draw_priors || options.posterior || options.design;
  if (!varies && !options.scales.empty()) {
    throw sim::InputError("--scale: multiplies drawn parameters, so it needs --draw-priors or --posterior");
  }
  if (!varies) return {};
  const std::string option = options.design        ? "--design"
                             : options.draw_priors ? "--draw-priors"
                                                   : "--posterior";
  if (loaded.priors.empty()) {
    throw sim::InputError(
        fmt::format("{}: the scenario '{}' has no priors: block to draw from", option, options.scenario));
  }
  if (loaded.grid.size() > 1) {
    throw sim::InputError(fmt::format(
        "{}: the scenario '{}' has a sweep: block; a run draws its parameters or sweeps them, not both "
        "(explore --design grid runs a grid over the priors)",
        option, options.scenario));
  }
  if (!options.scales.empty() && !options.draw_priors && !options.posterior) {
    throw sim::InputError("--scale: multiplies drawn parameters, so it needs --draw-priors or --posterior");
  }
  if (options.draw_priors && options.posterior) {
    throw sim::InputError("--draw-priors and --posterior: choose one source of parameters");
  }
  if (options.draw_priors) {
    identity = "priors" + scale_identity(options);
    ensemble::ReplicateParameters parameters =
        ensemble::ReplicateParameters::from_priors(loaded.priors, seed);
    parameters.scale(scale_factors(options, loaded, {}));
    return parameters;
  }
  if (options.posterior) {
    const output::Posterior posterior = output::read_posterior(*options.posterior);
    std::vector<std::size_t> column;
    for (const scenarios::Prior& prior : loaded.priors) {
      const auto it =
          std::find(posterior.parameter_names.begin(), posterior.parameter_names.end(), prior.path);
      if (it == posterior.parameter_names.end()) {
        throw sim::InputError(
            fmt::format("--posterior: '{}' has no samples of {}, a prior of the scenario (it holds {})",
                        *options.posterior, prior.path, fmt::join(posterior.parameter_names, ", ")));
      }
      column.push_back(static_cast<std::size_t>(it - posterior.parameter_names.begin()));
    }
    std::vector<std::vector<double>> samples;
    for (const std::vector<double>& sample : posterior.samples) {
      std::vector<double> values;
      for (std::size_t i = 0; i < column.size(); ++i)
        values.push_back(loaded.priors[i].typed(sample[column[i]]));
      samples.push_back(std::move(values));
    }
    // Two posteriors of the same method and size differ in their samples: the digest tells them apart.
    std::string bytes;
    for (const std::vector<double>& sample : posterior.samples) {
      bytes.append(reinterpret_cast<const char*>(sample.data()), sample.size() * sizeof(double));
    }
    bytes.append(reinterpret_cast<const char*>(posterior.weights.data()),
                 posterior.weights.size() * sizeof(double));
    identity = fmt::format("posterior {} of {} samples, {} simulations, seed {}, digest {}{}",
                           posterior.method, posterior.samples.size(), posterior.simulations, posterior.seed,
                           output::identity_digest(bytes), scale_identity(options));
    const std::vector<double> factors = scale_factors(options, loaded, samples);
    ensemble::ReplicateParameters parameters = ensemble::ReplicateParameters::from_posterior(
        loaded.priors, std::move(samples), posterior.weights, seed);
    parameters.scale(factors);
    return parameters;
  }
  const std::optional<uq::DesignKind> kind = uq::parse_design(*options.design);
  if (!kind) {
    throw sim::InputError(fmt::format("--design: expected lhs, sobol, saltelli, morris or grid, found \"{}\"",
                                      *options.design));
  }
  uq::Design design;
  try {
    design = uq::make_design(*kind, loaded.priors.size(), options.samples, seed, options.morris_levels);
  } catch (const std::invalid_argument& error) {
    throw sim::InputError(fmt::format("--design {}: {}", *options.design, error.what()));
  }
  std::vector<std::vector<double>> points;
  for (const std::vector<double>& unit : design.points) {
    std::vector<double> values;
    std::vector<std::string> texts;
    for (std::size_t i = 0; i < unit.size(); ++i) {
      values.push_back(loaded.priors[i].typed(loaded.priors[i].distribution.quantile(unit[i])));
      texts.push_back(fmt::format("{}", values.back()));
    }
    layout.sweep_values.push_back(std::move(texts));
    points.push_back(std::move(values));
  }
  for (const scenarios::Prior& prior : loaded.priors) layout.sweep_keys.push_back(prior.path);
  layout.point_parameters = points;
  layout.design = {std::string(uq::design_name(*kind)), options.samples, seed,
                   static_cast<std::uint32_t>(design.levels)};
  identity =
      fmt::format("design {} of {} samples, {} levels", layout.design.name, options.samples, design.levels);
  return ensemble::ReplicateParameters::from_points(std::move(points));
}

void print_results(const Options& options, const output::RunInfo& info, std::uint64_t events,
                   double seconds) {
  if (options.quiet && !options.json) return;
  const double rate = seconds > 0 ? static_cast<double>(events) / seconds : 0.0;
  const output::RunFile run = output::RunFile::open(options.output);
  if (options.design) {
    // A design's points are read by `primsim sensitivity` and `report --point`, not pooled here.
    const std::uint64_t total = run.replicate_count();
    const std::uint64_t points = info.replicates > 0 ? total / info.replicates : 0;
    const double per_replicate = total > 0 ? seconds / static_cast<double>(total) : 0.0;
    if (options.json) {
      nlohmann::ordered_json line;
      line["scenario"] = info.scenario_name;
      line["design"] = *options.design;
      line["points"] = points;
      line["replicates"] = info.replicates;
      line["seed"] = info.seed;
      line["wall_seconds"] = seconds;
      line["seconds_per_replicate"] = per_replicate;
      line["events"] = events;
      line["events_per_second"] = rate;
      line["output"] = options.output;
      line["parameters"] = info.parameter_names;
      std::cout << line.dump() << '\n';
    } else {
      std::cout << fmt::format(
          "{} design over {} parameters: {} points x {} replicates, {} events in {:.1f} s ({:.2f} s per "
          "replicate, "
          "{:.0f} events/s): {}\nnext: primsim sensitivity {}   or   primsim report {} --point K\n",
          *options.design, info.parameter_names.size(), points, info.replicates, events, seconds,
          per_replicate, rate, options.output, options.output, options.output);
    }
    return;
  }
  // Read back from the file, as `primsim report` reads them, so that the two never disagree.
  const std::vector<output::RunWarning> warnings = output::run_warnings(run);
  if (options.json) {
    nlohmann::ordered_json line;
    line["scenario"] = info.scenario_name;
    line["replicates"] = info.replicates;
    line["seed"] = info.seed;
    line["wall_seconds"] = seconds;
    line["events"] = events;
    line["events_per_second"] = rate;
    line["output"] = options.output;
    const auto mean = [](const std::vector<double>& values) {
      double sum = 0;
      std::size_t n = 0;
      for (const double v : values) {
        if (std::isnan(v)) continue;
        sum += v;
        ++n;
      }
      return n > 0 ? nlohmann::ordered_json(sum / static_cast<double>(n)) : nlohmann::ordered_json(nullptr);
    };
    const auto headline_of = [&](models::results::PartyCode party) {
      nlohmann::ordered_json headline;
      for (const auto& statistic : output::headline_statistics(run, party)) {
        headline[statistic.key] = mean(statistic.values);
      }
      return headline;
    };
    // The headline is the first party's, as in a one-party run; every party's follows.
    line["headline"] = headline_of(0);
    if (info.party_names.size() > 1) {
      nlohmann::ordered_json parties = nlohmann::ordered_json::array();
      for (std::size_t p = 0; p < info.party_names.size(); ++p) {
        const auto party = static_cast<models::results::PartyCode>(p);
        parties.push_back({{"name", info.party_names[p]},
                           {"vote_share", mean(output::party_vote_shares(run, party))},
                           {"headline", headline_of(party)}});
      }
      line["parties"] = parties;
    }
    nlohmann::ordered_json departures = nlohmann::ordered_json::array();
    for (const output::RunWarning& warning : warnings) {
      departures.push_back(
          {{"party", output::party_name(run, warning.party)},
           {"kind",
            std::string(models::results::warning_kind_names.at(static_cast<std::size_t>(warning.kind)))},
           {"group",
            std::string(models::results::quota_group_names.at(static_cast<std::size_t>(warning.group)))},
           {"stage", output::selection_stage_name(run, warning.selection_stage)},
           {"office", output::office_name(run, warning.office)},
           {"replicates", warning.replicates},
           {"occurrences", warning.occurrences},
           {"expected", warning.expected},
           {"found", warning.found},
           {"message", output::warning_text(run, warning)}});
    }
    line["warnings"] = departures;
    std::cout << line.dump() << '\n';
  } else if (!options.quiet) {
    std::cout << output::terminal_report(run);
    std::cout << fmt::format("\n{} replicates, {} events in {:.1f} s ({:.0f} events/s): {}\n",
                             run.replicate_count(), events, seconds, rate, options.output);
  }
  // Last, so that they are what a terminal shows when the run ends (MODELLING.md point 5).
  if (!options.quiet && !warnings.empty()) {
    std::cout.flush();
    for (const output::RunWarning& warning : warnings) {
      std::cerr << "primsim: warning: " << output::warning_text(run, warning) << '\n';
    }
  }
}

int run(const Options& options, const std::string& command_line) {
  const ensemble::MpiWorld world;
  const auto loaded = scenarios::load_scenario(options.scenario, options.overrides);
  refuse_unsafe_output("-o", options.output, loaded.files);
  const models::spec::ScenarioSpec& scenario = loaded.grid.front().spec;
  const auto replicates =
      static_cast<std::uint32_t>(options.replicates.value_or(scenario.ensemble.replicates));
  // Each worker holds one replicate at a time.
  const std::size_t workers =
      options.threads != 0 ? options.threads : std::max(1U, std::thread::hardware_concurrency());
  check_memory(loaded, options.scenario,
               std::min<std::size_t>(workers, std::uint64_t{replicates} * loaded.grid.size()));
  const std::uint64_t seed = options.seed.value_or(scenario.ensemble.seed);

  ensemble::RunPlan plan = ensemble::plan_run(loaded, seed, replicates, command_line);
  plan.parameters = replicate_parameters(options, loaded, seed, plan.layout, plan.parameters_identity);

  const bool show_progress = world.rank() == 0 && !options.quiet && ::isatty(STDERR_FILENO) != 0;
  ProgressBar progress(show_progress);
  ensemble::RunControl control;
  control.threads = options.threads;
  control.resume = options.resume;
  control.quiet = options.quiet;
  if (show_progress) control.progress = [&progress](const ensemble::Progress& now) { progress.update(now); };
  if (options.shard) control.shard = output::parse_shard(*options.shard, "--shard");

  const ensemble::RunOutcome outcome = ensemble::run_ensemble(loaded, plan, options.output, world, control);
  switch (outcome.status) {
    case ensemble::RunStatus::already_complete:
      if (!outcome.lead) return 0;
      if (!options.quiet)
        std::cerr << fmt::format("primsim: '{}' is complete: nothing to resume\n", options.output);
      print_results(options, plan.info, 0, 0.0);
      return 0;
    case ensemble::RunStatus::interrupted:
      std::cerr << fmt::format(
          "primsim: interrupted: {} replicates are saved in '{}'; rerun the same command with --resume to "
          "finish\n",
          outcome.saved, outcome.partial.string());
      return 1;
    case ensemble::RunStatus::failed_elsewhere:
      return 1;
    case ensemble::RunStatus::completed:
      break;
  }
  if (!outcome.lead) return 0;
  print_results(options, plan.info, outcome.events, outcome.seconds);
  return 0;
}

// The options `run` and `explore` share: a design is a run whose points come from the priors.
void add_ensemble_options(CLI::App* app, Options& options) {
  app->add_option("SCENARIO.yaml", options.scenario, "scenario file")->required();
  app->add_option("-o,--output", options.output, "results file to write (HDF5)")->required();
  app->add_option("--seed", options.seed, "random seed (default: ensemble.seed)")
      ->check(integer_in(0, UINT64_MAX));
  app->add_option("--threads", options.threads, "worker threads (default: every core)")
      ->check(integer_in(0, kMaxThreads));
  app->add_option("--set", options.overrides, "override a scenario key: key.path=value (repeatable)");
  app->add_option("--shard", options.shard,
                  "run block i of n of the ensemble (0 <= i < n) into a shard file for primsim merge "
                  "(default: SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT when set)");
  app->add_flag("--resume", options.resume,
                "continue an interrupted run of the same command from OUT.h5.partial");
  app->add_flag("--json", options.json, "print one JSON line of results on stdout");
  app->add_flag("--quiet", options.quiet, "print nothing but errors (and --json)");
}

}  // namespace

Command add_run_command(CLI::App& parent, std::string command_line) {
  auto options = std::make_shared<Options>();
  CLI::App* app = parent.add_subcommand("run", "simulate a scenario as an ensemble and write one HDF5 file");
  add_ensemble_options(app, *options);
  app->add_option("--replicates", options->replicates,
                  "replicates per sweep point (default: ensemble.replicates)")
      ->check(integer_in(1, kMaxReplicates));
  app->add_flag("--draw-priors", options->draw_priors,
                "draw each replicate's parameters from the scenario's priors: block (parameter uncertainty)");
  app->add_option("--posterior", options->posterior,
                  "draw each replicate's parameters from a posterior file of primsim calibrate");
  app->add_option(
      "--scale", options->scales,
      "multiply a drawn parameter: key.path=factor, e.g. twice the calibrated capacity (repeatable; "
      "with --draw-priors or --posterior)");
  return {app, [options, command_line] { return run(*options, command_line); }};
}

Command add_explore_command(CLI::App& parent, std::string command_line) {
  auto options = std::make_shared<Options>();
  CLI::App* app = parent.add_subcommand(
      "explore", "run an experimental design over the scenario's priors: one point per parameter set");
  add_ensemble_options(app, *options);
  options->design.emplace();
  app->add_option("--design", *options->design, "lhs, sobol, saltelli, morris or grid")->required();
  app->add_option("--samples", options->samples,
                  "points (lhs, sobol), base rows (saltelli: samples x (parameters + 2) points), "
                  "trajectories (morris: samples x (parameters + 1)) or levels per parameter (grid)")
      ->required()
      ->check(integer_in(1, 1000000));
  app->add_option("--replicates", options->replicates, "replicates per design point (default: 1)")
      ->check(integer_in(1, kMaxReplicates));
  app->add_option("--levels", options->morris_levels, "Morris levels, even (default: 4)")
      ->check(integer_in(2, 1000));
  return {app, [options, command_line] {
            if (!options->replicates) options->replicates = 1;
            return run(*options, command_line);
          }};
}

}  // namespace primsim::cli
