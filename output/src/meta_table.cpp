// Lookup tables as 1-D compounds of (code int32, name UTF-8 string): one line in pandas or R.
#include "meta_table.hpp"

#include <cstddef>
#include <cstdint>
#include <stdexcept>

#include "hdf5_attributes.hpp"

namespace primsim::output {

namespace {

struct MetaRow {
  std::int32_t code;
  char* name;
};

Hdf5Handle meta_row_type() {
  Hdf5Handle text(H5Tcopy(H5T_C_S1), H5Tclose, "copy the string type");
  check_hdf5(H5Tset_size(text.get(), H5T_VARIABLE), "make a variable-length string type");
  check_hdf5(H5Tset_cset(text.get(), H5T_CSET_UTF8), "make a UTF-8 string type");
  Hdf5Handle row(H5Tcreate(H5T_COMPOUND, sizeof(MetaRow)), H5Tclose, "create the lookup row type");
  check_hdf5(H5Tinsert(row.get(), "code", offsetof(MetaRow, code), H5T_NATIVE_INT32), "insert code");
  check_hdf5(H5Tinsert(row.get(), "name", offsetof(MetaRow, name), text.get()), "insert name");
  return row;
}

}  // namespace

void write_meta_table(hid_t group, const std::string& name, const std::vector<std::string>& names) {
  std::vector<MetaRow> rows;
  rows.reserve(names.size());
  for (std::size_t code = 0; code < names.size(); ++code) {
    // HDF5 only reads through the pointer.
    rows.push_back({static_cast<std::int32_t>(code), const_cast<char*>(names[code].c_str())});
  }
  const Hdf5Handle type = meta_row_type();
  const hsize_t size = rows.size();
  Hdf5Handle space(H5Screate_simple(1, &size, nullptr), H5Sclose, "create the space of /meta/" + name);
  Hdf5Handle dataset(
      H5Dcreate2(group, name.c_str(), type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
      H5Dclose, "create /meta/" + name);
  if (!rows.empty()) {
    check_hdf5(H5Dwrite(dataset.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, rows.data()),
               "write /meta/" + name);
  }
  write_string_attribute(dataset.get(), "description", "lookup table: code to " + name + " name");
}

std::vector<std::string> read_meta_table(hid_t group, const std::string& name) {
  Hdf5Handle dataset(H5Dopen2(group, name.c_str(), H5P_DEFAULT), H5Dclose, "open /meta/" + name);
  Hdf5Handle space(H5Dget_space(dataset.get()), H5Sclose, "get the space of /meta/" + name);
  const hssize_t count = H5Sget_simple_extent_npoints(space.get());
  if (count < 0) throw std::runtime_error("HDF5 failed to size /meta/" + name);
  std::vector<MetaRow> rows(static_cast<std::size_t>(count));
  const Hdf5Handle type = meta_row_type();
  if (!rows.empty()) {
    check_hdf5(H5Dread(dataset.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, rows.data()),
               "read /meta/" + name);
  }
  std::vector<std::string> names(rows.size());
  for (const MetaRow& row : rows) {
    if (row.code >= 0 && static_cast<std::size_t>(row.code) < names.size() && row.name != nullptr) {
      names[static_cast<std::size_t>(row.code)] = row.name;
    }
  }
  if (!rows.empty()) H5Dvlen_reclaim(type.get(), space.get(), H5P_DEFAULT, rows.data());
  return names;
}

}  // namespace primsim::output
