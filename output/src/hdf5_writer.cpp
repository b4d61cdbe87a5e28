// The writer thread owns the HDF5 file from creation to close: HDF5 serialises every call even
// when built thread-safe, so replicate threads only hand rows over and never wait on the library
// except through the bounded queue.
#include "primsim/output/hdf5_writer.hpp"

#include <unistd.h>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <future>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string_view>
#include <thread>
#include <tuple>
#include <type_traits>

#include <cstring>

#include "compound_table.hpp"
#include "hdf5_attributes.hpp"
#include "hdf5_handle.hpp"
#include "meta_table.hpp"
#include "primsim/output/checkpoint_log.hpp"
#include "primsim/output/durable_file.hpp"
#include "primsim/output/output_file_error.hpp"
#include "primsim/output/run_identity.hpp"
#include "primsim/output/run_paths.hpp"
#include "primsim/output/schema.hpp"
#include "table_layout.hpp"

namespace primsim::output {

using namespace models::results;

namespace {

constexpr unsigned deflate_level = 4;
constexpr std::size_t chunk_bytes = 64 * 1024;

// The writer lives as long as the ensemble, and HDF5's defaults let its memory grow with the
// replicates it has written: freed blocks stay on HDF5's free lists (up to 21 MiB), the metadata
// cache grows adaptively to 32 MiB, and each table may keep 1 MiB of chunks. An append touches
// only its table's last chunk and a few B-tree nodes, so small bounds cost no rewrites, and peak
// memory stays what the replicates themselves need. One chunk a table is enough: appends fill a
// chunk to its end and never come back to it (four chunks a table cost 1 MB more at the peak of
// 100 replicates, heaptrack, with the same write time).
constexpr int free_list_global_bytes = 256 * 1024;
constexpr int free_list_bytes = 64 * 1024;
constexpr std::size_t metadata_cache_bytes = 1024 * 1024;
constexpr std::size_t chunk_cache_bytes = chunk_bytes;
constexpr std::size_t chunk_cache_slots = 521;  // a prime, as HDF5 advises

void bound_hdf5_caches() {
  check_hdf5(H5set_free_list_limits(free_list_global_bytes, free_list_bytes, free_list_global_bytes,
                                    free_list_bytes, free_list_global_bytes, free_list_bytes),
             "limit HDF5's free lists");
}

void bound_file_caches(hid_t access) {
  H5AC_cache_config_t config{};
  config.version = H5AC__CURR_CACHE_CONFIG_VERSION;
  check_hdf5(H5Pget_mdc_config(access, &config), "read the metadata cache configuration");
  config.set_initial_size = true;
  config.initial_size = metadata_cache_bytes;
  config.min_size = std::min(config.min_size, metadata_cache_bytes);
  config.max_size = metadata_cache_bytes;
  check_hdf5(H5Pset_mdc_config(access, &config), "bound the metadata cache");
  check_hdf5(H5Pset_cache(access, 0, chunk_cache_slots, chunk_cache_bytes, 1.0), "bound the chunk cache");
}

std::vector<std::string> to_strings(std::span<const std::string_view> names) {
  return {names.begin(), names.end()};
}

// One extendable table of the file.
class TableDataset {
 public:
  TableDataset(hid_t file, const TableSpec& spec, const std::string& epoch, bool with_point)
      : spec_(&spec), with_point_(with_point) {
    row_type_ = with_point ? make_point_row_type(spec) : make_row_type(spec);
    const std::size_t row_size = with_point ? point_row_offset + spec.row_size : spec.row_size;
    const hsize_t initial = 0;
    const hsize_t unlimited = H5S_UNLIMITED;
    Hdf5Handle space(H5Screate_simple(1, &initial, &unlimited), H5Sclose, "create a table space");
    Hdf5Handle properties(H5Pcreate(H5P_DATASET_CREATE), H5Pclose, "create dataset properties");
    const hsize_t chunk = std::max<hsize_t>(1, chunk_bytes / row_size);
    check_hdf5(H5Pset_chunk(properties.get(), 1, &chunk), "set the chunk size");
    check_hdf5(H5Pset_shuffle(properties.get()), "set the shuffle filter");
    check_hdf5(H5Pset_deflate(properties.get(), deflate_level), "set the deflate filter");
    // Packed on disk: the row structs' padding never reaches the file, so the same results give
    // the same bytes (and smaller files).
    Hdf5Handle file_type(H5Tcopy(row_type_.get()), H5Tclose, "copy a row type");
    check_hdf5(H5Tpack(file_type.get()), "pack a row type");
    dataset_ = Hdf5Handle(
        H5Dcreate2(file, spec.name, file_type.get(), space.get(), H5P_DEFAULT, properties.get(), H5P_DEFAULT),
        H5Dclose, "create dataset /" + std::string(spec.name));
    write_string_attribute(dataset_.get(), "description", spec.description);
    if (with_point) {
      write_string_attribute(dataset_.get(), "point_description", "sweep point, see /meta/sweep");
    }
    for (const ColumnSpec& column : spec.columns) {
      if (*column.units != '\0') {
        write_string_attribute(dataset_.get(), std::string(column.name) + "_units", column.units);
      }
      write_string_attribute(dataset_.get(), std::string(column.name) + "_description", column.description);
    }
    if (spec.has_time) write_string_attribute(dataset_.get(), "epoch", epoch);
  }

  template <class Row>
  void append(const std::vector<Row>& rows, std::uint32_t point) {
    if (!with_point_) {
      write(rows.data(), rows.size());
      return;
    }
    constexpr std::size_t size = point_row_offset + sizeof(Row);
    buffer_.resize(size * rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
      std::memcpy(buffer_.data() + i * size, &point, sizeof(point));
      std::memcpy(buffer_.data() + i * size + point_row_offset, &rows[i], sizeof(Row));
    }
    write(buffer_.data(), rows.size());
  }

 private:
  void write(const void* rows, std::size_t row_count) {
    if (row_count == 0) return;
    const hsize_t start = rows_;
    const hsize_t count = row_count;
    rows_ += count;
    check_hdf5(H5Dset_extent(dataset_.get(), &rows_), "extend /" + std::string(spec_->name));
    Hdf5Handle file_space(H5Dget_space(dataset_.get()), H5Sclose, "get a table space");
    check_hdf5(H5Sselect_hyperslab(file_space.get(), H5S_SELECT_SET, &start, nullptr, &count, nullptr),
               "select rows");
    Hdf5Handle memory_space(H5Screate_simple(1, &count, nullptr), H5Sclose, "create a memory space");
    check_hdf5(
        H5Dwrite(dataset_.get(), row_type_.get(), memory_space.get(), file_space.get(), H5P_DEFAULT, rows),
        "write rows of /" + std::string(spec_->name));
  }

  const TableSpec* spec_;
  bool with_point_;
  std::vector<char> buffer_;
  Hdf5Handle row_type_;
  Hdf5Handle dataset_;
  hsize_t rows_ = 0;
};

template <class Row>
void stamp(std::vector<Row>& rows, std::uint32_t replicate) {
  for (Row& row : rows) row.replicate = replicate;
}

}  // namespace

struct Hdf5Writer::State {
  std::filesystem::path path;
  std::filesystem::path temporary;
  RunInfo info;
  WriterOptions options;
  std::size_t capacity = 4;

  std::mutex mutex;
  std::condition_variable not_full;
  std::condition_variable not_empty;
  std::deque<ReplicateResults> queue;
  bool closed = false;      // no more replicates: write what is queued, then close the file
  bool abandoned = false;   // stop as soon as possible; the file is removed
  bool drain_only = false;  // interrupted: hand the queue to the checkpoint, write no file
  std::string end_time;
  std::exception_ptr error;
  std::thread thread;
  bool finished = false;

  // Touched by the writer thread only.
  Hdf5Handle file;
  std::vector<TableDataset> tables;
  std::map<std::uint32_t, ReplicateResults> pending;
  std::uint64_t next_replicate = 0;

  void create_file();
  void write(ReplicateResults& results);
  void run(std::promise<void>& created);
};

void Hdf5Writer::State::create_file() {
  silence_hdf5_errors();
  bound_hdf5_caches();
  Hdf5Handle access(H5Pcreate(H5P_FILE_ACCESS), H5Pclose, "file access properties");
  bound_file_caches(access.get());
  file = Hdf5Handle(H5Fcreate(temporary.c_str(), H5F_ACC_TRUNC, H5P_DEFAULT, access.get()), H5Fclose,
                    "create " + temporary.string());
  const hid_t root = file.get();
  write_int64_attribute(root, "schema_version", current_schema_version);
  write_string_attribute(root, "program_version", info.program_version);
  write_string_attribute(root, "scenario_name", info.scenario_name);
  write_string_attribute(root, "scenario_yaml", info.scenario_yaml);
  write_uint64_attribute(root, "seed", info.seed);
  write_uint64_attribute(root, "replicates", info.replicates);
  const EnsembleLayout& layout = options.layout;
  if (layout.has_sweep()) write_uint64_attribute(root, "points", layout.points());
  if (!layout.shard.is_whole_run()) {
    write_uint64_attribute(root, "shard_index", layout.shard.index);
    write_uint64_attribute(root, "shard_count", layout.shard.count);
  }
  write_string_attribute(root, "command_line", info.command_line);
  write_string_attribute(root, "start_time", info.start_time);
  write_string_attribute(root, "epoch", info.epoch);
  write_string_attribute(root, "parameter_draws", info.parameter_draws);
  if (!options.identity.empty()) write_string_attribute(root, kRunIdentityAttribute, options.identity);

  Hdf5Handle meta(H5Gcreate2(root, "meta", H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), H5Gclose, "create /meta");
  write_meta_table(meta.get(), "regions", info.region_names);
  write_meta_table(meta.get(), "parties", info.party_names);
  write_meta_table(meta.get(), "stages", to_strings(stage_names));
  write_meta_table(meta.get(), "routes", to_strings(route_names));
  write_meta_table(meta.get(), "genders", to_strings(gender_names));
  write_meta_table(meta.get(), "channels", to_strings(channel_names));
  write_meta_table(meta.get(), "reasons", to_strings(removal_reason_names));
  write_meta_table(meta.get(), "outcomes", to_strings(outcome_names));
  write_meta_table(meta.get(), "warning_kinds", to_strings(warning_kind_names));
  write_meta_table(meta.get(), "quota_groups", to_strings(quota_group_names));
  write_meta_table(meta.get(), "offices", info.office_names);
  write_meta_table(meta.get(), "selection_stages", info.selection_stage_names);
  write_meta_table(meta.get(), "selector_groups", info.selector_group_names);
  write_meta_table(meta.get(), "parameters", info.parameter_names);
  if (layout.has_sweep()) write_sweep_table(meta.get(), layout.sweep_keys, layout.sweep_values);
  if (!layout.point_parameters.empty()) {
    std::vector<PointRow> points;
    for (std::size_t p = 0; p < layout.point_parameters.size(); ++p) {
      for (std::size_t k = 0; k < layout.point_parameters[p].size(); ++k) {
        points.push_back(
            {static_cast<std::uint32_t>(p), static_cast<std::uint16_t>(k), layout.point_parameters[p][k]});
      }
    }
    write_rows(root, point_table_spec(), points);
    write_string_attribute(root, "design", layout.design.name);
    write_uint64_attribute(root, "design_samples", layout.design.samples);
    write_uint64_attribute(root, "design_seed", layout.design.seed);
    write_uint64_attribute(root, "design_levels", layout.design.levels);
  }

  // One dataset per table of ReplicateResults::tables(), in that order, which write() relies on.
  const bool with_point = layout.has_sweep();
  std::apply(
      [&](const auto&... rows) {
        tables.reserve(sizeof...(rows));
        (tables.emplace_back(root, table_spec<typename std::decay_t<decltype(rows)>::value_type>(),
                             info.epoch, with_point),
         ...);
      },
      ReplicateResults{}.tables());
}

void Hdf5Writer::State::write(ReplicateResults& results) {
  const EnsembleLayout& layout = options.layout;
  std::uint32_t point = 0;
  std::uint32_t replicate = results.replicate;
  if (layout.has_sweep()) {
    point = results.replicate / layout.replicates_per_point;
    replicate = results.replicate % layout.replicates_per_point;
  }
  // Datasets were created in the order of ReplicateResults::tables().
  std::size_t table = 0;
  std::apply([&](auto&... rows) { ((stamp(rows, replicate), tables[table++].append(rows, point)), ...); },
             results.tables());
}

void Hdf5Writer::State::run(std::promise<void>& created) {
  const unsigned close_failures = hdf5_close_failures().count;
  try {
    create_file();
  } catch (...) {
    created.set_exception(std::current_exception());
    return;
  }
  created.set_value();
  try {
    for (;;) {
      std::unique_lock lock(mutex);
      not_empty.wait(lock, [this] { return !queue.empty() || closed || abandoned; });
      if (abandoned) break;
      if (queue.empty()) break;  // closed and drained
      ReplicateResults results = std::move(queue.front());
      queue.pop_front();
      const bool draining = drain_only;
      lock.unlock();
      not_full.notify_one();
      if (options.checkpoint != nullptr) options.checkpoint->append(results);
      if (draining) continue;
      // Replicates finish in any order; holding early ones back keeps the file identical for
      // every thread count.
      const std::uint32_t replicate = results.replicate;
      pending.insert_or_assign(replicate, std::move(results));
      while (!pending.empty() && pending.begin()->first == next_replicate) {
        write(pending.begin()->second);
        pending.erase(pending.begin());
        ++next_replicate;
      }
    }
    std::unique_lock lock(mutex);
    if (!abandoned && !drain_only) {
      lock.unlock();
      for (auto& [replicate, results] : pending) write(results);
      pending.clear();
      write_string_attribute(file.get(), "end_time", end_time);
      check_hdf5(H5Fflush(file.get(), H5F_SCOPE_GLOBAL), "flush " + temporary.string());
    }
  } catch (...) {
    std::lock_guard lock(mutex);
    error = std::current_exception();
    abandoned = true;
    not_full.notify_all();
  }
  tables.clear();
  file.reset();
  // A close writes what HDF5 still held (a full disk fails it there): the file is then incomplete.
  std::lock_guard lock(mutex);
  if (!error && !abandoned && !drain_only && hdf5_close_failures().count != close_failures) {
    const std::string& reason = hdf5_close_failures().reason;
    error = std::make_exception_ptr(std::runtime_error("HDF5 failed to close " + temporary.string() +
                                                       (reason.empty() ? "" : ": " + reason)));
  }
}

Hdf5Writer::Hdf5Writer(std::filesystem::path path, RunInfo info, std::size_t queue_capacity)
    : Hdf5Writer(
          std::move(path), info,
          WriterOptions{EnsembleLayout{info.replicates, {}, {}, {}, {}, {}}, nullptr, queue_capacity, {}}) {}

Hdf5Writer::Hdf5Writer(std::filesystem::path path, RunInfo info, WriterOptions options)
    : state_(std::make_unique<State>()) {
  State& state = *state_;
  state.path = std::move(path);
  state.info = std::move(info);
  state.options = std::move(options);
  state.capacity = std::max<std::size_t>(1, state.options.queue_capacity);
  state.next_replicate = state.options.layout.block_begin();
  const std::filesystem::path folder =
      state.path.has_parent_path() ? state.path.parent_path() : std::filesystem::path(".");
  if (!std::filesystem::is_directory(folder)) {
    throw OutputFileError("cannot write results file '" + state.path.string() + "': folder '" +
                          folder.string() + "' does not exist");
  }
  state.temporary = output::temporary_path(state.path);
  std::promise<void> created;
  std::future<void> outcome = created.get_future();
  // The promise moves into the thread so that it outlives set_value() whatever this thread does.
  state.thread = std::thread([&state, promise = std::move(created)]() mutable { state.run(promise); });
  try {
    outcome.get();
  } catch (...) {
    state.thread.join();
    std::error_code ignored;
    std::filesystem::remove(state.temporary, ignored);
    throw;
  }
}

Hdf5Writer::~Hdf5Writer() {
  State& state = *state_;
  if (state.thread.joinable()) {
    {
      std::lock_guard lock(state.mutex);
      state.abandoned = true;
    }
    state.not_empty.notify_all();
    state.not_full.notify_all();
    state.thread.join();
  }
  if (!state.finished) {
    std::error_code ignored;
    std::filesystem::remove(state.temporary, ignored);
  }
}

void Hdf5Writer::publish(ReplicateResults results) {
  State& state = *state_;
  std::unique_lock lock(state.mutex);
  state.not_full.wait(lock, [&state] { return state.queue.size() < state.capacity || state.abandoned; });
  if (state.error) std::rethrow_exception(state.error);
  if (state.abandoned || state.closed) throw std::logic_error("publish() after finish()");
  state.queue.push_back(std::move(results));
  // Under the lock: the owner destroys the writer after taking the lock in finish() or abandon(),
  // which then follows this notify for ThreadSanitizer too, since it cannot see that oneTBB's
  // parallel_for ended the worker first.
  state.not_empty.notify_one();
}

void Hdf5Writer::finish(const std::string& end_time) {
  State& state = *state_;
  {
    std::lock_guard lock(state.mutex);
    if (state.closed) throw std::logic_error("finish() called twice");
    state.closed = true;
    state.end_time = end_time;
  }
  state.not_empty.notify_all();
  state.thread.join();
  if (state.error) {
    std::error_code ignored;
    std::filesystem::remove(state.temporary, ignored);
    std::rethrow_exception(state.error);
  }
  try {
    publish_durably(state.temporary, state.path);
  } catch (...) {
    std::error_code ignored;
    std::filesystem::remove(state.temporary, ignored);
    throw;
  }
  state.finished = true;
}

void Hdf5Writer::abandon() {
  State& state = *state_;
  {
    std::lock_guard lock(state.mutex);
    if (state.closed) return;
    state.closed = true;
    state.drain_only = true;
  }
  state.not_empty.notify_all();
  state.thread.join();
  std::error_code ignored;
  std::filesystem::remove(state.temporary, ignored);
  if (state.error) std::rethrow_exception(state.error);
}

const std::filesystem::path& Hdf5Writer::path() const { return state_->path; }
const std::filesystem::path& Hdf5Writer::temporary_path() const { return state_->temporary; }

}  // namespace primsim::output
