// The determinism contract: a PHOLD run (1,024 LPs, 10% remote, 100,000+ events) processes the
// same events in the same order on every LP as one global queue in the engine's total order does,
// sequentially in lookahead windows and on 1, 2 and 4 threads.
#include <catch2/catch.hpp>

#include "executor_fixtures.hpp"
#include "primsim/sim/phold_model.hpp"
#include "primsim/sim/simulation.hpp"
#include "primsim/sim/trace_digest.hpp"

using namespace primsim::sim;

namespace {

struct TraceResult {
  std::uint64_t digest;
  std::uint64_t events;
};

TraceResult run_phold(Executor& executor, std::uint64_t seed) {
  PholdParameters parameters;
  parameters.lps = 1024;
  parameters.start_events = 2;
  parameters.remote = 0.10;
  parameters.mean = 2.0;
  parameters.lookahead = 0.5;
  parameters.end = 120.0;
  Simulation simulation(phold_config(parameters, seed));
  add_phold_lps(simulation, parameters);
  TraceDigest trace(simulation.lp_count());
  const RunStats stats = simulation.run(executor, &trace);
  REQUIRE(stats.committed_events == trace.events());
  return {trace.digest(), trace.events()};
}

}  // namespace

TEST_CASE("PHOLD traces are identical for every executor and thread count", "[sim]") {
  SequentialExecutor global_queue(SequentialExecutor::Order::global_queue);
  const TraceResult reference = run_phold(global_queue, 12345);
  REQUIRE(reference.events > 100000);
  for (const auto& executor : testing::all_executors()) {
    SECTION(executor.name) {
      const TraceResult result = run_phold(*executor.make(), 12345);
      CHECK(result.events == reference.events);
      CHECK(result.digest == reference.digest);
    }
  }
}

TEST_CASE("a different seed gives a different PHOLD trace", "[sim]") {
  SequentialExecutor a;
  SequentialExecutor b;
  CHECK(run_phold(a, 1).digest != run_phold(b, 2).digest);
}
