// Deriving the replicate-wide plan from a validated scenario.
#include "primsim/models/primary/primary_world.hpp"

#include <algorithm>
#include <numeric>

#include "primsim/models/members/member_generator.hpp"
#include "primsim/models/rules/seat_allocation.hpp"

namespace primsim::models {
namespace {}  // namespace

PrimaryWorld::PrimaryWorld(const spec::ScenarioSpec& scenario)
    : scenario_(scenario),
      calendar_(scenario.calendar, scenario.disruptions),
      territory_(scenario.territory),
      members_per_region_(apportion_members(scenario)),
      selector_groups_(resolve_selector_groups(scenario, members_per_region_)),
      lookahead_(scenario.ensemble.lookahead) {
  const auto& stages = scenario.selection.stages;
  for (std::size_t s = 0; s < stages.size(); ++s) {
    reserved_places_ += stages[s].reserved_places;
    if (!vote_stage_ && stages[s].method == spec::SelectionMethod::vote) vote_stage_ = s;
  }
  if (vote_stage_) {
    const auto& stage = stages[*vote_stage_];
    // Channel windows are written for the stage's phase as scheduled; a rescheduled phase takes
    // its channels along.
    sim::Duration shift{0};
    for (std::size_t p = 0; p < scenario.calendar.phases.size(); ++p) {
      if (scenario.calendar.phases[p].name == stage.phase) {
        shift = calendar_.phases()[p].window.start - scenario.calendar.phases[p].window.start;
      }
    }
    bool first = true;
    for (const auto& name : stage.channels) {
      for (std::size_t c = 0; c < scenario.voting.channels.size(); ++c) {
        const auto& channel = scenario.voting.channels[c];
        if (channel.name != name || is_closed_by_suspension(name)) continue;
        ChannelPlan plan{c, {channel.window.start + shift, channel.window.end + shift}};
        if (channel.kind == spec::ChannelKind::online && !online_channel_) online_channel_ = channels_.size();
        voting_span_ = first ? plan.window
                             : spec::TimeWindow{std::min(voting_span_.start, plan.window.start),
                                                std::max(voting_span_.end, plan.window.end)};
        first = false;
        channels_.push_back(plan);
      }
    }
  }
  if (online_channel_) lookahead_ = std::min(lookahead_, kPlatformLookahead);

  const auto& offices = scenario.candidacy.offices;
  for (std::size_t o = 0; o < offices.size(); ++o) {
    if (offices[o].contest_level != spec::TerritorialLevel::national) continue;
    if (!list_office_ || offices[o].places > offices[*list_office_].places) list_office_ = o;
  }
  list_phase_ = calendar_.first_of(spec::PhaseKind::congress);
  if (!list_phase_ && vote_stage_) list_phase_ = calendar_.find(stages[*vote_stage_].phase);

  std::size_t branches = 0;
  for (const auto& region : scenario.territory.regions) {
    first_branch_.push_back(branches);
    branches += static_cast<std::size_t>(std::max(1, region.branches));
  }
  first_branch_.push_back(branches);
  apportion_contest_places();
  if (!list_office_) return;
  const std::string& list_office = offices[*list_office_].name;
  for (std::size_t s = 0; s < stages.size(); ++s) {
    const auto phase = phase_of(s);
    if (!phase || calendar_.phases()[*phase].kind != spec::PhaseKind::conferences) continue;
    const auto& names = stages[s].offices;
    if (names.empty() || std::find(names.begin(), names.end(), list_office) != names.end())
      conference_stages_.push_back(s);
  }
}

void PrimaryWorld::apportion_contest_places() {
  if (!vote_stage_) return;
  const auto level = scenario_.selection.stages[*vote_stage_].level;
  // ASSUMPTION: a region's members are spread evenly over its branches and PPOs, as the
  // members' generator places them.
  std::vector<std::uint64_t> members;
  for (std::size_t r = 0; r < scenario_.territory.regions.size(); ++r) {
    const auto& region = scenario_.territory.regions[r];
    std::int64_t units = 1;
    if (level == spec::TerritorialLevel::district) units = std::max(1, region.branches);
    if (level == spec::TerritorialLevel::ppo) units = std::max(1, region.ppos);
    first_unit_.push_back(members.size());
    for (std::int64_t u = 0; u < units; ++u)
      members.push_back(static_cast<std::uint64_t>(std::max<std::int64_t>(0, members_in(r) / units)));
  }
  first_unit_.push_back(members.size());
  const auto& offices = scenario_.candidacy.offices;
  contest_places_.assign(offices.size(), {});
  for (std::size_t o = 0; o < offices.size(); ++o) {
    if (offices[o].contest_level == spec::TerritorialLevel::national || offices[o].places <= 0) continue;
    rules::AllocationOptions options;
    options.method = rules::AllocationMethod::hare;
    options.seats = static_cast<std::uint64_t>(offices[o].places);
    for (const auto seats : rules::allocate_seats(members, options).seats)
      contest_places_[o].push_back(static_cast<std::int64_t>(seats));
  }
}

std::optional<std::int64_t> PrimaryWorld::contest_places(std::size_t office, std::size_t region,
                                                         std::size_t unit) const {
  if (office >= contest_places_.size() || contest_places_[office].empty()) return std::nullopt;
  return contest_places_[office][first_unit_[region] + unit];
}

std::optional<std::size_t> PrimaryWorld::phase_of(std::size_t stage) const {
  return calendar_.find(scenario_.selection.stages[stage].phase);
}

std::size_t PrimaryWorld::conference_count(std::size_t stage) const {
  switch (scenario_.selection.stages[stage].level) {
    case spec::TerritorialLevel::national:
      return 1;
    case spec::TerritorialLevel::region:
      return territory_.region_count();
    default:
      return first_branch_.back();
  }
}

std::size_t PrimaryWorld::conference_of(std::size_t stage, std::size_t region, std::size_t branch) const {
  switch (scenario_.selection.stages[stage].level) {
    case spec::TerritorialLevel::national:
      return 0;
    case spec::TerritorialLevel::region:
      return region;
    default:
      return first_branch_[region] + branch;
  }
}

std::int64_t PrimaryWorld::conference_members(std::size_t stage, std::size_t conference) const {
  switch (scenario_.selection.stages[stage].level) {
    case spec::TerritorialLevel::national:
      return total_members();
    case spec::TerritorialLevel::region:
      return members_in(conference);
    default: {
      const auto next = std::upper_bound(first_branch_.begin(), first_branch_.end(), conference);
      const auto region = static_cast<std::size_t>(next - first_branch_.begin()) - 1;
      return members_in(region) /
             static_cast<std::int64_t>(first_branch_[region + 1] - first_branch_[region]);
    }
  }
}

bool PrimaryWorld::is_closed_by_suspension(const std::string& channel) const {
  for (const auto& suspension : scenario_.disruptions.suspensions) {
    const auto& closed = suspension.closed_channels;
    if (std::find(closed.begin(), closed.end(), channel) != closed.end()) return true;
  }
  return false;
}

double PrimaryWorld::first_day_share() const {
  double share = scenario_.turnout.first_day_share;
  for (const auto& suspension : scenario_.disruptions.suspensions) {
    if (suspension.first_day_share) share = *suspension.first_day_share;
  }
  return share;
}

double PrimaryWorld::membership_change() const {
  double change = 0.0;
  for (const auto& suspension : scenario_.disruptions.suspensions) change += suspension.membership_change;
  return change;
}

spec::TimeWindow PrimaryWorld::suspension_span() const {
  const auto& suspensions = scenario_.disruptions.suspensions;
  if (suspensions.empty()) return {};
  spec::TimeWindow span{suspensions.front().at, suspensions.front().announced};
  for (const auto& suspension : suspensions) {
    span.start = std::min(span.start, suspension.at);
    span.end = std::max(span.end, suspension.announced);
  }
  return span;
}

std::int64_t PrimaryWorld::total_members() const {
  return std::accumulate(members_per_region_.begin(), members_per_region_.end(), std::int64_t{0});
}

spec::TimeWindow PrimaryWorld::window_in_region(const ChannelPlan& channel, std::size_t region) const {
  const auto& spec_channel = scenario_.voting.channels[channel.spec_index];
  if (!spec_channel.regional_local_time) return channel.window;
  // 08:00 in a zone one hour behind the scenario's is 09:00 on the scenario's clock.
  const sim::Duration behind = scenario_.calendar.utc_offset - scenario_.territory.regions[region].utc_offset;
  return {channel.window.start + behind, channel.window.end + behind};
}

bool PrimaryWorld::serves(const ChannelPlan& channel, std::size_t region) const {
  const auto& regions = scenario_.voting.channels[channel.spec_index].regions;
  return regions.empty() ||
         std::find(regions.begin(), regions.end(), scenario_.territory.regions[region].name) != regions.end();
}

}  // namespace primsim::models
