// The classroom page's JSON API over a small scenario: the controls it sends, a bad value answered
// with the scenario loader's own message (what `primsim run --set` prints), and a run compared
// with the unchanged scenario replicate by replicate.
#include "primsim/serve/classroom_api.hpp"

#include <chrono>
#include <string>
#include <thread>

#include <catch2/catch.hpp>

#include "primsim/scenarios/scenario_error.hpp"

using primsim::serve::ClassroomApi;
using primsim::serve::ClassroomSettings;

namespace {

const std::string scenario = std::string(PRIMSIM_SOURCE_DIR) + "/tests/serve/classroom.yaml";

ClassroomApi& api() {
  // One baseline run for every case: it is the slow part.
  static ClassroomApi instance(ClassroomSettings{.scenario = scenario, .replicates = 2, .threads = 2});
  return instance;
}

nlohmann::json control(const nlohmann::json& controls, const std::string& key) {
  for (const auto& c : controls) {
    if (c.at("key") == key) return c;
  }
  FAIL("no control " << key);
  return {};
}

}  // namespace

TEST_CASE("the scenario's controls carry its values, choices and --set key paths", "[serve]") {
  const auto reply = api().scenario();
  REQUIRE(reply.status == 200);
  const auto& controls = reply.body.at("controls");
  CHECK(control(controls, "selection.stages.members_vote.selectorate.kind").at("value") == "branch_members");
  const auto rule = control(controls, "selection.stages.members_vote.rule.kind");
  CHECK(rule.at("value") == "borda");
  CHECK(rule.at("options").size() == 10);  // every rule but appointment
  CHECK(control(controls, "selection.stages.conferences.rule.quotas[1].min_share").at("value") == "0.2");
  CHECK(control(controls, "voting.channels.online.capacity").at("value") == "2000");
  CHECK(control(controls, "candidacy.offices.majilis.places").at("value") == "8");
  CHECK(reply.body.at("unchanged").at("list").size() == 8);
  // The three regions, and the centre's appointees to the reserved places as a fourth category.
  const auto& regions = reply.body.at("unchanged").at("regions");
  REQUIRE(regions.size() == 4);
  CHECK(regions[0].at("name") == "Shymkent");
  CHECK(regions[0].at("membership") == Approx(5900.0 / 20000.0));
  CHECK(regions[3].at("name") == "party centre");
  CHECK(regions[3].at("membership") == 0.0);
  CHECK(reply.body.at("unchanged").at("age_bands").size() == 3);
}

TEST_CASE("a bad value gets the scenario loader's message, under its control", "[serve]") {
  std::string expected;
  try {
    primsim::scenarios::load_scenario(scenario, {"voting.channels.online.capacity=0"});
  } catch (const primsim::scenarios::ScenarioError& error) {
    expected = error.what();
  }
  REQUIRE_FALSE(expected.empty());
  const auto reply = api().submit(
      {{"values", {{"voting.channels.online.capacity", "0"}, {"candidacy.offices.majilis.places", "8"}}}});
  CHECK(reply.status == 400);
  CHECK(reply.body.at("message") == "primsim: " + expected);
  REQUIRE(reply.body.at("errors").size() == 1);
  CHECK(reply.body.at("errors")[0].at("key") == "voting.channels.online.capacity");
  CHECK(reply.body.at("errors")[0].at("message") == expected);

  // A choice valid alone but not with the rest of the scenario: the message names a key beside
  // the control (the size a delegates selectorate needs) and is shown under the control changed.
  const auto delegates =
      api().submit({{"values", {{"selection.stages.members_vote.selectorate.kind", "delegates"}}}});
  CHECK(delegates.status == 400);
  REQUIRE(delegates.body.at("errors").size() == 1);
  CHECK(delegates.body.at("errors")[0].at("key") == "selection.stages.members_vote.selectorate.kind");
  CHECK_THAT(delegates.body.at("errors")[0].at("message").get<std::string>(),
             Catch::Contains("selection.stages[0].selectorate.size: expected a positive size for a delegates "
                             "selectorate"));

  const auto unknown = api().submit({{"values", {{"membership.size", "5"}}}});
  CHECK(unknown.status == 400);
  CHECK(unknown.body.at("message") == "primsim: membership.size: not a control of this page");
}

TEST_CASE("a run's list and its paired difference from the unchanged scenario", "[serve]") {
  const auto submitted = api().submit({{"values", {{"candidacy.offices.majilis.places", "12"}}}});
  REQUIRE(submitted.status == 202);
  CHECK(submitted.body.at("command").get<std::string>().ends_with(
      "--replicates 2 --seed 2020 --set candidacy.offices.majilis.places=12"));
  const std::uint64_t id = submitted.body.at("job");
  nlohmann::json body;
  for (int i = 0; i < 6000; ++i) {
    body = api().job(id).body;
    if (body.at("state") != "queued" && body.at("state") != "running") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  REQUIRE(body.at("state") == "done");
  const auto& run = body.at("result").at("run");
  CHECK(run.at("list").size() == 12);
  CHECK(run.at("list")[0].at("position") == 1);
  CHECK_FALSE(run.at("list")[0].at("why").get<std::string>().empty());
  const auto& comparison = body.at("result").at("comparison");
  CHECK(comparison.at("method") == "paired");
  CHECK(api().job(999999).status == 404);
}
