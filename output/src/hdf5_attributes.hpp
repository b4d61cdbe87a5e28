// Scalar attributes on an HDF5 object: variable-length UTF-8 strings (h5py gives str, R gives
// character) and native integers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "hdf5_handle.hpp"

namespace primsim::output {

void write_string_attribute(hid_t object, const std::string& name, const std::string& value);
void write_int64_attribute(hid_t object, const std::string& name, std::int64_t value);
void write_uint64_attribute(hid_t object, const std::string& name, std::uint64_t value);

// Empty when the object has no attribute of that name.
std::optional<std::string> read_string_attribute(hid_t object, const std::string& name);
std::optional<std::int64_t> read_int64_attribute(hid_t object, const std::string& name);
std::optional<std::uint64_t> read_uint64_attribute(hid_t object, const std::string& name);

}  // namespace primsim::output
