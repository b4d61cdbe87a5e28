// Generates a region's members from the scenario: PPO, branch, gender, age band, employer
// dependence, online access, remote settlement, fraud, and when each joined.
#pragma once

#include <cstdint>

#include "primsim/models/members/member_table.hpp"
#include "primsim/models/spec/scenario_spec.hpp"
#include "primsim/models/territory/territory.hpp"
#include "primsim/sim/random_stream.hpp"

namespace primsim::models {

// Members of each region at the epoch: the scenario's own figure, or the national size shared
// by population among the regions that give none (largest remainders, so the total is exact).
std::vector<std::int64_t> apportion_members(const spec::ScenarioSpec& scenario);

class MemberGenerator {
 public:
  // `growth_until`: new members (membership.growth_share) join uniformly before this time.
  MemberGenerator(const spec::MembershipSpec& membership, sim::SimTime growth_until)
      : membership_(membership), growth_until_(growth_until) {}

  // Appends `count` members of region `region` (plus growth) to `table`, in selector group
  // `group`. O(count).
  void generate(std::uint16_t region, const spec::RegionSpec& region_spec, std::int64_t count,
                sim::RandomStream& stream, MemberTable& table, std::uint8_t group = 0) const;
  // Appends `count` people who join (members over a suspension, or registered supporters) at
  // times uniform in `joining`.
  void generate_joining(std::uint16_t region, const spec::RegionSpec& region_spec, std::int64_t count,
                        spec::TimeWindow joining, sim::RandomStream& stream, MemberTable& table,
                        std::uint8_t group) const;

 private:
  void add_person(std::uint16_t region, const spec::RegionSpec& region_spec, const std::vector<double>& bands,
                  sim::SimTime joined, std::uint8_t group, sim::RandomStream& stream,
                  MemberTable& table) const;

  const spec::MembershipSpec& membership_;
  sim::SimTime growth_until_;
};

}  // namespace primsim::models
