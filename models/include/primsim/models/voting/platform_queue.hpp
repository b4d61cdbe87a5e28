// The online voting platform as a queue: a concurrency limit on sessions and an optional waiting
// room. With no waiting room it is a loss system (Erlang B); with an unbounded one, Erlang C.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <limits>
#include <optional>

#include "primsim/sim/sim_time.hpp"

namespace primsim::models {

// One member's login attempt, as the platform sees it.
struct PlatformRequest {
  std::uint64_t member = 0;
  std::uint32_t reply_to = 0;  // the LP that sent the attempt and hears the outcome
  sim::SimTime arrived;        // when the attempt reached the platform
};

enum class Admission : std::uint8_t { kServed, kQueued, kRejected };

class PlatformQueue {
 public:
  static constexpr std::size_t kUnboundedWaitingRoom = std::numeric_limits<std::size_t>::max();

  // capacity: concurrent sessions (> 0); waiting_room: requests that may wait for a session.
  PlatformQueue(std::size_t capacity, std::size_t waiting_room)
      : capacity_(capacity), waiting_room_(waiting_room) {}

  // O(1). A served request holds a session until release().
  Admission admit(const PlatformRequest& request);
  // O(1). Ends one session; returns the waiting request that takes it over, if any.
  std::optional<PlatformRequest> release();

  [[nodiscard]] std::size_t sessions() const { return sessions_; }
  [[nodiscard]] std::size_t waiting() const { return waiting_.size(); }
  [[nodiscard]] std::size_t capacity() const { return capacity_; }
  // An outage lowers the capacity; sessions already open run to their end.
  void set_capacity(std::size_t capacity) { capacity_ = capacity; }

 private:
  std::size_t capacity_;
  std::size_t waiting_room_;
  std::size_t sessions_ = 0;
  std::deque<PlatformRequest> waiting_;
};

}  // namespace primsim::models
