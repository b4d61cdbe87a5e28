// The router every executor hands to finish(): the run is over, so scheduling is an error.
#pragma once

#include <string>

#include "primsim/sim/event_router.hpp"
#include "primsim/sim/logical_process.hpp"
#include "primsim/sim/simulation_error.hpp"

namespace primsim::sim::detail {

class FinishRouter final : public EventRouter {
 public:
  void schedule_local(LogicalProcess& self, const Event& event) override { refuse(self, event); }
  void send_remote(LogicalProcess& self, const Event& event) override { refuse(self, event); }

 private:
  [[noreturn]] static void refuse(const LogicalProcess& self, const Event& event) {
    throw SimulationError("LP " + std::to_string(self.id().value()) + " (" + self.name() +
                          ") scheduled event type " + std::to_string(event.type) +
                          " from finish(), after the run ended");
  }
};

}  // namespace primsim::sim::detail
