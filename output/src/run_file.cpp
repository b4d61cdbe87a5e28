// Reading a results file back, a block of rows at a time, so that a report on thousands of
// replicates needs no more memory than one on ten. Every failure a user can cause (wrong path, a
// text file, a copy cut short, someone else's HDF5 file, an older primsim) becomes an
// OutputFileError that says which file and what is wrong; HDF5's own error stack is never printed.
#include "primsim/output/run_file.hpp"

#include <algorithm>
#include <memory>
#include <optional>
#include <stdexcept>
#include <tuple>
#include <type_traits>

#include <fmt/format.h>

#include "compound_table.hpp"
#include "hdf5_attributes.hpp"
#include "hdf5_handle.hpp"
#include "meta_table.hpp"
#include "primsim/models/rules/count_limits.hpp"
#include "primsim/output/output_file_error.hpp"
#include "primsim/output/schema.hpp"
#include "primsim/sim/input_file.hpp"
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
  // Before HDF5 opens it: a FIFO would block the open for ever.
  sim::check_input_file(path, sim::kResultsInput);
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

// A table of `primsim merge --virtual` refers to rows in the shard files. HDF5 reads a missing
// source as fill values, which would pass for zeros in every statistic: a moved or deleted shard
// is refused instead. Relative names are relative to the merged file's folder, as HDF5 resolves them.
void check_virtual_sources(hid_t dataset, const std::filesystem::path& path) {
  const Hdf5Handle properties(H5Dget_create_plist(dataset), H5Pclose, "get the dataset properties");
  if (H5Pget_layout(properties.get()) != H5D_VIRTUAL) return;
  std::size_t sources = 0;
  check_hdf5(H5Pget_virtual_count(properties.get(), &sources), "count the virtual sources");
  for (std::size_t i = 0; i < sources; ++i) {
    const ssize_t length = H5Pget_virtual_filename(properties.get(), i, nullptr, 0);
    if (length < 0) throw std::runtime_error("HDF5 failed to name a virtual source");
    std::string name(static_cast<std::size_t>(length), '\0');
    H5Pget_virtual_filename(properties.get(), i, name.data(), name.size() + 1);
    if (name == ".") continue;
    std::filesystem::path source(name);
    if (source.is_relative()) source = path.parent_path() / source;
    std::error_code error;
    if (!std::filesystem::exists(source, error)) {
      throw OutputFileError(fmt::format(
          "'{}' was merged with --virtual and reads its rows from '{}', which is missing: keep the shard "
          "files where they were, or merge them again without --virtual",
          path.string(), source.string()));
    }
  }
}

// Checks that the table whose rows are Row is there with every column primsim reads (a file may
// have more: columns are matched by name) and returns its number of rows.
template <class Row>
std::uint64_t checked_table_rows(hid_t file, const std::filesystem::path& path) {
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
  check_virtual_sources(dataset.get(), path);
  Hdf5Handle space(H5Dget_space(dataset.get()), H5Sclose, "get the space of /" + std::string(spec.name));
  const hssize_t count = H5Sget_simple_extent_npoints(space.get());
  if (count < 0) throw std::runtime_error("HDF5 failed to size /" + std::string(spec.name));
  return static_cast<std::uint64_t>(count);
}

// The largest dimensions a results file of primsim can have: the scenario's own limits, or the
// width of the code that stores them. A file that claims more is forged or damaged, and reading
// it anyway would cost time in their product (the reports read the tables once per party).
struct DimensionLimit {
  const char* what;
  std::uint64_t max;
};
constexpr DimensionLimit kPartiesLimit{"parties (/meta/parties)", models::rules::kMaxParties};
constexpr DimensionLimit kRegionsLimit{"regions (/meta/regions)", 65535};
constexpr DimensionLimit kOfficesLimit{"offices (/meta/offices)", 255};
constexpr DimensionLimit kSelectionStagesLimit{"selection stages (/meta/selection_stages)", 65535};
constexpr DimensionLimit kSelectorGroupsLimit{"selector groups (/meta/selector_groups)", 255};
constexpr DimensionLimit kParametersLimit{"parameters (/meta/parameters)", 1000};
constexpr DimensionLimit kReplicatesLimit{"replicates (root attribute 'replicates')", 1'000'000};
constexpr DimensionLimit kPointsLimit{"points (root attribute 'points')", UINT32_MAX};
constexpr DimensionLimit kSweepKeysLimit{"sweep keys (/meta/sweep)", 1000};

void check_dimension(const std::filesystem::path& path, const DimensionLimit& limit, std::uint64_t found) {
  if (found <= limit.max) return;
  throw OutputFileError(
      fmt::format("'{}' claims {} {}; a primsim results file has at most {}: the file is "
                  "damaged or was not written by primsim",
                  path.string(), found, limit.what, limit.max));
}

OutputFileError damaged(const std::filesystem::path& path) {
  // The superblock was readable but the data behind it is not: a copy cut short.
  return OutputFileError(
      fmt::format("cannot read results file '{}': the HDF5 file is truncated or damaged", path.string()));
}

// Reads rows [first, first + rows.size()) of a table into `rows`. Only the columns of Row are
// converted, and in a sweep the `point` column turns replicate numbers into ensemble indices
// (point * replicates + replicate), which repeat in every point otherwise.
class TableBlockReader {
 public:
  TableBlockReader(hid_t file, const TableSpec& spec)
      : dataset_(H5Dopen2(file, spec.name, H5P_DEFAULT), H5Dclose, "open /" + std::string(spec.name)),
        space_(H5Dget_space(dataset_.get()), H5Sclose, "get the space of /" + std::string(spec.name)),
        row_type_(make_row_type(spec)) {
    const Hdf5Handle file_type(H5Dget_type(dataset_.get()), H5Tclose,
                               "get the type of /" + std::string(spec.name));
    if (H5Tget_member_index(file_type.get(), "point") >= 0) {
      point_type_ =
          Hdf5Handle(H5Tcreate(H5T_COMPOUND, sizeof(std::uint32_t)), H5Tclose, "create the point type");
      check_hdf5(H5Tinsert(point_type_.get(), "point", 0, H5T_NATIVE_UINT32), "insert column point");
    }
    const hssize_t count = H5Sget_simple_extent_npoints(space_.get());
    if (count < 0) throw std::runtime_error("HDF5 failed to size /" + std::string(spec.name));
    rows_ = static_cast<std::uint64_t>(count);
  }

  [[nodiscard]] std::uint64_t rows() const { return rows_; }

  // Returns how many rows were kept: with `only_point`, that point's rows are moved to the front,
  // their replicate numbers left as counted within the point.
  template <class Row>
  std::size_t read(std::uint64_t first, std::span<Row> rows, std::uint32_t replicates,
                   std::optional<std::uint32_t> only_point) {
    if (rows.empty()) return 0;
    const hsize_t start = first;
    const hsize_t count = rows.size();
    check_hdf5(H5Sselect_hyperslab(space_.get(), H5S_SELECT_SET, &start, nullptr, &count, nullptr),
               "select rows");
    const Hdf5Handle memory(H5Screate_simple(1, &count, nullptr), H5Sclose, "create a memory space");
    const Hdf5Handle transfer = transfer_for(dataset_.get(), row_type_.get(), count);
    check_hdf5(
        H5Dread(dataset_.get(), row_type_.get(), memory.get(), space_.get(), transfer.get(), rows.data()),
        "read rows");
    if (!point_type_.is_open()) return only_point.value_or(0) == 0 ? rows.size() : 0;
    points_.resize(rows.size());
    check_hdf5(H5Dread(dataset_.get(), point_type_.get(), memory.get(), space_.get(), transfer.get(),
                       points_.data()),
               "read the points");
    if (!only_point) {
      for (std::size_t i = 0; i < rows.size(); ++i) rows[i].replicate += points_[i] * replicates;
      return rows.size();
    }
    std::size_t kept = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (points_[i] == *only_point) rows[kept++] = rows[i];
    }
    return kept;
  }

 private:
  Hdf5Handle dataset_;
  Hdf5Handle space_;
  Hdf5Handle row_type_;
  Hdf5Handle point_type_;
  std::vector<std::uint32_t> points_;
  std::uint64_t rows_ = 0;
};

std::string string_or_empty(hid_t object, const std::string& name) {
  return read_string_attribute(object, name).value_or("");
}

}  // namespace

std::int32_t RunFile::read_schema_version(const std::filesystem::path& path) {
  const Hdf5Handle file = open_results_file(path);
  return checked_schema_version(file.get(), path);
}

RunFile RunFile::open(const std::filesystem::path& path) {
  auto file = std::make_shared<const Hdf5Handle>(open_results_file(path));
  RunFile run;
  run.path_ = path;
  run.schema_version_ = checked_schema_version(file->get(), path);
  if (run.schema_version_ != current_schema_version) {
    throw OutputFileError(fmt::format("'{}' has schema version {}; this primsim reads schema version {}",
                                      path.string(), run.schema_version_, current_schema_version));
  }
  const hid_t root = file->get();
  try {
    run.info_.program_version = string_or_empty(root, "program_version");
    run.info_.scenario_name = string_or_empty(root, "scenario_name");
    run.info_.scenario_yaml = string_or_empty(root, "scenario_yaml");
    run.info_.seed = read_uint64_attribute(root, "seed").value_or(0);
    const std::uint64_t replicates = read_uint64_attribute(root, "replicates").value_or(0);
    check_dimension(path, kReplicatesLimit, replicates);
    run.info_.replicates = static_cast<std::uint32_t>(replicates);
    run.info_.command_line = string_or_empty(root, "command_line");
    run.info_.start_time = string_or_empty(root, "start_time");
    run.info_.epoch = string_or_empty(root, "epoch");
    run.info_.parameter_draws = string_or_empty(root, "parameter_draws");
    run.end_time_ = string_or_empty(root, "end_time");
    for (const char* table : {"regions", "parties", "offices", "selection_stages"}) {
      if (H5Lexists(root, "meta", H5P_DEFAULT) <= 0 ||
          H5Lexists(root, fmt::format("meta/{}", table).c_str(), H5P_DEFAULT) <= 0) {
        throw OutputFileError(fmt::format(
            "'{}' has no dataset '/meta/{}': not a complete primsim results file", path.string(), table));
      }
    }
    Hdf5Handle meta(H5Gopen2(root, "meta", H5P_DEFAULT), H5Gclose, "open /meta");
    run.info_.region_names = read_meta_table(meta.get(), "regions");
    run.info_.party_names = read_meta_table(meta.get(), "parties");
    run.info_.office_names = read_meta_table(meta.get(), "offices");
    run.info_.selection_stage_names = read_meta_table(meta.get(), "selection_stages");
    run.info_.selector_group_names = read_meta_table(meta.get(), "selector_groups");
    run.info_.parameter_names = read_meta_table(meta.get(), "parameters");
    if (run.info_.party_names.empty()) throw damaged(path);
    check_dimension(path, kPartiesLimit, run.info_.party_names.size());
    check_dimension(path, kRegionsLimit, run.info_.region_names.size());
    check_dimension(path, kOfficesLimit, run.info_.office_names.size());
    check_dimension(path, kSelectionStagesLimit, run.info_.selection_stage_names.size());
    check_dimension(path, kSelectorGroupsLimit, run.info_.selector_group_names.size());
    check_dimension(path, kParametersLimit, run.info_.parameter_names.size());
    std::apply(
        [&](const auto&... rows) {
          (checked_table_rows<typename std::decay_t<decltype(rows)>::value_type>(root, path), ...);
        },
        ReplicateResults{}.tables());
    // /summary has a row per replicate and party.
    run.replicate_count_ = checked_table_rows<SummaryRow>(root, path) / run.info_.party_names.size();
    // A sweep's root says how many points it has, and /meta/sweep what each point set.
    const std::uint64_t points = read_uint64_attribute(root, "points").value_or(1);
    check_dimension(path, kPointsLimit, points);
    // Every point ran at least one replicate, each with a row per party in /summary.
    if (points > std::max<std::uint64_t>(run.replicate_count_, 1)) {
      throw OutputFileError(
          fmt::format("'{}' claims {} points but holds {} replicates: the file is damaged or "
                      "was not written by primsim",
                      path.string(), points, run.replicate_count_));
    }
    run.point_count_ = static_cast<std::uint32_t>(points);
    if (H5Lexists(meta.get(), "sweep", H5P_DEFAULT) > 0) {
      read_sweep_table(meta.get(), run.sweep_keys_, run.sweep_values_);
      check_dimension(path, kSweepKeysLimit, run.sweep_keys_.size());
    }
    if (run.point_count_ == 0 || (run.has_sweep() && run.sweep_values_.size() != run.point_count_))
      throw damaged(path);
  } catch (const OutputFileError&) {
    throw;
  } catch (const std::exception&) {
    throw damaged(path);
  }
  run.file_ = std::move(file);
  return run;
}

std::vector<std::string> RunFile::sweep_values(std::uint32_t point) const {
  return point < sweep_values_.size() ? sweep_values_[point] : std::vector<std::string>{};
}

std::string RunFile::sweep_assignments(std::uint32_t point) const {
  const std::vector<std::string> values = sweep_values(point);
  std::string text;
  for (std::size_t k = 0; k < sweep_keys_.size() && k < values.size(); ++k) {
    text += fmt::format("{}{}={}", k > 0 ? ", " : "", sweep_keys_[k], values[k]);
  }
  return text;
}

RunFile RunFile::at_point(std::uint32_t point) const {
  if (point >= point_count_) {
    throw OutputFileError(
        point_count_ == 1 && !has_sweep()
            ? fmt::format("--point {}: '{}' is not a sweep; it has one point, point 0", point, path_.string())
            : fmt::format("--point {}: '{}' has {} {} points, 0 to {}", point, path_.string(), point_count_,
                          info_.parameter_draws == "design" ? "design" : "sweep", point_count_ - 1));
  }
  RunFile view = *this;
  view.point_ = point;
  std::uint64_t rows = 0;
  view.scan<SummaryRow>([&rows](std::span<const SummaryRow> block) { rows += block.size(); });
  view.replicate_count_ = rows / info_.party_names.size();
  return view;
}

template <class Row>
void RunFile::scan(const std::function<void(std::span<const Row>)>& visit, std::size_t block_rows) const {
  std::optional<TableBlockReader> reader;
  try {
    reader.emplace(file_->get(), table_spec<Row>());
  } catch (const std::exception&) {
    throw damaged(path_);
  }
  std::vector<Row> rows;
  const std::uint64_t block = std::max<std::size_t>(block_rows, 1);
  for (std::uint64_t first = 0; first < reader->rows(); first += block) {
    rows.assign(static_cast<std::size_t>(std::min(block, reader->rows() - first)), Row{});
    try {
      rows.resize(reader->read(first, std::span<Row>(rows), info_.replicates, point_));
    } catch (const std::exception&) {
      throw damaged(path_);
    }
    if (rows.empty()) continue;
    // Outside the try: what `visit` throws is the caller's, not a sign of a damaged file.
    visit(std::span<const Row>(rows));
  }
}

template <class Row>
std::vector<Row> RunFile::read_all() const {
  std::vector<Row> all;
  scan<Row>([&](std::span<const Row> rows) { all.insert(all.end(), rows.begin(), rows.end()); });
  return all;
}

std::vector<SummaryRow> RunFile::summary() const { return read_all<SummaryRow>(); }
std::vector<FunnelRow> RunFile::funnel() const { return read_all<FunnelRow>(); }
std::vector<TurnoutRow> RunFile::turnout() const { return read_all<TurnoutRow>(); }
std::vector<PlatformRow> RunFile::platform() const { return read_all<PlatformRow>(); }
std::vector<ListRow> RunFile::list() const { return read_all<ListRow>(); }
std::vector<DemocracyRow> RunFile::democracy() const { return read_all<DemocracyRow>(); }
std::vector<CandidateRow> RunFile::candidates() const { return read_all<CandidateRow>(); }
std::vector<WarningRow> RunFile::warnings() const { return read_all<WarningRow>(); }
std::vector<SelectorRow> RunFile::selectors() const { return read_all<SelectorRow>(); }
std::vector<ParameterRow> RunFile::parameters() const { return read_all<ParameterRow>(); }

std::vector<PointRow> RunFile::points() const {
  return read_rows<PointRow>(file_->get(), point_table_spec());
}

std::optional<DesignInfo> RunFile::design() const {
  const hid_t root = file_->get();
  const std::optional<std::string> name = read_string_attribute(root, "design");
  if (!name) return std::nullopt;
  DesignInfo design;
  design.name = *name;
  design.samples = read_uint64_attribute(root, "design_samples").value_or(0);
  design.seed = read_uint64_attribute(root, "design_seed").value_or(0);
  design.levels = static_cast<std::uint32_t>(read_uint64_attribute(root, "design_levels").value_or(0));
  return design;
}

#define PRIMSIM_RUN_FILE_TABLE(Row)                                                                      \
  template void RunFile::scan<Row>(const std::function<void(std::span<const Row>)>&, std::size_t) const; \
  template std::vector<Row> RunFile::read_all<Row>() const;
PRIMSIM_RUN_FILE_TABLE(SummaryRow)
PRIMSIM_RUN_FILE_TABLE(FunnelRow)
PRIMSIM_RUN_FILE_TABLE(TurnoutRow)
PRIMSIM_RUN_FILE_TABLE(PlatformRow)
PRIMSIM_RUN_FILE_TABLE(ListRow)
PRIMSIM_RUN_FILE_TABLE(DemocracyRow)
PRIMSIM_RUN_FILE_TABLE(CandidateRow)
PRIMSIM_RUN_FILE_TABLE(WarningRow)
PRIMSIM_RUN_FILE_TABLE(SelectorRow)
PRIMSIM_RUN_FILE_TABLE(ParameterRow)
#undef PRIMSIM_RUN_FILE_TABLE

}  // namespace primsim::output
