// Joins the mistakes of a scenario into one message for callers that print only what().
#include "primsim/scenarios/scenario_error.hpp"

#include <fmt/format.h>

namespace primsim::scenarios {

ScenarioError::ScenarioError(std::vector<std::string> lines)
    : sim::InputError(fmt::format("{}", fmt::join(lines, "\n"))), lines_(std::move(lines)) {}

}  // namespace primsim::scenarios
