// Pins the processing order of simultaneous events: (time, priority, origin LP, origin sequence),
// identical under every executor and thread count.
#include <memory>
#include <vector>

#include <catch2/catch.hpp>

#include "executor_fixtures.hpp"
#include "primsim/sim/lp_context.hpp"
#include "primsim/sim/simulation.hpp"

using namespace primsim::sim;

namespace {

constexpr Duration kAt = Duration{100};

// LP 0 records the types of the events it handles; LPs 1-3 only send to it at init.
class SimultaneousSender final : public LpModel {
 public:
  explicit SimultaneousSender(std::vector<EventType>* record) : record_(record) {}

  void init(LpContext& context) override {
    const LpId to{0};
    switch (context.self().value()) {
      case 0:
        context.schedule(kAt, 1, {}, 0);
        context.schedule(kAt, 2, {}, -1);
        break;
      case 1:
        context.send(to, kAt, 10, {}, 0);
        context.send(to, kAt, 11, {}, 0);
        context.send(to, kAt, 12, {}, 5);
        break;
      case 2:
        context.send(to, kAt, 20, {}, 0);
        context.send(to, kAt, 21, {}, -1);
        break;
      default:
        context.send(to, kAt, 30, {}, 0);
        break;
    }
  }
  void handle(const Event& event, LpContext& context) override {
    record_->push_back(event.type);
    // A zero-delay follow-up carries LP 0's next sequence number, so it sorts before every
    // priority-0 event from LPs 1-3 at the same time.
    if (event.type == 1) context.schedule(Duration{0}, 3);
  }
  void finish(LpContext& /*context*/) override {}

 private:
  std::vector<EventType>* record_;
};

}  // namespace

TEST_CASE("simultaneous events are processed by priority, then origin LP, then sequence", "[sim]") {
  const std::vector<EventType> expected{2, 21, 1, 3, 10, 11, 20, 30, 12};
  for (const auto& executor : testing::all_executors()) {
    SECTION(executor.name) {
      std::vector<EventType> record;
      SimulationConfig config;
      config.lookahead = Duration{10};
      Simulation simulation(config);
      for (int i = 0; i < 4; ++i) {
        simulation.add_lp("lp" + std::to_string(i), std::make_unique<SimultaneousSender>(&record));
      }
      const RunStats stats = simulation.run(*executor.make());
      CHECK(record == expected);
      CHECK(stats.committed_events == expected.size());
      CHECK(stats.last_event_time == SimTime{100});
    }
  }
}
