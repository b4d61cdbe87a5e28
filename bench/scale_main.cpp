// primsim-scale: one replicate of the synthetic open primary at 1 M, 10 M and 100 M selectors,
// each in a child process so that its peak memory is its own, as `primsim run` runs it (the
// ensemble loop and the HDF5 writer). Prints one JSON line per size (time, peak memory, events,
// events per second), a line comparing 1 and 100 replicates of the smallest size, and one with
// every figure against its target: peak bytes per selector as the slope between the two smallest
// sizes, memory flat in replicates, the largest size within 4 GiB, cost linear in selectors.
#include <sys/resource.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "child_measurement.hpp"
#include "primsim/ensemble/ensemble_run.hpp"
#include "primsim/ensemble/local_world.hpp"
#include "primsim/models/members/member_generator.hpp"
#include "primsim/scenarios/scenario_loader.hpp"

namespace {

namespace fs = std::filesystem;

constexpr double target_bytes_per_selector = 32.0;
constexpr double target_replicates_memory_ratio = 1.05;
constexpr double target_largest_megabytes = 4096.0;

double peak_megabytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // Linux reports kilobytes
}

std::vector<std::string> overrides_for(std::uint64_t selectors) {
  // The party's members are 1% of the voters, as in the preset (1 M of 100 M).
  return {"selection.stages.0.selectorate.voters=" + std::to_string(selectors),
          "membership.size=" + std::to_string(selectors / 100)};
}

// One size, in this process: the measurement line.
nlohmann::ordered_json run_size(const std::string& scenario_path, std::uint64_t selectors,
                                std::uint32_t replicates) {
  using namespace primsim;
  const auto loaded = scenarios::load_scenario(scenario_path, overrides_for(selectors));
  const models::spec::ScenarioSpec& scenario = loaded.grid.front().spec;
  // The plan `primsim run` makes, by the same function.
  ensemble::RunPlan plan = ensemble::plan_run(loaded, scenario.ensemble.seed, replicates, "primsim-scale");
  const fs::path output = fs::temp_directory_path() / ("primsim-scale-" + std::to_string(::getpid()) + ".h5");
  const auto start = std::chrono::steady_clock::now();
  ensemble::RunControl control;
  control.threads = 1;
  control.quiet = true;
  control.handle_signals = false;
  const ensemble::RunOutcome outcome =
      ensemble::run_ensemble(loaded, plan, output, ensemble::LocalWorld(), control);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  fs::remove(output);

  std::int64_t persons = 0;
  for (const std::int64_t count : models::apportion_members(scenario)) persons += count;
  nlohmann::ordered_json line;
  line["measure"] = "scale";
  line["scenario"] = scenario.name;
  line["selectors"] = selectors;
  line["members"] = persons;
  line["replicates"] = replicates;
  line["threads"] = 1;
  line["seconds"] = seconds;
  line["seconds_per_replicate"] = seconds / replicates;
  line["events"] = outcome.events;
  line["events_per_second"] = static_cast<double>(outcome.events) / seconds;
  line["peak_megabytes"] = peak_megabytes();
  std::array<double, 1> load{};
  line["load_average"] = ::getloadavg(load.data(), 1) == 1 ? load[0] : -1.0;
  return line;
}

nlohmann::ordered_json run_child(const std::string& scenario_path, std::uint64_t selectors,
                                 std::uint32_t replicates) {
  return primsim::bench::run_self_as_child({"--scenario", scenario_path, "--measure",
                                            std::to_string(selectors), "--replicates",
                                            std::to_string(replicates)});
}

}  // namespace

int main(int argc, char** argv) {
  std::string scenario_path = "scenarios/presets/synthetic_open_100m.yaml";
  std::vector<std::uint64_t> sizes{1'000'000, 10'000'000, 100'000'000};
  std::uint32_t replicates_for_flatness = 100;
  std::uint64_t measure = 0;
  std::uint32_t replicates = 1;
  CLI::App app{"time, peak memory and events of one replicate at growing numbers of selectors"};
  app.add_option("--scenario", scenario_path, "scenario to run (an all_voters first stage)");
  app.add_option("--sizes", sizes, "selectors per run, smallest first")->expected(2, 16);
  app.add_option("--flatness-replicates", replicates_for_flatness,
                 "replicates of the smallest size compared with one (0: skip)");
  app.add_option("--measure", measure, "run only this size, in this process")->group("");
  app.add_option("--replicates", replicates, "replicates of --measure")->group("");
  CLI11_PARSE(app, argc, argv);

  try {
    if (measure > 0) {
      std::cout << run_size(scenario_path, measure, replicates).dump() << '\n';
      return 0;
    }
    std::vector<nlohmann::ordered_json> lines;
    for (const std::uint64_t size : sizes) {
      lines.push_back(run_child(scenario_path, size, 1));
      std::cout << lines.back().dump() << std::endl;
    }
    nlohmann::ordered_json targets;
    targets["measure"] = "targets";
    const auto& small = lines[0];
    const auto& next = lines[1];
    const double slope =
        (next["peak_megabytes"].get<double>() - small["peak_megabytes"].get<double>()) * 1024.0 * 1024.0 /
        static_cast<double>(next["selectors"].get<std::uint64_t>() - small["selectors"].get<std::uint64_t>());
    targets["bytes_per_selector"] = slope;
    targets["target_bytes_per_selector"] = target_bytes_per_selector;
    if (replicates_for_flatness > 1) {
      const auto many = run_child(scenario_path, sizes.front(), replicates_for_flatness);
      std::cout << many.dump() << std::endl;
      targets["peak_megabytes_1_replicate"] = small["peak_megabytes"];
      targets["peak_megabytes_many_replicates"] = many["peak_megabytes"];
      targets["replicates_memory_ratio"] =
          many["peak_megabytes"].get<double>() / small["peak_megabytes"].get<double>();
      targets["target_replicates_memory_ratio"] = target_replicates_memory_ratio;
    }
    const auto& largest = lines.back();
    targets["largest_selectors"] = largest["selectors"];
    targets["largest_peak_megabytes"] = largest["peak_megabytes"];
    targets["target_largest_megabytes"] = target_largest_megabytes;
    // Linear cost: seconds per selector at the largest size over that at the smallest.
    targets["cost_per_selector_largest_over_smallest"] =
        (largest["seconds"].get<double>() / static_cast<double>(largest["selectors"].get<std::uint64_t>())) /
        (small["seconds"].get<double>() / static_cast<double>(small["selectors"].get<std::uint64_t>()));
    std::cout << targets.dump() << '\n';
  } catch (const std::exception& error) {
    std::cerr << "primsim-scale: " << error.what() << '\n';
    return 1;
  }
  return 0;
}
