// What every LP of one replicate shares read-only: the validated scenario and what follows from
// it (the calendar as it ran, the territory, each region's membership, the voting stage).
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "primsim/models/calendar/effective_calendar.hpp"
#include "primsim/models/primary/selector_group.hpp"
#include "primsim/models/spec/scenario_spec.hpp"
#include "primsim/models/territory/territory.hpp"
#include "primsim/sim/strong_id.hpp"

namespace primsim::models {

// One voting channel of the voting stage, with its window as it ran (moved with the stage's
// phase when the calendar was rescheduled).
struct ChannelPlan {
  std::size_t spec_index = 0;
  spec::TimeWindow window;  // in the scenario's clock; see window_in_region
};

class PrimaryWorld {
 public:
  // Online voting needs replies within a minute: the engine's lookahead is capped at this when a
  // voting stage uses an online channel.
  static constexpr sim::Duration kPlatformLookahead = sim::Duration::minutes(1);

  explicit PrimaryWorld(const spec::ScenarioSpec& scenario);

  [[nodiscard]] const spec::ScenarioSpec& scenario() const { return scenario_; }
  [[nodiscard]] const EffectiveCalendar& calendar() const { return calendar_; }
  [[nodiscard]] const Territory& territory() const { return territory_; }
  // The party's members in a region at the epoch.
  [[nodiscard]] std::int64_t members_in(std::size_t region) const { return members_per_region_[region]; }
  // The vote stage's selector groups (index: MemberTable::group).
  [[nodiscard]] const std::vector<SelectorGroup>& selector_groups() const { return selector_groups_; }
  // What the scenario's suspensions do besides moving the calendar: the share of members who
  // join (> 0) or lapse (< 0) over their span, and the first voting day's share of arrivals.
  [[nodiscard]] double membership_change() const;
  [[nodiscard]] spec::TimeWindow suspension_span() const;
  [[nodiscard]] double first_day_share() const;
  [[nodiscard]] std::int64_t total_members() const;
  [[nodiscard]] sim::Duration lookahead() const { return lookahead_; }

  [[nodiscard]] static sim::LpId national_lp() { return sim::LpId{0}; }
  [[nodiscard]] static sim::LpId region_lp(std::size_t region) {
    return sim::LpId{static_cast<sim::LpId::value_type>(region + 1)};
  }

  // The first stage that votes, if any, and its channels.
  [[nodiscard]] const std::optional<std::size_t>& vote_stage() const { return vote_stage_; }
  [[nodiscard]] const std::vector<ChannelPlan>& channels() const { return channels_; }
  [[nodiscard]] const std::optional<std::size_t>& online_channel() const { return online_channel_; }
  // A channel's window in region `region`: opening hours in local time are read in the
  // region's own zone when the channel says so.
  [[nodiscard]] spec::TimeWindow window_in_region(const ChannelPlan& channel, std::size_t region) const;
  // Whether the channel serves region `region` (a channel may list the regions it serves).
  [[nodiscard]] bool serves(const ChannelPlan& channel, std::size_t region) const;
  // From the first opening to the last scheduled close of the voting stage's channels.
  [[nodiscard]] spec::TimeWindow voting_span() const { return voting_span_; }

  // The office whose candidates the national LP ranks into the party list, if any.
  [[nodiscard]] const std::optional<std::size_t>& list_office() const { return list_office_; }
  // Places reserved for the party centre over every stage (2020: 49).
  [[nodiscard]] std::int32_t reserved_places() const { return reserved_places_; }
  // The phase after which the national LP forms the list (the congress, else the vote's phase).
  [[nodiscard]] const std::optional<std::size_t>& list_phase() const { return list_phase_; }

  // Conference stages, in pipeline order: stages held in a phase of kind conferences that select
  // for the list office. The national LP holds them on the nominees the regions send.
  [[nodiscard]] const std::vector<std::size_t>& conference_stages() const { return conference_stages_; }
  // The conferences of a stage: one per unit of its level. A nominee's conference is
  // conference_of(stage, region, branch).
  [[nodiscard]] std::size_t conference_count(std::size_t stage) const;
  [[nodiscard]] std::size_t conference_of(std::size_t stage, std::size_t region, std::size_t branch) const;
  // The members a conference speaks for (a branch's share of its region counted equally).
  [[nodiscard]] std::int64_t conference_members(std::size_t stage, std::size_t conference) const;
  // The places an office's contest fills in `unit` of `region` (the vote stage's level: the
  // region itself, a branch or a PPO), for an office that is not the list's and has places:
  // they are apportioned among every unit of the level by its members (largest remainders).
  // Empty when the stage's rule.winners decide instead.
  [[nodiscard]] std::optional<std::int64_t> contest_places(std::size_t office, std::size_t region,
                                                           std::size_t unit) const;
  // The phase of a stage in the effective calendar.
  [[nodiscard]] std::optional<std::size_t> phase_of(std::size_t stage) const;

 private:
  void apportion_contest_places();
  [[nodiscard]] bool is_closed_by_suspension(const std::string& channel) const;

  const spec::ScenarioSpec& scenario_;
  EffectiveCalendar calendar_;
  Territory territory_;
  std::vector<std::int64_t> members_per_region_;
  std::vector<SelectorGroup> selector_groups_;
  sim::Duration lookahead_;
  std::optional<std::size_t> vote_stage_;
  std::vector<ChannelPlan> channels_;
  std::optional<std::size_t> online_channel_;
  spec::TimeWindow voting_span_;
  std::optional<std::size_t> list_office_;
  std::int32_t reserved_places_ = 0;
  std::optional<std::size_t> list_phase_;
  std::vector<std::size_t> conference_stages_;
  std::vector<std::size_t> first_branch_;  // per region: its branches' offset in district order
  std::vector<std::size_t> first_unit_;    // per region: its contest units' offset
  std::vector<std::vector<std::int64_t>> contest_places_;  // per office, per contest unit
};

}  // namespace primsim::models
