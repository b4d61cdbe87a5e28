// A small 2020-like scenario built in code (three regions, 45,000 members): a suspension and a
// new calendar, online voting with an overloaded platform and paper ballots, a congress with
// leadership places and quotas.
#pragma once

#include "primsim/models/spec/scenario_spec.hpp"

namespace primsim::models::testing {

inline sim::SimTime day(std::int64_t d, std::int64_t hour = 0) {
  return sim::SimTime{d * 86400 + hour * 3600};
}

// Days count from 1 Jan 2020 (day 0): 30 Mar is day 89, 4 Jun day 155, 17 Aug day 229,
// 1 Oct day 274, 25 Nov day 329.
inline spec::ScenarioSpec mini_2020() {
  using namespace spec;
  ScenarioSpec s;
  s.name = "mini_2020";
  s.parties.push_back({"party", 1.0, 1, 1.0});
  s.calendar.epoch_iso = "2020-01-01T00:00:00";
  s.calendar.utc_offset = sim::Duration::hours(6);
  s.calendar.horizon = day(335);
  s.calendar.phases = {
      {"nomination", PhaseKind::nomination, {day(89), day(100)}},
      {"screening", PhaseKind::screening, {day(100), day(103)}},
      {"debates", PhaseKind::debates, {day(110), day(125)}},
      {"voting", PhaseKind::voting, {day(130), day(133)}},
      {"congress", PhaseKind::congress, {day(329), day(330)}},
  };
  s.disruptions.suspensions.push_back({"covid",
                                       day(95),
                                       day(155),
                                       {{"nomination", {day(229), day(240)}},
                                        {"screening", {day(240), day(243)}},
                                        {"debates", {day(257), day(273)}},
                                        {"voting", {day(274), day(277)}},
                                        {"congress", {day(329), day(330)}}},
                                       0.0,
                                       {},
                                       std::nullopt});
  s.territory.regions = {
      {"north", 1000, 20000, 12, 60, 30, 0.10, sim::Duration::hours(6)},
      {"south", 900, 15000, 10, 40, 20, 0.15, sim::Duration::hours(6)},
      {"west", 600, 10000, 8, 30, 10, 0.20, sim::Duration::hours(5)},
  };
  s.membership.size = 45000;
  s.membership.women_share = 0.5;
  s.membership.age_bands = {{"18-34", 18, 34, 0.3}, {"35+", 35, 99, 0.7}};
  s.membership.employer_dependent_share = 0.4;
  s.membership.online_access_share = 0.95;
  s.membership.fraudulent_share = 0.02;

  auto& c = s.candidacy;
  c.offices = {{"majilis", TerritorialLevel::national, 25, 126, 0.3, 50},
               {"maslihat", TerritorialLevel::district, 20, 60, 0.7, 100}};
  c.routes = {{"self", 0.7}, {"ppo", 0.3}};
  c.eligibility.ineligible_share = 0.03;
  c.eligibility.faulty_registration_share = 0.01;
  c.expected_applications = 1500;
  c.nomination_phase = "nomination";
  c.arrival_profile = {{{day(89), day(90)}, 0.3}, {{day(90), day(98)}, 0.4}, {{day(98), day(100)}, 0.3}};
  c.women_share = 0.37;
  c.youth_share = 0.29;
  c.incumbents_running = 0.9;
  c.debate_skip_probability = 0.01;
  // About 5% of the registered withdraw over the 31 days from registration to the vote.
  c.withdrawal.rate_per_week = 0.0116;
  c.complaints.rate = 0.02;
  c.complaints.membership_fraud_share = 0.2;
  c.complaints.decided_at = TerritorialLevel::region;
  c.complaints.upheld_probability = 0.3;

  StageSpec vote;
  vote.name = "members_vote";
  vote.method = SelectionMethod::vote;
  vote.selectorate.kind = SelectorateKind::branch_members;
  vote.rule.kind = RuleKind::borda;
  vote.rule.winners = 3;
  vote.level = TerritorialLevel::district;
  vote.phase = "voting";
  vote.channels = {"paper", "online"};
  StageSpec congress;
  congress.name = "congress";
  congress.method = SelectionMethod::appoint;
  congress.selectorate.kind = SelectorateKind::delegates;
  congress.rule.kind = RuleKind::appointment;
  congress.level = TerritorialLevel::national;
  congress.phase = "congress";
  congress.reserved_places = 49;
  congress.rule.quotas = {{QuotaGroup::women, 0.30, true}, {QuotaGroup::youth, 0.20, true}};
  s.selection.stages = {vote, congress};

  ChannelSpec online;
  online.name = "online";
  online.kind = ChannelKind::online;
  online.access = ChannelAccess::online_access;
  online.window = {day(130), day(132, 14)};  // against the voting phase as first scheduled
  online.capacity = 150;
  online.mean_session = sim::Duration::minutes(10);
  online.retry_backoff_mean = sim::Duration::minutes(20);
  online.max_retries = 6;
  online.abandon_probability = 0.05;
  ChannelSpec paper;
  paper.name = "paper";
  paper.kind = ChannelKind::paper;
  paper.access = ChannelAccess::remote_settlements;
  paper.window = {day(132, 8), day(132, 14)};
  paper.regional_local_time = true;
  paper.capacity = 100;
  s.voting.channels = {online, paper};
  s.voting.extension = {true, "online", 0.10, 0, sim::Duration::hours(6), sim::Duration::hours(24), 1};

  s.turnout.base_logit = 1.0;
  s.turnout.mobilisation = 1.5;
  s.turnout.first_day_share = 0.6;
  s.turnout.peak_hour = 10;
  s.choice.valence_weight = 1.0;
  s.choice.debate_weight = 0.3;
  s.choice.endorsement_weight = 0.5;
  s.choice.dependent_endorsement_multiplier = 2.0;
  s.choice.local_affinity_weight = 0.5;
  s.choice.ballot_depth = 5;
  s.ensemble.lookahead = sim::Duration::hours(1);
  s.ensemble.seed = 2020;
  return s;
}

}  // namespace primsim::models::testing
