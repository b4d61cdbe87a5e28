// A hook on every event an executor processes: traces, digests, progress counters.
#pragma once

#include "primsim/sim/event.hpp"

namespace primsim::sim {

class Observer {
 public:
  Observer() = default;
  Observer(const Observer&) = delete;
  Observer& operator=(const Observer&) = delete;
  virtual ~Observer() = default;

  // Called on the thread that runs event.target, just before the model handles the event.
  // Calls for one LP never overlap and come in that LP's event order; calls for different LPs
  // may run concurrently, so an implementation keeps per-LP state.
  virtual void on_event(const Event& event) = 0;
};

}  // namespace primsim::sim
