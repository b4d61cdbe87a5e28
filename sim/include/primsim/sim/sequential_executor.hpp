// Runs a simulation on one thread: the reference executor.
#pragma once

#include "primsim/sim/executor.hpp"

namespace primsim::sim {

// Every LP sees its events in the engine's total order (EventBefore) under either order of
// work; they differ only in how events of different LPs interleave, which no LP can observe,
// because events between LPs take at least one lookahead.
//
// - `global_queue` pops every event from one queue in the total order.
// - `lookahead_windows` keeps a queue per LP and works through windows of one lookahead LP by
//   LP, as the parallel executor does, but with no threads, inboxes or locks: an event sent to
//   another LP lands at or after the window's end, so it goes straight into that LP's queue.
//   An LP's queue stays small and in cache while it works through its window, which is what
//   wins when many events are pending (3x PHOLD's rate at 262,144 pending).
class SequentialExecutor final : public Executor {
 public:
  enum class Order { lookahead_windows, global_queue };

  explicit SequentialExecutor(Order order = Order::lookahead_windows) : order_(order) {}

  RunStats run(Simulation& simulation, Observer* observer) override;
  [[nodiscard]] std::string_view name() const override { return "sequential"; }

 private:
  RunStats run_global_queue(Simulation& simulation, Observer* observer);
  RunStats run_lookahead_windows(Simulation& simulation, Observer* observer);

  Order order_;
};

}  // namespace primsim::sim
