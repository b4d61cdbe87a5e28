// A results file opened for reading: the root attributes and lookup names at once, the tables on
// demand, whole or in blocks of rows, with clear errors for a missing, truncated, foreign or
// differently versioned file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "primsim/models/results/result_rows.hpp"
#include "primsim/output/ensemble_layout.hpp"
#include "primsim/output/run_info.hpp"

namespace primsim::output {

class Hdf5Handle;

class RunFile {
 public:
  // Reads the attributes and /meta (regions, parties, offices, selection stages) and checks that
  // every table and column is there; the rows stay on disk. Throws OutputFileError when the file
  // is missing, not HDF5, truncated, not a primsim results file, of another schema version, or
  // lacks a table, a column or a lookup table.
  static RunFile open(const std::filesystem::path& path);

  // Only checks that `path` is a primsim results file and returns its schema version, so that
  // two files can be checked against each other before either is read.
  static std::int32_t read_schema_version(const std::filesystem::path& path);

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  [[nodiscard]] std::int32_t schema_version() const { return schema_version_; }
  [[nodiscard]] const RunInfo& info() const { return info_; }
  [[nodiscard]] const std::string& end_time() const { return end_time_; }
  // The replicates in the file, every sweep point counted (rows of /summary per party); in a
  // view of one point, that point's.
  [[nodiscard]] std::uint64_t replicate_count() const { return replicate_count_; }

  // The sweep grid (root attribute `points`, /meta/sweep): without a sweep, one point and no keys.
  [[nodiscard]] bool has_sweep() const { return !sweep_keys_.empty(); }
  [[nodiscard]] std::uint32_t point_count() const { return point_count_; }
  [[nodiscard]] const std::vector<std::string>& sweep_keys() const { return sweep_keys_; }
  // The value of each swept key at `point`, as text ("key=value, key=value" joins them).
  [[nodiscard]] std::vector<std::string> sweep_values(std::uint32_t point) const;
  [[nodiscard]] std::string sweep_assignments(std::uint32_t point) const;

  // The same file seen as if it held point `point` of its sweep alone: scan() and the tables hand
  // over that point's rows only, with replicate numbers counted within the point, so a report or a
  // comparison of the view is that of the point. Throws OutputFileError (naming the file and its
  // number of points) when the point is out of range; point 0 of a file without a sweep is the
  // whole file.
  [[nodiscard]] RunFile at_point(std::uint32_t point) const;
  // The point this view shows; empty for the whole file.
  [[nodiscard]] std::optional<std::uint32_t> selected_point() const { return point_; }

  // Hands the rows of the table whose rows are Row (SummaryRow ... WarningRow) to `visit` in
  // file order, `block_rows` at a time, so that memory does not grow with the table. Rows are
  // sorted by replicate, then by the other key columns, as written. In a sweep the replicate
  // field holds the ensemble index, point * info().replicates + replicate, so the points are
  // pooled into one ensemble (a view from at_point() has one point's rows only). Throws OutputFileError when
  // the rows cannot be read.
  template <class Row>
  void scan(const std::function<void(std::span<const Row>)>& visit, std::size_t block_rows = 8192) const;

  // A whole table in memory, as scan() would hand it over: for small files and tests.
  template <class Row>
  [[nodiscard]] std::vector<Row> read_all() const;

  [[nodiscard]] std::vector<models::results::SummaryRow> summary() const;
  [[nodiscard]] std::vector<models::results::FunnelRow> funnel() const;
  [[nodiscard]] std::vector<models::results::TurnoutRow> turnout() const;
  [[nodiscard]] std::vector<models::results::PlatformRow> platform() const;
  [[nodiscard]] std::vector<models::results::ListRow> list() const;
  [[nodiscard]] std::vector<models::results::DemocracyRow> democracy() const;
  // /candidates has a row per candidate of every replicate: scan() it on large runs.
  [[nodiscard]] std::vector<models::results::CandidateRow> candidates() const;
  [[nodiscard]] std::vector<models::results::WarningRow> warnings() const;
  [[nodiscard]] std::vector<models::results::SelectorRow> selectors() const;
  [[nodiscard]] std::vector<models::results::ParameterRow> parameters() const;
  // A design's points (primsim explore); empty for other runs.
  [[nodiscard]] std::vector<PointRow> points() const;
  // How a design's points were made; nullopt for other runs.
  [[nodiscard]] std::optional<DesignInfo> design() const;

 private:
  RunFile() = default;

  std::shared_ptr<const Hdf5Handle> file_;
  std::filesystem::path path_;
  std::int32_t schema_version_ = 0;
  RunInfo info_;
  std::string end_time_;
  std::uint64_t replicate_count_ = 0;
  std::uint32_t point_count_ = 1;
  std::vector<std::string> sweep_keys_;
  std::vector<std::vector<std::string>> sweep_values_;  // [point][key]
  std::optional<std::uint32_t> point_;
};

}  // namespace primsim::output
