// Complaints decided by the party centre: review, ruling and the reply to the region.
#include "primsim/models/primary/complaint_desk.hpp"

#include "primsim/models/primary/primary_events.hpp"
#include "primsim/sim/lp_context.hpp"

namespace primsim::models {
namespace events = primary_events;

void ComplaintDesk::init(sim::LpContext& context) {
  stream_ = context.random(0, random_purposes::kComplaintRuling);
}

bool ComplaintDesk::handle(const sim::Event& event, sim::LpContext& context) {
  switch (event.type) {
    case events::kComplaintToCentre:
      ++received_;
      context.schedule(world_.scenario().candidacy.complaints.review_time, events::kComplaintReview,
                       event.payload);
      return true;
    case events::kComplaintReview: {
      const bool upheld = stream_.bernoulli(world_.scenario().candidacy.complaints.upheld_probability);
      if (upheld) ++upheld_;
      const std::uint64_t key = event.payload[0];
      const auto region = static_cast<std::size_t>(key >> 32U);
      context.send(PrimaryWorld::region_lp(region), context.lookahead(), events::kComplaintRuling,
                   {key & 0xffffffffU, upheld ? 1U : 0U});
      return true;
    }
    default:
      return false;
  }
}

}  // namespace primsim::models
