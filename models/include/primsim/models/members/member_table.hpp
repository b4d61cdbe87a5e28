// Party members and the other selectors as a struct of arrays: a million members take about 15 MB, and a pass
// over one attribute touches only that attribute's memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "primsim/sim/sim_time.hpp"

namespace primsim::models {

// Bits of MemberTable::flags.
enum MemberFlag : std::uint8_t {
  kFemale = 1U << 0U,
  kEmployerDependent = 1U << 1U,
  kOnlineAccess = 1U << 2U,
  kRemoteSettlement = 1U << 3U,  // lives where there is no internet: votes on paper
  kFraudulent = 1U << 4U,        // on the rolls but never acts
  kVoided = 1U << 5U,            // membership voided by an upheld complaint: out of the selectorate
  kLapsed = 1U << 6U,            // left the party during a suspension: out of the selectorate
  kVotedLastCycle = 1U << 7U,    // voted in the previous cycle's primaries: habit applies
};

// A person's selector group (index into PrimaryWorld::selector_groups()), or none: a member
// outside a selectorate that does not include the members.
inline constexpr std::uint8_t kNoSelectorGroup = 0xff;

class MemberTable {
 public:
  void reserve(std::size_t n);
  void add(std::uint16_t region, std::uint16_t branch, std::uint32_t ppo, std::uint8_t age_band,
           std::uint8_t flags, sim::SimTime joined_at, std::uint8_t group = 0);

  [[nodiscard]] std::size_t size() const { return ppo_.size(); }
  [[nodiscard]] std::uint16_t region(std::size_t i) const { return region_[i]; }
  [[nodiscard]] std::uint16_t branch(std::size_t i) const { return branch_[i]; }
  [[nodiscard]] std::uint32_t ppo(std::size_t i) const { return ppo_[i]; }
  [[nodiscard]] std::uint8_t age_band(std::size_t i) const { return age_band_[i]; }
  [[nodiscard]] bool has(std::size_t i, MemberFlag flag) const { return (flags_[i] & flag) != 0; }
  [[nodiscard]] std::uint8_t group(std::size_t i) const { return group_[i]; }
  void set(std::size_t i, MemberFlag flag) { flags_[i] = static_cast<std::uint8_t>(flags_[i] | flag); }
  // Joining times are kept to the minute: 32 bits cover 8,000 years.
  [[nodiscard]] sim::SimTime joined_at(std::size_t i) const {
    return sim::SimTime{static_cast<std::int64_t>(joined_minute_[i]) * 60};
  }
  // Memory held per member, capacity included.
  [[nodiscard]] std::size_t bytes_per_member() const;

 private:
  std::vector<std::uint16_t> region_;
  std::vector<std::uint16_t> branch_;
  std::vector<std::uint32_t> ppo_;  // index of the PPO within the region
  std::vector<std::uint8_t> age_band_;
  std::vector<std::uint8_t> flags_;
  std::vector<std::uint8_t> group_;
  std::vector<std::int32_t> joined_minute_;
};

}  // namespace primsim::models
