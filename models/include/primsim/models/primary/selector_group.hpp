// A vote stage's selector groups as the run uses them: each group's people per region, the
// channels it may use, and its turnout and choice with the group's keys laid over the scenario's.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "primsim/models/spec/scenario_spec.hpp"

namespace primsim::models {

struct SelectorGroup {
  std::string name;
  spec::SelectorSource source = spec::SelectorSource::members;
  // People per region; for the members, the membership's apportionment.
  std::vector<std::int64_t> per_region;
  double registered_share = 1.0;
  sim::Duration registration_cutoff{0};
  // Names of the stage's channels the group may use; empty: all.
  std::vector<std::string> channels;
  spec::TurnoutSpec turnout;
  spec::ChoiceSpec choice;
  // Gender, age, employer dependence and online access of the group's people: the membership's
  // shares, with the group's own where it gives them (no fraud and no previous vote outside it).
  spec::MembershipSpec demography;

  [[nodiscard]] bool is_members() const { return source == spec::SelectorSource::members; }
  [[nodiscard]] bool may_use(const std::string& channel) const;
};

// The groups of the scenario's first vote stage (none without one). A stage that lists none has
// the members alone, or for all_voters the members plus the other `voters - members` voters.
std::vector<SelectorGroup> resolve_selector_groups(const spec::ScenarioSpec& scenario,
                                                   const std::vector<std::int64_t>& members_per_region);

// `total` persons shared among the regions by population (largest remainders).
std::vector<std::int64_t> apportion_by_population(const spec::TerritorySpec& territory, std::int64_t total);

}  // namespace primsim::models
