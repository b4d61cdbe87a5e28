// Drawing member attributes independently from the scenario's shares.
#include "primsim/models/members/member_generator.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace primsim::models {

std::vector<std::int64_t> apportion_members(const spec::ScenarioSpec& scenario) {
  const auto& regions = scenario.territory.regions;
  std::vector<std::int64_t> members(regions.size(), 0);
  std::int64_t given = 0;
  std::int64_t population_left = 0;
  for (std::size_t r = 0; r < regions.size(); ++r) {
    if (regions[r].members) {
      members[r] = *regions[r].members;
      given += *regions[r].members;
    } else {
      population_left += regions[r].population;
    }
  }
  const std::int64_t to_share = std::max<std::int64_t>(0, scenario.membership.size - given);
  if (population_left == 0 || to_share == 0) return members;
  std::vector<std::pair<double, std::size_t>> remainders;
  std::int64_t shared = 0;
  for (std::size_t r = 0; r < regions.size(); ++r) {
    if (regions[r].members) continue;
    const double exact = static_cast<double>(to_share) * static_cast<double>(regions[r].population) /
                         static_cast<double>(population_left);
    members[r] = static_cast<std::int64_t>(std::floor(exact));
    shared += members[r];
    remainders.emplace_back(exact - std::floor(exact), r);
  }
  // Largest remainders first; equal remainders by region order.
  std::stable_sort(remainders.begin(), remainders.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t i = 0; shared < to_share && i < remainders.size(); ++i, ++shared)
    ++members[remainders[i].second];
  return members;
}

void MemberGenerator::generate(std::uint16_t region, const spec::RegionSpec& region_spec, std::int64_t count,
                               sim::RandomStream& stream, MemberTable& table) const {
  const auto growth =
      static_cast<std::int64_t>(std::llround(static_cast<double>(count) * membership_.growth_share));
  const std::int64_t total = count + growth;
  table.reserve(table.size() + static_cast<std::size_t>(total));
  std::vector<double> band_cumulative;
  double running = 0;
  for (const auto& band : membership_.age_bands) band_cumulative.push_back(running += band.share);
  const auto branches = static_cast<std::uint32_t>(std::max(1, region_spec.branches));
  const auto ppos = static_cast<std::uint64_t>(std::max(1, region_spec.ppos));

  for (std::int64_t i = 0; i < total; ++i) {
    const auto ppo = static_cast<std::uint32_t>(stream.uniform_index(ppos));
    const auto branch = static_cast<std::uint16_t>(ppo % branches);
    std::uint8_t band = 0;
    if (!band_cumulative.empty()) {
      const double u = stream.uniform() * band_cumulative.back();
      band = static_cast<std::uint8_t>(std::upper_bound(band_cumulative.begin(), band_cumulative.end(), u) -
                                       band_cumulative.begin());
      band = std::min<std::uint8_t>(band, static_cast<std::uint8_t>(band_cumulative.size() - 1));
    }
    std::uint8_t flags = 0;
    if (stream.bernoulli(membership_.women_share)) flags |= kFemale;
    if (stream.bernoulli(membership_.employer_dependent_share)) flags |= kEmployerDependent;
    const bool remote = stream.bernoulli(region_spec.remote_member_share);
    if (remote) flags |= kRemoteSettlement;
    if (!remote && stream.bernoulli(membership_.online_access_share)) flags |= kOnlineAccess;
    if (stream.bernoulli(membership_.fraudulent_share)) flags |= kFraudulent;
    sim::SimTime joined = sim::SimTime::epoch();
    if (i >= count) {
      joined = sim::SimTime{static_cast<std::int64_t>(
          stream.uniform() * static_cast<double>(growth_until_.seconds_since_epoch()))};
    }
    table.add(region, branch, ppo, band, flags, joined);
  }
}

}  // namespace primsim::models
