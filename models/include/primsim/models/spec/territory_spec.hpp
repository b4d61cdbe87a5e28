// The party's territory: regions (oblasts and cities of republican significance) with their
// population, membership, branches and primary party organisations (PPOs).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "primsim/sim/sim_time.hpp"

namespace primsim::models::spec {

struct RegionSpec {
  std::string name;  // unique; the key under territory.regions
  // Residents (persons). Used to apportion membership when `members` is absent.
  std::int64_t population = 0;
  // Party members at the epoch (persons); absent: apportioned from membership.size by population.
  std::optional<std::int64_t> members;
  // Local branches (cities and districts) below the region: the contests of branch-level stages.
  std::int32_t branches = 1;
  // Primary party organisations, spread over the branches.
  std::int32_t ppos = 1;
  // Settlements without internet access, where members vote on paper (2020: 643 nationwide).
  std::int32_t remote_settlements = 0;
  // Share of the region's members who live in those remote settlements, in [0, 1].
  double remote_member_share = 0.0;
  // UTC offset of the region's local time; the loader fills the scenario's offset when absent
  // (Kazakhstan 2020: UTC+5 in the western oblasts, UTC+6 elsewhere).
  sim::Duration utc_offset = sim::Duration::hours(0);
};

struct TerritorySpec {
  // In file order; a region's index here is its RegionId.
  std::vector<RegionSpec> regions;
};

}  // namespace primsim::models::spec
