// Simulation set-up checks and the single-run guard.
#include "primsim/sim/simulation.hpp"

#include <fmt/format.h>

#include "primsim/sim/simulation_error.hpp"

namespace primsim::sim {

Simulation::Simulation(SimulationConfig config) : config_(config) {
  if (config_.lookahead <= Duration{0}) {
    throw SimulationError(fmt::format("the lookahead must be a positive number of seconds, got {} s",
                                      config_.lookahead.count()));
  }
  if (config_.end_time < config_.start_time) {
    throw SimulationError(fmt::format("the end time t={} s precedes the start time t={} s",
                                      config_.end_time.seconds_since_epoch(),
                                      config_.start_time.seconds_since_epoch()));
  }
}

LpId Simulation::add_lp(std::string name, std::unique_ptr<LpModel> model) {
  if (has_run_) throw SimulationError("cannot add LP '" + name + "' after the simulation has run");
  const LpId id{static_cast<LpId::value_type>(lps_.size())};
  lps_.emplace_back(id, std::move(name), std::move(model));
  return id;
}

RunStats Simulation::run(Executor& executor, Observer* observer) {
  if (has_run_) throw SimulationError("a simulation runs once; build a new one for another run");
  has_run_ = true;
  return executor.run(*this, observer);
}

}  // namespace primsim::sim
