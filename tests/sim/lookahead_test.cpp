// Scheduling errors a model author would hit: a message under the lookahead, a negative delay,
// an unknown LP, scheduling after the run.
#include <memory>
#include <string>

#include <catch2/catch.hpp>

#include "executor_fixtures.hpp"
#include "primsim/sim/lp_context.hpp"
#include "primsim/sim/simulation.hpp"
#include "primsim/sim/simulation_error.hpp"

using namespace primsim::sim;

namespace {

// LP "almaty" sends one event to LP "national" with the given delay at t = 7200 s.
class DelayedSender final : public LpModel {
 public:
  DelayedSender(Duration delay, LpId target, bool schedule_in_finish = false)
      : delay_(delay), target_(target), schedule_in_finish_(schedule_in_finish) {}
  void init(LpContext& context) override {
    if (context.self() == LpId{1}) context.schedule(Duration::hours(2), 1);
  }
  void handle(const Event& event, LpContext& context) override {
    if (event.type == 1) context.send(target_, delay_, 2);
  }
  void finish(LpContext& context) override {
    if (schedule_in_finish_ && context.self() == LpId{0}) context.schedule(Duration{1}, 3);
  }

 private:
  Duration delay_;
  LpId target_;
  bool schedule_in_finish_;
};

void run_two_lps(const testing::NamedExecutor& executor, Duration delay, LpId target,
                 bool schedule_in_finish = false) {
  SimulationConfig config;
  config.lookahead = Duration::hours(1);
  Simulation simulation(config);
  simulation.add_lp("national", std::make_unique<DelayedSender>(delay, target, schedule_in_finish));
  simulation.add_lp("almaty", std::make_unique<DelayedSender>(delay, target, schedule_in_finish));
  simulation.run(*executor.make());
}

}  // namespace

TEST_CASE("a message under the lookahead names both LPs, the times and the lookahead", "[sim]") {
  for (const auto& executor : testing::all_executors()) {
    SECTION(executor.name) {
      REQUIRE_THROWS_AS(run_two_lps(executor, Duration::minutes(30), LpId{0}), SimulationError);
      REQUIRE_THROWS_WITH(run_two_lps(executor, Duration::minutes(30), LpId{0}),
                          "LP 1 (almaty) sent event type 2 to LP 0 (national) at t=7200 s for "
                          "t=9000 s: a delay of 1800 s is less than the lookahead of 3600 s");
    }
  }
}

TEST_CASE("a message of exactly the lookahead is accepted", "[sim]") {
  for (const auto& executor : testing::all_executors()) {
    SECTION(executor.name) { REQUIRE_NOTHROW(run_two_lps(executor, Duration::hours(1), LpId{0})); }
  }
}

TEST_CASE("an event for the LP itself may have any non-negative delay", "[sim]") {
  for (const auto& executor : testing::all_executors()) {
    SECTION(executor.name) { REQUIRE_NOTHROW(run_two_lps(executor, Duration{0}, LpId{1})); }
  }
}

TEST_CASE("scheduling errors name the culprit", "[sim]") {
  const auto executor = testing::all_executors().front();
  REQUIRE_THROWS_WITH(run_two_lps(executor, Duration{-5}, LpId{1}),
                      "LP 1 (almaty) scheduled event type 2 with a negative delay of -5 s at t=7200 s");
  REQUIRE_THROWS_WITH(run_two_lps(executor, Duration::hours(2), LpId{9}),
                      "LP 1 (almaty) sent event type 2 to LP 9, but the simulation has only 2 LPs");
  REQUIRE_THROWS_WITH(run_two_lps(executor, Duration::hours(1), LpId{0}, true),
                      "LP 0 (national) scheduled event type 3 from finish(), after the run ended");
}

TEST_CASE("a simulation refuses a non-positive lookahead and a second run", "[sim]") {
  SimulationConfig config;
  config.lookahead = Duration{0};
  REQUIRE_THROWS_WITH(Simulation{config}, "the lookahead must be a positive number of seconds, got 0 s");

  Simulation simulation(SimulationConfig{});
  SequentialExecutor executor;
  simulation.run(executor);
  REQUIRE_THROWS_WITH(simulation.run(executor), "a simulation runs once; build a new one for another run");
}
