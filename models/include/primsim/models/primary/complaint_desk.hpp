// The party centre's complaints desk: complaints that regions route up to the national level are
// reviewed here for the scenario's review time and the ruling goes back to the region.
#pragma once

#include <cstdint>

#include "primsim/models/primary/primary_world.hpp"
#include "primsim/sim/event.hpp"
#include "primsim/sim/random_stream.hpp"

namespace primsim::sim {
class LpContext;
}

namespace primsim::models {

class ComplaintDesk {
 public:
  explicit ComplaintDesk(const PrimaryWorld& world) : world_(world) {}

  void init(sim::LpContext& context);
  // kComplaintToCentre and kComplaintReview; false for any other event.
  bool handle(const sim::Event& event, sim::LpContext& context);

  [[nodiscard]] std::int64_t received() const { return received_; }
  [[nodiscard]] std::int64_t upheld() const { return upheld_; }

 private:
  const PrimaryWorld& world_;
  sim::RandomStream stream_{sim::StreamKey{}};
  std::int64_t received_ = 0;
  std::int64_t upheld_ = 0;
};

}  // namespace primsim::models
