// The conservative windowed executor on oneTBB.
#include "primsim/sim/parallel_executor.hpp"

#include <algorithm>
#include <memory>
#include <vector>

#include <tbb/blocked_range.h>
#include <tbb/spin_mutex.h>
#include <tbb/task_arena.h>

#include "finish_router.hpp"
#include "primsim/sim/event_queue.hpp"
#include "primsim/sim/event_router.hpp"
#include "primsim/sim/lp_context.hpp"
#include "primsim/sim/observer.hpp"
#include "primsim/sim/simulation.hpp"
#include "primsim/sim/tbb_happens_before.hpp"

namespace primsim::sim {
namespace {

// Per-LP executor state, one cache line apart so that neighbours on other threads do not
// contend for the same line.
struct alignas(64) LpSlot {
  EventQueue queue;
  tbb::spin_mutex inbox_mutex;
  std::vector<Event> inbox;
  std::vector<Event> drained;  // reused to keep inbox swaps allocation-free
  // Earliest event this LP sent to others in the current window: part of the next window's start.
  SimTime earliest_sent = SimTime::max();
  SimTime last_event_time;
  std::uint64_t committed = 0;

  void drain_inbox() {
    {
      tbb::spin_mutex::scoped_lock lock(inbox_mutex);
      if (inbox.empty()) return;
      drained.swap(inbox);
    }
    for (const Event& event : drained) queue.push(event);
    drained.clear();
  }
};

class SlotRouter final : public EventRouter {
 public:
  explicit SlotRouter(std::vector<LpSlot>& slots) : slots_(slots) {}

  void schedule_local(LogicalProcess& self, const Event& event) override {
    slots_[self.id().value()].queue.push(event);
  }
  void send_remote(LogicalProcess& self, const Event& event) override {
    LpSlot& target = slots_[event.target.value()];
    {
      tbb::spin_mutex::scoped_lock lock(target.inbox_mutex);
      target.inbox.push_back(event);
    }
    LpSlot& origin = slots_[self.id().value()];
    origin.earliest_sent = std::min(origin.earliest_sent, event.time);
  }

 private:
  std::vector<LpSlot>& slots_;
};

LpId lp_id(std::size_t index) { return LpId{static_cast<LpId::value_type>(index)}; }

}  // namespace

RunStats ParallelExecutor::run(Simulation& simulation, Observer* observer) {
  const SimulationConfig& config = simulation.config();
  const std::size_t lp_count = simulation.lp_count();
  std::vector<LpSlot> slots(lp_count);
  SlotRouter router(slots);
  RunStats stats;

  const int concurrency = threads_ == 0 ? tbb::task_arena::automatic : static_cast<int>(threads_);
  tbb::task_arena arena(concurrency);
  const auto min_time = [](SimTime a, SimTime b) { return std::min(a, b); };

  tbb_hb::execute(arena, [&] {
    tbb_hb::parallel_for(std::size_t{0}, lp_count, [&](std::size_t i) {
      slots[i].last_event_time = config.start_time;
      LpContext context(simulation, simulation.lp(lp_id(i)), router, config.start_time);
      simulation.lp(lp_id(i)).model().init(context);
    });

    SimTime window_start = tbb_hb::parallel_reduce(
        tbb::blocked_range<std::size_t>(0, lp_count), SimTime::max(),
        [&](const tbb::blocked_range<std::size_t>& range, SimTime earliest) {
          for (std::size_t i = range.begin(); i != range.end(); ++i) {
            slots[i].drain_inbox();
            earliest = std::min(earliest, slots[i].queue.next_time());
          }
          return earliest;
        },
        min_time);

    while (window_start < config.end_time) {
      const SimTime window_end = std::min(window_start.saturating_add(config.lookahead), config.end_time);
      window_start = tbb_hb::parallel_reduce(
          tbb::blocked_range<std::size_t>(0, lp_count), SimTime::max(),
          [&](const tbb::blocked_range<std::size_t>& range, SimTime earliest) {
            for (std::size_t i = range.begin(); i != range.end(); ++i) {
              LpSlot& slot = slots[i];
              slot.earliest_sent = SimTime::max();
              slot.drain_inbox();
              if (slot.queue.next_time() < window_end) {
                LogicalProcess& lp = simulation.lp(lp_id(i));
                LpContext context(simulation, lp, router, window_start);
                while (slot.queue.next_time() < window_end) {
                  const Event event = slot.queue.pop();
                  if (observer != nullptr) observer->on_event(event);
                  context.set_now(event.time);
                  lp.model().handle(event, context);
                  lp.count_committed();
                  ++slot.committed;
                  slot.last_event_time = event.time;
                }
              }
              earliest = std::min({earliest, slot.queue.next_time(), slot.earliest_sent});
            }
            return earliest;
          },
          min_time);
      ++stats.windows;
    }
  });

  stats.last_event_time = config.start_time;
  for (const LpSlot& slot : slots) {
    stats.committed_events += slot.committed;
    stats.last_event_time = std::max(stats.last_event_time, slot.last_event_time);
  }

  // finish runs in LP order on this thread, so that what models publish at the end arrives in a
  // fixed order without the observers needing locks.
  detail::FinishRouter finish_router;
  const SimTime finish_time = config.end_time == SimTime::max() ? stats.last_event_time : config.end_time;
  for (std::size_t i = 0; i < lp_count; ++i) {
    LpContext context(simulation, simulation.lp(lp_id(i)), finish_router, finish_time);
    simulation.lp(lp_id(i)).model().finish(context);
  }
  return stats;
}

}  // namespace primsim::sim
