// The memory estimate of a replicate: persons times a measured cost per person, plus a fixed part.
#include "primsim/models/primary/memory_estimate.hpp"

#include <algorithm>

#include "primsim/models/members/member_generator.hpp"

namespace primsim::models {
namespace {

// Calibrated on peak RSS, not on sizeof: a person costs the MemberTable's 15 bytes plus, for a
// voter, the first attempt (16 bytes) and the Voter record (12) held through the vote.
// `primsim run tests/scenarios/good/base.yaml --replicates 1 --threads 1` with
// territory.regions.Atyrau.members at 1,000,000 and 4,000,000 peaked at 59.0 and 160.1 MB (34.5
// bytes per person) at the base's 49.5% turnout, and at 69.3 and 191.4 MB (41.7 bytes per person)
// with turnout.base_share 0.95 and an unlimited platform. 56 leaves room for vectors grown by
// doubling; docs/reliability.md has the figures.
constexpr double kBytesPerPerson = 56;
// The rest at small sizes (28 MB at 100,000 members): the executable, events, candidates, tables.
constexpr double kFixedBytes = 64.0 * 1024 * 1024;

}  // namespace

double replicate_bytes_per_person() { return kBytesPerPerson; }

MemoryEstimate estimate_replicate_memory(const spec::ScenarioSpec& scenario) {
  // The members the generator will make, apportioned as it does (O(regions), no member built).
  double members = 0;
  for (const std::int64_t region : apportion_members(scenario)) members += static_cast<double>(region);
  double persons = members * (1.0 + std::max(0.0, scenario.membership.growth_share));
  for (const spec::StageSpec& stage : scenario.selection.stages) {
    persons += static_cast<double>(std::max<std::int64_t>(0, stage.selectorate.voters));
    for (const spec::SelectorGroupSpec& group : stage.selectorate.groups) {
      persons += static_cast<double>(std::max<std::int64_t>(0, group.size));
    }
  }
  // Each party beyond the first is a primary of its own, as large as its scale.
  double parties = 0;
  for (const spec::PartySpec& party : scenario.parties) parties += std::max(0.0, party.scale.value_or(1.0));
  persons *= std::max(1.0, parties);
  return {persons, persons * kBytesPerPerson + kFixedBytes};
}

}  // namespace primsim::models
