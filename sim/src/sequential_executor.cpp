// The sequential executor: one global queue in the engine's total order.
#include "primsim/sim/sequential_executor.hpp"

#include "finish_router.hpp"
#include "primsim/sim/event_queue.hpp"
#include "primsim/sim/event_router.hpp"
#include "primsim/sim/lp_context.hpp"
#include "primsim/sim/observer.hpp"
#include "primsim/sim/simulation.hpp"

namespace primsim::sim {
namespace {

class GlobalQueueRouter final : public EventRouter {
 public:
  explicit GlobalQueueRouter(EventQueue& queue) : queue_(queue) {}
  void schedule_local(LogicalProcess& /*self*/, const Event& event) override { queue_.push(event); }
  void send_remote(LogicalProcess& /*self*/, const Event& event) override { queue_.push(event); }

 private:
  EventQueue& queue_;
};

}  // namespace

RunStats SequentialExecutor::run(Simulation& simulation, Observer* observer) {
  const SimulationConfig& config = simulation.config();
  EventQueue queue;
  GlobalQueueRouter router(queue);
  RunStats stats;
  stats.last_event_time = config.start_time;

  for (std::size_t i = 0; i < simulation.lp_count(); ++i) {
    LogicalProcess& lp = simulation.lp(LpId{static_cast<LpId::value_type>(i)});
    LpContext context(simulation, lp, router, config.start_time);
    lp.model().init(context);
  }

  while (!queue.empty() && queue.top().time < config.end_time) {
    const Event event = queue.pop();
    LogicalProcess& lp = simulation.lp(event.target);
    if (observer != nullptr) observer->on_event(event);
    LpContext context(simulation, lp, router, event.time);
    lp.model().handle(event, context);
    lp.count_committed();
    ++stats.committed_events;
    stats.last_event_time = event.time;
  }

  detail::FinishRouter finish_router;
  const SimTime finish_time = config.end_time == SimTime::max() ? stats.last_event_time : config.end_time;
  for (std::size_t i = 0; i < simulation.lp_count(); ++i) {
    LogicalProcess& lp = simulation.lp(LpId{static_cast<LpId::value_type>(i)});
    LpContext context(simulation, lp, finish_router, finish_time);
    lp.model().finish(context);
  }
  return stats;
}

}  // namespace primsim::sim
