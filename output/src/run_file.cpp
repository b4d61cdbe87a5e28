// Reading a results file back. Every failure a user can cause (wrong path, a text file, a copy
// cut short, someone else's HDF5 file, an older primsim) becomes an OutputFileError that says
// which file and what is wrong; HDF5's own error stack is never printed.
#include "primsim/output/run_file.hpp"

#include <stdexcept>

#include <fmt/format.h>

#include "hdf5_attributes.hpp"
#include "hdf5_handle.hpp"
#include "meta_table.hpp"
#include "primsim/output/output_file_error.hpp"
#include "primsim/output/schema.hpp"
#include "table_layout.hpp"

namespace primsim::output {

using namespace models::results;

namespace {

Hdf5Handle open_results_file(const std::filesystem::path& path) {
  silence_hdf5_errors();
  const std::string name = path.string();
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    throw OutputFileError(fmt::format("cannot open results file '{}': no such file", name));
  }
  if (std::filesystem::is_directory(path, error)) {
    throw OutputFileError(fmt::format("cannot open results file '{}': it is a folder", name));
  }
  if (H5Fis_hdf5(name.c_str()) <= 0) {
    throw OutputFileError(fmt::format("cannot open results file '{}': not an HDF5 file", name));
  }
  const hid_t file = H5Fopen(name.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (file < 0) {
    throw OutputFileError(
        fmt::format("cannot open results file '{}': the HDF5 file is truncated or damaged", name));
  }
  return Hdf5Handle(file, H5Fclose, "open " + name);
}

std::int32_t checked_schema_version(hid_t file, const std::filesystem::path& path) {
  const auto version = read_int64_attribute(file, "schema_version");
  if (!version) {
    throw OutputFileError(fmt::format(
        "'{}' is an HDF5 file but not a primsim results file: it has no root attribute 'schema_version'",
        path.string()));
  }
  return static_cast<std::int32_t>(*version);
}

template <class Row>
std::vector<Row> read_table(hid_t file, const std::filesystem::path& path) {
  const TableSpec& spec = table_spec<Row>();
  if (H5Lexists(file, spec.name, H5P_DEFAULT) <= 0) {
    throw OutputFileError(fmt::format("'{}' has no dataset '/{}': not a complete primsim results file",
                                      path.string(), spec.name));
  }
  Hdf5Handle dataset(H5Dopen2(file, spec.name, H5P_DEFAULT), H5Dclose, "open /" + std::string(spec.name));
  Hdf5Handle file_type(H5Dget_type(dataset.get()), H5Tclose, "get the type of /" + std::string(spec.name));
  for (const ColumnSpec& column : spec.columns) {
    if (H5Tget_class(file_type.get()) != H5T_COMPOUND ||
        H5Tget_member_index(file_type.get(), column.name) < 0) {
      throw OutputFileError(
          fmt::format("dataset '/{}' in '{}' has no column '{}'", spec.name, path.string(), column.name));
    }
  }
  Hdf5Handle space(H5Dget_space(dataset.get()), H5Sclose, "get the space of /" + std::string(spec.name));
  const hssize_t count = H5Sget_simple_extent_npoints(space.get());
  if (count < 0) throw std::runtime_error("HDF5 failed to size /" + std::string(spec.name));
  std::vector<Row> rows(static_cast<std::size_t>(count));
  if (!rows.empty()) {
    const Hdf5Handle row_type = make_row_type(spec);
    check_hdf5(H5Dread(dataset.get(), row_type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, rows.data()),
               "read /" + std::string(spec.name));
  }
  return rows;
}

// In a sweep, replicate numbers repeat in every point: rows get their ensemble index
// (point * replicates + replicate) so that per-replicate summaries never mix two points.
template <class Row>
void number_by_ensemble_index(hid_t file, std::vector<Row>& rows, std::uint32_t replicates) {
  const TableSpec& spec = table_spec<Row>();
  Hdf5Handle dataset(H5Dopen2(file, spec.name, H5P_DEFAULT), H5Dclose, "open /" + std::string(spec.name));
  Hdf5Handle file_type(H5Dget_type(dataset.get()), H5Tclose, "get the type of /" + std::string(spec.name));
  if (H5Tget_member_index(file_type.get(), "point") < 0 || rows.empty()) return;
  Hdf5Handle point_type(H5Tcreate(H5T_COMPOUND, sizeof(std::uint32_t)), H5Tclose, "create the point type");
  check_hdf5(H5Tinsert(point_type.get(), "point", 0, H5T_NATIVE_UINT32), "insert column point");
  std::vector<std::uint32_t> points(rows.size());
  check_hdf5(H5Dread(dataset.get(), point_type.get(), H5S_ALL, H5S_ALL, H5P_DEFAULT, points.data()),
             "read the points of /" + std::string(spec.name));
  for (std::size_t i = 0; i < rows.size(); ++i) rows[i].replicate += points[i] * replicates;
}

std::string string_or_empty(hid_t object, const std::string& name) {
  return read_string_attribute(object, name).value_or("");
}

}  // namespace

std::int32_t RunFile::read_schema_version(const std::filesystem::path& path) {
  const Hdf5Handle file = open_results_file(path);
  return checked_schema_version(file.get(), path);
}

RunFile RunFile::open(const std::filesystem::path& path) {
  const Hdf5Handle file = open_results_file(path);
  RunFile run;
  run.path_ = path;
  run.schema_version_ = checked_schema_version(file.get(), path);
  if (run.schema_version_ != current_schema_version) {
    throw OutputFileError(fmt::format("'{}' has schema version {}; this primsim reads schema version {}",
                                      path.string(), run.schema_version_, current_schema_version));
  }
  const hid_t root = file.get();
  try {
    run.info_.program_version = string_or_empty(root, "program_version");
    run.info_.scenario_name = string_or_empty(root, "scenario_name");
    run.info_.scenario_yaml = string_or_empty(root, "scenario_yaml");
    run.info_.seed = read_uint64_attribute(root, "seed").value_or(0);
    run.info_.replicates = static_cast<std::uint32_t>(read_uint64_attribute(root, "replicates").value_or(0));
    run.info_.command_line = string_or_empty(root, "command_line");
    run.info_.start_time = string_or_empty(root, "start_time");
    run.info_.epoch = string_or_empty(root, "epoch");
    run.end_time_ = string_or_empty(root, "end_time");
    if (H5Lexists(root, "meta", H5P_DEFAULT) <= 0 || H5Lexists(root, "meta/regions", H5P_DEFAULT) <= 0) {
      throw OutputFileError(fmt::format(
          "'{}' has no dataset '/meta/regions': not a complete primsim results file", path.string()));
    }
    Hdf5Handle meta(H5Gopen2(root, "meta", H5P_DEFAULT), H5Gclose, "open /meta");
    run.info_.region_names = read_meta_table(meta.get(), "regions");
    run.summary_ = read_table<SummaryRow>(root, path);
    run.funnel_ = read_table<FunnelRow>(root, path);
    run.turnout_ = read_table<TurnoutRow>(root, path);
    run.platform_ = read_table<PlatformRow>(root, path);
    run.list_ = read_table<ListRow>(root, path);
    run.democracy_ = read_table<DemocracyRow>(root, path);
    const std::uint32_t replicates = run.info_.replicates;
    number_by_ensemble_index(root, run.summary_, replicates);
    number_by_ensemble_index(root, run.funnel_, replicates);
    number_by_ensemble_index(root, run.turnout_, replicates);
    number_by_ensemble_index(root, run.platform_, replicates);
    number_by_ensemble_index(root, run.list_, replicates);
    number_by_ensemble_index(root, run.democracy_, replicates);
  } catch (const OutputFileError&) {
    throw;
  } catch (const std::exception&) {
    // The superblock was readable but the data behind it is not: a copy cut short.
    throw OutputFileError(
        fmt::format("cannot read results file '{}': the HDF5 file is truncated or damaged", path.string()));
  }
  return run;
}

}  // namespace primsim::output
