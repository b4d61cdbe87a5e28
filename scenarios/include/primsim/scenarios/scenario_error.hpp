// The error a scenario with mistakes raises: every mistake found, one line each, in the form
// `FILE:LINE:COL: key.path: expected ..., found ...`.
#pragma once

#include <string>
#include <vector>

#include "primsim/sim/input_error.hpp"

namespace primsim::scenarios {

class ScenarioError : public sim::InputError {
 public:
  explicit ScenarioError(std::vector<std::string> lines);

  // One line per mistake, in file order.
  [[nodiscard]] const std::vector<std::string>& lines() const { return lines_; }

 private:
  std::vector<std::string> lines_;
};

}  // namespace primsim::scenarios
