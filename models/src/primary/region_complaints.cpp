// Complaints in a region: filed against registered candidates or a PPO's memberships, routed up
// the territory, decided here or by the party centre, and acted on.
#include "primsim/models/primary/region_complaints.hpp"

#include "primsim/models/primary/primary_events.hpp"
#include "primsim/sim/lp_context.hpp"

namespace primsim::models {
namespace events = primary_events;
using results::RemovalReason;

RegionComplaints::RegionComplaints(const PrimaryWorld& world, std::size_t region)
    : world_(world), region_(region) {}

bool RegionComplaints::handle(const sim::Event& event, CandidatePipeline& pipeline, MemberTable& members,
                              bool voting_open, sim::LpContext& context) {
  Parties parties{pipeline, members, voting_open};
  switch (event.type) {
    case events::kComplaint:
      file_complaint(pipeline.candidates()[event.payload[0]], event.payload[1] != 0, context);
      return true;
    case events::kComplaintReviewed:
      // Decided inside the region: by the region's own committee or a branch or PPO below it.
      decide_complaint(static_cast<std::size_t>(event.payload[0]),
                       pipeline.stream().bernoulli(world_.scenario().candidacy.complaints.upheld_probability),
                       parties, context);
      return true;
    case events::kComplaintRuling:
      decide_complaint(static_cast<std::size_t>(event.payload[0]), event.payload[1] != 0, parties, context);
      return true;
    default:
      return false;
  }
}

void RegionComplaints::file_complaint(const Candidate& c, bool against_membership, sim::LpContext& context) {
  const Territory& territory = world_.territory();
  Complaint complaint;
  complaint.candidate = c.id;
  complaint.ppo = c.ppo;
  complaint.against_membership = against_membership;
  complaint.filed_at = context.now();
  complaint.decided_by =
      territory.route_up(territory.ppo(region_, c.ppo), world_.scenario().candidacy.complaints.decided_at);
  const std::size_t index = complaints_.size();
  complaints_.push_back(complaint);
  if (territory.node(complaint.decided_by).level == spec::TerritorialLevel::national) {
    context.send(PrimaryWorld::national_lp(), context.lookahead(), events::kComplaintToCentre,
                 {(std::uint64_t{region_} << 32U) | index, 0});
  } else {
    context.schedule(world_.scenario().candidacy.complaints.review_time, events::kComplaintReviewed,
                     {index, 0});
  }
}

void RegionComplaints::decide_complaint(std::size_t index, bool upheld, Parties& parties,
                                        sim::LpContext& context) {
  Complaint& complaint = complaints_[index];
  complaint.decided = true;
  complaint.decided_at = context.now();
  complaint.upheld = upheld;
  if (!upheld) return;
  if (complaint.against_membership) {
    complaint.memberships_voided = void_memberships(complaint.ppo, parties.members);
    return;
  }
  Candidate& c = parties.pipeline.candidates()[complaint.candidate];
  if (in_race(c) && !parties.voting_open) {
    remove(c, RemovalReason::complaint_upheld, context.now());
    complaint.removed_candidate = true;
  }
}

std::int64_t RegionComplaints::void_memberships(std::uint32_t ppo, MemberTable& members) {
  std::int64_t voided = 0;
  for (std::size_t m = 0; m < members.size(); ++m) {
    if (members.ppo(m) != ppo || !members.has(m, kFraudulent) || members.has(m, kVoided)) continue;
    members.set(m, kVoided);
    ++voided;
  }
  return voided;
}

}  // namespace primsim::models
