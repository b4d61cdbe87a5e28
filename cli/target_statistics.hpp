// The registry of named statistics behind calibration and validation targets
// (models::spec::Statistic), measured on one replicate's result tables, and the cumulative
// turnout at the end of each local voting day.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "primsim/models/results/result_rows.hpp"
#include "primsim/models/spec/scenario_spec.hpp"
#include "primsim/output/voting_days.hpp"

namespace primsim::cli {

// Cumulative turnout of one replicate at the end of one local calendar day of the vote.
class TargetStatistics {
 public:
  explicit TargetStatistics(const models::spec::ScenarioSpec& scenario);

  // The target's statistic for the scenario's first party; NaN when undefined in this replicate
  // (a share of nothing). O(rows of the tables it reads).
  [[nodiscard]] double measure(const models::spec::TargetSpec& target,
                               const models::results::ReplicateResults& results) const;

  // One entry per local date from the vote's opening to its last close (extensions included).
  [[nodiscard]] std::vector<output::VotingDay> voting_days(
      const models::results::ReplicateResults& results) const;

 private:
  [[nodiscard]] double candidates(const models::spec::TargetSpec& target,
                                  const models::results::ReplicateResults& results) const;
  [[nodiscard]] double list(const models::spec::TargetSpec& target,
                            const models::results::ReplicateResults& results) const;
  [[nodiscard]] double in_region(const models::spec::TargetSpec& target,
                                 const models::results::ReplicateResults& results) const;

  std::vector<std::string> region_names_;
  std::vector<std::string> office_names_;
  std::int64_t epoch_local_ = 0;  // the epoch in seconds since 1970 on the scenario's local clock
};

}  // namespace primsim::cli
