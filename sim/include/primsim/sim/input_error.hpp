// The base of every error caused by bad user input (a scenario, a ballot file, a command-line
// value). The CLI maps it to exit status 2; anything else that escapes a command is exit 1.
#pragma once

#include <stdexcept>
#include <string>

namespace primsim::sim {

class InputError : public std::runtime_error {
 public:
  explicit InputError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace primsim::sim
