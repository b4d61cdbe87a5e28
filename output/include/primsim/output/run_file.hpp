// A results file read back into memory: the root attributes, the region names and every table,
// with clear errors for a missing, truncated, foreign or differently versioned file.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "primsim/models/results/result_rows.hpp"
#include "primsim/models/results/result_sink.hpp"

namespace primsim::output {

class RunFile {
 public:
  // Reads the whole file. Throws OutputFileError when it is missing, not HDF5, truncated, not a
  // primsim results file, of another schema version, or lacks a table or column.
  static RunFile open(const std::filesystem::path& path);

  // Only checks that `path` is a primsim results file and returns its schema version, so that
  // two files can be checked against each other before either is read.
  static std::int32_t read_schema_version(const std::filesystem::path& path);

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  [[nodiscard]] std::int32_t schema_version() const { return schema_version_; }
  [[nodiscard]] const models::results::RunInfo& info() const { return info_; }
  [[nodiscard]] const std::string& end_time() const { return end_time_; }

  // Tables sorted by replicate, then by the other key columns, as written. In a sweep the
  // replicate field holds the ensemble index, point * info().replicates + replicate, so the
  // points are pooled into one ensemble.
  [[nodiscard]] const std::vector<models::results::SummaryRow>& summary() const { return summary_; }
  [[nodiscard]] const std::vector<models::results::FunnelRow>& funnel() const { return funnel_; }
  [[nodiscard]] const std::vector<models::results::TurnoutRow>& turnout() const { return turnout_; }
  [[nodiscard]] const std::vector<models::results::PlatformRow>& platform() const { return platform_; }
  [[nodiscard]] const std::vector<models::results::ListRow>& list() const { return list_; }
  [[nodiscard]] const std::vector<models::results::DemocracyRow>& democracy() const { return democracy_; }

 private:
  RunFile() = default;

  std::filesystem::path path_;
  std::int32_t schema_version_ = 0;
  models::results::RunInfo info_;
  std::string end_time_;
  std::vector<models::results::SummaryRow> summary_;
  std::vector<models::results::FunnelRow> funnel_;
  std::vector<models::results::TurnoutRow> turnout_;
  std::vector<models::results::PlatformRow> platform_;
  std::vector<models::results::ListRow> list_;
  std::vector<models::results::DemocracyRow> democracy_;
};

}  // namespace primsim::output
