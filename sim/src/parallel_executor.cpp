// The conservative windowed executor on oneTBB.
#include "primsim/sim/parallel_executor.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#endif

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

// Tells the core that this thread is spinning, so that its sibling hyperthread runs on.
inline void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
  _mm_pause();
#endif
}

// The windows of a run, worked through by a team of threads that stays together from the first
// window to the last. Forking and joining a parallel algorithm for each window moved LPs between
// the cores from one window to the next, and with them their queues and state: PHOLD with 1,024
// LPs of one event each ran 1.23 times as fast on two threads as on one even without messages
// between LPs. Here each thread has its own share of the LPs, cut into chunks, and works through
// them window after window; a thread that has finished its share takes unclaimed chunks from the
// back of the others', so that 18 regions of unequal work still balance. The thread that completes
// a window's last chunk opens the next window; the others spin, then sleep, until it does.
//
// No thread ever waits for another thread to arrive, only for chunks already claimed to finish,
// so the run completes on however many threads oneTBB lends the team, one included.
//
// run_lps(first, last, start, end) works LPs [first, last) through the window [start, end) and
// returns the earliest time they may still need: their next events and what they sent.
template <typename RunLps>
class WindowTeam {
 public:
  WindowTeam(const SimulationConfig& config, std::size_t lp_count, std::size_t threads, const RunLps& run_lps)
      : run_lps_(run_lps),
        lp_count_(lp_count),
        end_time_(config.end_time),
        lookahead_(config.lookahead),
        // At most 65,535 chunks: a share's claim word holds its chunk bounds in 16 bits each.
        chunk_size_(std::max<std::size_t>(
            {1, lp_count / (threads * kChunksPerThread), (lp_count + 0xFFFEU) / 0xFFFFU})),
        chunk_count_((lp_count + chunk_size_ - 1) / chunk_size_),
        chunk_earliest_(chunk_count_, SimTime::max()),
        shares_(threads) {
    for (std::size_t t = 0; t < threads; ++t) shares_[t].first = chunk_count_ * t / threads;
    for (std::size_t t = 0; t < threads; ++t)
      shares_[t].end = t + 1 < threads ? shares_[t + 1].first : chunk_count_;
  }

  // Opens the first window; false when there is nothing to run.
  bool open(SimTime window_start) {
    if (!(window_start < end_time_)) return false;
    publish(0, window_start);
    return true;
  }

  // Thread `member`'s part of the run, until the last window is done or a model has thrown.
  void take_part(std::size_t member) {
    // A thread that oneTBB lends late joins at the window now open.
    for (auto window = static_cast<std::uint64_t>(
             std::max<std::int64_t>(0, open_window_.load(std::memory_order_acquire)));
         ; ++window) {
      if (!wait_for_window(window)) return;
      for (std::size_t k = 0; k < shares_.size(); ++k) {
        Share& share = shares_[(member + k) % shares_.size()];
        const bool own = k == 0;
        for (;;) {
          std::uint64_t claim = share.claim.load(std::memory_order_acquire);
          const auto front = static_cast<std::uint32_t>((claim >> 16U) & 0xFFFFU);
          const auto back = static_cast<std::uint32_t>(claim & 0xFFFFU);
          // Another window's claim (a later one: this thread fell behind) or a share used up.
          if (static_cast<std::uint32_t>(claim >> 32U) != static_cast<std::uint32_t>(window) || front >= back)
            break;
          // The owner takes its share from the front, a thief from the back: the chunks a thief
          // takes are then the same ones window after window, and each chunk's LPs stay on one
          // core instead of passing between the two with the timing of each window.
          const std::uint32_t chunk = own ? front : back - 1;
          const std::uint64_t next = own ? claim + (std::uint64_t{1} << 16U) : claim - 1;
          if (!share.claim.compare_exchange_weak(claim, next, std::memory_order_acq_rel)) continue;
          // Read only now: a chunk of this window claimed and not yet done keeps the window open,
          // so the next window but one, which shares the slot, cannot be writing it.
          if (!run_chunk(chunk, bounds_[window & 1U])) return;
          // The acq_rel chain on completed_ orders every chunk's work before the last completer.
          if (completed_.fetch_add(1, std::memory_order_acq_rel) + 1 == chunk_count_) close(window);
        }
      }
    }
  }

  // Rethrows what a model threw, if anything.
  void rethrow_failure() const {
    if (error_) std::rethrow_exception(error_);
  }
  [[nodiscard]] std::uint64_t windows() const { return windows_; }

 private:
  static constexpr std::size_t kChunksPerThread = 8;
  static constexpr std::uint32_t kSpinsBeforeSleep = 4096;
  struct Bounds {
    SimTime start;
    SimTime end;
  };
  // One thread's chunks [first, end); claim holds the window's low 32 bits (high half) and the
  // unclaimed chunks [front, back) (16 bits each), so that a claim and the window it is for
  // change together.
  // Windows themselves are counted in 64 bits, so that a run of more than 2^32 windows (PHOLD
  // with lookahead 1 and a long end) never wraps: a thread waiting for window 0 after a wrap
  // would find it open at once and spin through the count instead of sleeping. Two windows whose
  // numbers agree in their low 32 bits are 2^32 windows apart; a thread that slept through that
  // many and then claims a chunk does the current window's work, with that window's bounds.
  struct alignas(64) Share {
    std::atomic<std::uint64_t> claim{0};
    std::size_t first = 0;
    std::size_t end = 0;
  };

  // False when a model threw: its exception is kept and every thread leaves.
  bool run_chunk(std::size_t chunk, const Bounds& bounds) {
    try {
      chunk_earliest_[chunk] = run_lps_(chunk * chunk_size_, std::min(lp_count_, (chunk + 1) * chunk_size_),
                                        bounds.start, bounds.end);
      return true;
    } catch (...) {
      const std::lock_guard lock(error_mutex_);
      if (!error_) error_ = std::current_exception();
      stop();
      return false;
    }
  }

  // On the thread that completed the window's last chunk, when no other thread is in the window.
  void close(std::uint64_t window) {
    ++windows_;
    const SimTime next_start = *std::min_element(chunk_earliest_.begin(), chunk_earliest_.end());
    completed_.store(0, std::memory_order_relaxed);
    if (!(next_start < end_time_)) {
      stop();
      return;
    }
    publish(window + 1, next_start);
  }

  // The bounds first, then the shares' claims, then the window number that the threads wait on.
  void publish(std::uint64_t window, SimTime start) {
    bounds_[window & 1U] = {start, std::min(start.saturating_add(lookahead_), end_time_)};
    for (Share& share : shares_)
      share.claim.store((window << 32U) | (share.first << 16U) | share.end, std::memory_order_release);
    open_window_.store(static_cast<std::int64_t>(window), std::memory_order_release);
    wake_waiters();
  }

  void stop() {
    stopped_.store(true, std::memory_order_release);
    wake_waiters();
  }

  // Cheap when no thread sleeps: the standard library makes the futex call only for waiters.
  void wake_waiters() {
    wake_.fetch_add(1, std::memory_order_release);
    wake_.notify_all();
  }

  // Spins for about a short window's time, then sleeps until the next window opens, so that a
  // thread whose share is idle (the centre's long second stage, say) leaves its core to others.
  // False when the run is over.
  bool wait_for_window(std::uint64_t window) const {
    for (std::uint32_t spins = 0;; ++spins) {
      if (stopped_.load(std::memory_order_acquire)) return false;
      // Windows only move forward, and none opens before every chunk of the last is done.
      if (open_window_.load(std::memory_order_acquire) >= static_cast<std::int64_t>(window)) return true;
      if (spins < kSpinsBeforeSleep) {
        cpu_relax();
        continue;
      }
      // Read before the check above is repeated: a window opened after this read changes it.
      const std::uint32_t seen = wake_.load(std::memory_order_acquire);
      if (stopped_.load(std::memory_order_acquire) ||
          open_window_.load(std::memory_order_acquire) >= static_cast<std::int64_t>(window))
        continue;
      wake_.wait(seen, std::memory_order_acquire);
    }
  }

  const RunLps& run_lps_;
  std::size_t lp_count_;
  SimTime end_time_;
  Duration lookahead_;
  std::size_t chunk_size_;
  std::size_t chunk_count_;
  std::vector<SimTime> chunk_earliest_;
  std::vector<Share> shares_;
  std::array<Bounds, 2> bounds_{};
  alignas(64) std::atomic<std::int64_t> open_window_{-1};
  alignas(64) std::atomic<std::size_t> completed_{0};
  std::atomic<bool> stopped_{false};
  std::atomic<std::uint32_t> wake_{0};  // changes whenever a window opens or the run stops
  std::uint64_t windows_ = 0;
  std::mutex error_mutex_;
  std::exception_ptr error_;
};

}  // namespace

RunStats ParallelExecutor::run(Simulation& simulation, Observer* observer) {
  const SimulationConfig& config = simulation.config();
  const std::size_t lp_count = simulation.lp_count();
  std::vector<LpSlot> slots(lp_count);
  LpSchedule schedule(lp_count);
  SlotRouter router(slots, schedule);
  RunStats stats;

  // An arena of its own, or the caller's: there threads that finish other work join the team.
  std::optional<tbb::task_arena> own_arena;
  if (!callers_arena_)
    own_arena.emplace(threads_ == 0 ? tbb::task_arena::automatic : static_cast<int>(threads_));
  const auto min_time = [](SimTime a, SimTime b) { return std::min(a, b); };
  const auto run_lps = [&](std::size_t first, std::size_t last, SimTime window_start, SimTime window_end) {
    SimTime earliest = SimTime::max();
    for (std::size_t i = first; i < last; ++i) {
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
  };
  const auto threads = static_cast<std::size_t>(own_arena ? own_arena->max_concurrency()
                                                          : tbb::this_task_arena::max_concurrency());
  WindowTeam team(config, lp_count, threads, run_lps);

  const auto work = [&] {
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

    if (team.open(window_start)) {
      tbb_hb::parallel_for(std::size_t{0}, threads, [&](std::size_t member) { team.take_part(member); });
    }
  };
  if (own_arena) {
    tbb_hb::execute(*own_arena, work);
  } else {
    work();
  }
  team.rethrow_failure();
  stats.windows = team.windows();

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
