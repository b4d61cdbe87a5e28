// Complaints in a region (RegionComplaints): routed up the territory to the level the scenario
// names, decided there after the review, and, when upheld, acted on.
#include <catch2/catch.hpp>

#include "event_counter.hpp"
#include "mini_scenario.hpp"
#include "primsim/models/primary/primary_events.hpp"
#include "primsim/models/primary/primary_replicate.hpp"
#include "primsim/sim/sequential_executor.hpp"

using namespace primsim;
using namespace primsim::models;

TEST_CASE("complaints reach the level that the scenario names", "[models]") {
  using spec::TerritorialLevel;
  for (const auto level : {TerritorialLevel::ppo, TerritorialLevel::district, TerritorialLevel::region,
                           TerritorialLevel::national}) {
    CAPTURE(spec::name_of(level));
    auto scenario = testing::mini_2020();
    scenario.candidacy.complaints.rate = 0.05;
    scenario.candidacy.complaints.decided_at = level;
    PrimaryReplicate replicate(scenario, 5, 0);
    sim::SequentialExecutor executor;
    testing::EventCounter counter;
    const auto results = replicate.run(executor, &counter);
    const Territory& territory = replicate.world().territory();
    const bool national = level == TerritorialLevel::national;
    // Decided in the region after the review; at the centre, a lookahead each way on top.
    const sim::Duration delay = scenario.candidacy.complaints.review_time +
                                (national ? replicate.world().lookahead() * 2 : sim::Duration{0});
    std::int64_t filed = 0;
    for (std::size_t r = 0; r < replicate.regions().size(); ++r) {
      const RegionModel& region = *replicate.regions()[r];
      for (const Complaint& complaint : region.complaints()) {
        ++filed;
        const Candidate& c = region.candidates()[complaint.candidate];
        Territory::Vertex expected = territory.centre();
        if (level == TerritorialLevel::ppo) expected = territory.ppo(r, c.ppo);
        if (level == TerritorialLevel::district) expected = territory.branch(r, c.branch);
        if (level == TerritorialLevel::region) expected = territory.region(r);
        CHECK(complaint.decided_by == expected);
        CHECK(territory.node(complaint.decided_by).level == level);
        REQUIRE(complaint.decided);
        CHECK(complaint.decided_at - complaint.filed_at == delay);
      }
    }
    REQUIRE(filed > 20);
    CHECK(results.summary.front().complaints_filed == filed);
    // Only complaints decided at the national level travel to the centre, and all of them do.
    const auto& desk = replicate.national().complaint_desk();
    CHECK(desk.received() == (national ? filed : 0));
    CHECK(counter.at(0, primary_events::kComplaintToCentre) == (national ? filed : 0));
    CHECK(counter.in_regions(primary_events::kComplaintRuling) == (national ? filed : 0));
    CHECK(counter.in_regions(primary_events::kComplaintReviewed) == (national ? 0 : filed));
    if (national) CHECK(desk.upheld() == results.summary.front().complaints_upheld);
  }
}

TEST_CASE("upheld complaints of membership fraud void the PPO's fraudulent members", "[models]") {
  auto scenario = testing::mini_2020();
  scenario.candidacy.complaints.rate = 0.05;
  scenario.candidacy.complaints.membership_fraud_share = 1.0;
  scenario.candidacy.complaints.upheld_probability = 1.0;
  auto dismissed = scenario;
  dismissed.candidacy.complaints.upheld_probability = 0.0;
  PrimaryReplicate upheld_run(scenario, 9, 0);
  PrimaryReplicate dismissed_run(dismissed, 9, 0);
  sim::SequentialExecutor a;
  sim::SequentialExecutor b;
  const auto upheld = upheld_run.run(a).summary.front();
  const auto kept = dismissed_run.run(b).summary.front();
  REQUIRE(upheld.complaints_filed > 20);
  CHECK(upheld.complaints_upheld == upheld.complaints_filed);
  CHECK(kept.complaints_upheld == 0);
  CHECK(kept.memberships_voided == 0);
  REQUIRE(upheld.memberships_voided > 0);
  // Voided members leave the selectorate; no candidate is removed by a membership complaint.
  CHECK(upheld.eligible == kept.eligible - upheld.memberships_voided);
  CHECK(upheld.removed_complaint_upheld == 0);
  std::int64_t voided = 0;
  for (const RegionModel* region : upheld_run.regions()) {
    std::set<std::uint32_t> complained;
    for (const Complaint& complaint : region->complaints()) complained.insert(complaint.ppo);
    const MemberTable& members = region->members();
    for (std::size_t m = 0; m < members.size(); ++m) {
      if (!members.has(m, kVoided)) continue;
      ++voided;
      CHECK(members.has(m, kFraudulent));
      CHECK(complained.count(members.ppo(m)) == 1);
    }
  }
  CHECK(voided == upheld.memberships_voided);
}
