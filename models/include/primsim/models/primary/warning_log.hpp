// Where an LP notes its departures from the scenario (a quota it could not meet, places left
// empty, appointees named) as it runs; they become the /warnings rows of its replicate.
#pragma once

#include <cstdint>
#include <vector>

#include "primsim/models/results/result_rows.hpp"

namespace primsim::models {

class WarningLog {
 public:
  // One more occurrence of `kind` for `group` at a stage and office: the same (kind, group, stage,
  // office) add up.
  void add(results::WarningKind kind, results::QuotaGroupCode group, std::uint16_t stage,
           results::OfficeCode office, std::int64_t expected, std::int64_t found);
  // Every warning of `other` added to this log.
  void merge(const WarningLog& other);

  [[nodiscard]] const std::vector<results::WarningRow>& rows() const { return rows_; }

 private:
  std::vector<results::WarningRow> rows_;  // replicate and party are set by the replicate
};

}  // namespace primsim::models
