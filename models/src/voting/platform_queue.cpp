// Admission and release for the platform queue.
#include "primsim/models/voting/platform_queue.hpp"

#include <cassert>

namespace primsim::models {

Admission PlatformQueue::admit(const PlatformRequest& request) {
  if (sessions_ < capacity_) {
    ++sessions_;
    return Admission::kServed;
  }
  if (waiting_.size() < waiting_room_) {
    waiting_.push_back(request);
    return Admission::kQueued;
  }
  return Admission::kRejected;
}

std::optional<PlatformRequest> PlatformQueue::release() {
  assert(sessions_ > 0);
  if (waiting_.empty()) {
    --sessions_;
    return std::nullopt;
  }
  const PlatformRequest next = waiting_.front();
  waiting_.pop_front();
  return next;
}

}  // namespace primsim::models
