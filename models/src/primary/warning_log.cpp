// Accumulating an LP's warnings by kind, stage and office.
#include "primsim/models/primary/warning_log.hpp"

#include <algorithm>

namespace primsim::models {

void WarningLog::add(results::WarningKind kind, results::QuotaGroupCode group, std::uint16_t stage,
                     results::OfficeCode office, std::int64_t expected, std::int64_t found) {
  const auto same = std::find_if(rows_.begin(), rows_.end(), [&](const results::WarningRow& row) {
    return row.kind == kind && row.group == group && row.selection_stage == stage && row.office == office;
  });
  results::WarningRow& row = same != rows_.end() ? *same : rows_.emplace_back();
  row.kind = kind;
  row.group = group;
  row.selection_stage = stage;
  row.office = office;
  ++row.occurrences;
  row.expected += expected;
  row.found += found;
}

void WarningLog::merge(const WarningLog& other) {
  for (const auto& theirs : other.rows_) {
    const auto same = std::find_if(rows_.begin(), rows_.end(), [&](const results::WarningRow& row) {
      return row.kind == theirs.kind && row.group == theirs.group &&
             row.selection_stage == theirs.selection_stage && row.office == theirs.office;
    });
    if (same == rows_.end()) {
      rows_.push_back(theirs);
      continue;
    }
    same->occurrences += theirs.occurrences;
    same->expected += theirs.expected;
    same->found += theirs.found;
  }
}

}  // namespace primsim::models
