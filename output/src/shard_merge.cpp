// The merged file starts as a byte copy of shard 0 (its /meta, attributes and dataset layout
// are those of a single run) and every other shard's rows are appended to its tables in order:
// shards are contiguous blocks of the ensemble index, so the result is the single run's rows.
// A virtual merge writes shard 0's attributes and /meta and, for each table, an HDF5 virtual
// dataset that maps the shards' tables end to end, in the same order, without copying a row.
#include "primsim/output/shard_merge.hpp"

#include <unistd.h>

#include <algorithm>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "hdf5_attributes.hpp"
#include "hdf5_handle.hpp"
#include "primsim/output/durable_file.hpp"
#include "primsim/output/output_file_error.hpp"
#include "primsim/output/run_paths.hpp"
#include "primsim/output/schema.hpp"
#include "primsim/sim/input_file.hpp"

namespace primsim::output {

namespace {

constexpr hsize_t rows_per_block = 1 << 16;

struct ShardFile {
  std::filesystem::path path;
  std::uint64_t index = 0;
  std::uint64_t count = 0;
  std::map<std::string, std::string> identity;  // what must agree across the shards of one run
  std::string end_time;
};

ShardFile read_shard(const std::filesystem::path& path) {
  const std::string name = path.string();
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    throw OutputFileError(fmt::format("cannot merge '{}': no such file", name));
  }
  // Before HDF5 opens it: a FIFO would block the open for ever.
  sim::check_input_file(path, sim::kResultsInput);
  if (H5Fis_hdf5(name.c_str()) <= 0) {
    throw OutputFileError(fmt::format("cannot merge '{}': not an HDF5 file", name));
  }
  const hid_t id = H5Fopen(name.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT);
  if (id < 0)
    throw OutputFileError(fmt::format("cannot merge '{}': the HDF5 file is truncated or damaged", name));
  const Hdf5Handle file(id, H5Fclose, "open " + name);
  const hid_t root = file.get();
  ShardFile shard;
  shard.path = path;
  const auto index = read_uint64_attribute(root, "shard_index");
  const auto count = read_uint64_attribute(root, "shard_count");
  const auto version = read_int64_attribute(root, "schema_version");
  if (!version) {
    throw OutputFileError(fmt::format("cannot merge '{}': not a primsim results file", name));
  }
  // The merged file is read by this primsim, which refuses other versions: say so now, before
  // anything is written.
  if (*version != current_schema_version) {
    throw OutputFileError(
        fmt::format("cannot merge '{}': it has schema version {}; this primsim merges schema "
                    "version {} (run the shard again with this primsim)",
                    name, *version, current_schema_version));
  }
  if (!index || !count) {
    throw OutputFileError(fmt::format(
        "cannot merge '{}': not a shard (it has no root attribute 'shard_count'; shards are written "
        "by primsim run --shard i/n)",
        name));
  }
  shard.index = *index;
  shard.count = *count;
  shard.identity["schema_version"] = std::to_string(*version);
  shard.identity["program_version"] = read_string_attribute(root, "program_version").value_or("");
  shard.identity["scenario"] = read_string_attribute(root, "scenario_yaml").value_or("");
  shard.identity["seed"] = std::to_string(read_uint64_attribute(root, "seed").value_or(0));
  shard.identity["replicates"] = std::to_string(read_uint64_attribute(root, "replicates").value_or(0));
  shard.identity["points"] = std::to_string(read_uint64_attribute(root, "points").value_or(1));
  shard.end_time = read_string_attribute(root, "end_time").value_or("");
  return shard;
}

void check_shards(std::vector<ShardFile>& shards) {
  const ShardFile& first = shards.front();
  for (const ShardFile& shard : shards) {
    if (shard.count != first.count) {
      throw OutputFileError(fmt::format(
          "cannot merge: '{}' is shard {}/{} but '{}' is shard {}/{}: shards of different splits",
          shard.path.string(), shard.index, shard.count, first.path.string(), first.index, first.count));
    }
    for (const auto& [key, value] : first.identity) {
      const std::string& other = shard.identity.at(key);
      if (other == value) continue;
      const std::string detail =
          key == "scenario" ? "a different scenario" : fmt::format("{} {}, not {}", key, other, value);
      throw OutputFileError(fmt::format("cannot merge: '{}' belongs to another run than '{}': {}",
                                        shard.path.string(), first.path.string(), detail));
    }
  }
  std::sort(shards.begin(), shards.end(),
            [](const ShardFile& a, const ShardFile& b) { return a.index < b.index; });
  for (std::size_t i = 1; i < shards.size(); ++i) {
    if (shards[i].index == shards[i - 1].index) {
      throw OutputFileError(fmt::format("cannot merge: '{}' and '{}' are both shard {}/{}",
                                        shards[i - 1].path.string(), shards[i].path.string(), shards[i].index,
                                        shards[i].count));
    }
  }
  std::vector<std::string> missing;
  std::size_t next = 0;
  for (std::uint64_t index = 0; index < first.count; ++index) {
    if (next < shards.size() && shards[next].index == index) {
      ++next;
    } else {
      missing.push_back(fmt::format("{}/{}", index, first.count));
    }
  }
  if (!missing.empty()) {
    throw OutputFileError(fmt::format("cannot merge: shard{} {} {} missing ({} of {} given)",
                                      missing.size() > 1 ? "s" : "", fmt::join(missing, ", "),
                                      missing.size() > 1 ? "are" : "is", shards.size(), first.count));
  }
}

// The name of a design's /points: every shard holds all of them, so they are copied once and not
// joined end to end like the tables of rows per replicate.
constexpr const char* kPointsTable = "points";

// The tables with rows per replicate: every dataset under the root but /points.
std::vector<std::string> root_datasets(hid_t file) {
  std::vector<std::string> names;
  const auto visit = [](hid_t group, const char* name, const H5L_info_t*, void* data) -> herr_t {
    H5O_info_t info;
    if (H5Oget_info_by_name(group, name, &info, H5P_DEFAULT) >= 0 && info.type == H5O_TYPE_DATASET) {
      static_cast<std::vector<std::string>*>(data)->emplace_back(name);
    }
    return 0;
  };
  check_hdf5(H5Literate(file, H5_INDEX_NAME, H5_ITER_INC, nullptr, visit, &names), "list the tables");
  names.erase(std::remove(names.begin(), names.end(), kPointsTable), names.end());
  return names;
}

void append_rows(hid_t target, hid_t source, const std::string& name) {
  Hdf5Handle to(H5Dopen2(target, name.c_str(), H5P_DEFAULT), H5Dclose, "open /" + name);
  Hdf5Handle from(H5Dopen2(source, name.c_str(), H5P_DEFAULT), H5Dclose, "open /" + name + " of a shard");
  Hdf5Handle type(H5Dget_type(to.get()), H5Tclose, "get the type of /" + name);
  const std::size_t row_size = H5Tget_size(type.get());
  Hdf5Handle from_space(H5Dget_space(from.get()), H5Sclose, "get a space");
  const auto rows = static_cast<hsize_t>(H5Sget_simple_extent_npoints(from_space.get()));
  hsize_t end = 0;
  {
    Hdf5Handle to_space(H5Dget_space(to.get()), H5Sclose, "get a space");
    end = static_cast<hsize_t>(H5Sget_simple_extent_npoints(to_space.get()));
  }
  std::vector<char> buffer;
  for (hsize_t start = 0; start < rows; start += rows_per_block) {
    const hsize_t count = std::min(rows_per_block, rows - start);
    buffer.resize(count * row_size);
    Hdf5Handle memory(H5Screate_simple(1, &count, nullptr), H5Sclose, "create a memory space");
    check_hdf5(H5Sselect_hyperslab(from_space.get(), H5S_SELECT_SET, &start, nullptr, &count, nullptr),
               "select rows");
    check_hdf5(H5Dread(from.get(), type.get(), memory.get(), from_space.get(), H5P_DEFAULT, buffer.data()),
               "read /" + name + " of a shard");
    const hsize_t new_end = end + count;
    check_hdf5(H5Dset_extent(to.get(), &new_end), "extend /" + name);
    Hdf5Handle to_space(H5Dget_space(to.get()), H5Sclose, "get a space");
    check_hdf5(H5Sselect_hyperslab(to_space.get(), H5S_SELECT_SET, &end, nullptr, &count, nullptr),
               "select rows");
    check_hdf5(H5Dwrite(to.get(), type.get(), memory.get(), to_space.get(), H5P_DEFAULT, buffer.data()),
               "write /" + name);
    end = new_end;
  }
}

// Copies every attribute of `from` to `to` but those named in `skip`, values as stored.
void copy_attributes(hid_t from, hid_t to, const std::vector<std::string>& skip) {
  H5O_info_t info;
  check_hdf5(H5Oget_info(from, &info), "count attributes");
  for (hsize_t i = 0; i < info.num_attrs; ++i) {
    Hdf5Handle attribute(H5Aopen_by_idx(from, ".", H5_INDEX_NAME, H5_ITER_INC, i, H5P_DEFAULT, H5P_DEFAULT),
                         H5Aclose, "open an attribute");
    const ssize_t length = H5Aget_name(attribute.get(), 0, nullptr);
    if (length < 0) throw std::runtime_error("HDF5 failed to name an attribute");
    std::string name(static_cast<std::size_t>(length), '\0');
    H5Aget_name(attribute.get(), name.size() + 1, name.data());
    if (std::find(skip.begin(), skip.end(), name) != skip.end()) continue;
    Hdf5Handle type(H5Aget_type(attribute.get()), H5Tclose, "get the type of attribute " + name);
    Hdf5Handle space(H5Aget_space(attribute.get()), H5Sclose, "get the space of attribute " + name);
    const hssize_t values = H5Sget_simple_extent_npoints(space.get());
    std::vector<unsigned char> buffer(static_cast<std::size_t>(std::max<hssize_t>(values, 1)) *
                                      H5Tget_size(type.get()));
    check_hdf5(H5Aread(attribute.get(), type.get(), buffer.data()), "read attribute " + name);
    Hdf5Handle copy(H5Acreate2(to, name.c_str(), type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose,
                    "create attribute " + name);
    const herr_t written = H5Awrite(copy.get(), type.get(), buffer.data());
    if (H5Tis_variable_str(type.get()) > 0)
      H5Dvlen_reclaim(type.get(), space.get(), H5P_DEFAULT, buffer.data());
    check_hdf5(written, "write attribute " + name);
  }
}

// Where the virtual dataset looks for a shard: relative to the merged file's folder when the shard
// is under it, which HDF5 resolves from the merged file's own place, so the folder can move whole.
std::string source_name(const std::filesystem::path& shard, const std::filesystem::path& folder) {
  const std::filesystem::path absolute = std::filesystem::absolute(shard).lexically_normal();
  const std::filesystem::path relative = absolute.lexically_relative(std::filesystem::absolute(folder));
  if (!relative.empty() && *relative.begin() != "..") return relative.string();
  return absolute.string();
}

void write_virtual_merge(const std::filesystem::path& temporary, const std::filesystem::path& folder,
                         const std::vector<ShardFile>& shards) {
  std::vector<Hdf5Handle> sources;
  for (const ShardFile& shard : shards) {
    const std::string name = shard.path.string();
    sources.emplace_back(H5Fopen(name.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose, "open " + name);
  }
  const hid_t first = sources.front().get();
  Hdf5Handle file(H5Fcreate(temporary.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), H5Fclose,
                  "create " + temporary.string());
  const hid_t root = file.get();
  copy_attributes(first, root, {"shard_index", "shard_count", "end_time"});
  write_string_attribute(root, "end_time", shards.back().end_time);
  check_hdf5(H5Ocopy(first, "meta", root, "meta", H5P_DEFAULT, H5P_DEFAULT), "copy /meta");
  if (H5Lexists(first, kPointsTable, H5P_DEFAULT) > 0) {
    check_hdf5(H5Ocopy(first, kPointsTable, root, kPointsTable, H5P_DEFAULT, H5P_DEFAULT), "copy /points");
  }
  for (const std::string& table : root_datasets(first)) {
    std::vector<hsize_t> rows;
    for (const Hdf5Handle& source : sources) {
      Hdf5Handle dataset(H5Dopen2(source.get(), table.c_str(), H5P_DEFAULT), H5Dclose,
                         "open /" + table + " of a shard");
      Hdf5Handle space(H5Dget_space(dataset.get()), H5Sclose, "get a space");
      rows.push_back(static_cast<hsize_t>(H5Sget_simple_extent_npoints(space.get())));
    }
    hsize_t total = 0;
    for (const hsize_t count : rows) total += count;
    Hdf5Handle space(H5Screate_simple(1, &total, nullptr), H5Sclose, "create the space of /" + table);
    Hdf5Handle properties(H5Pcreate(H5P_DATASET_CREATE), H5Pclose, "create dataset properties");
    hsize_t offset = 0;
    for (std::size_t s = 0; s < shards.size(); ++s) {
      if (rows[s] == 0) continue;
      check_hdf5(H5Sselect_hyperslab(space.get(), H5S_SELECT_SET, &offset, nullptr, &rows[s], nullptr),
                 "select rows");
      Hdf5Handle shard_space(H5Screate_simple(1, &rows[s], nullptr), H5Sclose, "create a shard's space");
      const std::string source = source_name(shards[s].path, folder);
      check_hdf5(H5Pset_virtual(properties.get(), space.get(), source.c_str(), ("/" + table).c_str(),
                                shard_space.get()),
                 "map /" + table + " of " + source);
      offset += rows[s];
    }
    check_hdf5(H5Sselect_all(space.get()), "select every row");
    Hdf5Handle from(H5Dopen2(first, table.c_str(), H5P_DEFAULT), H5Dclose, "open /" + table + " of a shard");
    Hdf5Handle type(H5Dget_type(from.get()), H5Tclose, "get the type of /" + table);
    Hdf5Handle dataset(
        H5Dcreate2(root, table.c_str(), type.get(), space.get(), H5P_DEFAULT, properties.get(), H5P_DEFAULT),
        H5Dclose, "create the virtual dataset /" + table);
    copy_attributes(from.get(), dataset.get(), {});
  }
  check_hdf5(H5Fflush(root, H5F_SCOPE_GLOBAL), "flush " + temporary.string());
}

}  // namespace

void merge_shards(const std::filesystem::path& output, const std::vector<std::filesystem::path>& paths,
                  MergeKind kind) {
  silence_hdf5_errors();
  if (paths.empty()) throw OutputFileError("cannot merge: no shard files given");
  std::vector<ShardFile> shards;
  for (const auto& path : paths) shards.push_back(read_shard(path));
  check_shards(shards);

  const std::filesystem::path folder = output.has_parent_path() ? output.parent_path() : ".";
  if (!std::filesystem::is_directory(folder)) {
    throw OutputFileError(fmt::format("cannot write results file '{}': folder '{}' does not exist",
                                      output.string(), folder.string()));
  }
  const std::filesystem::path temporary = temporary_path(output);
  // A close that fails (a full disk) leaves the file incomplete, though no call reported it.
  const unsigned close_failures = hdf5_close_failures().count;
  const auto check_closed = [&] {
    if (hdf5_close_failures().count == close_failures) return;
    const std::string& reason = hdf5_close_failures().reason;
    throw std::runtime_error("HDF5 failed to close " + temporary.string() +
                             (reason.empty() ? "" : ": " + reason));
  };
  try {
    if (kind == MergeKind::virtual_datasets) {
      write_virtual_merge(temporary, folder, shards);
      check_closed();
      publish_durably(temporary, output);
      return;
    }
    std::filesystem::copy_file(shards.front().path, temporary,
                               std::filesystem::copy_options::overwrite_existing);
    {
      Hdf5Handle file(H5Fopen(temporary.c_str(), H5F_ACC_RDWR, H5P_DEFAULT), H5Fclose,
                      "open " + temporary.string());
      const hid_t root = file.get();
      check_hdf5(H5Adelete(root, "shard_index"), "delete attribute shard_index");
      check_hdf5(H5Adelete(root, "shard_count"), "delete attribute shard_count");
      const std::vector<std::string> tables = root_datasets(root);
      for (std::size_t s = 1; s < shards.size(); ++s) {
        const std::string name = shards[s].path.string();
        Hdf5Handle shard(H5Fopen(name.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose, "open " + name);
        for (const std::string& table : tables) append_rows(root, shard.get(), table);
      }
      if (H5Aexists(root, "end_time") > 0)
        check_hdf5(H5Adelete(root, "end_time"), "delete attribute end_time");
      write_string_attribute(root, "end_time", shards.back().end_time);
      check_hdf5(H5Fflush(root, H5F_SCOPE_GLOBAL), "flush " + temporary.string());
    }
    check_closed();
    publish_durably(temporary, output);
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    throw;
  }
}

}  // namespace primsim::output
