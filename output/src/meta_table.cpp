// Lookup tables as 1-D compounds of (code int32, name UTF-8 string): one line in pandas or R.
#include "meta_table.hpp"

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>

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

std::optional<double> as_number(const std::string& text) {
  double value = 0;
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, value);
  if (text.empty() || error != std::errc() || stop != end) return std::nullopt;
  return value;
}

}  // namespace

void write_sweep_table(hid_t group, const std::vector<std::string>& keys,
                       const std::vector<std::vector<std::string>>& values) {
  // Row: uint32 point in the first 8 bytes, then 8 bytes per key (a double or a char*).
  constexpr std::size_t slot = 8;
  static_assert(sizeof(double) == slot && sizeof(char*) == slot);
  const std::size_t row_size = slot * (keys.size() + 1);
  std::vector<bool> numeric(keys.size(), true);
  for (const auto& point : values) {
    for (std::size_t k = 0; k < keys.size(); ++k) numeric[k] = numeric[k] && as_number(point[k]).has_value();
  }
  Hdf5Handle text(H5Tcopy(H5T_C_S1), H5Tclose, "copy the string type");
  check_hdf5(H5Tset_size(text.get(), H5T_VARIABLE), "make a variable-length string type");
  check_hdf5(H5Tset_cset(text.get(), H5T_CSET_UTF8), "make a UTF-8 string type");
  Hdf5Handle type(H5Tcreate(H5T_COMPOUND, row_size), H5Tclose, "create the sweep row type");
  check_hdf5(H5Tinsert(type.get(), "point", 0, H5T_NATIVE_UINT32), "insert point");
  for (std::size_t k = 0; k < keys.size(); ++k) {
    check_hdf5(
        H5Tinsert(type.get(), keys[k].c_str(), slot * (k + 1), numeric[k] ? H5T_NATIVE_DOUBLE : text.get()),
        "insert sweep column " + keys[k]);
  }
  std::vector<char> rows(row_size * values.size());
  for (std::size_t p = 0; p < values.size(); ++p) {
    char* row = rows.data() + p * row_size;
    const auto point = static_cast<std::uint32_t>(p);
    std::memcpy(row, &point, sizeof(point));
    for (std::size_t k = 0; k < keys.size(); ++k) {
      if (numeric[k]) {
        const double value = *as_number(values[p][k]);
        std::memcpy(row + slot * (k + 1), &value, sizeof(value));
      } else {
        // HDF5 only reads through the pointer.
        const char* name = values[p][k].c_str();
        std::memcpy(row + slot * (k + 1), &name, sizeof(name));
      }
    }
  }
  const hsize_t size = values.size();
  Hdf5Handle space(H5Screate_simple(1, &size, nullptr), H5Sclose, "create the space of /meta/sweep");
  Hdf5Handle dataset(
      H5Dcreate2(group, "sweep", type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), H5Dclose,
      "create /meta/sweep");
  check_hdf5(H5Dwrite(dataset.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, rows.data()),
             "write /meta/sweep");
  write_string_attribute(dataset.get(), "description",
                         "sweep grid: the value of each swept key path at each point (the point column of "
                         "every table)");
}

void read_sweep_table(hid_t group, std::vector<std::string>& keys,
                      std::vector<std::vector<std::string>>& values) {
  Hdf5Handle dataset(H5Dopen2(group, "sweep", H5P_DEFAULT), H5Dclose, "open /meta/sweep");
  Hdf5Handle space(H5Dget_space(dataset.get()), H5Sclose, "get the space of /meta/sweep");
  const hssize_t count = H5Sget_simple_extent_npoints(space.get());
  if (count < 0) throw std::runtime_error("HDF5 failed to size /meta/sweep");
  const auto points = static_cast<std::size_t>(count);
  Hdf5Handle file_type(H5Dget_type(dataset.get()), H5Tclose, "get the type of /meta/sweep");
  const int members = H5Tget_nmembers(file_type.get());
  if (members < 0) throw std::runtime_error("HDF5 failed to read the columns of /meta/sweep");
  keys.clear();
  values.assign(points, {});
  // One column at a time, each read through a one-member compound, so the row layout on disk
  // does not matter.
  for (int member = 0; member < members; ++member) {
    char* raw_name = H5Tget_member_name(file_type.get(), static_cast<unsigned>(member));
    if (raw_name == nullptr) throw std::runtime_error("HDF5 failed to name a column of /meta/sweep");
    const std::string name = raw_name;
    H5free_memory(raw_name);
    if (name == "point") continue;
    keys.push_back(name);
    const H5T_class_t type_class = H5Tget_member_class(file_type.get(), static_cast<unsigned>(member));
    if (type_class == H5T_FLOAT) {
      Hdf5Handle type(H5Tcreate(H5T_COMPOUND, sizeof(double)), H5Tclose, "create a sweep column type");
      check_hdf5(H5Tinsert(type.get(), name.c_str(), 0, H5T_NATIVE_DOUBLE), "insert sweep column " + name);
      std::vector<double> column(points);
      if (points > 0) {
        check_hdf5(H5Dread(dataset.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, column.data()),
                   "read sweep column " + name);
      }
      for (std::size_t p = 0; p < points; ++p) values[p].push_back(fmt::format("{}", column[p]));
    } else {
      Hdf5Handle text(H5Tcopy(H5T_C_S1), H5Tclose, "copy the string type");
      check_hdf5(H5Tset_size(text.get(), H5T_VARIABLE), "make a variable-length string type");
      check_hdf5(H5Tset_cset(text.get(), H5T_CSET_UTF8), "make a UTF-8 string type");
      Hdf5Handle type(H5Tcreate(H5T_COMPOUND, sizeof(char*)), H5Tclose, "create a sweep column type");
      check_hdf5(H5Tinsert(type.get(), name.c_str(), 0, text.get()), "insert sweep column " + name);
      std::vector<char*> column(points, nullptr);
      if (points > 0) {
        check_hdf5(H5Dread(dataset.get(), type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, column.data()),
                   "read sweep column " + name);
      }
      for (std::size_t p = 0; p < points; ++p) values[p].emplace_back(column[p] != nullptr ? column[p] : "");
      if (points > 0) H5Dvlen_reclaim(type.get(), space.get(), H5P_DEFAULT, column.data());
    }
  }
}

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
    const Hdf5Handle transfer = transfer_for(dataset.get(), type.get(), rows.size());
    check_hdf5(H5Dread(dataset.get(), type.get(), H5S_ALL, H5S_ALL, transfer.get(), rows.data()),
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
