// Sums /warnings over replicates. The file holds one row per replicate, party, kind, stage and
// office; a user wants one line per kind, stage and office, and how often it happened.
#include "primsim/output/run_warnings.hpp"

#include <map>
#include <set>
#include <span>
#include <tuple>

#include <fmt/format.h>

#include "primsim/output/headline.hpp"

namespace primsim::output {

using namespace models::results;

std::vector<RunWarning> run_warnings(const RunFile& run) {
  using Key = std::tuple<PartyCode, WarningKind, QuotaGroupCode, std::uint16_t, OfficeCode>;
  std::map<Key, RunWarning> sums;
  std::map<Key, std::set<std::uint32_t>> replicates;
  run.scan<WarningRow>([&](std::span<const WarningRow> rows) {
    for (const WarningRow& row : rows) {
      const Key key{row.party, row.kind, row.group, row.selection_stage, row.office};
      RunWarning& sum = sums[key];
      sum.party = row.party;
      sum.kind = row.kind;
      sum.group = row.group;
      sum.selection_stage = row.selection_stage;
      sum.office = row.office;
      sum.occurrences += row.occurrences;
      sum.expected += row.expected;
      sum.found += row.found;
      replicates[key].insert(row.replicate);
    }
  });
  std::vector<RunWarning> warnings;
  for (auto& [key, sum] : sums) {
    sum.replicates = replicates[key].size();
    warnings.push_back(sum);
  }
  return warnings;
}

std::string selection_stage_name(const RunFile& run, std::uint16_t stage) {
  const auto& names = run.info().selection_stage_names;
  return stage < names.size() ? names[stage] : fmt::format("stage {}", stage);
}

std::string party_name(const RunFile& run, PartyCode party) {
  const auto& names = run.info().party_names;
  return party < names.size() ? names[party] : fmt::format("party {}", party);
}

std::string warning_event(WarningKind kind, QuotaGroupCode group) {
  const auto code = static_cast<std::size_t>(group);
  const std::string who = group == QuotaGroupCode::none || code >= quota_group_names.size()
                              ? std::string()
                              : fmt::format(" for {}", quota_group_names[code]);
  switch (kind) {
    case WarningKind::quota_unmet:
      return fmt::format("quota{} unmet", who);
    case WarningKind::places_empty:
      return group == QuotaGroupCode::none ? "places not filled"
                                           : fmt::format("places kept{} not filled", who);
    case WarningKind::appointees_named:
      return group == QuotaGroupCode::none ? "places not filled from the candidates"
                                           : fmt::format("quota{} unmet from the candidates", who);
  }
  return fmt::format("warning {}", static_cast<int>(kind));
}

std::string warning_consequence(WarningKind kind) {
  switch (kind) {
    case WarningKind::quota_unmet:
      return "the quota was relaxed";
    case WarningKind::places_empty:
      return "places left empty";
    case WarningKind::appointees_named:
      return "filled by appointees";
  }
  return "see /warnings";
}

std::string warning_text(const RunFile& run, const RunWarning& warning) {
  const std::string party =
      run.info().party_names.size() > 1 ? fmt::format("party {}, ", party_name(run, warning.party)) : "";
  return fmt::format("{}{} ({}): {} {} time{} in {} of {} replicates (expected {}, found {}); {}", party,
                     selection_stage_name(run, warning.selection_stage), office_name(run, warning.office),
                     warning_event(warning.kind, warning.group), warning.occurrences,
                     warning.occurrences == 1 ? "" : "s", warning.replicates, run.replicate_count(),
                     warning.expected, warning.found, warning_consequence(warning.kind));
}

}  // namespace primsim::output
