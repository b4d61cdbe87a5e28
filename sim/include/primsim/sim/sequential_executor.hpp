// Runs a simulation on one thread from one global event queue: the reference executor.
#pragma once

#include "primsim/sim/executor.hpp"

namespace primsim::sim {

class SequentialExecutor final : public Executor {
 public:
  RunStats run(Simulation& simulation, Observer* observer) override;
  [[nodiscard]] std::string_view name() const override { return "sequential"; }
};

}  // namespace primsim::sim
