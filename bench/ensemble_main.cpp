// primsim-ensemble: the 2020 preset at full scale as `primsim run` runs it (the same ensemble
// loop, HDF5 writer and partial file), N replicates on 1 thread and then on 2. Each
// configuration runs in a child process so that its peak memory is its own. Prints one JSON line
// per configuration and one with the projection to 1,000 replicates against issue 10's targets.
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

#include "ensemble_block.hpp"
#include "primsim/models/members/member_generator.hpp"
#include "primsim/models/primary/party_scenario.hpp"
#include "primsim/models/primary/primary_replicate.hpp"
#include "primsim/scenarios/scenario_loader.hpp"

namespace {

namespace fs = std::filesystem;

// Issue 10: a full 2020 replicate in under 2 s on one core, 1,000 replicates in under 20
// minutes on two cores.
constexpr double target_seconds_per_replicate_one_core = 2.0;
constexpr double target_seconds_for_1000_on_two_cores = 20.0 * 60.0;

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
  // The run information `primsim run` writes, built by the same function.
  const models::results::RunInfo info =
      cli::make_run_info(loaded, scenario.ensemble.seed, replicates, "primsim-ensemble");
  const fs::path output =
      fs::temp_directory_path() / ("primsim-ensemble-" + std::to_string(::getpid()) + ".h5");

  const auto start = std::chrono::steady_clock::now();
  const cli::BlockOutcome outcome =
      cli::run_ensemble_block(cli::BlockSettings{threads, false, true, false, nullptr, {}}, loaded, info,
                              cli::make_layout(loaded, replicates), output);
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
  line["interrupted"] = outcome.interrupted;
  return line;
}

// Runs one configuration in a fresh copy of this program and returns its line.
nlohmann::ordered_json run_child(const std::string& scenario_path, std::uint32_t replicates,
                                 std::size_t threads) {
  const std::string self = fs::read_symlink("/proc/self/exe").string();
  const auto quoted = [](const std::string& text) {
    std::string out = "'";
    for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
  };
  const std::string command = quoted(self) + " --scenario " + quoted(scenario_path) + " --replicates " +
                              std::to_string(replicates) + " --configuration " + std::to_string(threads);
  FILE* child = ::popen(command.c_str(), "r");
  if (child == nullptr) throw std::runtime_error("cannot start " + command);
  std::string output;
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), static_cast<int>(buffer.size()), child) != nullptr)
    output += buffer.data();
  if (::pclose(child) != 0) throw std::runtime_error("the configuration failed: " + command);
  return nlohmann::ordered_json::parse(output);
}

}  // namespace

int main(int argc, char** argv) {
  std::string scenario_path = "scenarios/presets/nur_otan_2020.yaml";
  std::uint32_t replicates = 4;
  std::size_t configuration = 0;
  CLI::App app{"seconds per replicate, events per second and peak memory of an ensemble on 1 and 2 threads"};
  app.add_option("--scenario", scenario_path, "scenario to run");
  app.add_option("--replicates", replicates, "replicates per configuration")->check(CLI::PositiveNumber);
  app.add_option("--configuration", configuration, "run only this thread count, in this process")
      ->group("");  // how the parent starts its children
  CLI11_PARSE(app, argc, argv);

  try {
    if (configuration > 0) {
      std::cout << run_configuration(scenario_path, replicates, configuration).dump() << '\n';
      return 0;
    }
    std::vector<nlohmann::ordered_json> lines;
    for (const std::size_t threads : {std::size_t{1}, std::size_t{2}}) {
      lines.push_back(run_child(scenario_path, replicates, threads));
      std::cout << lines.back().dump() << std::endl;
    }
    const double one_core = lines[0]["seconds_per_replicate"].get<double>();
    const double two_cores_1000 = 1000.0 * lines[1]["seconds_per_replicate"].get<double>();
    nlohmann::ordered_json projection;
    projection["measure"] = "targets";
    projection["seconds_per_replicate_one_thread"] = one_core;
    projection["target_seconds_per_replicate_one_core"] = target_seconds_per_replicate_one_core;
    projection["ratio_to_one_core_target"] = one_core / target_seconds_per_replicate_one_core;
    projection["projected_seconds_1000_replicates_two_threads"] = two_cores_1000;
    projection["target_seconds_1000_replicates_two_cores"] = target_seconds_for_1000_on_two_cores;
    projection["ratio_to_two_core_target"] = two_cores_1000 / target_seconds_for_1000_on_two_cores;
    projection["speedup_two_threads"] = one_core / lines[1]["seconds_per_replicate"].get<double>();
    std::cout << projection.dump() << '\n';
  } catch (const std::exception& error) {
    std::cerr << "primsim-ensemble: " << error.what() << '\n';
    return 1;
  }
  return 0;
}
