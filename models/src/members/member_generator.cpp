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

namespace {

std::vector<double> band_cumulative(const spec::MembershipSpec& membership) {
  std::vector<double> cumulative;
  double running = 0;
  for (const auto& band : membership.age_bands) cumulative.push_back(running += band.share);
  return cumulative;
}

}  // namespace

void MemberGenerator::add_person(std::uint16_t region, const spec::RegionSpec& region_spec,
                                 const std::vector<double>& bands, sim::SimTime joined, std::uint8_t group,
                                 sim::RandomStream& stream, MemberTable& table) const {
  const auto branches = static_cast<std::uint32_t>(std::max(1, region_spec.branches));
  const auto ppos = static_cast<std::uint64_t>(std::max(1, region_spec.ppos));
  const auto ppo = static_cast<std::uint32_t>(stream.uniform_index(ppos));
  const auto branch = static_cast<std::uint16_t>(ppo % branches);
  std::uint8_t band = 0;
  if (!bands.empty()) {
    const double u = stream.uniform() * bands.back();
    band = static_cast<std::uint8_t>(std::upper_bound(bands.begin(), bands.end(), u) - bands.begin());
    band = std::min<std::uint8_t>(band, static_cast<std::uint8_t>(bands.size() - 1));
  }
  std::uint8_t flags = 0;
  if (stream.bernoulli(membership_.women_share)) flags |= kFemale;
  if (stream.bernoulli(membership_.employer_dependent_share)) flags |= kEmployerDependent;
  const bool remote = stream.bernoulli(region_spec.remote_member_share);
  if (remote) flags |= kRemoteSettlement;
  if (!remote && stream.bernoulli(membership_.online_access_share)) flags |= kOnlineAccess;
  if (stream.bernoulli(membership_.fraudulent_share)) flags |= kFraudulent;
  // Only members on the roll before the cycle can have voted in the previous one; no draw where
  // no previous cycle is known, so that scenarios without one keep their streams.
  if (membership_.voted_last_cycle > 0.0 && joined <= sim::SimTime::epoch() &&
      stream.bernoulli(membership_.voted_last_cycle)) {
    flags |= kVotedLastCycle;
  }
  table.add(region, branch, ppo, band, flags, joined, group);
}

void MemberGenerator::generate(std::uint16_t region, const spec::RegionSpec& region_spec, std::int64_t count,
                               sim::RandomStream& stream, MemberTable& table, std::uint8_t group) const {
  const auto growth =
      static_cast<std::int64_t>(std::llround(static_cast<double>(count) * membership_.growth_share));
  const std::int64_t total = count + growth;
  table.reserve(table.size() + static_cast<std::size_t>(total));
  const std::vector<double> bands = band_cumulative(membership_);
  for (std::int64_t i = 0; i < total; ++i) {
    sim::SimTime joined = sim::SimTime::epoch();
    if (i >= count) {
      joined = sim::SimTime{static_cast<std::int64_t>(
          stream.uniform() * static_cast<double>(growth_until_.seconds_since_epoch()))};
    }
    add_person(region, region_spec, bands, joined, group, stream, table);
  }
}

void MemberGenerator::generate_joining(std::uint16_t region, const spec::RegionSpec& region_spec,
                                       std::int64_t count, spec::TimeWindow joining,
                                       sim::RandomStream& stream, MemberTable& table,
                                       std::uint8_t group) const {
  table.reserve(table.size() + static_cast<std::size_t>(std::max<std::int64_t>(0, count)));
  const std::vector<double> bands = band_cumulative(membership_);
  const auto length = static_cast<double>(joining.length().count());
  for (std::int64_t i = 0; i < count; ++i) {
    const sim::SimTime joined =
        joining.start + sim::Duration{static_cast<std::int64_t>(stream.uniform() * length)};
    add_person(region, region_spec, bands, joined, group, stream, table);
  }
}

}  // namespace primsim::models
