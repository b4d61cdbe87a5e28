// Where an executor puts the events that models schedule: the seam between LpContext (shared by
// every executor) and each executor's own queues.
#pragma once

#include "primsim/sim/event.hpp"

namespace primsim::sim {

class LogicalProcess;

class EventRouter {
 public:
  EventRouter() = default;
  EventRouter(const EventRouter&) = delete;
  EventRouter& operator=(const EventRouter&) = delete;
  virtual ~EventRouter() = default;

  // An event for the sending LP itself: any delay >= 0 is allowed.
  virtual void schedule_local(LogicalProcess& self, const Event& event) = 0;
  // An event for another LP; LpContext has already checked it against the lookahead.
  virtual void send_remote(LogicalProcess& self, const Event& event) = 0;
};

}  // namespace primsim::sim
