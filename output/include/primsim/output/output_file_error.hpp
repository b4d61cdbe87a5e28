// A results file the user named cannot be used: missing, not HDF5, truncated, not written by
// primsim, or of another schema version. Bad input, so the CLI exits with status 2.
#pragma once

#include <string>

#include "primsim/sim/input_error.hpp"

namespace primsim::output {

class OutputFileError : public sim::InputError {
 public:
  explicit OutputFileError(const std::string& message) : sim::InputError(message) {}
};

}  // namespace primsim::output
