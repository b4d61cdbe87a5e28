// One-shot compound datasets with the same storage choices as the streamed results tables.
#include "compound_table.hpp"

#include <algorithm>
#include <stdexcept>

#include "hdf5_attributes.hpp"

namespace primsim::output {

void write_compound_table(hid_t location, const TableSpec& spec, const void* rows, std::size_t count) {
  constexpr unsigned kDeflateLevel = 4;
  constexpr std::size_t kChunkBytes = 64 * 1024;
  const Hdf5Handle row_type = make_row_type(spec);
  Hdf5Handle file_type(H5Tcopy(row_type.get()), H5Tclose, "copy a row type");
  check_hdf5(H5Tpack(file_type.get()), "pack a row type");
  const hsize_t size = count;
  Hdf5Handle space(H5Screate_simple(1, &size, nullptr), H5Sclose, "create a table space");
  Hdf5Handle properties(H5Pcreate(H5P_DATASET_CREATE), H5Pclose, "create dataset properties");
  const hsize_t chunk = std::clamp<hsize_t>(kChunkBytes / spec.row_size, 1, std::max<hsize_t>(size, 1));
  check_hdf5(H5Pset_chunk(properties.get(), 1, &chunk), "set the chunk size");
  check_hdf5(H5Pset_shuffle(properties.get()), "set the shuffle filter");
  check_hdf5(H5Pset_deflate(properties.get(), kDeflateLevel), "set the deflate filter");
  const Hdf5Handle dataset(H5Dcreate2(location, spec.name, file_type.get(), space.get(), H5P_DEFAULT,
                                      properties.get(), H5P_DEFAULT),
                           H5Dclose, "create dataset /" + std::string(spec.name));
  if (count > 0) {
    check_hdf5(H5Dwrite(dataset.get(), row_type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, rows),
               "write /" + std::string(spec.name));
  }
  write_string_attribute(dataset.get(), "description", spec.description);
  for (const ColumnSpec& column : spec.columns) {
    if (*column.units != '\0')
      write_string_attribute(dataset.get(), std::string(column.name) + "_units", column.units);
    write_string_attribute(dataset.get(), std::string(column.name) + "_description", column.description);
  }
}

bool read_compound_table(hid_t location, const TableSpec& spec, void* (*resize)(void*, std::size_t),
                         void* rows) {
  if (H5Lexists(location, spec.name, H5P_DEFAULT) <= 0) return false;
  const Hdf5Handle dataset(H5Dopen2(location, spec.name, H5P_DEFAULT), H5Dclose,
                           "open /" + std::string(spec.name));
  const Hdf5Handle space(H5Dget_space(dataset.get()), H5Sclose,
                         "get the space of /" + std::string(spec.name));
  const hssize_t count = H5Sget_simple_extent_npoints(space.get());
  if (count < 0) throw std::runtime_error("HDF5 failed to size /" + std::string(spec.name));
  void* data = resize(rows, static_cast<std::size_t>(count));
  if (count > 0) {
    const Hdf5Handle row_type = make_row_type(spec);
    const Hdf5Handle transfer = transfer_for(dataset.get(), row_type.get(), static_cast<hsize_t>(count));
    check_hdf5(H5Dread(dataset.get(), row_type.get(), H5S_ALL, H5S_ALL, transfer.get(), data),
               "read /" + std::string(spec.name));
  }
  return true;
}

}  // namespace primsim::output
