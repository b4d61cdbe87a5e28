// The candidate pipeline of a region (CandidatePipeline): each candidate's transitions as engine
// events inside their phases, and applications on the calendar as it ran.
#include <map>
#include <set>

#include <catch2/catch.hpp>

#include "event_counter.hpp"
#include "mini_scenario.hpp"
#include "primsim/models/primary/primary_events.hpp"
#include "primsim/models/primary/primary_replicate.hpp"
#include "primsim/sim/sequential_executor.hpp"

using namespace primsim;
using namespace primsim::models;

TEST_CASE("each candidate's transitions are engine events at their own times inside the phases", "[models]") {
  const auto scenario = testing::mini_2020();
  PrimaryReplicate replicate(scenario, 11, 0);
  sim::SequentialExecutor executor;
  testing::EventCounter counter;
  const auto results = replicate.run(executor, &counter);
  const auto& s = results.summary.front();
  namespace events = primary_events;
  // One screening event per applicant, one registration event per eligible applicant.
  CHECK(counter.in_regions(events::kScreening) == s.applicants);
  CHECK(counter.in_regions(events::kRegistration) == s.applicants - s.removed_ineligible);
  CHECK(counter.in_regions(events::kWithdrawal) >= s.withdrawn);
  std::map<results::RemovalReason, std::set<std::int64_t>> times;
  for (const RegionModel* region : replicate.regions()) {
    for (const Candidate& c : region->candidates()) {
      if (c.outcome != CandidateOutcome::removed) continue;
      times[c.removal_reason].insert(c.removed_at.seconds_since_epoch());
      switch (c.removal_reason) {
        case results::RemovalReason::ineligible:
        case results::RemovalReason::registration_error:
          // the screening phase of the new calendar, 29 - 31 Aug (days 240 - 243)
          CHECK(c.removed_at >= testing::day(240));
          CHECK(c.removed_at < testing::day(243));
          break;
        case results::RemovalReason::skipped_debates:
          CHECK(c.removed_at >= testing::day(257));
          CHECK(c.removed_at < testing::day(273));
          break;
        case results::RemovalReason::complaint_upheld:
        case results::RemovalReason::withdrew:
          // after registration, before the vote opens on 1 Oct (day 274)
          CHECK(c.removed_at >= testing::day(240));
          CHECK(c.removed_at < testing::day(274));
          break;
        case results::RemovalReason::none:
          FAIL("a removed candidate without a reason");
          break;
      }
    }
  }
  // Spread over the phase, not a loop at its boundary.
  CHECK(times[results::RemovalReason::ineligible].size() > 10);
  CHECK(times[results::RemovalReason::skipped_debates].size() ==
        static_cast<std::size_t>(s.removed_skipped_debates));
  CHECK(times[results::RemovalReason::withdrew].size() > 10);
}

TEST_CASE("applications arrive in the window of the new calendar after a suspension", "[models]") {
  const auto scenario = testing::mini_2020();
  PrimaryReplicate with_covid(scenario, 3, 0);
  sim::SequentialExecutor a;
  with_covid.run(a);
  for (const RegionModel* region : with_covid.regions()) {
    for (const Candidate& c : region->candidates()) {
      REQUIRE(c.applied_at >= testing::day(229));
      REQUIRE(c.applied_at < testing::day(240));
    }
  }

  auto no_covid = scenario;
  no_covid.disruptions.suspensions.clear();
  PrimaryReplicate first_schedule(no_covid, 3, 0);
  sim::SequentialExecutor b;
  const auto results = first_schedule.run(b);
  for (const RegionModel* region : first_schedule.regions()) {
    for (const Candidate& c : region->candidates()) {
      REQUIRE(c.applied_at >= testing::day(89));
      REQUIRE(c.applied_at < testing::day(100));
    }
  }
  // Voting moves with its phase: the first schedule votes in May.
  REQUIRE_FALSE(results.platform.empty());
  CHECK(results.platform.front().time == testing::day(130));
}
