// The (code, name) lookup tables under /meta that turn integer codes back into names.
#pragma once

#include <string>
#include <vector>

#include "hdf5_handle.hpp"

namespace primsim::output {

void write_meta_table(hid_t group, const std::string& name, const std::vector<std::string>& names);

// Names in code order; throws std::runtime_error when the dataset cannot be read.
std::vector<std::string> read_meta_table(hid_t group, const std::string& name);

}  // namespace primsim::output
