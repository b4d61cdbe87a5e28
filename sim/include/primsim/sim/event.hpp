// An event: something that happens to one logical process at one simulated time.
#pragma once

#include <array>
#include <cstdint>
#include <tuple>

#include "primsim/sim/sim_time.hpp"
#include "primsim/sim/strong_id.hpp"

namespace primsim::sim {

// Models number their own event types; the engine never interprets them.
using EventType = std::uint32_t;
// Two words of model data, enough for an entity id and a value; larger state lives in the LP.
using EventPayload = std::array<std::uint64_t, 2>;

struct Event {
  SimTime time;
  // Assigned by the origin LP in its own processing order, so it never depends on threads.
  std::uint64_t sequence = 0;
  LpId origin;
  LpId target;
  // Among simultaneous events, lower priority values are processed first.
  std::int32_t priority = 0;
  EventType type = 0;
  EventPayload payload{};
};

// The engine's total order: (time, priority, origin LP, origin sequence). Two distinct events
// never compare equal, so every queue pops them in the same order whatever the insertion order.
struct EventBefore {
  bool operator()(const Event& a, const Event& b) const noexcept {
    return std::tie(a.time, a.priority, a.origin, a.sequence) <
           std::tie(b.time, b.priority, b.origin, b.sequence);
  }
};

}  // namespace primsim::sim
