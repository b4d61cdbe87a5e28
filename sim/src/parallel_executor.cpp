// The conservative windowed executor on oneTBB.
#include "primsim/sim/parallel_executor.hpp"

#include <algorithm>
#include <atomic>
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
};

// What every window reads of every LP, packed apart from the slots. Most LPs have no event in
// most windows of a large model, and visiting each one's slot (its lock, its queue's heap) only
// to learn that cost more than the events themselves: PHOLD with 1,024 LPs and one event each
// spent two thirds of a one-thread window on that visit, none of it shared by a second thread.
struct LpSchedule {
  explicit LpSchedule(std::size_t lp_count) : next_time(lp_count, SimTime::max()), has_mail(lp_count) {}
  // The LP's earliest queued event, kept up to date by the thread that runs the LP.
  std::vector<SimTime> next_time;
  // Set by a sender under the inbox's lock, read without it. A send that the read misses is at
  // least a lookahead ahead of the window, so it waits safely for the next window's drain, and
  // its sender's earliest_sent keeps that window early enough.
  std::vector<std::atomic<bool>> has_mail;
};

class SlotRouter final : public EventRouter {
 public:
  SlotRouter(std::vector<LpSlot>& slots, LpSchedule& schedule) : slots_(slots), schedule_(schedule) {}

  void schedule_local(LogicalProcess& self, const Event& event) override {
    slots_[self.id().value()].queue.push(event);
  }
  void send_remote(LogicalProcess& self, const Event& event) override {
    LpSlot& target = slots_[event.target.value()];
    {
      tbb::spin_mutex::scoped_lock lock(target.inbox_mutex);
      target.inbox.push_back(event);
      schedule_.has_mail[event.target.value()].store(true, std::memory_order_relaxed);
    }
    LpSlot& origin = slots_[self.id().value()];
    origin.earliest_sent = std::min(origin.earliest_sent, event.time);
  }

 private:
  std::vector<LpSlot>& slots_;
  LpSchedule& schedule_;
};

// Moves the LP's inbox into its queue, if anything came, and refreshes its next time.
void drain_inbox(LpSlot& slot, LpSchedule& schedule, std::size_t lp) {
  if (!schedule.has_mail[lp].load(std::memory_order_relaxed)) return;
  {
    tbb::spin_mutex::scoped_lock lock(slot.inbox_mutex);
    slot.drained.swap(slot.inbox);
    schedule.has_mail[lp].store(false, std::memory_order_relaxed);
  }
  for (const Event& event : slot.drained) slot.queue.push(event);
  slot.drained.clear();
  schedule.next_time[lp] = slot.queue.next_time();
}

LpId lp_id(std::size_t index) { return LpId{static_cast<LpId::value_type>(index)}; }

}  // namespace

RunStats ParallelExecutor::run(Simulation& simulation, Observer* observer) {
  const SimulationConfig& config = simulation.config();
  const std::size_t lp_count = simulation.lp_count();
  std::vector<LpSlot> slots(lp_count);
  LpSchedule schedule(lp_count);
  SlotRouter router(slots, schedule);
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
            drain_inbox(slots[i], schedule, i);
            schedule.next_time[i] = slots[i].queue.next_time();
            earliest = std::min(earliest, schedule.next_time[i]);
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
              drain_inbox(slots[i], schedule, i);
              if (schedule.next_time[i] < window_end) {
                LpSlot& slot = slots[i];
                // Only an LP that runs can send: the others' earliest_sent stays out of the minimum.
                slot.earliest_sent = SimTime::max();
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
                schedule.next_time[i] = slot.queue.next_time();
                earliest = std::min(earliest, slot.earliest_sent);
              }
              earliest = std::min(earliest, schedule.next_time[i]);
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
