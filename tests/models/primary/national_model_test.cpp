// The party centre's second stage and list: conferences confirm primary winners region by
// region, and the congress forms the list from those they confirmed.
#include <algorithm>
#include <map>
#include <memory>
#include <vector>

#include <catch2/catch.hpp>

#include "mini_scenario.hpp"
#include "primsim/models/primary/primary_events.hpp"
#include "primsim/models/primary/primary_replicate.hpp"
#include "primsim/sim/parallel_executor.hpp"
#include "primsim/sim/sequential_executor.hpp"

using namespace primsim;
using namespace primsim::models;
using results::Stage;

namespace {

// The mini scenario with a conferences phase between the vote and the congress, and a stage of
// regional conferences confirming `winners` Majilis nominees each (or `nominees` in all).
spec::ScenarioSpec with_conferences(std::int32_t winners, std::int32_t nominees = 0) {
  auto s = testing::mini_2020();
  const spec::TimeWindow window{testing::day(300), testing::day(310)};
  s.calendar.phases.insert(s.calendar.phases.end() - 1,
                           {"conferences", spec::PhaseKind::conferences, window});
  s.disruptions.suspensions[0].new_calendar.push_back({"conferences", window});
  spec::StageSpec conferences;
  conferences.name = "regional_conferences";
  conferences.method = spec::SelectionMethod::appoint;
  conferences.selectorate.kind = spec::SelectorateKind::delegates;
  conferences.selectorate.size = 100;
  conferences.rule.kind = spec::RuleKind::appointment;
  conferences.rule.winners = winners;
  conferences.level = spec::TerritorialLevel::region;
  conferences.offices = {"majilis"};
  conferences.phase = "conferences";
  conferences.nominees = nominees;
  s.selection.stages.insert(s.selection.stages.end() - 1, conferences);
  return s;
}

// Events the national LP handles, by type: their times.
class NationalEvents final : public sim::Observer {
 public:
  void on_event(const sim::Event& event) override {
    if (event.target == PrimaryWorld::national_lp()) times[event.type].push_back(event.time);
  }
  std::map<sim::EventType, std::vector<sim::SimTime>> times;
};

struct Outcome {
  results::ReplicateResults results;
  // Per region: Majilis candidates the conferences confirmed (listed or not), and list places
  // won through the primaries.
  std::vector<std::int64_t> confirmed;
  std::vector<std::int64_t> listed;
  std::map<sim::EventType, std::vector<sim::SimTime>> national_events;
};

Outcome run(const spec::ScenarioSpec& scenario, std::size_t threads = 0) {
  PrimaryReplicate replicate(scenario, 2020, 0);
  std::unique_ptr<sim::Executor> executor;
  if (threads == 0) {
    executor = std::make_unique<sim::SequentialExecutor>();
  } else {
    executor = std::make_unique<sim::ParallelExecutor>(threads);
  }
  NationalEvents events;
  Outcome out;
  out.results = replicate.run(*executor, &events);
  out.national_events = events.times;
  const auto regions = replicate.regions().size();
  out.confirmed.assign(regions, 0);
  out.listed.assign(regions, 0);
  for (const auto& c : out.results.candidates) {
    if (c.office == 0 && c.region < regions &&
        (c.reached == Stage::conference || c.reached == Stage::selected))
      ++out.confirmed[c.region];
  }
  for (const auto& row : out.results.list) {
    if (row.region < regions) ++out.listed[row.region];
  }
  return out;
}

}  // namespace

TEST_CASE("conferences that confirm two nominees each leave at most two per region on the list", "[models]") {
  const Outcome without = run(testing::mini_2020());
  const Outcome with = run(with_conferences(2));
  // Without conferences the 77 primary places go to the best of 90 branch winners: far more than
  // two per region.
  CHECK(*std::max_element(without.listed.begin(), without.listed.end()) > 2);
  for (std::size_t r = 0; r < with.listed.size(); ++r) {
    CHECK(with.confirmed[r] == 2);  // every region has more than two branch winners
    CHECK(with.listed[r] <= 2);
  }
  // The primaries can fill at most 6 of the 77 places: the rest stay empty, and the run says so.
  REQUIRE(with.results.list.size() == 49 + 6);
  const auto leadership =
      std::count_if(with.results.list.begin(), with.results.list.end(),
                    [](const auto& row) { return row.route == results::Route::leadership_quota; });
  CHECK(leadership == 49);
  REQUIRE(with.results.warnings.size() == 1);
  CHECK(with.results.warnings[0].kind == results::WarningKind::places_empty);
  CHECK(with.results.warnings[0].expected == 77);
  CHECK(with.results.warnings[0].found == 6);
  // A congress allowed to appoint fills them, and says so too.
  auto appointing = with_conferences(2);
  appointing.selection.stages.back().rule.quota_shortfall = spec::QuotaShortfall::appoint;
  const Outcome filled = run(appointing);
  CHECK(filled.results.list.size() == 126);
  REQUIRE(filled.results.warnings.size() == 1);
  CHECK(filled.results.warnings[0].kind == results::WarningKind::appointees_named);
}

TEST_CASE("conference nominees are apportioned among the regions by membership", "[models]") {
  // 10 nominees over 20,000, 15,000 and 10,000 members: quotas 4.44, 3.33 and 2.22 give 4, 3 and
  // 2, and the largest remainder the tenth to the first region.
  const Outcome out = run(with_conferences(0, 10));
  CHECK(out.confirmed == std::vector<std::int64_t>{5, 3, 2});
  // The funnel shows the stage: conference counts lie between shortlisted and selected.
  std::map<Stage, std::int64_t> national;
  for (const auto& row : out.results.funnel) national[row.stage] += row.count;
  CHECK(national[Stage::shortlisted] > national[Stage::conference]);
  CHECK(national[Stage::conference] >= national[Stage::selected]);
  CHECK(national[Stage::conference] - national[Stage::selected] ==
        10 - std::count_if(out.results.list.begin(), out.results.list.end(),
                           [](const auto& row) { return row.route != results::Route::leadership_quota; }));
}

TEST_CASE("conferences meet inside their phase, after the vote and before the list", "[models]") {
  const Outcome out = run(with_conferences(2));
  const auto& held = out.national_events.at(primary_events::kConference);
  REQUIRE(held.size() == 3);  // one per region
  for (const auto t : held) {
    CHECK(t >= testing::day(300));
    CHECK(t < testing::day(310));
  }
  const auto& list = out.national_events.at(primary_events::kFormList);
  CHECK(list.back() > *std::max_element(held.begin(), held.end()));
}

// A list of the 49 reserved places only, the 77 the primaries should fill left empty with a
// warning.
#define CHECK_LEADERSHIP_ONLY(out)                                                                     \
  do {                                                                                                 \
    REQUIRE((out).results.list.size() == 49);                                                          \
    REQUIRE((out).results.warnings.size() == 1);                                                       \
    CHECK((out).results.warnings[0].kind == results::WarningKind::places_empty);                       \
    CHECK(std::all_of((out).results.list.begin(), (out).results.list.end(),                            \
                      [](const auto& row) { return row.route == results::Route::leadership_quota; })); \
  } while (false)

TEST_CASE("a conference that vetoes every nominee leaves the list to the leadership's places", "[models]") {
  auto scenario = with_conferences(0);
  scenario.selection.stages[1].can_veto = true;
  scenario.selection.stages[1].veto_probability = 1.0;
  const Outcome out = run(scenario);
  CHECK_LEADERSHIP_ONLY(out);
  CHECK(out.confirmed == std::vector<std::int64_t>{0, 0, 0});
}

TEST_CASE("a conference that vetoes the nominees the leadership did not endorse strikes them alone",
          "[models]") {
  auto scenario = with_conferences(0);
  auto& conferences = scenario.selection.stages[1];
  conferences.can_veto = true;
  conferences.veto_probability = 1.0;
  conferences.veto_target = spec::VetoTarget::not_endorsed;
  const Outcome out = run(scenario);
  std::int64_t vetoed = 0;
  std::int64_t endorsed_nominees = 0;
  for (const auto& c : out.results.candidates) {
    if (c.office != 0 || c.reached < Stage::shortlisted || c.route == results::Route::leadership_quota)
      continue;
    // Every nominee the leadership did not endorse is struck and written as vetoed ...
    if (c.route != results::Route::party_branch) {
      CHECK(c.outcome == results::Outcome::vetoed);
      ++vetoed;
    } else {
      // ... and none it endorsed.
      CHECK(c.outcome != results::Outcome::vetoed);
      ++endorsed_nominees;
    }
  }
  CHECK(vetoed > 20);
  CHECK(endorsed_nominees > 5);
  CHECK(out.results.summary.front().vetoed == vetoed);
  // The primaries' places on the list all go to endorsed nominees.
  for (const auto& row : out.results.list) {
    CHECK((row.route == results::Route::party_branch || row.route == results::Route::leadership_quota));
  }
  // Without the veto nobody is struck.
  const Outcome plain = run(with_conferences(0));
  CHECK(plain.results.summary.front().vetoed == 0);
  CHECK(std::any_of(plain.results.list.begin(), plain.results.list.end(),
                    [](const auto& row) { return row.route == results::Route::self_nominated; }));
}

TEST_CASE("a congress that may veto counts whom it strikes", "[models]") {
  auto scenario = testing::mini_2020();
  scenario.selection.stages[1].can_veto = true;
  scenario.selection.stages[1].veto_probability = 1.0;
  scenario.selection.stages[1].veto_target = spec::VetoTarget::not_endorsed;
  const Outcome out = run(scenario);
  std::int64_t vetoed = 0;
  for (const auto& c : out.results.candidates) {
    if (c.outcome != results::Outcome::vetoed) continue;
    CHECK(c.route != results::Route::party_branch);
    ++vetoed;
  }
  CHECK(vetoed > 20);
  CHECK(out.results.summary.front().vetoed == vetoed);
}

TEST_CASE("conferences whose delegates vote confirm their allotment, identically on any thread count",
          "[models]") {
  auto scenario = with_conferences(2);
  auto& conferences = scenario.selection.stages[1];
  conferences.method = spec::SelectionMethod::vote;
  conferences.rule.kind = spec::RuleKind::plurality;
  conferences.channels = {"paper"};
  const Outcome sequential = run(scenario);
  CHECK(sequential.confirmed == std::vector<std::int64_t>{2, 2, 2});
  const Outcome parallel = run(scenario, 2);
  CHECK(parallel.confirmed == sequential.confirmed);
  CHECK(parallel.results.list == sequential.results.list);
  CHECK(parallel.results.funnel == sequential.results.funnel);
}

TEST_CASE("a congress that vetoes every nominee leaves the list to the leadership's places", "[models]") {
  auto scenario = testing::mini_2020();
  scenario.selection.stages[1].can_veto = true;
  scenario.selection.stages[1].veto_probability = 1.0;
  const Outcome out = run(scenario);
  CHECK_LEADERSHIP_ONLY(out);
  // Without the veto the primaries fill the 77 places left after the 49 reserved.
  const Outcome plain = run(testing::mini_2020());
  CHECK(std::count_if(plain.results.list.begin(), plain.results.list.end(),
                      [](const auto& row) { return row.route != results::Route::leadership_quota; }) > 60);
}

TEST_CASE("the centre's reserved places go where reserved_placement says", "[models]") {
  const auto routes_of = [](spec::ReservedPlacement placement, std::vector<std::int32_t> positions = {}) {
    auto scenario = testing::mini_2020();
    scenario.selection.stages[1].reserved_placement = placement;
    scenario.selection.stages[1].reserved_positions = std::move(positions);
    std::vector<bool> centre;
    for (const auto& row : run(scenario).results.list)
      centre.push_back(row.route == results::Route::leadership_quota);
    return centre;
  };
  const auto front = routes_of(spec::ReservedPlacement::front);
  REQUIRE(front.size() == 126);
  CHECK(std::all_of(front.begin(), front.begin() + 49, [](bool c) { return c; }));
  CHECK(std::none_of(front.begin() + 49, front.end(), [](bool c) { return c; }));
  const auto back = routes_of(spec::ReservedPlacement::back);
  CHECK(std::none_of(back.begin(), back.begin() + 77, [](bool c) { return c; }));
  // Every other place from the top, as a party might alternate its own people with the members'.
  std::vector<std::int32_t> odd;
  for (std::int32_t place = 1; place <= 97; place += 2) odd.push_back(place);
  const auto alternating = routes_of(spec::ReservedPlacement::explicit_, odd);
  for (std::size_t i = 0; i < 98; ++i) CHECK(alternating[i] == (i % 2 == 0));
  CHECK(std::count(alternating.begin(), alternating.end(), true) == 49);
  // Evenly: about one in 2.6 places, never a block.
  const auto even = routes_of(spec::ReservedPlacement::even);
  CHECK(std::count(even.begin(), even.begin() + 76, true) == 30);
}
