// Scalar attribute helpers shared by the writer and the reader.
#include "hdf5_attributes.hpp"

#include <vector>

namespace primsim::output {

namespace {

Hdf5Handle string_type() {
  Hdf5Handle type(H5Tcopy(H5T_C_S1), H5Tclose, "copy the string type");
  check_hdf5(H5Tset_size(type.get(), H5T_VARIABLE), "make a variable-length string type");
  check_hdf5(H5Tset_cset(type.get(), H5T_CSET_UTF8), "make a UTF-8 string type");
  return type;
}

void write_scalar(hid_t object, const std::string& name, hid_t type, const void* value) {
  Hdf5Handle space(H5Screate(H5S_SCALAR), H5Sclose, "create a scalar dataspace");
  Hdf5Handle attribute(H5Acreate2(object, name.c_str(), type, space.get(), H5P_DEFAULT, H5P_DEFAULT),
                       H5Aclose, "create attribute " + name);
  check_hdf5(H5Awrite(attribute.get(), type, value), "write attribute " + name);
}

template <class T>
std::optional<T> read_scalar(hid_t object, const std::string& name, hid_t type) {
  if (H5Aexists(object, name.c_str()) <= 0) return std::nullopt;
  Hdf5Handle attribute(H5Aopen(object, name.c_str(), H5P_DEFAULT), H5Aclose, "open attribute " + name);
  T value{};
  if (H5Aread(attribute.get(), type, &value) < 0) return std::nullopt;
  return value;
}

}  // namespace

void write_string_attribute(hid_t object, const std::string& name, const std::string& value) {
  const Hdf5Handle type = string_type();
  const char* data = value.c_str();
  write_scalar(object, name, type.get(), &data);
}

void write_int64_attribute(hid_t object, const std::string& name, std::int64_t value) {
  write_scalar(object, name, H5T_NATIVE_INT64, &value);
}

void write_uint64_attribute(hid_t object, const std::string& name, std::uint64_t value) {
  write_scalar(object, name, H5T_NATIVE_UINT64, &value);
}

std::optional<std::string> read_string_attribute(hid_t object, const std::string& name) {
  if (H5Aexists(object, name.c_str()) <= 0) return std::nullopt;
  Hdf5Handle attribute(H5Aopen(object, name.c_str(), H5P_DEFAULT), H5Aclose, "open attribute " + name);
  Hdf5Handle file_type(H5Aget_type(attribute.get()), H5Tclose, "get the type of attribute " + name);
  if (H5Tget_class(file_type.get()) != H5T_STRING || H5Tis_variable_str(file_type.get()) <= 0) {
    return std::nullopt;
  }
  const Hdf5Handle type = string_type();
  char* data = nullptr;
  if (H5Aread(attribute.get(), type.get(), &data) < 0) return std::nullopt;
  std::string value = data != nullptr ? data : "";
  H5free_memory(data);
  return value;
}

std::optional<std::int64_t> read_int64_attribute(hid_t object, const std::string& name) {
  return read_scalar<std::int64_t>(object, name, H5T_NATIVE_INT64);
}

std::optional<std::uint64_t> read_uint64_attribute(hid_t object, const std::string& name) {
  return read_scalar<std::uint64_t>(object, name, H5T_NATIVE_UINT64);
}

}  // namespace primsim::output
