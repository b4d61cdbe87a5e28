// Each statistic reads the tables `primsim run` writes (docs/output.md), restricted to the first
// party, so that a target measured here means what the same figure computed from the file means.
#include "target_statistics.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "primsim/models/primary/primary_replicate.hpp"

namespace primsim::cli {
namespace {

using models::spec::Statistic;
namespace results = models::results;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr int kYouthAge = 35;  // "under 35", as the published figures count

double ratio(double part, double whole) { return whole > 0 ? part / whole : kNaN; }

}  // namespace

TargetStatistics::TargetStatistics(const models::spec::ScenarioSpec& scenario)
    : region_names_(models::region_names(scenario)),
      office_names_(models::office_names(scenario)),
      epoch_local_(
          output::epoch_on_local_clock(scenario.calendar.epoch_iso, scenario.calendar.utc_offset.count())) {}

double TargetStatistics::measure(const models::spec::TargetSpec& target,
                                 const results::ReplicateResults& results) const {
  if (results.summary.empty()) return kNaN;
  const results::SummaryRow& s = results.summary.front();  // the first party's
  const auto count = [](std::int64_t value) { return static_cast<double>(value); };
  switch (target.statistic) {
    case Statistic::turnout:
      return ratio(count(s.votes), count(s.eligible));
    case Statistic::votes:
      return count(s.votes);
    case Statistic::paper_share:
      return ratio(count(s.votes_paper), count(s.votes));
    case Statistic::extension_hours:
      return s.extension_hours;
    case Statistic::extended:
      return s.extension_hours > 0 ? 1.0 : 0.0;
    case Statistic::failures_first_day_share: {
      std::optional<sim::SimTime> first;
      for (const auto& row : results.platform) {
        if (row.party == 0) first = first ? std::min(*first, row.time) : row.time;
      }
      double early = 0, all = 0;
      for (const auto& row : results.platform) {
        if (row.party != 0) continue;
        all += count(row.failures);
        if (row.time < *first + sim::Duration::hours(24)) early += count(row.failures);
      }
      return ratio(early, all);
    }
    case Statistic::applicants:
      return count(s.applicants);
    case Statistic::registered:
      return count(s.registered);
    case Statistic::removed:
      return count(s.removed);
    case Statistic::removed_skipped_debates:
      return count(s.removed_skipped_debates);
    case Statistic::removed_complaint_upheld:
      return count(s.removed_complaint_upheld);
    case Statistic::withdrawn:
      return count(s.withdrawn);
    case Statistic::complaints:
      return count(s.complaints_filed);
    case Statistic::selected:
      return count(s.selected);
    case Statistic::contests:
    case Statistic::applicants_women_share:
    case Statistic::applicants_under35_share:
      return candidates(target, results);
    case Statistic::list_size:
    case Statistic::list_women_share:
    case Statistic::list_under35_share:
    case Statistic::list_from_primaries:
    case Statistic::list_leadership_in_top:
      return list(target, results);
    case Statistic::selected_women_share:
    case Statistic::selected_under35_share: {
      const auto office = std::find(office_names_.begin(), office_names_.end(), target.office);
      for (const auto& row : results.democracy) {
        if (row.party != 0 || row.office != office - office_names_.begin()) continue;
        return target.statistic == Statistic::selected_women_share ? row.women_share_list
                                                                   : row.under35_share_list;
      }
      return kNaN;
    }
    case Statistic::applicants_in_region:
    case Statistic::registered_in_region:
    case Statistic::on_ballot_in_region:
    case Statistic::attrition_in_region:
    case Statistic::votes_in_region:
      return in_region(target, results);
  }
  return kNaN;
}

double TargetStatistics::candidates(const models::spec::TargetSpec& target,
                                    const results::ReplicateResults& results) const {
  std::set<std::pair<results::RegionCode, std::uint32_t>> contests;  // contests are numbered per region
  double applicants = 0, women = 0, young = 0;
  for (const auto& row : results.candidates) {
    if (row.party != 0) continue;
    if (row.contest != 0) contests.emplace(row.region, row.contest);
    if (row.route == results::Route::leadership_quota) continue;  // appointees did not apply
    ++applicants;
    if (row.gender == results::Gender::female) ++women;
    if (row.age < kYouthAge) ++young;
  }
  switch (target.statistic) {
    case Statistic::contests:
      return static_cast<double>(contests.size());
    case Statistic::applicants_women_share:
      return ratio(women, applicants);
    default:
      return ratio(young, applicants);
  }
}

double TargetStatistics::list(const models::spec::TargetSpec& target,
                              const results::ReplicateResults& results) const {
  double names = 0, women = 0, young = 0, primaries = 0, leadership_top = 0;
  for (const auto& row : results.list) {
    if (row.party != 0) continue;
    ++names;
    if (row.gender == results::Gender::female) ++women;
    if (row.age < kYouthAge) ++young;
    const bool centre = row.route == results::Route::leadership_quota;
    if (!centre) ++primaries;
    if (centre && target.top && row.position <= static_cast<std::uint64_t>(*target.top)) ++leadership_top;
  }
  switch (target.statistic) {
    case Statistic::list_size:
      return names;
    case Statistic::list_women_share:
      return ratio(women, names);
    case Statistic::list_under35_share:
      return ratio(young, names);
    case Statistic::list_from_primaries:
      return primaries;
    default:
      return leadership_top;
  }
}

double TargetStatistics::in_region(const models::spec::TargetSpec& target,
                                   const results::ReplicateResults& results) const {
  const auto found = std::find(region_names_.begin(), region_names_.end(), target.region);
  if (found == region_names_.end()) return kNaN;
  const auto region = static_cast<results::RegionCode>(found - region_names_.begin());
  if (target.statistic == Statistic::votes_in_region) {
    std::optional<results::TurnoutRow> last;
    for (const auto& row : results.turnout) {
      if (row.party == 0 && row.region == region && (!last || last->time < row.time)) last = row;
    }
    return last ? static_cast<double>(last->votes_cumulative) : 0.0;
  }
  // The funnel counts every office's candidates who reached a stage, at their home region.
  std::map<results::Stage, double> reached;
  for (const auto& row : results.funnel) {
    if (row.party == 0 && row.region == region) reached[row.stage] += static_cast<double>(row.count);
  }
  switch (target.statistic) {
    case Statistic::applicants_in_region:
      return reached[results::Stage::nominated];
    case Statistic::registered_in_region:
      return reached[results::Stage::registered];
    case Statistic::on_ballot_in_region:
      return reached[results::Stage::on_ballot];
    default:
      return ratio(reached[results::Stage::registered] - reached[results::Stage::on_ballot],
                   reached[results::Stage::registered]);
  }
}

std::vector<output::VotingDay> TargetStatistics::voting_days(const results::ReplicateResults& results) const {
  return output::voting_days(results.turnout, 0, epoch_local_);
}

}  // namespace primsim::cli
