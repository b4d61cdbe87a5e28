// An observer that counts the events each LP of a replicate handles, by type, for tests that
// check a transition is an engine event of its own.
#pragma once

#include <cstdint>
#include <map>
#include <utility>

#include "primsim/sim/observer.hpp"

namespace primsim::models::testing {

// Counts the events each LP handles, by type (sequential runs only: one thread calls it).
class EventCounter final : public sim::Observer {
 public:
  void on_event(const sim::Event& event) override { ++counts_[{event.target.value(), event.type}]; }
  [[nodiscard]] std::int64_t at(std::uint32_t lp, sim::EventType type) const {
    const auto found = counts_.find({lp, type});
    return found == counts_.end() ? 0 : found->second;
  }
  [[nodiscard]] std::int64_t in_regions(sim::EventType type) const {
    std::int64_t total = 0;
    for (const auto& [key, count] : counts_) {
      if (key.first != 0 && key.second == type) total += count;
    }
    return total;
  }

 private:
  std::map<std::pair<std::uint32_t, sim::EventType>, std::int64_t> counts_;
};

}  // namespace primsim::models::testing
