// The error a model or the engine raises when a run cannot go on (a broken lookahead, an event
// for an LP that does not exist). Bad user input is a ScenarioError instead.
#pragma once

#include <stdexcept>
#include <string>

namespace primsim::sim {

class SimulationError : public std::runtime_error {
 public:
  explicit SimulationError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace primsim::sim
