// `primsim run SCENARIO.yaml -o OUT.h5`: validates the scenario, runs its replicates in parallel
// (each on its own, so results never depend on the thread count), writes one HDF5 file and
// prints a summary (or, with --json, one JSON line).
#include <atomic>
#include <chrono>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>
#include <nlohmann/json.hpp>

#include "command.hpp"
#include "primsim/models/primary/primary_replicate.hpp"
#include "primsim/output/hdf5_writer.hpp"
#include "primsim/output/headline.hpp"
#include "primsim/output/run_file.hpp"
#include "primsim/output/terminal_report.hpp"
#include "primsim/scenarios/scenario_loader.hpp"
#include "primsim/sim/input_error.hpp"
#include "primsim/sim/sequential_executor.hpp"

namespace primsim::cli {
namespace {

std::string utc_now() { return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::time(nullptr))); }

}  // namespace

Command add_run_command(CLI::App& parent, std::string command_line) {
  struct Options {
    std::string scenario;
    std::string output;
    std::optional<std::int64_t> replicates;
    std::optional<std::uint64_t> seed;
    std::size_t threads = 0;
    std::vector<std::string> overrides;
    bool json = false;
    bool quiet = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* app = parent.add_subcommand("run", "simulate a scenario as an ensemble and write one HDF5 file");
  app->add_option("SCENARIO.yaml", options->scenario, "scenario file")->required();
  app->add_option("-o,--output", options->output, "results file to write (HDF5)")->required();
  app->add_option("--replicates", options->replicates, "replicates (default: ensemble.replicates)")
      ->check(CLI::PositiveNumber);
  app->add_option("--seed", options->seed, "random seed (default: ensemble.seed)");
  app->add_option("--threads", options->threads, "worker threads (default: every core)");
  app->add_option("--set", options->overrides, "override a scenario key: key.path=value (repeatable)");
  app->add_flag("--json", options->json, "print one JSON line of results on stdout");
  app->add_flag("--quiet", options->quiet, "print nothing but errors (and --json)");

  return {app, [options, command_line] {
            const auto loaded = scenarios::load_scenario(options->scenario, options->overrides);
            if (loaded.grid.size() > 1) {
              throw sim::InputError(fmt::format(
                  "{}: sweep: running a sweep grid ({} points) is not supported by this version of run; "
                  "run each point with --set instead",
                  options->scenario, loaded.grid.size()));
            }
            const models::spec::ScenarioSpec& scenario = loaded.grid.front().spec;
            const auto replicates =
                static_cast<std::uint32_t>(options->replicates.value_or(scenario.ensemble.replicates));
            const std::uint64_t seed = options->seed.value_or(scenario.ensemble.seed);

            models::results::RunInfo info;
            info.program_version = PRIMSIM_VERSION;
            info.scenario_name = scenario.name;
            info.scenario_yaml = loaded.resolved_yaml;
            info.seed = seed;
            info.replicates = replicates;
            info.command_line = command_line;
            info.start_time = utc_now();
            info.epoch = scenario.calendar.epoch_iso;
            info.region_names = models::region_names(scenario);

            const auto start = std::chrono::steady_clock::now();
            std::atomic<std::uint64_t> events{0};
            {
              output::Hdf5Writer writer(options->output, info);
              const int concurrency =
                  options->threads == 0 ? tbb::task_arena::automatic : static_cast<int>(options->threads);
              tbb::task_arena arena(concurrency);
              arena.execute([&] {
                tbb::parallel_for(std::uint32_t{0}, replicates, [&](std::uint32_t r) {
                  models::PrimaryReplicate replicate(scenario, seed, r);
                  sim::SequentialExecutor executor;
                  auto results = replicate.run(executor);
                  events += replicate.events();
                  writer.publish(std::move(results));
                });
              });
              writer.finish(utc_now());
            }
            const double seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

            const output::RunFile run = output::RunFile::open(options->output);
            if (options->json) {
              nlohmann::ordered_json line;
              line["scenario"] = scenario.name;
              line["replicates"] = replicates;
              line["seed"] = seed;
              line["wall_seconds"] = seconds;
              line["events"] = events.load();
              line["events_per_second"] = static_cast<double>(events.load()) / seconds;
              line["output"] = options->output;
              nlohmann::ordered_json headline;
              for (const auto& statistic : output::headline_statistics(run)) {
                double sum = 0;
                std::size_t n = 0;
                for (const double v : statistic.values) {
                  if (std::isnan(v)) continue;
                  sum += v;
                  ++n;
                }
                headline[statistic.key] =
                    n > 0 ? nlohmann::ordered_json(sum / static_cast<double>(n)) : nullptr;
              }
              line["headline"] = headline;
              std::cout << line.dump() << '\n';
            } else if (!options->quiet) {
              std::cout << output::terminal_report(run);
              std::cout << fmt::format("\n{} replicates, {} events in {:.1f} s ({:.0f} events/s): {}\n",
                                       replicates, events.load(), seconds,
                                       static_cast<double>(events.load()) / seconds, options->output);
            }
            return 0;
          }};
}

}  // namespace primsim::cli
