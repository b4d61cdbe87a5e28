// `primsim phold`: a PHOLD run of the engine with an event-trace digest, so a user can check on
// any machine that the executors agree (the same digest for every thread count).
#include <chrono>
#include <iostream>
#include <limits>
#include <memory>

#include <fmt/format.h>

#include "command.hpp"
#include "integer_option.hpp"
#include "primsim/sim/parallel_executor.hpp"
#include "primsim/sim/phold_model.hpp"
#include "primsim/sim/sequential_executor.hpp"
#include "primsim/sim/simulation.hpp"
#include "primsim/sim/trace_digest.hpp"

namespace primsim::cli {

Command add_phold_command(CLI::App& parent) {
  struct Options {
    sim::PholdParameters parameters;
    std::size_t threads = 0;
    std::uint64_t seed = 1;
  };
  auto options = std::make_shared<Options>();
  CLI::App* app =
      parent.add_subcommand("phold", "run the engine's PHOLD self-check and print its trace digest");
  app->add_option("--lps", options->parameters.lps, "logical processes")->check(integer_in(1, UINT32_MAX));
  app->add_option("--end", options->parameters.end, "end time in PHOLD units")
      ->check(number_in(0.0, std::numeric_limits<double>::max(), true));
  app->add_option("--remote", options->parameters.remote, "share of events sent to a random LP")
      ->check(number_in(0.0, 1.0));
  app->add_option("--threads", options->threads, "0: sequential executor; T: parallel on T threads")
      ->check(integer_in(0, kMaxThreads));
  app->add_option("--seed", options->seed, "random seed")->check(integer_in(0, UINT64_MAX));

  return {app, [options] {
            sim::Simulation simulation(sim::phold_config(options->parameters, options->seed));
            sim::add_phold_lps(simulation, options->parameters);
            sim::TraceDigest trace(simulation.lp_count());
            std::unique_ptr<sim::Executor> executor;
            if (options->threads == 0) {
              executor = std::make_unique<sim::SequentialExecutor>();
            } else {
              executor = std::make_unique<sim::ParallelExecutor>(options->threads);
            }
            const auto start = std::chrono::steady_clock::now();
            const sim::RunStats stats = simulation.run(*executor, &trace);
            const double seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            std::cout << fmt::format("executor {} ({} threads): {} events in {:.3f} s, digest {:016x}\n",
                                     executor->name(), options->threads, stats.committed_events, seconds,
                                     trace.digest());
            return 0;
          }};
}

}  // namespace primsim::cli
