// The interface behind which the sequential and the parallel executors run a Simulation.
#pragma once

#include <string_view>

#include "primsim/sim/run_stats.hpp"

namespace primsim::sim {

class Observer;
class Simulation;

class Executor {
 public:
  Executor() = default;
  Executor(const Executor&) = delete;
  Executor& operator=(const Executor&) = delete;
  virtual ~Executor() = default;

  // Runs init on every LP, every event before the end time, then finish on every LP. Each LP
  // sees the same events in the same order whichever executor runs it.
  virtual RunStats run(Simulation& simulation, Observer* observer) = 0;
  [[nodiscard]] virtual std::string_view name() const = 0;
};

}  // namespace primsim::sim
