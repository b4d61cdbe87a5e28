// The ring of session ends by second.
#include "primsim/models/voting/session_ends.hpp"

#include <algorithm>

namespace primsim::models {

void SessionEnds::add(std::int64_t now, std::int64_t end) {
  if (in_ring_ == 0) cursor_ = std::max(cursor_, now);
  if (end - cursor_ < kSpan) {
    ++counts_[slot(end)];
    ++in_ring_;
  } else {
    beyond_.push(end);
  }
}

std::size_t SessionEnds::take_ended(std::int64_t now) {
  std::size_t ended = 0;
  // The seconds up to now, inclusive; past the last pending end the rest are empty.
  for (; in_ring_ > 0 && cursor_ <= now; ++cursor_) {
    std::uint32_t& count = counts_[slot(cursor_)];
    ended += count;
    in_ring_ -= count;
    count = 0;
  }
  // Stay on `now` (its count is taken): a session may still start and end within this second.
  cursor_ = now;
  while (!beyond_.empty() && beyond_.top() <= now) {
    beyond_.pop();
    ++ended;
  }
  return ended;
}

}  // namespace primsim::models
