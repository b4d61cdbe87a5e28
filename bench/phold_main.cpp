// primsim-phold: the engine on ROSS's PHOLD parameters, printing one JSON line of figures;
// --baseline also times a bare hold loop in the same run and prints the ratio engine / bare.
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "bare_hold_loop.hpp"
#include "primsim/sim/parallel_executor.hpp"
#include "primsim/sim/phold_model.hpp"
#include "primsim/sim/sequential_executor.hpp"
#include "primsim/sim/simulation.hpp"

int main(int argc, char** argv) {
  using namespace primsim;
  sim::PholdParameters parameters;
  std::size_t threads = 0;
  std::uint64_t seed = 1;
  bool baseline = false;

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
  CLI11_PARSE(app, argc, argv);
  if (parameters.mean <= parameters.lookahead) {
    std::cerr << "primsim-phold: --mean must exceed --lookahead\n";
    return 2;
  }

  sim::Simulation simulation(sim::phold_config(parameters, seed));
  sim::add_phold_lps(simulation, parameters);
  std::unique_ptr<sim::Executor> executor;
  if (threads == 0) {
    executor = std::make_unique<sim::SequentialExecutor>();
  } else {
    executor = std::make_unique<sim::ParallelExecutor>(threads);
  }
  const auto start = std::chrono::steady_clock::now();
  const sim::RunStats stats = simulation.run(*executor);
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  nlohmann::ordered_json line;
  line["lps"] = parameters.lps;
  line["start_events"] = parameters.start_events;
  line["threads"] = threads;
  line["executor"] = executor->name();
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
