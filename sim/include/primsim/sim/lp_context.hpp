// What a model sees of the engine while it handles an event: the clock, its own identity,
// scheduling, and its keyed random streams.
#pragma once

#include <cstddef>

#include "primsim/sim/event.hpp"
#include "primsim/sim/random_stream.hpp"

namespace primsim::sim {

class EventRouter;
class LogicalProcess;
class ParallelExecutor;
class Simulation;

class LpContext {
 public:
  // Built by executors; models only receive it.
  LpContext(Simulation& simulation, LogicalProcess& self, EventRouter& router, SimTime now)
      : simulation_(simulation), self_(self), router_(router), now_(now) {}

  [[nodiscard]] SimTime now() const { return now_; }
  [[nodiscard]] LpId self() const;
  [[nodiscard]] std::size_t lp_count() const;
  [[nodiscard]] Duration lookahead() const;
  [[nodiscard]] SimTime end_time() const;

  // An event for this LP after `delay` (>= 0).
  void schedule(Duration delay, EventType type, EventPayload payload = {}, std::int32_t priority = 0);
  // An event for `target` after `delay`. For another LP the delay must be at least the lookahead:
  // anything less is a SimulationError naming both LPs, the times and the lookahead.
  void send(LpId target, Duration delay, EventType type, EventPayload payload = {},
            std::int32_t priority = 0);

  // The stream keyed by (seed, replicate, entity, purpose): the same draws whichever thread asks.
  [[nodiscard]] RandomStream random(std::uint64_t entity, RandomPurpose purpose) const;
  // The key of that stream, for code that builds its own streams from a key.
  [[nodiscard]] StreamKey stream_key(std::uint64_t entity, RandomPurpose purpose) const;

 private:
  // Only an executor moves the clock: the windowed ones reuse a context for an LP's events
  // within a window.
  friend class ParallelExecutor;
  friend class SequentialExecutor;
  void set_now(SimTime now) { now_ = now; }

  Event make_event(LpId target, Duration delay, EventType type, const EventPayload& payload,
                   std::int32_t priority);

  Simulation& simulation_;
  LogicalProcess& self_;
  EventRouter& router_;
  SimTime now_;
};

}  // namespace primsim::sim
