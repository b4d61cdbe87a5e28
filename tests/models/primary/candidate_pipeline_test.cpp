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
  CHECK(counter.in_regions(events::kRegistration) ==
        s.applicants - s.removed_ineligible - s.removed_loyalty_screening);
  CHECK(counter.in_regions(events::kWithdrawal) >= s.withdrawn);
  std::map<results::RemovalReason, std::set<std::int64_t>> times;
  for (const RegionModel* region : replicate.regions()) {
    for (const Candidate& c : region->candidates()) {
      if (c.outcome != CandidateOutcome::removed) continue;
      times[c.removal_reason].insert(c.removed_at.seconds_since_epoch());
      switch (c.removal_reason) {
        case results::RemovalReason::ineligible:
        case results::RemovalReason::loyalty_screening:
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

namespace {

struct Withdrawals {
  double share = 0;         // of the registered, over the whole run
  double endorsed = 0;      // share of the endorsed registered who withdrew
  double not_endorsed = 0;  // ... of those without endorsement
  double weak = 0;          // ... of those with valence below 0
  double strong = 0;        // ... of those with valence above 0
  double applicants = 0;
  double women = 0;  // share of applicants
  double young = 0;  // share of applicants under candidacy.youth_max_age
  double endorsed_applicants = 0;
};

Withdrawals withdrawals(const spec::ScenarioSpec& scenario, std::uint64_t replicate = 5) {
  PrimaryReplicate run(scenario, replicate, 0);
  sim::SequentialExecutor executor;
  const auto results = run.run(executor);
  Withdrawals w;
  const auto& s = results.summary.front();
  w.share = static_cast<double>(s.withdrawn) / static_cast<double>(s.registered);
  w.applicants = static_cast<double>(s.applicants);
  double counts[4] = {0, 0, 0, 0};
  double left[4] = {0, 0, 0, 0};
  double women = 0;
  double young = 0;
  double endorsed = 0;
  for (const RegionModel* region : run.regions()) {
    for (const Candidate& c : region->candidates()) {
      women += c.gender == results::Gender::female ? 1 : 0;
      young += c.age < scenario.candidacy.youth_max_age ? 1 : 0;
      endorsed += c.endorsed ? 1 : 0;
      if (results::funnel_rank(c.reached) < results::funnel_rank(results::Stage::registered)) continue;
      const bool withdrew =
          c.outcome == CandidateOutcome::removed && c.removal_reason == results::RemovalReason::withdrew;
      for (const int group : {c.endorsed ? 0 : 1, c.valence < 0 ? 2 : 3}) {
        counts[group] += 1;
        left[group] += withdrew ? 1 : 0;
      }
    }
  }
  w.endorsed = left[0] / counts[0];
  w.not_endorsed = left[1] / counts[1];
  w.weak = left[2] / counts[2];
  w.strong = left[3] / counts[3];
  w.women = women / w.applicants;
  w.young = young / w.applicants;
  w.endorsed_applicants = endorsed / w.applicants;
  return w;
}

}  // namespace

TEST_CASE("withdrawals are a hazard over the gap between registration and the vote", "[models]") {
  auto scenario = testing::mini_2020();
  scenario.candidacy.withdrawal.rate_per_week = 0.05;
  const Withdrawals month = withdrawals(scenario);
  // Registrations close on 31 Aug (day 243) and the vote opens on 1 Oct (day 274): 31 days,
  // 1 - exp(-0.05 x 31 / 7) = 0.199 withdraw.
  CHECK(month.share == Approx(0.199).margin(0.03));
  // A calendar that votes four weeks later: 59 days, 1 - exp(-0.05 x 59 / 7) = 0.344.
  auto later = scenario;
  for (auto& phase : later.disruptions.suspensions.front().new_calendar) {
    if (phase.phase == "voting") phase.window = {testing::day(302), testing::day(305)};
  }
  const Withdrawals two_months = withdrawals(later);
  CHECK(two_months.share == Approx(0.344).margin(0.03));
  CHECK(two_months.share > month.share + 0.1);
  // No hazard, no withdrawals.
  scenario.candidacy.withdrawal.rate_per_week = 0;
  CHECK(withdrawals(scenario).share == 0.0);
}

TEST_CASE("candidates with poor chances withdraw more", "[models]") {
  auto scenario = testing::mini_2020();
  scenario.candidacy.withdrawal.rate_per_week = 0.05;
  const Withdrawals flat = withdrawals(scenario);
  // Without the chances' weight the weak and the strong leave alike (both about 0.2) ...
  CHECK(flat.weak == Approx(flat.strong).margin(0.05));
  // ... with it, the weakest of a contest leave at e^3 = 20 times the rate of the strongest.
  scenario.candidacy.withdrawal.chances_weight = 3.0;
  const Withdrawals by_chances = withdrawals(scenario);
  CHECK(by_chances.weak > 2.0 * by_chances.strong);
  CHECK(by_chances.weak > flat.weak + 0.1);
}

TEST_CASE("candidates without the leadership's endorsement facing an endorsed rival withdraw more",
          "[models]") {
  auto scenario = testing::mini_2020();
  scenario.candidacy.withdrawal.rate_per_week = 0.05;
  const Withdrawals flat = withdrawals(scenario);
  CHECK(flat.not_endorsed == Approx(flat.endorsed).margin(0.05));
  // Pressure multiplies the hazard by e^1.5 = 4.5: 1 - exp(-0.05 x 4.5 x 31 / 7) = 0.63 of
  // those without endorsement (nearly all face an endorsed rival), while the endorsed leave as before.
  scenario.candidacy.withdrawal.pressure_weight = 1.5;
  const Withdrawals pressured = withdrawals(scenario);
  CHECK(pressured.endorsed == Approx(flat.endorsed).margin(0.03));
  CHECK(pressured.not_endorsed > 2.0 * pressured.endorsed);
  CHECK(pressured.not_endorsed == Approx(0.63).margin(0.04));
}

TEST_CASE("quotas above the reference raise women's and young people's entry", "[models]") {
  auto scenario = testing::mini_2020();
  scenario.candidacy.entry.reference_women_quota = 0.3;
  scenario.candidacy.entry.reference_youth_quota = 0.2;
  scenario.candidacy.entry.quota_response = 2.0;
  // The congress's quotas are the reference ones: the scenario's shares, 0.37 and 0.29.
  const Withdrawals reference = withdrawals(scenario);
  CHECK(reference.women == Approx(0.37).margin(0.03));
  CHECK(reference.young == Approx(0.29).margin(0.03));
  // 60% women and 50% youth: log-odds up by 2 x 0.3 = 0.6, to 0.517 and 0.426.
  auto& quotas = scenario.selection.stages[1].rule.quotas;
  quotas = {{spec::QuotaGroup::women, 0.6, true}, {spec::QuotaGroup::youth, 0.5, true}};
  const Withdrawals strict = withdrawals(scenario);
  CHECK(strict.women == Approx(0.517).margin(0.03));
  CHECK(strict.young == Approx(0.426).margin(0.03));
  // Without a response the quotas leave entry alone.
  scenario.candidacy.entry.quota_response = 0;
  CHECK(withdrawals(scenario).women == Approx(reference.women).margin(0.03));
}

TEST_CASE("an open vote brings outsiders' applications", "[models]") {
  auto scenario = testing::mini_2020();
  scenario.selection.stages[0].selectorate.kind = spec::SelectorateKind::all_voters;
  scenario.selection.stages[0].selectorate.voters = 60000;
  const Withdrawals members = withdrawals(scenario);
  CHECK(members.applicants == Approx(1500).margin(120));
  scenario.candidacy.entry.outsider_applications = 0.5;
  const Withdrawals open = withdrawals(scenario);
  CHECK(open.applicants == Approx(2250).margin(150));
  // Outsiders are self-nominated: the endorsed share falls from 0.3 to 0.2.
  CHECK(open.endorsed_applicants == Approx(0.2).margin(0.03));
  // Not when only members may run.
  scenario.candidacy.eligibility.non_members_may_join = false;
  CHECK(withdrawals(scenario).applicants == members.applicants);
}

TEST_CASE("an incumbent or an endorsed applicant deters others from entering the contest", "[models]") {
  auto scenario = testing::mini_2020();
  const Withdrawals open_field = withdrawals(scenario);
  scenario.candidacy.entry.deterrence = 0.5;
  const Withdrawals deterred = withdrawals(scenario);
  // Nearly every contest has an endorsed applicant early: about half of the other 70% stay out.
  CHECK(deterred.applicants < open_field.applicants * 0.8);
  CHECK(deterred.endorsed_applicants > open_field.endorsed_applicants + 0.08);
  // Without deterrence nobody stays out: the endorsed are the routes' 30%.
  CHECK(open_field.endorsed_applicants == Approx(0.3).margin(0.03));
}

TEST_CASE("the leadership's loyalty screening removes the applicants it did not endorse below the threshold",
          "[models]") {
  auto scenario = testing::mini_2020();
  const auto screened = [](const spec::ScenarioSpec& spec, std::int64_t& removed, std::int64_t& applicants) {
    PrimaryReplicate run(spec, 7, 0);
    sim::SequentialExecutor executor;
    const auto results = run.run(executor);
    removed = 0;
    applicants = results.summary.front().applicants;
    for (const RegionModel* region : run.regions()) {
      for (const Candidate& c : region->candidates()) {
        const bool out = c.outcome == CandidateOutcome::removed &&
                         c.removal_reason == results::RemovalReason::loyalty_screening;
        // Removed exactly when not endorsed and below the threshold (removal_probability 1).
        if (spec.candidacy.loyalty_screening.enabled) CHECK(out == (!c.endorsed && c.loyalty < 0.4));
        removed += out ? 1 : 0;
      }
    }
    CHECK(results.summary.front().removed_loyalty_screening == removed);
  };
  std::int64_t removed = 0;
  std::int64_t applicants = 0;
  screened(scenario, removed, applicants);
  CHECK(removed == 0);
  scenario.candidacy.loyalty_screening = {true, 0.4, 1.0};
  screened(scenario, removed, applicants);
  // 70% of the applicants are not endorsed, 40% of them below the threshold: 28%.
  CHECK(static_cast<double>(removed) / static_cast<double>(applicants) == Approx(0.28).margin(0.03));
}
