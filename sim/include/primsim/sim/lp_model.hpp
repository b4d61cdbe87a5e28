// The contract between the engine and a model: what one logical process does when the run
// starts, when one of its events comes due, and when the run ends.
#pragma once

#include "primsim/sim/event.hpp"

namespace primsim::sim {

class LpContext;

// One instance per LP holds that LP's state. The engine calls init once, handle for each event in
// the total order of EventBefore, and finish once; never two calls at once for the same LP.
// Models publish results through an observer of their own, handed to them when they are built,
// so the engine needs to know nothing about what they publish.
class LpModel {
 public:
  LpModel() = default;
  LpModel(const LpModel&) = delete;
  LpModel& operator=(const LpModel&) = delete;
  virtual ~LpModel() = default;

  virtual void init(LpContext& context) = 0;
  virtual void handle(const Event& event, LpContext& context) = 0;
  // Scheduling from finish is a SimulationError: the run is over.
  virtual void finish(LpContext& context) = 0;
};

}  // namespace primsim::sim
