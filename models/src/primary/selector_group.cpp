// Resolving a vote stage's selector groups from the scenario.
#include "primsim/models/primary/selector_group.hpp"

#include <algorithm>
#include <numeric>

#include "primsim/models/members/member_generator.hpp"

namespace primsim::models {

bool SelectorGroup::may_use(const std::string& channel) const {
  return channels.empty() || std::find(channels.begin(), channels.end(), channel) != channels.end();
}

std::vector<std::int64_t> apportion_by_population(const spec::TerritorySpec& territory, std::int64_t total) {
  spec::ScenarioSpec shares;
  shares.territory = territory;
  for (auto& region : shares.territory.regions) region.members.reset();
  shares.membership.size = total;
  return apportion_members(shares);
}

std::vector<SelectorGroup> resolve_selector_groups(const spec::ScenarioSpec& scenario,
                                                   const std::vector<std::int64_t>& members_per_region) {
  const auto& stages = scenario.selection.stages;
  const auto vote = std::find_if(stages.begin(), stages.end(), [](const spec::StageSpec& stage) {
    return stage.method == spec::SelectionMethod::vote;
  });
  if (vote == stages.end()) return {};
  std::vector<spec::SelectorGroupSpec> specs = vote->selectorate.groups;
  if (specs.empty()) {
    spec::SelectorGroupSpec members_group;
    members_group.name = "members";
    specs.push_back(members_group);
    const std::int64_t members =
        std::accumulate(members_per_region.begin(), members_per_region.end(), std::int64_t{0});
    if (vote->selectorate.kind == spec::SelectorateKind::all_voters && vote->selectorate.voters > members) {
      spec::SelectorGroupSpec voters;
      voters.name = "voters";
      voters.source = spec::SelectorSource::voters;
      voters.size = vote->selectorate.voters - members;
      specs.push_back(voters);
    }
  }
  std::vector<SelectorGroup> groups;
  for (const auto& group_spec : specs) {
    SelectorGroup group;
    group.name = group_spec.name;
    group.source = group_spec.source;
    group.per_region = group.is_members() ? members_per_region
                                          : apportion_by_population(scenario.territory, group_spec.size);
    group.registered_share = group_spec.registered_share;
    group.registration_cutoff = group_spec.registration_cutoff;
    group.channels = group_spec.channels;
    group.turnout = group_spec.turnout.applied_to(scenario.turnout);
    group.choice = group_spec.choice.applied_to(scenario.choice);
    group.demography = scenario.membership;
    if (!group.is_members()) {
      group.demography.growth_share = 0.0;
      group.demography.fraudulent_share = 0.0;
      group.demography.voted_last_cycle = 0.0;
      if (group_spec.employer_dependent_share)
        group.demography.employer_dependent_share = *group_spec.employer_dependent_share;
      if (group_spec.online_access_share)
        group.demography.online_access_share = *group_spec.online_access_share;
    }
    groups.push_back(std::move(group));
  }
  return groups;
}

}  // namespace primsim::models
