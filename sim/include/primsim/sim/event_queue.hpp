// A min-priority queue of events in the engine's total order (EventBefore).
#pragma once

#include <cstddef>
#include <vector>

#include "primsim/sim/event.hpp"

namespace primsim::sim {

// An implicit 4-ary min-heap: push and pop are O(log n) with half the depth of a binary heap,
// and siblings share a cache line, which is what the hold model stresses.
class EventQueue {
 public:
  [[nodiscard]] bool empty() const { return heap_.empty(); }
  [[nodiscard]] std::size_t size() const { return heap_.size(); }
  // Precondition: !empty().
  [[nodiscard]] const Event& top() const { return heap_.front(); }
  // Time of the earliest event, or SimTime::max() when empty.
  [[nodiscard]] SimTime next_time() const { return heap_.empty() ? SimTime::max() : heap_.front().time; }

  void push(const Event& event);
  // Precondition: !empty().
  Event pop();
  void reserve(std::size_t n) { heap_.reserve(n); }

 private:
  static constexpr std::size_t kArity = 4;
  std::vector<Event> heap_;
};

}  // namespace primsim::sim
