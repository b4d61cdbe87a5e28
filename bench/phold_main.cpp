// primsim-phold: the engine on ROSS's PHOLD parameters, printing one JSON line of figures;
// --baseline also times a bare hold loop in the same run and prints the ratio engine / bare.
// --compare runs the bare loop, the sequential executor and the windowed executor on 1 and 2
// threads in turn, --rounds times, and prints the engine targets from the medians: on a shared
// machine one run of each, minutes apart, can differ by more than the ratios being checked.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "bare_hold_loop.hpp"
#include "primsim/sim/parallel_executor.hpp"
#include "primsim/sim/phold_model.hpp"
#include "primsim/sim/sequential_executor.hpp"
#include "primsim/sim/simulation.hpp"
#include "round_median.hpp"

namespace {

using namespace primsim;

struct EngineRun {
  sim::RunStats stats;
  double seconds = 0;
  std::string executor;
};

// threads 0: the sequential executor; otherwise the windowed parallel one on that many threads.
EngineRun run_engine(const sim::PholdParameters& parameters, std::uint64_t seed, std::size_t threads) {
  sim::Simulation simulation(sim::phold_config(parameters, seed));
  sim::add_phold_lps(simulation, parameters);
  std::unique_ptr<sim::Executor> executor;
  if (threads == 0) {
    executor = std::make_unique<sim::SequentialExecutor>();
  } else {
    executor = std::make_unique<sim::ParallelExecutor>(threads);
  }
  EngineRun run;
  run.executor = executor->name();
  const auto start = std::chrono::steady_clock::now();
  run.stats = simulation.run(*executor);
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return run;
}

// The bare loop and three executors in turn, `rounds` times: one line per run, then the medians
// and the engine's targets (docs/ensembles.md).
int compare(const sim::PholdParameters& parameters, std::uint64_t seed, int rounds) {
  const std::vector<std::pair<std::string, std::size_t>> configurations{
      {"sequential", 0}, {"windowed_1", 1}, {"windowed_2", 2}};
  std::map<std::string, std::vector<double>> rates;
  std::uint64_t events = 0;
  bool same_events = true;
  for (int round = 0; round < rounds; ++round) {
    const bench::BareHoldResult bare = bench::run_bare_hold_loop(parameters, seed);
    rates["bare"].push_back(static_cast<double>(bare.events) / bare.seconds);
    nlohmann::ordered_json bare_line;
    bare_line["round"] = round;
    bare_line["configuration"] = "bare";
    bare_line["events"] = bare.events;
    bare_line["seconds"] = bare.seconds;
    bare_line["events_per_second"] = rates["bare"].back();
    std::cout << bare_line.dump() << std::endl;
    for (const auto& [name, threads] : configurations) {
      const EngineRun run = run_engine(parameters, seed, threads);
      const double rate = static_cast<double>(run.stats.committed_events) / run.seconds;
      rates[name].push_back(rate);
      if (events == 0) events = run.stats.committed_events;
      same_events = same_events && run.stats.committed_events == events;
      nlohmann::ordered_json line;
      line["round"] = round;
      line["configuration"] = name;
      line["events"] = run.stats.committed_events;
      line["seconds"] = run.seconds;
      line["events_per_second"] = rate;
      std::cout << line.dump() << std::endl;
    }
  }
  nlohmann::ordered_json targets;
  targets["measure"] = "targets";
  targets["lps"] = parameters.lps;
  targets["start_events"] = parameters.start_events;
  targets["pending"] = parameters.lps * parameters.start_events;
  targets["rounds"] = rounds;
  for (const auto& [name, values] : rates) {
    targets["median_events_per_second_" + name] = bench::median(values);
  }
  const double sequential = bench::median(rates["sequential"]);
  const double windowed_1 = bench::median(rates["windowed_1"]);
  targets["sequential_over_bare"] = sequential / bench::median(rates["bare"]);
  targets["target_sequential_over_bare"] = 0.9;  // at 1,024 and 16,384 pending
  targets["sequential_over_windowed_1"] = sequential / windowed_1;
  targets["target_sequential_over_windowed_1"] = 1.0;  // at 262,144 pending
  targets["windowed_2_over_windowed_1"] = bench::median(rates["windowed_2"]) / windowed_1;
  targets["target_windowed_2_over_windowed_1"] = 1.5;  // at 1,024 LPs x 1
  targets["same_events_every_executor"] = same_events;
  std::cout << targets.dump() << '\n';
  return same_events ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  sim::PholdParameters parameters;
  std::size_t threads = 0;
  std::uint64_t seed = 1;
  bool baseline = false;
  bool side_by_side = false;
  int rounds = 5;

  CLI::App app{"PHOLD on the primsim engine (parameters as in ROSS's phold)"};
  app.add_option("--lps", parameters.lps, "number of logical processes")->check(CLI::PositiveNumber);
  app.add_option("--start-events", parameters.start_events, "events per LP at the start");
  app.add_option("--remote", parameters.remote, "probability that an event goes to a random LP")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--mean", parameters.mean, "mean delay of an event, lookahead included");
  app.add_option("--lookahead", parameters.lookahead, "least delay of an event")->check(CLI::PositiveNumber);
  app.add_option("--end", parameters.end, "end time in PHOLD units")->check(CLI::PositiveNumber);
  app.add_option("--threads", threads, "0: the sequential executor; T: the parallel one on T threads");
  app.add_option("--seed", seed, "random seed");
  app.add_flag("--baseline", baseline, "also time a bare hold loop and print the ratio");
  app.add_flag("--compare", side_by_side,
               "run the bare loop, the sequential executor and the windowed one on 1 and 2 threads in turn, "
               "and print the targets from the medians");
  app.add_option("--rounds", rounds, "rounds of --compare")->check(CLI::PositiveNumber);
  CLI11_PARSE(app, argc, argv);
  if (parameters.mean <= parameters.lookahead) {
    std::cerr << "primsim-phold: --mean must exceed --lookahead\n";
    return 2;
  }
  if (side_by_side) return compare(parameters, seed, rounds);

  const EngineRun run = run_engine(parameters, seed, threads);
  const sim::RunStats& stats = run.stats;
  const double seconds = run.seconds;

  nlohmann::ordered_json line;
  line["lps"] = parameters.lps;
  line["start_events"] = parameters.start_events;
  line["threads"] = threads;
  line["executor"] = run.executor;
  line["committed_events"] = stats.committed_events;
  line["seconds"] = seconds;
  line["events_per_second"] = static_cast<double>(stats.committed_events) / seconds;
  if (stats.windows > 0) line["windows"] = stats.windows;
  if (baseline) {
    const bench::BareHoldResult bare = bench::run_bare_hold_loop(parameters, seed);
    const double bare_rate = static_cast<double>(bare.events) / bare.seconds;
    line["baseline_events"] = bare.events;
    line["baseline_seconds"] = bare.seconds;
    line["baseline_events_per_second"] = bare_rate;
    line["ratio"] = line["events_per_second"].get<double>() / bare_rate;
  }
  std::cout << line.dump() << '\n';
  return 0;
}
