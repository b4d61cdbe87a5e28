// A complaint as the region it was filed in tracks it: whom it is against, which body of the
// territory decides it, and the ruling.
#pragma once

#include <cstdint>

#include "primsim/models/territory/territory.hpp"
#include "primsim/sim/sim_time.hpp"

namespace primsim::models {

struct Complaint {
  std::uint32_t candidate = 0;  // the candidate complained about, or whose PPO's members
  std::uint32_t ppo = 0;        // where the complaint is filed: the candidate's PPO
  bool against_membership = false;
  // The body that decides: the ancestor of the PPO at the scenario's decided_at level.
  Territory::Vertex decided_by = 0;
  sim::SimTime filed_at;
  sim::SimTime decided_at;  // when the ruling reached the region
  bool decided = false;
  bool upheld = false;
  bool removed_candidate = false;
  std::int64_t memberships_voided = 0;
};

}  // namespace primsim::models
