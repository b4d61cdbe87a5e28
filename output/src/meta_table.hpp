// The (code, name) lookup tables under /meta that turn integer codes back into names.
#pragma once

#include <string>
#include <vector>

#include "hdf5_handle.hpp"

namespace primsim::output {

void write_meta_table(hid_t group, const std::string& name, const std::vector<std::string>& names);

// /meta/sweep: one row per sweep point, `point` and one column per swept key path, named by the
// path. A key whose every value is a number is a float64 column, any other a string column.
void write_sweep_table(hid_t group, const std::vector<std::string>& keys,
                       const std::vector<std::vector<std::string>>& values);

// /meta/sweep as written: the swept key paths and, per point, each key's value as text (numbers
// in their shortest form). Throws std::runtime_error when the dataset cannot be read.
void read_sweep_table(hid_t group, std::vector<std::string>& keys,
                      std::vector<std::vector<std::string>>& values);

// Names in code order; throws std::runtime_error when the dataset cannot be read.
std::vector<std::string> read_meta_table(hid_t group, const std::string& name);

}  // namespace primsim::output
