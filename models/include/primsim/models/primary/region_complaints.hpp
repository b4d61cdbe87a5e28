// Complaints in a region: filed against registered candidates (or against the memberships of
// their PPO) before the vote, routed up the territory to the level the scenario names, decided in
// the region or sent to the party centre's ComplaintDesk, and acted on: an upheld complaint
// removes the candidate or voids the PPO's fraudulent memberships. Owned by the region's LP.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "primsim/models/members/member_table.hpp"
#include "primsim/models/primary/candidate_pipeline.hpp"
#include "primsim/models/primary/complaint.hpp"
#include "primsim/models/primary/primary_world.hpp"
#include "primsim/sim/event.hpp"

namespace primsim::sim {
class LpContext;
}

namespace primsim::models {

class RegionComplaints {
 public:
  RegionComplaints(const PrimaryWorld& world, std::size_t region);

  // kComplaint, kComplaintReviewed and kComplaintRuling; false for any other event. A ruling
  // acts on the region's candidates and members; once voting is open no candidate is removed.
  bool handle(const sim::Event& event, CandidatePipeline& pipeline, MemberTable& members, bool voting_open,
              sim::LpContext& context);

  // Every complaint filed in the region, in filing order.
  [[nodiscard]] const std::vector<Complaint>& complaints() const { return complaints_; }

 private:
  // What a ruling acts on.
  struct Parties {
    CandidatePipeline& pipeline;
    MemberTable& members;
    bool voting_open;
  };

  void file_complaint(const Candidate& c, bool against_membership, sim::LpContext& context);
  void decide_complaint(std::size_t index, bool upheld, Parties& parties, sim::LpContext& context);
  [[nodiscard]] static std::int64_t void_memberships(std::uint32_t ppo, MemberTable& members);

  const PrimaryWorld& world_;
  std::size_t region_;
  std::vector<Complaint> complaints_;
};

}  // namespace primsim::models
