// The ends of the online platform's sessions, for a platform without a waiting room: all it asks
// is how many sessions have ended by now, and it asks in time order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <queue>
#include <vector>

namespace primsim::models {

// A ring of per-second counts over the next kSpan seconds, and a heap for the rare session that
// ends further away. A query walks the seconds since the last one instead of popping a heap of
// every open session: an attempt costs a few counter reads rather than log2(capacity) moves.
class SessionEnds {
 public:
  static constexpr std::int64_t kSpan = std::int64_t{1} << 14;  // 4.5 hours of seconds

  SessionEnds() : counts_(static_cast<std::size_t>(kSpan), 0) {}

  // A session that started at `now` (no earlier than the last query) ends at `end` >= now.
  void add(std::int64_t now, std::int64_t end);
  // Removes and counts the sessions that ended at or before `now`; `now` never decreases.
  std::size_t take_ended(std::int64_t now);
  [[nodiscard]] std::size_t open() const { return in_ring_ + beyond_.size(); }

 private:
  [[nodiscard]] static std::size_t slot(std::int64_t second) {
    return static_cast<std::size_t>(second & (kSpan - 1));
  }

  // Counts for the seconds [cursor_, cursor_ + kSpan): no end below cursor_ is pending.
  std::vector<std::uint32_t> counts_;
  std::int64_t cursor_ = 0;
  std::size_t in_ring_ = 0;
  std::priority_queue<std::int64_t, std::vector<std::int64_t>, std::greater<>> beyond_;
};

}  // namespace primsim::models
