// A simulation: its configuration and its logical processes. An ordinary object, built by the
// caller and run by an executor; there is no global engine state.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "primsim/sim/executor.hpp"
#include "primsim/sim/logical_process.hpp"
#include "primsim/sim/random_stream.hpp"
#include "primsim/sim/simulation_config.hpp"

namespace primsim::sim {

class Observer;

class Simulation {
 public:
  // Throws SimulationError when the lookahead is not positive or the end precedes the start.
  explicit Simulation(SimulationConfig config);

  LpId add_lp(std::string name, std::unique_ptr<LpModel> model);

  [[nodiscard]] std::size_t lp_count() const { return lps_.size(); }
  [[nodiscard]] LogicalProcess& lp(LpId id) { return lps_[id.value()]; }
  [[nodiscard]] const LogicalProcess& lp(LpId id) const { return lps_[id.value()]; }
  [[nodiscard]] const SimulationConfig& config() const { return config_; }

  [[nodiscard]] StreamKey stream_key(std::uint64_t entity, RandomPurpose purpose) const {
    return {config_.seed, config_.replicate, entity, purpose};
  }

  // A simulation runs once; a second call is a SimulationError.
  RunStats run(Executor& executor, Observer* observer = nullptr);

 private:
  SimulationConfig config_;
  std::vector<LogicalProcess> lps_;
  bool has_run_ = false;
};

}  // namespace primsim::sim
