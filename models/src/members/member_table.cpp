// Appending members and accounting for their memory.
#include "primsim/models/members/member_table.hpp"

namespace primsim::models {

void MemberTable::reserve(std::size_t n) {
  region_.reserve(n);
  branch_.reserve(n);
  ppo_.reserve(n);
  age_band_.reserve(n);
  flags_.reserve(n);
  group_.reserve(n);
  joined_minute_.reserve(n);
}

void MemberTable::add(std::uint16_t region, std::uint16_t branch, std::uint32_t ppo, std::uint8_t age_band,
                      std::uint8_t flags, sim::SimTime joined_at, std::uint8_t group) {
  region_.push_back(region);
  branch_.push_back(branch);
  ppo_.push_back(ppo);
  age_band_.push_back(age_band);
  flags_.push_back(flags);
  group_.push_back(group);
  joined_minute_.push_back(static_cast<std::int32_t>(joined_at.seconds_since_epoch() / 60));
}

std::size_t MemberTable::bytes_per_member() const {
  if (size() == 0) return 0;
  const std::size_t bytes =
      region_.capacity() * sizeof(std::uint16_t) + branch_.capacity() * sizeof(std::uint16_t) +
      ppo_.capacity() * sizeof(std::uint32_t) + age_band_.capacity() + flags_.capacity() + group_.capacity() +
      joined_minute_.capacity() * sizeof(std::int32_t);
  return bytes / size();
}

}  // namespace primsim::models
