// Whole replicates of a small 2020-like primary: determinism across executors, conservation of
// applicants, the funnel, the calendar after a suspension, the overloaded platform and its
// extension, and the list with its leadership places and quotas.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <catch2/catch.hpp>

#include "mini_scenario.hpp"
#include "primsim/models/primary/primary_events.hpp"
#include "primsim/models/primary/primary_replicate.hpp"
#include "primsim/sim/parallel_executor.hpp"
#include "primsim/sim/sequential_executor.hpp"
#include "primsim/sim/trace_digest.hpp"

using namespace primsim;
using namespace primsim::models;
using results::Stage;

namespace {

struct Run {
  results::ReplicateResults results;
  std::uint64_t digest = 0;
  std::uint64_t events = 0;
};

Run run(const spec::ScenarioSpec& scenario, std::size_t threads, std::uint32_t replicate = 0) {
  PrimaryReplicate replicate_run(scenario, 2020, replicate);
  sim::TraceDigest trace(replicate_run.world().territory().region_count() + 1);
  std::unique_ptr<sim::Executor> executor;
  if (threads == 0) {
    executor = std::make_unique<sim::SequentialExecutor>();
  } else {
    executor = std::make_unique<sim::ParallelExecutor>(threads);
  }
  Run out;
  out.results = replicate_run.run(*executor, &trace);
  out.digest = trace.digest();
  out.events = replicate_run.events();
  return out;
}

}  // namespace

TEST_CASE("a replicate gives identical results sequentially and on 1 and 2 threads", "[models]") {
  const auto scenario = testing::mini_2020();
  const Run reference = run(scenario, 0);
  REQUIRE(reference.events > 50000);
  for (const std::size_t threads : {std::size_t{1}, std::size_t{2}}) {
    const Run parallel = run(scenario, threads);
    CHECK(parallel.digest == reference.digest);
    CHECK(parallel.results.summary == reference.results.summary);
    CHECK(parallel.results.funnel == reference.results.funnel);
    CHECK(parallel.results.turnout == reference.results.turnout);
    CHECK(parallel.results.platform == reference.results.platform);
    CHECK(parallel.results.list == reference.results.list);
  }
  // Another replicate is another draw.
  CHECK(run(scenario, 0, 1).results.summary.front().votes != reference.results.summary.front().votes);
}

TEST_CASE("every applicant ends in exactly one terminal state", "[models]") {
  const auto scenario = testing::mini_2020();
  PrimaryReplicate replicate(scenario, 7, 0);
  sim::SequentialExecutor executor;
  const auto results = replicate.run(executor);
  std::int64_t applicants = 0;
  for (const RegionModel* region : replicate.regions())
    applicants += static_cast<std::int64_t>(region->candidates().size());
  REQUIRE(applicants > 1200);
  // One /candidates row per applicant, with a small id of its own, plus the listed appointees.
  std::map<results::Outcome, std::int64_t> outcomes;
  std::set<results::CandidateCode> ids;
  for (const auto& c : results.candidates) {
    ++outcomes[c.outcome];
    ids.insert(c.candidate);
    if (c.outcome == results::Outcome::listed || c.outcome == results::Outcome::won)
      CHECK(c.reached == Stage::selected);
    if (c.outcome == results::Outcome::removed || c.outcome == results::Outcome::withdrew) {
      CHECK(c.reached < Stage::on_ballot);
      CHECK(c.reason != results::RemovalReason::none);
    } else {
      CHECK(c.reason == results::RemovalReason::none);
    }
  }
  CHECK(ids.size() == results.candidates.size());
  CHECK(*ids.rbegin() == results.candidates.size() - 1);
  CHECK(static_cast<std::int64_t>(results.candidates.size()) ==
        applicants + outcomes[results::Outcome::appointed]);
  const auto& s = results.summary.front();
  CHECK(s.applicants == applicants);
  CHECK(s.removed_ineligible + s.removed_registration_error + s.removed_loyalty_screening + s.removed ==
        outcomes[results::Outcome::removed]);
  CHECK(s.vetoed == outcomes[results::Outcome::vetoed]);
  CHECK(s.withdrawn == outcomes[results::Outcome::withdrew]);
  CHECK(s.removed == s.removed_skipped_debates + s.removed_complaint_upheld);
  CHECK(s.selected == outcomes[results::Outcome::won] + outcomes[results::Outcome::listed]);
  CHECK(outcomes[results::Outcome::listed] + outcomes[results::Outcome::appointed] ==
        static_cast<std::int64_t>(results.list.size()));
  // Every registered candidate reached a ballot, was removed or withdrew; each path is taken.
  CHECK(s.registered == s.on_ballot + s.removed + s.withdrawn);
  CHECK(s.applicants ==
        s.registered + s.removed_ineligible + s.removed_registration_error + s.removed_loyalty_screening);
  CHECK(s.removed_skipped_debates > 0);
  CHECK(s.withdrawn > 0);
  CHECK(outcomes[results::Outcome::lost] > 0);
  CHECK(outcomes[results::Outcome::nominated] > 0);
}

TEST_CASE("the funnel narrows stage by stage in every region", "[models]") {
  const Run r = run(testing::mini_2020(), 0);
  std::map<std::pair<results::RegionCode, results::OfficeCode>, std::vector<std::int64_t>> by_region;
  for (const auto& row : r.results.funnel) by_region[{row.region, row.office}].push_back(row.count);
  REQUIRE(by_region.size() == 3 * 2);
  for (const auto& [region, counts] : by_region) {
    // Rows come in funnel order, which puts conference (code 7) before selected (code 6).
    REQUIRE(counts.size() == results::funnel_order.size());
    CHECK(counts.front() > 0);
    for (std::size_t s = 1; s < counts.size(); ++s) CHECK(counts[s] <= counts[s - 1]);
  }
  CHECK(r.results.summary.front().on_ballot < r.results.summary.front().applicants);
  CHECK(r.results.summary.front().removed > 0);
}

TEST_CASE("an overloaded platform fails logins in the first hours and the policy extends voting",
          "[models]") {
  const Run r = run(testing::mini_2020(), 0);
  const auto& platform = r.results.platform;
  REQUIRE_FALSE(platform.empty());
  std::int64_t failures_first_day = 0;
  std::int64_t failures_later = 0;
  std::int64_t attempts = 0;
  for (const auto& row : platform) {
    attempts += row.attempts;
    (row.time < testing::day(275) ? failures_first_day : failures_later) += row.failures;
    CHECK(row.sessions <= 150);
  }
  CHECK(failures_first_day > 0);
  CHECK(failures_first_day > 3 * failures_later);
  CHECK(r.results.summary.front().extension_hours == 24.0);
  // The extended window reaches 4 Oct 14:00 (day 277), one row a minute.
  CHECK(platform.back().time == testing::day(277, 14) - sim::Duration::minutes(1));
  CHECK(r.results.summary.front().votes_online > 0);
  CHECK(r.results.summary.front().votes_paper > 0);
  CHECK(r.results.summary.front().votes ==
        r.results.summary.front().votes_online + r.results.summary.front().votes_paper);
  CHECK(r.results.summary.front().turnout > 0.3);
  CHECK(r.results.summary.front().turnout < 1.0);
}

TEST_CASE("a platform with room for everyone triggers no extension", "[models]") {
  auto scenario = testing::mini_2020();
  scenario.voting.channels[0].capacity = 100000;
  const Run r = run(scenario, 0);
  CHECK(r.results.summary.front().extension_hours == 0.0);
  std::int64_t failures = 0;
  for (const auto& row : r.results.platform) failures += row.failures;
  CHECK(failures == 0);
}

TEST_CASE("the list has 126 names, 49 of them the leadership's, and meets both quotas", "[models]") {
  for (std::uint32_t replicate = 0; replicate < 3; ++replicate) {
    const Run r = run(testing::mini_2020(), 0, replicate);
    const auto& list = r.results.list;
    REQUIRE(list.size() == 126);
    const auto leadership = std::count_if(list.begin(), list.end(), [](const auto& row) {
      return row.route == results::Route::leadership_quota;
    });
    // 30 branches x 3 winners give 90 nominees for the 77 primary places, so only quota
    // shortfalls can add leadership appointees beyond the 49 reserved places.
    CHECK(leadership >= 49);
    CHECK(leadership <= 49 + 10);
    const auto women = std::count_if(list.begin(), list.end(),
                                     [](const auto& row) { return row.gender == results::Gender::female; });
    const auto young = std::count_if(list.begin(), list.end(), [](const auto& row) { return row.age < 35; });
    CHECK(women >= 38);  // ceil(0.30 x 126)
    CHECK(young >= 26);  // ceil(0.20 x 126)
    for (std::size_t i = 0; i < list.size(); ++i) CHECK(list[i].position == i + 1);
  }
}

TEST_CASE("turnout rows are cumulative per region and end at the region's votes", "[models]") {
  const Run r = run(testing::mini_2020(), 0);
  std::map<results::RegionCode, std::int64_t> last;
  for (const auto& row : r.results.turnout) {
    CHECK(row.votes_cumulative >= last[row.region]);
    CHECK(row.votes_cumulative <= row.eligible);
    last[row.region] = row.votes_cumulative;
  }
  std::int64_t total = 0;
  for (const auto& [region, votes] : last) total += votes;
  CHECK(total == r.results.summary.front().votes);
}

TEST_CASE("the leadership's reserved places survive the quotas", "[models]") {
  auto scenario = testing::mini_2020();
  // Stricter quotas than the nominees' mix force swaps; the swaps take primary winners' places.
  scenario.selection.stages[1].rule.quotas = {{spec::QuotaGroup::women, 0.45, true},
                                              {spec::QuotaGroup::youth, 0.35, true}};
  scenario.selection.stages[0].rule.winners = 8;
  const Run r = run(scenario, 0);
  const auto& list = r.results.list;
  REQUIRE(list.size() == 126);
  const auto leadership = std::count_if(list.begin(), list.end(), [](const auto& row) {
    return row.route == results::Route::leadership_quota;
  });
  CHECK(leadership == 49);
  const auto women = std::count_if(list.begin(), list.end(),
                                   [](const auto& row) { return row.gender == results::Gender::female; });
  CHECK(women >= 57);  // ceil(0.45 x 126)
}

TEST_CASE("an all-voters selectorate draws from the registered voters, not the members", "[models]") {
  auto scenario = testing::mini_2020();
  scenario.selection.stages[0].selectorate.kind = spec::SelectorateKind::all_voters;
  scenario.selection.stages[0].selectorate.voters = 450000;
  const Run closed = run(testing::mini_2020(), 0);
  const Run open = run(scenario, 0);
  // Everyone generated is eligible but the fraudulent members voided by upheld complaints.
  CHECK(closed.results.summary.front().eligible + closed.results.summary.front().memberships_voided == 45000);
  CHECK(open.results.summary.front().eligible + open.results.summary.front().memberships_voided == 450000);
  // The 150-session platform caps how many of them get through, so only the direction is sure.
  CHECK(open.results.summary.front().votes > closed.results.summary.front().votes);
  // Candidates still come from the members: the same applications arrive.
  CHECK(open.results.summary.front().applicants == closed.results.summary.front().applicants);
}

TEST_CASE("incumbents are as many as the scenario says, and their weight in the choice decides how many lose",
          "[models]") {
  auto scenario = testing::mini_2020();
  const auto defeated_share = [](const results::ReplicateResults& r, std::size_t office) {
    const auto& d = r.democracy.at(office);
    return static_cast<double>(d.incumbents_defeated) / static_cast<double>(d.incumbents_running);
  };
  const Run plain = run(scenario, 0);
  // 100 sitting mäslihat deputies of whom 90% apply: about 90 incumbents among the applicants.
  std::int64_t incumbents = 0;
  for (const auto& c : plain.results.candidates) incumbents += c.office == 1 && c.incumbent ? 1 : 0;
  CHECK(incumbents > 70);
  CHECK(incumbents < 110);
  scenario.choice.incumbency_weight = 3.0;
  const Run favoured = run(scenario, 0);
  CHECK(defeated_share(favoured.results, 1) < defeated_share(plain.results, 1) - 0.2);
  // Turnover is measured against the sitting deputies, and is NaN when the scenario names none.
  CHECK(plain.results.democracy.at(1).turnover > 0.0);
  CHECK(plain.results.democracy.at(1).turnover < 1.0);
  CHECK(favoured.results.democracy.at(1).turnover < plain.results.democracy.at(1).turnover);
  scenario.candidacy.offices[1].incumbents = 0;
  CHECK(std::isnan(run(scenario, 0).results.democracy.at(1).turnover));
}
