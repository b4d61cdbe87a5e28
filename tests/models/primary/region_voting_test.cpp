// The vote as a process in whole replicates of the small 2020-like primary: every selector who
// tries is accounted for at the close, an extension carries the votes of those who come back,
// selector groups vote through their own channels with their own weights, and turnout answers
// closeness, channel cost, habit, region and compulsion.
#include <algorithm>
#include <map>

#include <catch2/catch.hpp>

#include "mini_scenario.hpp"
#include "primsim/models/primary/primary_replicate.hpp"
#include "primsim/sim/sequential_executor.hpp"

using namespace primsim;
using namespace primsim::models;

namespace {

results::ReplicateResults run(const spec::ScenarioSpec& scenario, std::uint32_t replicate = 0) {
  PrimaryReplicate replicate_run(scenario, 2020, replicate);
  sim::SequentialExecutor executor;
  return replicate_run.run(executor, nullptr);
}

// The mini scenario with voters who come back on later days and put their vote off.
spec::ScenarioSpec with_returns() {
  auto scenario = testing::mini_2020();
  scenario.voting.channels[0].return_next_day = 0.6;
  scenario.voting.channels[0].postpone_probability = 0.15;
  return scenario;
}

// The members, and `size` registered supporters who are not members; returns the supporters.
spec::SelectorGroupSpec& add_supporters(spec::ScenarioSpec& scenario, std::int64_t size) {
  spec::SelectorGroupSpec members;
  members.name = "members";
  spec::SelectorGroupSpec supporters;
  supporters.name = "supporters";
  supporters.source = spec::SelectorSource::supporters;
  supporters.size = size;
  auto& groups = scenario.selection.stages[0].selectorate.groups;
  groups = {members, supporters};
  return groups.back();
}

std::int64_t votes_after(const results::ReplicateResults& r, sim::SimTime t) {
  std::map<results::RegionCode, std::int64_t> before;
  std::map<results::RegionCode, std::int64_t> last;
  for (const auto& row : r.turnout) {
    if (row.time <= t) before[row.region] = row.votes_cumulative;
    last[row.region] = row.votes_cumulative;
  }
  std::int64_t after = 0;
  for (const auto& [region, votes] : last) after += votes - before[region];
  return after;
}

}  // namespace

TEST_CASE("every selector who set out to vote voted, gave up or was still trying at the close", "[models]") {
  for (const bool extension : {true, false}) {
    auto scenario = with_returns();
    scenario.voting.extension.enabled = extension;
    for (std::uint32_t replicate = 0; replicate < 2; ++replicate) {
      const auto r = run(scenario, replicate);
      const auto& s = r.summary.front();
      INFO("extension " << extension << ", replicate " << replicate);
      CHECK(s.voters_intending == s.votes + s.voters_gave_up + s.voters_pending_at_close);
      CHECK(s.attempts > s.votes);
      CHECK(s.voters_gave_up > 0);
      CHECK(s.voters_pending_at_close > 0);
      // Ballots still in flight at the close count at the close, in /turnout as in /summary.
      std::map<results::RegionCode, std::int64_t> last;
      for (const auto& row : r.turnout) last[row.region] = row.votes_cumulative;
      std::int64_t in_turnout = 0;
      for (const auto& [region, votes] : last) in_turnout += votes;
      CHECK(in_turnout == s.votes);
    }
  }
}

TEST_CASE("the extension carries the votes of those who come back on the extra day", "[models]") {
  auto extended = with_returns();
  auto closed = with_returns();
  closed.voting.extension.enabled = false;
  // The original close is 3 Oct 14:00 (day 276); the extension runs to 4 Oct 14:00.
  const sim::SimTime original_close = testing::day(276, 14);
  for (std::uint32_t replicate = 0; replicate < 3; ++replicate) {
    const auto with = run(extended, replicate);
    const auto without = run(closed, replicate);
    REQUIRE(with.summary.front().extension_hours == 24.0);
    REQUIRE(without.summary.front().extension_hours == 0.0);
    const std::int64_t extra = votes_after(with, original_close);
    // Same seed, same selectors: every vote before the extension was decided is common to both,
    // so the paired difference is the extension's own.
    CHECK(extra * 100 > with.summary.front().votes);
    CHECK(votes_after(with, testing::day(277)) > 0);  // votes on the extra day itself
    CHECK(votes_after(without, original_close) == 0);
    CHECK(with.summary.front().votes > without.summary.front().votes);
    CHECK(without.summary.front().voters_pending_at_close > with.summary.front().voters_pending_at_close);
  }
}

TEST_CASE("without returns or postponement, nobody is left for the extra day", "[models]") {
  const auto r = run(testing::mini_2020());
  REQUIRE(r.summary.front().extension_hours == 24.0);
  CHECK(votes_after(r, testing::day(277)) == 0);
}

TEST_CASE("registered supporters who may vote online only cast only online votes", "[models]") {
  auto scenario = testing::mini_2020();
  auto& supporters = add_supporters(scenario, 30000);
  supporters.channels = {"online"};
  supporters.online_access_share = 1.0;
  const auto r = run(scenario);
  REQUIRE(r.selectors.size() == 2 * 3);
  std::int64_t supporters_eligible = 0;
  std::int64_t supporters_votes = 0;
  for (const auto& row : r.selectors) {
    if (row.group == 1) {
      supporters_eligible += row.eligible;
      supporters_votes += row.votes;
    }
  }
  CHECK(supporters_eligible == 30000);
  CHECK(supporters_votes > 0);
  // The closed run's paper votes come from remote members only: supporters add none.
  const auto closed = run(testing::mini_2020());
  CHECK(r.summary.front().votes_paper == closed.summary.front().votes_paper);
  CHECK(r.summary.front().eligible == closed.summary.front().eligible + 30000);
}

TEST_CASE("a registration cut-off keeps late supporters out", "[models]") {
  auto scenario = testing::mini_2020();
  // Registrations run from 1 Jan to the vote on 1 Oct (274 days): a 137-day cut-off halves them.
  add_supporters(scenario, 30000).registration_cutoff = sim::Duration::days(137);
  const auto r = run(scenario);
  std::int64_t eligible = 0;
  for (const auto& row : r.selectors) eligible += row.group == 1 ? row.eligible : 0;
  CHECK(eligible > 14500);
  CHECK(eligible < 15500);
}

TEST_CASE("selectors who weigh the endorsement less select fewer endorsed candidates", "[models]") {
  // The members' weights against a selectorate of outsiders who ignore the endorsement and
  // reward valence and name recognition (the open-primary ASSUMPTION).
  auto members_only = testing::mini_2020();
  members_only.choice.endorsement_weight = 1.5;
  auto open = members_only;
  spec::SelectorGroupSpec outsiders;
  outsiders.name = "voters";
  outsiders.source = spec::SelectorSource::voters;
  outsiders.size = 400000;
  outsiders.choice.endorsement_weight = 0.0;
  outsiders.choice.dependent_endorsement_multiplier = 1.0;
  outsiders.choice.incumbency_weight = 1.0;
  spec::SelectorGroupSpec members;
  members.name = "members";
  open.selection.stages[0].selectorate.groups = {members, outsiders};
  open.voting.channels[0].capacity = 100000;
  members_only.voting.channels[0].capacity = 100000;
  const auto endorsed_winners = [](const results::ReplicateResults& r) {
    std::int64_t endorsed = 0;
    for (const auto& c : r.candidates) {
      const bool selected = c.outcome == results::Outcome::won || c.outcome == results::Outcome::listed;
      if (selected && c.route == results::Route::party_branch) ++endorsed;
    }
    return endorsed;
  };
  std::int64_t closed_total = 0;
  std::int64_t open_total = 0;
  for (std::uint32_t replicate = 0; replicate < 3; ++replicate) {
    closed_total += endorsed_winners(run(members_only, replicate));
    open_total += endorsed_winners(run(open, replicate));
  }
  CHECK(open_total < closed_total);
}

TEST_CASE("turnout answers closeness, channel cost, habit, region and compulsion", "[models]") {
  const auto turnout_of = [](const spec::ScenarioSpec& scenario) {
    auto roomy = scenario;
    roomy.voting.channels[0].capacity = 100000;
    return run(roomy).summary.front().turnout;
  };
  const auto base = testing::mini_2020();
  const double reference = turnout_of(base);
  auto close = base;
  close.turnout.benefit = 1.0;
  CHECK(turnout_of(close) > reference + 0.01);
  auto costly = base;
  costly.voting.channels[0].cost = 1.0;
  CHECK(turnout_of(costly) < reference - 0.05);
  auto habit = base;
  habit.membership.voted_last_cycle = 0.5;
  habit.turnout.habit = 1.0;
  CHECK(turnout_of(habit) > reference + 0.02);
  auto habit_without_cycle = base;
  habit_without_cycle.turnout.habit = 1.0;  // no previous cycle known: nobody has the habit
  CHECK(turnout_of(habit_without_cycle) == reference);
  auto north_low = base;
  north_low.turnout.by_region = {{"north", -2.0}};
  CHECK(turnout_of(north_low) < reference - 0.1);
  auto compulsory = base;
  compulsory.selection.stages[0].selectorate.compulsory = true;
  compulsory.turnout.compulsory_bonus = 1.0;
  const double mild = turnout_of(compulsory);
  compulsory.turnout.compulsory_bonus = 4.0;
  CHECK(mild > reference);
  CHECK(turnout_of(compulsory) > mild);
}

TEST_CASE("older or rural voters' failed logins count with the platform's failures", "[models]") {
  auto scenario = testing::mini_2020();
  scenario.voting.channels[0].capacity = 100000;
  const auto failures = [](const results::ReplicateResults& r) {
    std::int64_t sum = 0;
    for (const auto& row : r.platform) sum += row.failures;
    return sum;
  };
  CHECK(failures(run(scenario)) == 0);
  scenario.voting.channels[0].failure_by_age = {{"35+", 0.3}};
  const auto r = run(scenario);
  CHECK(failures(r) > 1000);
  CHECK(r.summary.front().voters_gave_up > 0);
  // A region of poor connections adds its own failures to the older voters'.
  scenario.voting.channels[0].failure_by_region = {{"west", 0.5}};
  const auto rural = run(scenario);
  CHECK(failures(rural) > failures(r) + 1000);
}
