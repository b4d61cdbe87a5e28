// Scenarios with several parties: each party runs the whole process on its own streams, sized by
// its scale, and adding parties leaves the first party's results as a one-party run has them.
#include <catch2/catch.hpp>

#include "mini_scenario.hpp"
#include "primsim/models/primary/election_replicate.hpp"
#include "primsim/models/primary/party_scenario.hpp"
#include "primsim/sim/sequential_executor.hpp"

using namespace primsim;
using namespace primsim::models;

namespace {

results::ReplicateResults run(const spec::ScenarioSpec& scenario, std::uint32_t replicate = 0) {
  ElectionReplicate election(scenario, 2020, replicate);
  sim::SequentialExecutor executor;
  return election.run(executor);
}

template <class Row>
std::vector<Row> of_party(const std::vector<Row>& rows, results::PartyCode party) {
  std::vector<Row> kept;
  for (const Row& row : rows) {
    if (row.party == party) kept.push_back(row);
  }
  return kept;
}

spec::ScenarioSpec two_parties() {
  auto scenario = testing::mini_2020();
  scenario.parties = {{"ruling", 0.7, 1, 1.0}, {"opposition", 0.3, 1, 0.3 / 0.7}};
  return scenario;
}

}  // namespace

TEST_CASE("a party's scenario scales its members and applicants, and an open selectorate by its support",
          "[models][parties]") {
  auto scenario = two_parties();
  scenario.parties[1].scale = 0.5;
  const auto opposition = party_scenario(scenario, 1);
  CHECK(opposition.membership.size == 22500);
  CHECK(*opposition.territory.regions[0].members == 10000);
  CHECK(opposition.candidacy.expected_applications == 750);
  REQUIRE(opposition.parties.size() == 1);
  CHECK(opposition.parties[0].name == "opposition");

  scenario.selection.stages[0].selectorate.kind = spec::SelectorateKind::all_voters;
  scenario.selection.stages[0].selectorate.voters = 1000000;
  CHECK(party_scenario(scenario, 1).selection.stages[0].selectorate.voters == 300000);
  CHECK(party_scenario(scenario, 0).selection.stages[0].selectorate.voters == 700000);
  CHECK(party_scenario(scenario, 0).membership.size == 45000);
  CHECK(party_names(scenario) == std::vector<std::string>{"ruling", "opposition"});

  // Registered supporters scale with the party, as its members do; outside voters with its support.
  spec::SelectorGroupSpec supporters;
  supporters.name = "supporters";
  supporters.source = spec::SelectorSource::supporters;
  supporters.size = 30000;
  spec::SelectorGroupSpec voters;
  voters.name = "voters";
  voters.source = spec::SelectorSource::voters;
  voters.size = 100000;
  scenario.selection.stages[0].selectorate.groups = {supporters, voters};
  const auto groups = party_scenario(scenario, 1).selection.stages[0].selectorate.groups;
  CHECK(groups[0].size == 15000);
  CHECK(groups[1].size == 30000);
}

TEST_CASE("adding a party leaves the first party's results unchanged and runs the other on its own streams",
          "[models][parties]") {
  const auto alone = run(testing::mini_2020());
  const auto both = run(two_parties());
  REQUIRE(alone.summary.size() == 1);
  REQUIRE(both.summary.size() == 2);
  CHECK(both.summary[0].party == 0);
  CHECK(both.summary[1].party == 1);
  CHECK(both.democracy.size() == 2 * 2);  // per party and office

  // Party 0 draws what a one-party run draws: every row equal but for the vote share.
  auto first = both.summary[0];
  CHECK(first.vote_share < 1.0);
  first.vote_share = 1.0;
  CHECK(first == alone.summary[0]);
  CHECK(of_party(both.funnel, 0) == alone.funnel);
  CHECK(of_party(both.turnout, 0) == alone.turnout);
  CHECK(of_party(both.platform, 0) == alone.platform);
  CHECK(of_party(both.list, 0) == alone.list);
  CHECK(of_party(both.candidates, 0) == alone.candidates);
  CHECK(of_party(both.warnings, 0) == alone.warnings);

  // The opposition is 3/7 of the ruling party's size and has its own rows everywhere.
  const auto& ruling = both.summary[0];
  const auto& opposition = both.summary[1];
  const double members_ratio = static_cast<double>(opposition.eligible + opposition.memberships_voided) /
                               static_cast<double>(ruling.eligible + ruling.memberships_voided);
  CHECK(members_ratio == Approx(0.3 / 0.7).epsilon(0.01));
  const double applicants_ratio =
      static_cast<double>(opposition.applicants) / static_cast<double>(ruling.applicants);
  CHECK(applicants_ratio == Approx(0.3 / 0.7).epsilon(0.15));
  CHECK_FALSE(of_party(both.funnel, 1).empty());
  CHECK_FALSE(of_party(both.turnout, 1).empty());
  CHECK_FALSE(of_party(both.list, 1).empty());
  CHECK(of_party(both.list, 1) != of_party(both.list, 0));
  CHECK(ruling.vote_share + opposition.vote_share == Approx(1.0));
  CHECK(ruling.vote_share ==
        Approx(static_cast<double>(ruling.votes) / static_cast<double>(ruling.votes + opposition.votes)));

  // The same replicate again is the same draw, party by party.
  CHECK(run(two_parties()).summary == both.summary);
}

TEST_CASE("a threshold keeps a party's winners when its share of every party's votes reaches it",
          "[models][parties]") {
  auto scenario = two_parties();
  auto& vote = scenario.selection.stages[0];
  vote.rule.kind = spec::RuleKind::threshold;
  vote.rule.winners = 1;
  vote.rule.threshold = 0.1;
  scenario.parties = {{"ruling", 0.92, 1, 1.0}, {"splinter", 0.08, 1, 1.0}};
  const auto results = run(scenario);
  REQUIRE(results.summary.size() == 2);
  // The splinter party has candidates on the ballot but 8% of every party's votes: no place.
  CHECK(results.summary[1].on_ballot > 0);
  CHECK(results.summary[1].selected == 0);
  // Above the threshold the party's best candidate takes each contest, whatever his or her own
  // share: exactly what plurality with one winner gives.
  vote.rule.kind = spec::RuleKind::plurality;
  const auto plurality = run(scenario);
  CHECK(results.summary[0].selected > 0);
  CHECK(results.summary[0].selected == plurality.summary[0].selected);
  CHECK(of_party(results.list, 0) == of_party(plurality.list, 0));
}
