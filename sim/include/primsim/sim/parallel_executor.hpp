// Runs a simulation on oneTBB threads with conservative time windows of one lookahead each.
#pragma once

#include <cstddef>

#include "primsim/sim/executor.hpp"

namespace primsim::sim {

// Every LP processes its events below window_end = (earliest pending event) + lookahead in
// parallel; no LP can receive an event below window_end from another LP during the window, so
// no rollback is ever needed. Events sent between LPs wait in the target's inbox and join its
// queue before its next window. Each LP's queue pops in the total order of EventBefore, so the
// order in which inboxes were filled, and which thread ran which LP, have no effect on results.
// One team of threads works through every window, each thread on its own share of the LPs first
// (docs/architecture.md, "The parallel executor").
class ParallelExecutor final : public Executor {
 public:
  // threads == 0 means every core oneTBB sees.
  explicit ParallelExecutor(std::size_t threads = 0) : threads_(threads) {}
  // Runs in the arena of the calling thread, with a team as large as that arena, instead of an
  // arena of its own. Threads of that arena that finish other work (the replicates of an
  // ensemble) join the team as they come free; none is waited for.
  struct InCallersArena {};
  explicit ParallelExecutor(InCallersArena /*tag*/) : threads_(0), callers_arena_(true) {}

  RunStats run(Simulation& simulation, Observer* observer) override;
  [[nodiscard]] std::string_view name() const override { return "parallel"; }

 private:
  std::size_t threads_;
  bool callers_arena_ = false;
};

}  // namespace primsim::sim
