// Sizing a scenario for one of its parties.
#include "primsim/models/primary/party_scenario.hpp"

#include <cmath>

namespace primsim::models {
namespace {

std::int64_t scaled(std::int64_t count, double factor) {
  return static_cast<std::int64_t>(std::llround(static_cast<double>(count) * factor));
}

}  // namespace

spec::ScenarioSpec party_scenario(const spec::ScenarioSpec& scenario, std::size_t party) {
  spec::ScenarioSpec own = scenario;
  if (scenario.parties.empty()) return own;
  const spec::PartySpec& chosen = scenario.parties.at(party);
  own.parties = {chosen};
  const double scale = chosen.scale.value_or(1.0);
  if (scale != 1.0) {
    own.membership.size = scaled(own.membership.size, scale);
    for (auto& region : own.territory.regions) {
      if (region.members) region.members = scaled(*region.members, scale);
    }
    own.candidacy.expected_applications = scaled(own.candidacy.expected_applications, scale);
  }
  // Registered supporters belong to a party as its members do; the voters who choose its ballot
  // are its support share of them.
  for (auto& stage : own.selection.stages) {
    if (stage.selectorate.kind == spec::SelectorateKind::all_voters)
      stage.selectorate.voters = scaled(stage.selectorate.voters, chosen.support_share);
    for (auto& group : stage.selectorate.groups) {
      if (group.source == spec::SelectorSource::supporters) group.size = scaled(group.size, scale);
      if (group.source == spec::SelectorSource::voters) group.size = scaled(group.size, chosen.support_share);
    }
  }
  return own;
}

std::vector<std::string> party_names(const spec::ScenarioSpec& scenario) {
  std::vector<std::string> names;
  for (const auto& party : scenario.parties) names.push_back(party.name);
  if (names.empty()) names.push_back(scenario.name);
  return names;
}

}  // namespace primsim::models
