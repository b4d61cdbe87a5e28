// The sequential executor: one thread, in the engine's total order on every LP.
#include "primsim/sim/sequential_executor.hpp"

#include <algorithm>
#include <utility>
#include <vector>

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

// Remote events wait in the target's inbox until the target's turn in a window: LpContext has
// checked that they are at least one lookahead ahead, so at or after the end of the window being
// worked through. A push into the cold heap of a random LP misses the cache at each level of a
// large heap, while appending to an inbox touches one line, and the inbox joins the heap when the
// heap is in cache (PHOLD at 262,144 pending: 3.5 to 4.6 M events/s).
class LpQueueRouter final : public EventRouter {
 public:
  explicit LpQueueRouter(std::vector<EventQueue>& queues) : queues_(queues), inboxes_(queues.size()) {}
  void schedule_local(LogicalProcess& self, const Event& event) override {
    queues_[self.id().value()].push(event);
  }
  void send_remote(LogicalProcess& /*self*/, const Event& event) override {
    inboxes_[event.target.value()].push_back(event);
    earliest_sent_ = std::min(earliest_sent_, event.time);
  }
  // Moves the events sent to LP `index` into its queue; false when none came.
  bool deliver(std::size_t index) {
    std::vector<Event>& inbox = inboxes_[index];
    if (inbox.empty()) return false;
    for (const Event& event : inbox) queues_[index].push(event);
    inbox.clear();
    return true;
  }
  // The earliest remote event since the last call: it may have gone to an LP already passed.
  SimTime take_earliest_sent() { return std::exchange(earliest_sent_, SimTime::max()); }

 private:
  std::vector<EventQueue>& queues_;
  std::vector<std::vector<Event>> inboxes_;
  SimTime earliest_sent_ = SimTime::max();
};

LpId lp_id(std::size_t index) { return LpId{static_cast<LpId::value_type>(index)}; }

void init_all(Simulation& simulation, EventRouter& router) {
  for (std::size_t i = 0; i < simulation.lp_count(); ++i) {
    LogicalProcess& lp = simulation.lp(lp_id(i));
    LpContext context(simulation, lp, router, simulation.config().start_time);
    lp.model().init(context);
  }
}

void finish_all(Simulation& simulation, const RunStats& stats) {
  const SimulationConfig& config = simulation.config();
  detail::FinishRouter finish_router;
  const SimTime finish_time = config.end_time == SimTime::max() ? stats.last_event_time : config.end_time;
  for (std::size_t i = 0; i < simulation.lp_count(); ++i) {
    LogicalProcess& lp = simulation.lp(lp_id(i));
    LpContext context(simulation, lp, finish_router, finish_time);
    lp.model().finish(context);
  }
}

}  // namespace

RunStats SequentialExecutor::run(Simulation& simulation, Observer* observer) {
  return order_ == Order::global_queue ? run_global_queue(simulation, observer)
                                       : run_lookahead_windows(simulation, observer);
}

RunStats SequentialExecutor::run_global_queue(Simulation& simulation, Observer* observer) {
  const SimulationConfig& config = simulation.config();
  EventQueue queue;
  GlobalQueueRouter router(queue);
  RunStats stats;
  stats.last_event_time = config.start_time;
  init_all(simulation, router);

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

  finish_all(simulation, stats);
  return stats;
}

RunStats SequentialExecutor::run_lookahead_windows(Simulation& simulation, Observer* observer) {
  const SimulationConfig& config = simulation.config();
  const std::size_t lp_count = simulation.lp_count();
  std::vector<EventQueue> queues(lp_count);
  LpQueueRouter router(queues);
  RunStats stats;
  stats.last_event_time = config.start_time;
  init_all(simulation, router);

  // Each LP's earliest queued event, packed: a window reads every LP's, and most LPs of a large
  // model have nothing in most windows, so a visit to each queue's heap only to learn that would
  // cost more than the events (PHOLD, 1,024 LPs with one event each).
  std::vector<SimTime> next_time(lp_count);
  SimTime window_start = router.take_earliest_sent();
  for (std::size_t i = 0; i < lp_count; ++i) {
    router.deliver(i);
    next_time[i] = queues[i].next_time();
    window_start = std::min(window_start, next_time[i]);
  }
  while (window_start < config.end_time) {
    const SimTime window_end = std::min(window_start.saturating_add(config.lookahead), config.end_time);
    SimTime next_start = SimTime::max();
    for (std::size_t i = 0; i < lp_count; ++i) {
      if (router.deliver(i)) next_time[i] = queues[i].next_time();
      if (next_time[i] < window_end) {
        EventQueue& queue = queues[i];
        LogicalProcess& lp = simulation.lp(lp_id(i));
        LpContext context(simulation, lp, router, window_start);
        while (queue.next_time() < window_end) {
          const Event event = queue.pop();
          if (observer != nullptr) observer->on_event(event);
          context.set_now(event.time);
          lp.model().handle(event, context);
          lp.count_committed();
          ++stats.committed_events;
          stats.last_event_time = std::max(stats.last_event_time, event.time);
        }
        next_time[i] = queue.next_time();
      }
      next_start = std::min(next_start, next_time[i]);
    }
    window_start = std::min(next_start, router.take_earliest_sent());
    ++stats.windows;
  }

  finish_all(simulation, stats);
  return stats;
}

}  // namespace primsim::sim
