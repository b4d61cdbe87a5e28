// primsim-ensemble: the 2020 preset at full scale as `primsim run` runs it (the same ensemble
// loop, HDF5 writer and partial file), N replicates on 1 thread and then on 2; then one replicate
// on the windowed executor on 1 and 2 threads, and one replicate through the ensemble loop on 1 and
// 2 threads (what a single `primsim run` gains). Each configuration runs in a child process so that
// its peak memory is its own. The yardstick, timed in the same run: 1,000,000 hold operations on
// a binary heap of 100,000 pending events. Prints one JSON line per configuration and one with
// every figure against its target. --rounds repeats the whole sequence and takes each target's
// figure as the median of its rounds' ratios, each ratio from measurements made in the same round.
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "bare_hold_loop.hpp"
#include "child_measurement.hpp"
#include "primsim/ensemble/ensemble_run.hpp"
#include "primsim/ensemble/local_world.hpp"
#include "primsim/models/members/member_generator.hpp"
#include "primsim/models/primary/party_scenario.hpp"
#include "primsim/models/primary/primary_replicate.hpp"
#include "primsim/scenarios/scenario_loader.hpp"
#include "primsim/sim/parallel_executor.hpp"
#include "primsim/sim/trace_digest.hpp"
#include "round_median.hpp"

namespace {

namespace fs = std::filesystem;

// A full 2020 replicate on one thread costs at most the time of 1,000,000 hold operations on a
// heap of 100,000 pending; 1,000 replicates take under 3 minutes on two cores; one replicate
// runs at least 1.6 times as fast on two threads as on one.
constexpr std::size_t kHoldPending = 100'000;
constexpr std::uint64_t kHoldOperations = 1'000'000;
constexpr double target_replicate_in_holds = 1.0;
constexpr double target_seconds_for_1000_on_two_cores = 3.0 * 60.0;
constexpr double target_one_replicate_speedup = 1.6;

double peak_megabytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux reports kilobytes
}

// One configuration, in this process: the measurement line.
nlohmann::ordered_json run_configuration(const std::string& scenario_path, std::uint32_t replicates,
                                         std::size_t threads) {
  using namespace primsim;
  const auto loaded = scenarios::load_scenario(scenario_path, {});
  const models::spec::ScenarioSpec& scenario = loaded.grid.front().spec;
  // The plan `primsim run` makes, by the same function.
  ensemble::RunPlan plan = ensemble::plan_run(loaded, scenario.ensemble.seed, replicates, "primsim-ensemble");
  const fs::path output =
      fs::temp_directory_path() / ("primsim-ensemble-" + std::to_string(::getpid()) + ".h5");

  const auto start = std::chrono::steady_clock::now();
  ensemble::RunControl control;
  control.threads = threads;
  control.quiet = true;
  control.handle_signals = false;
  const ensemble::RunOutcome outcome =
      ensemble::run_ensemble(loaded, plan, output, ensemble::LocalWorld(), control);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  fs::remove(output);

  nlohmann::ordered_json line;
  line["measure"] = "ensemble";
  line["scenario"] = scenario.name;
  std::int64_t members = 0;
  for (const std::int64_t count : models::apportion_members(scenario)) members += count;
  line["members"] = members;
  line["replicates"] = replicates;
  line["threads"] = threads;
  line["seconds"] = seconds;
  line["seconds_per_replicate"] = seconds / replicates;
  line["replicates_per_second"] = replicates / seconds;
  line["events"] = outcome.events;
  line["events_per_second"] = static_cast<double>(outcome.events) / seconds;
  line["peak_megabytes"] = peak_megabytes();
  // Other programs on the machine slow a configuration down: the load says how busy it was.
  std::array<double, 1> load{};
  line["load_average"] = ::getloadavg(load.data(), 1) == 1 ? load[0] : -1.0;
  line["interrupted"] = outcome.status == ensemble::RunStatus::interrupted;
  return line;
}

// One replicate (the first of the scenario's seed) on the windowed executor with `threads`
// threads, in this process: the time and a digest of every event each LP processed, so that two
// thread counts can be shown to run the same replicate.
nlohmann::ordered_json run_single(const std::string& scenario_path, std::size_t threads) {
  using namespace primsim;
  const auto loaded = scenarios::load_scenario(scenario_path, {});
  const models::spec::ScenarioSpec& scenario = loaded.grid.front().spec;
  models::PrimaryReplicate replicate(scenario, scenario.ensemble.seed, 0, 0);
  sim::TraceDigest trace(scenario.territory.regions.size() + 1);
  sim::ParallelExecutor executor(threads);
  const auto start = std::chrono::steady_clock::now();
  static_cast<void>(replicate.run(executor, &trace));
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  nlohmann::ordered_json line;
  line["measure"] = "one_replicate";
  line["scenario"] = scenario.name;
  line["executor"] = "parallel";
  line["threads"] = threads;
  line["seconds"] = seconds;
  line["events"] = replicate.events();
  line["trace_digest"] = trace.digest();
  line["peak_megabytes"] = peak_megabytes();
  return line;
}

nlohmann::ordered_json hold_yardstick(std::uint64_t seed) {
  const primsim::bench::BareHoldResult hold =
      primsim::bench::time_hold_operations(kHoldPending, kHoldOperations, seed);
  nlohmann::ordered_json line;
  line["measure"] = "hold_yardstick";
  line["pending"] = kHoldPending;
  line["operations"] = hold.events;
  line["seconds"] = hold.seconds;
  line["operations_per_second"] = static_cast<double>(hold.events) / hold.seconds;
  return line;
}

// Runs one configuration in a fresh copy of this program and returns its line.
nlohmann::ordered_json run_child(const std::string& scenario_path, std::uint32_t replicates,
                                 std::size_t threads, bool single) {
  return primsim::bench::run_self_as_child(
      {"--scenario", scenario_path, "--replicates", std::to_string(replicates),
       single ? "--single" : "--configuration", std::to_string(threads)});
}

}  // namespace

int main(int argc, char** argv) {
  std::string scenario_path = "scenarios/presets/nur_otan_2020.yaml";
  std::uint32_t replicates = 4;
  std::size_t configuration = 0;
  std::size_t single = 0;
  std::uint32_t rounds = 1;
  CLI::App app{"seconds per replicate, events per second and peak memory of an ensemble on 1 and 2 threads"};
  app.add_option("--scenario", scenario_path, "scenario to run");
  app.add_option("--replicates", replicates, "replicates per configuration")->check(CLI::PositiveNumber);
  app.add_option("--rounds", rounds, "repeat every configuration this many times; targets from the medians")
      ->check(CLI::PositiveNumber);
  app.add_option("--configuration", configuration, "run only this thread count, in this process")
      ->group("");  // how the parent starts its children
  app.add_option("--single", single, "run one replicate on this many threads, in this process")->group("");
  CLI11_PARSE(app, argc, argv);

  try {
    if (configuration > 0) {
      std::cout << run_configuration(scenario_path, replicates, configuration).dump() << '\n';
      return 0;
    }
    if (single > 0) {
      std::cout << run_single(scenario_path, single).dump() << '\n';
      return 0;
    }
    std::map<std::string, std::vector<double>> figures;
    bool identical = true;
    for (std::uint32_t round = 0; round < rounds; ++round) {
      // The yardstick before and after the replicates: the faster of the two is the machine's.
      const nlohmann::ordered_json hold_before = hold_yardstick(1);
      std::cout << hold_before.dump() << std::endl;
      std::vector<nlohmann::ordered_json> lines;
      for (const std::size_t threads : {std::size_t{1}, std::size_t{2}}) {
        lines.push_back(run_child(scenario_path, replicates, threads, false));
        std::cout << lines.back().dump() << std::endl;
      }
      std::vector<nlohmann::ordered_json> singles;
      for (const std::size_t threads : {std::size_t{1}, std::size_t{2}}) {
        singles.push_back(run_child(scenario_path, 1, threads, true));
        std::cout << singles.back().dump() << std::endl;
      }
      // The same replicate through the ensemble loop, as `primsim run --replicates 1` runs it: on
      // the sequential executor with one thread, on the windowed one when a second is spare.
      std::vector<nlohmann::ordered_json> single_runs;
      for (const std::size_t threads : {std::size_t{1}, std::size_t{2}}) {
        single_runs.push_back(run_child(scenario_path, 1, threads, false));
        std::cout << single_runs.back().dump() << std::endl;
      }
      const nlohmann::ordered_json hold_after = hold_yardstick(2);
      std::cout << hold_after.dump() << std::endl;
      const double hold_seconds =
          std::min(hold_before["seconds"].get<double>(), hold_after["seconds"].get<double>());
      const double one_core = lines[0]["seconds_per_replicate"].get<double>();
      const double two_threads = lines[1]["seconds_per_replicate"].get<double>();
      figures["seconds_per_replicate_one_thread"].push_back(one_core);
      figures["seconds_per_1m_holds"].push_back(hold_seconds);
      figures["replicate_in_1m_holds"].push_back(one_core / hold_seconds);
      figures["projected_seconds_1000_replicates_two_threads"].push_back(1000.0 * two_threads);
      figures["ensemble_speedup_two_threads"].push_back(one_core / two_threads);
      figures["one_replicate_speedup_two_threads"].push_back(singles[0]["seconds"].get<double>() /
                                                             singles[1]["seconds"].get<double>());
      figures["run_one_replicate_speedup_two_threads"].push_back(single_runs[0]["seconds"].get<double>() /
                                                                 single_runs[1]["seconds"].get<double>());
      identical = identical && singles[0]["trace_digest"] == singles[1]["trace_digest"];
    }

    // Each figure is the median of its rounds, with the least and the most beside it.
    const auto median_of = [&figures](const std::string& name) {
      return primsim::bench::median(figures.at(name));
    };
    nlohmann::ordered_json targets;
    targets["measure"] = "targets";
    targets["rounds"] = rounds;
    for (const char* name :
         {"seconds_per_replicate_one_thread", "seconds_per_1m_holds", "replicate_in_1m_holds",
          "projected_seconds_1000_replicates_two_threads", "ensemble_speedup_two_threads",
          "one_replicate_speedup_two_threads", "run_one_replicate_speedup_two_threads"}) {
      targets[name] = median_of(name);
      if (rounds > 1) {
        const auto [least, most] = std::minmax_element(figures.at(name).begin(), figures.at(name).end());
        targets[std::string(name) + "_range"] = {*least, *most};
      }
    }
    targets["target_replicate_in_1m_holds"] = target_replicate_in_holds;
    targets["target_seconds_1000_replicates_two_cores"] = target_seconds_for_1000_on_two_cores;
    targets["ratio_to_two_core_target"] =
        median_of("projected_seconds_1000_replicates_two_threads") / target_seconds_for_1000_on_two_cores;
    targets["target_one_replicate_speedup"] = target_one_replicate_speedup;
    targets["one_replicate_identical"] = identical;
    std::cout << targets.dump() << '\n';
  } catch (const std::exception& error) {
    std::cerr << "primsim-ensemble: " << error.what() << '\n';
    return 1;
  }
  return 0;
}
