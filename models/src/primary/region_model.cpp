// A region's side of the primary: the selectorate, turnout, voters' attempts and the contests; the
// candidates' pipeline and the complaints are pieces it owns.
#include "primsim/models/primary/region_model.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numeric>
#include <optional>
#include <span>

#include "primsim/models/members/member_generator.hpp"
#include "primsim/models/primary/first_attempt.hpp"
#include "primsim/models/primary/nominee_message.hpp"
#include "primsim/models/primary/primary_events.hpp"
#include "primsim/models/voting/online_platform.hpp"
#include "primsim/sim/lp_context.hpp"

namespace primsim::models {
namespace events = primary_events;
using results::RemovalReason;
using results::Stage;

namespace {

double logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }

// How deep into a ballot the stage's count looks. Plurality (and the list rules, which rank a
// party's candidates by plurality) reads only the top mark, unless a quota re-counts its group
// on its own, where a group member's place on the rest of the ballot decides. Every other rule
// may read the whole ballot.
std::size_t rule_reads_depth(const spec::RuleSpec& rule) {
  const bool top_mark_only = rule.kind == spec::RuleKind::plurality ||
                             rule.kind == spec::RuleKind::threshold || rule.kind == spec::RuleKind::dhondt;
  const bool separate_ranking = std::any_of(rule.quotas.begin(), rule.quotas.end(),
                                            [](const auto& quota) { return quota.separate_ranking; });
  return top_mark_only && !separate_ranking ? 1 : std::numeric_limits<std::size_t>::max();
}

}  // namespace

RegionModel::RegionModel(const PrimaryWorld& world, std::size_t region)
    : world_(world), region_(region), pipeline_(world, region), complaints_(world, region) {
  votes_.votes_by_channel.assign(world.channels().size(), 0);
  for (const auto& plan : world.channels())
    channel_close_.push_back(world.window_in_region(plan, region).end);
}

std::int64_t RegionVotes::votes() const {
  return std::accumulate(votes_by_channel.begin(), votes_by_channel.end(), std::int64_t{0});
}

void RegionModel::init(sim::LpContext& context) {
  const auto& scenario = world_.scenario();
  const auto nomination = world_.calendar().first_of(spec::PhaseKind::nomination);
  const sim::SimTime growth_until =
      nomination ? world_.calendar().phases()[*nomination].window.end : sim::SimTime::epoch();
  sim::RandomStream member_stream = context.random(region_, random_purposes::kMembers);
  const auto& groups = world_.selector_groups();
  const auto members_group =
      std::find_if(groups.begin(), groups.end(), [](const auto& g) { return g.is_members(); });
  const std::uint8_t member_group = members_group == groups.end()
                                        ? kNoSelectorGroup
                                        : static_cast<std::uint8_t>(members_group - groups.begin());
  const auto region = static_cast<std::uint16_t>(region_);
  const auto& region_spec = scenario.territory.regions[region_];
  const MemberGenerator members(scenario.membership, growth_until);
  members.generate(region, region_spec, world_.members_in(region_), member_stream, members_, member_group);
  // A suspension's members: lapsed ones leave the selectorate, new ones join over its span.
  const double change = world_.membership_change();
  const std::size_t on_roll = members_.size();
  if (change < 0.0) {
    for (std::size_t m = 0; m < on_roll; ++m) {
      if (member_stream.bernoulli(-change)) members_.set(m, kLapsed);
    }
  } else if (change > 0.0) {
    const auto joining = std::llround(static_cast<double>(world_.members_in(region_)) * change);
    members.generate_joining(region, region_spec, joining, world_.suspension_span(), member_stream, members_,
                             member_group);
  }
  // Selectors who are not members register from the epoch until the vote's phase opens, when
  // the selectorate is fixed.
  sim::SimTime vote_opens = world_.voting_span().start;
  if (world_.vote_stage()) {
    if (const auto phase = world_.phase_of(*world_.vote_stage()))
      vote_opens = world_.calendar().phases()[*phase].window.start;
  }
  const spec::TimeWindow registration{sim::SimTime::epoch(),
                                      std::max(sim::SimTime::epoch() + sim::Duration{1}, vote_opens)};
  for (std::size_t g = 0; g < groups.size(); ++g) {
    if (groups[g].is_members()) continue;
    MemberGenerator(groups[g].demography, growth_until)
        .generate_joining(region, region_spec, groups[g].per_region[region_], registration, member_stream,
                          members_, static_cast<std::uint8_t>(g));
  }
  votes_.eligible_by_group.assign(groups.size(), 0);
  votes_.votes_by_group.assign(groups.size(), 0);
  pipeline_.init(context);
  voting_stream_ = context.random(region_, random_purposes::kVoting);
  ballot_stream_ = context.random(region_, random_purposes::kBallots);
}

void RegionModel::handle(const sim::Event& event, sim::LpContext& context) {
  switch (event.type) {
    case events::kPhaseStart:
      on_phase_start(static_cast<std::size_t>(event.payload[0]), context);
      break;
    case events::kPhaseEnd:
      pipeline_.on_phase_end(static_cast<std::size_t>(event.payload[0]));
      break;
    case events::kApplication:
    case events::kScreening:
    case events::kRegistration:
    case events::kDebate:
    case events::kWithdrawal:
      pipeline_.handle(event, voting_open_, context);
      break;
    case events::kComplaint:
    case events::kComplaintReviewed:
    case events::kComplaintRuling:
      complaints_.handle(event, pipeline_, members_, voting_open_, context);
      break;
    case events::kVoteAttempt: {
      // A new day's arrival carries kNewDay beside the channel; a retry within the day does not.
      const auto channel = static_cast<std::size_t>(event.payload[1] & ~kNewDay);
      if ((event.payload[1] & kNewDay) != 0) {
        arrive(event.payload[0], channel, context);
      } else {
        attempt(event.payload[0], channel, context);
      }
      break;
    }
    case events::kFirstAttempts:
      start_first_attempts(context);
      break;
    case OnlinePlatform::kServed:
      cast_ballot(event.payload[0], *world_.online_channel(), context);
      break;
    case OnlinePlatform::kRejected:
      retry_or_give_up(event.payload[0], context);
      break;
    case events::kVotingExtended: {
      const auto channel = static_cast<std::size_t>(event.payload[0]);
      channel_close_[channel] = sim::SimTime{static_cast<std::int64_t>(event.payload[1])};
      schedule_tally(context);
      break;
    }
    case events::kTally:
      // A tally scheduled at a close that an extension later moved is stale.
      if (context.now() >= final_close() + context.lookahead() * 2) tally(context);
      break;
    default:
      break;
  }
}

void RegionModel::on_phase_start(std::size_t phase, sim::LpContext& context) {
  pipeline_.on_phase_start(phase, context);
  const auto& vote_stage = world_.vote_stage();
  if (vote_stage &&
      world_.scenario().selection.stages[*vote_stage].phase == world_.calendar().phases()[phase].name)
    open_voting(context);
}

std::size_t RegionModel::contest_unit(std::uint16_t branch, std::uint32_t ppo) const {
  switch (world_.scenario().selection.stages[*world_.vote_stage()].level) {
    case spec::TerritorialLevel::ppo:
      return ppo;
    case spec::TerritorialLevel::district:
      return branch;
    default:
      return 0;
  }
}

sim::SimTime RegionModel::final_close() const {
  sim::SimTime close = sim::SimTime::epoch();
  for (const auto& t : channel_close_) close = std::max(close, t);
  return close;
}

void RegionModel::form_contests() {
  const auto& stage = world_.scenario().selection.stages[*world_.vote_stage()];
  const auto& region_spec = world_.scenario().territory.regions[region_];
  const auto units = static_cast<std::size_t>(
      std::max(1, stage.level == spec::TerritorialLevel::ppo ? region_spec.ppos : region_spec.branches));
  contests_.clear();
  contests_of_unit_.assign(units, {});
  for (auto& c : pipeline_.candidates()) {
    if (!in_race(c) || c.reached < Stage::registered) continue;
    c.reached = Stage::on_ballot;
    const std::size_t unit_index = contest_unit(c.branch, c.ppo);
    auto& unit = contests_of_unit_[unit_index];
    const auto existing = std::find_if(unit.begin(), unit.end(),
                                       [&](std::size_t k) { return contests_[k].office == c.office; });
    std::size_t contest = contests_.size();
    if (existing != unit.end()) {
      contest = *existing;
    } else {
      unit.push_back(contest);
      contests_.push_back(Contest{c.office, unit_index, {}, rules::Profile(1), {}});
    }
    contests_[contest].candidates.push_back(c.id);
  }
  for (auto& contest : contests_) contest.ballots = rules::Profile(contest.candidates.size());
}

bool RegionModel::is_selector(std::size_t member, sim::SimTime vote_opens) {
  const auto& stage = world_.scenario().selection.stages[*world_.vote_stage()];
  const std::uint8_t group_index = members_.group(member);
  if (group_index == kNoSelectorGroup) return false;
  const SelectorGroup& group = world_.selector_groups()[group_index];
  if (members_.has(member, kVoided) || members_.has(member, kLapsed)) return false;
  const double registered = stage.selectorate.registered_share * group.registered_share;
  if (registered < 1.0 && !voting_stream_.bernoulli(registered)) return false;
  if (group.is_members()) return members_.joined_at(member) + stage.selectorate.min_tenure <= vote_opens;
  return members_.joined_at(member) < vote_opens - group.registration_cutoff;
}

void RegionModel::count_eligible(std::size_t member) {
  const auto& scenario = world_.scenario();
  ++votes_.eligible;
  ++votes_.eligible_by_group[members_.group(member)];
  if (members_.has(member, kFemale)) ++votes_.eligible_women;
  const auto band = members_.age_band(member);
  if (band < scenario.membership.age_bands.size() &&
      scenario.membership.age_bands[band].max_age < scenario.candidacy.youth_max_age) {
    ++votes_.eligible_under35;
  }
}

void RegionModel::open_voting(sim::LpContext& context) {
  const auto& scenario = world_.scenario();
  const auto& stage = scenario.selection.stages[*world_.vote_stage()];
  voting_open_ = true;
  rule_depth_ = rule_reads_depth(stage.rule);
  form_contests();
  prepare_choice_weights();
  estimate_closeness();

  const auto local_shift = scenario.territory.regions[region_].utc_offset - scenario.calendar.utc_offset;
  arrivals_.clear();
  for (const auto& plan : world_.channels()) {
    arrivals_.emplace_back(world_.window_in_region(plan, region_), world_.first_day_share(),
                           scenario.turnout.peak_hour, local_shift);
  }
  failure_by_band_.assign(scenario.membership.age_bands.size(), 0.0);
  if (const auto online = world_.online_channel()) {
    const auto& channel = scenario.voting.channels[world_.channels()[*online].spec_index];
    double regional = 0.0;
    for (const auto& failure : channel.failure_by_region) {
      if (failure.name == scenario.territory.regions[region_].name) regional = failure.probability;
    }
    for (std::size_t b = 0; b < failure_by_band_.size(); ++b) {
      double by_age = 0.0;
      for (const auto& failure : channel.failure_by_age) {
        if (scenario.membership.age_bands[b].name == failure.name) by_age = failure.probability;
      }
      failure_by_band_[b] = 1.0 - (1.0 - by_age) * (1.0 - regional);
    }
  }

  for (std::size_t m = 0; m < members_.size(); ++m) {
    if (!is_selector(m, context.now())) continue;
    count_eligible(m);
    if (members_.has(m, kFraudulent)) continue;
    const auto channel = channel_of(m);
    if (!channel) continue;
    if (!voting_stream_.bernoulli(logistic(turnout_utility(m, *channel, stage.selectorate.compulsory))))
      continue;
    const sim::SimTime at = std::max(context.now(), arrivals_[*channel].sample(voting_stream_));
    ++votes_.voters_intending;
    first_attempts_.push_back({at, static_cast<std::uint32_t>(m), static_cast<std::uint32_t>(*channel)});
  }
  sort_first_attempts(first_attempts_, context.now());
  // One pass of scattered reads here spares the voting days one for every attempt and ballot.
  voters_.reserve(first_attempts_.size());
  for (const FirstAttempt& first : first_attempts_) voters_.push_back(voter_of(first.member));
  next_first_attempt_ = 0;
  schedule_next_first_attempts(context);
  schedule_tally(context);
}

Voter RegionModel::voter_of(std::size_t member) const {
  Voter voter;
  voter.ppo = members_.ppo(member);
  voter.branch = members_.branch(member);
  voter.kind = static_cast<std::uint16_t>(4U * members_.group(member) +
                                          (members_.has(member, kEmployerDependent) ? 2U : 0U) +
                                          (members_.has(member, kFemale) ? 1U : 0U));
  voter.age_band = members_.age_band(member);
  return voter;
}

void RegionModel::schedule_tally(sim::LpContext& context) {
  // Replies to attempts made before the close arrive up to two lookaheads later (there and back).
  context.schedule(std::max(sim::Duration{0}, final_close() + context.lookahead() * 2 - context.now()),
                   events::kTally);
}

std::optional<std::size_t> RegionModel::channel_of(std::size_t member) const {
  // The first of the stage's channels open to the member and to the member's group.
  const auto& channels = world_.scenario().voting.channels;
  const SelectorGroup& group = world_.selector_groups()[members_.group(member)];
  const bool remote = members_.has(member, kRemoteSettlement);
  const bool online = members_.has(member, kOnlineAccess);
  for (std::size_t ch = 0; ch < world_.channels().size(); ++ch) {
    if (!world_.serves(world_.channels()[ch], region_)) continue;
    const auto& channel = channels[world_.channels()[ch].spec_index];
    if (!group.may_use(channel.name)) continue;
    const auto access = channel.access;
    if (access == spec::ChannelAccess::everyone || (access == spec::ChannelAccess::online_access && online) ||
        (access == spec::ChannelAccess::remote_settlements && remote) ||
        (access == spec::ChannelAccess::others && !online && !remote)) {
      return ch;
    }
  }
  return std::nullopt;
}

double RegionModel::turnout_utility(std::size_t member, std::size_t channel, bool compulsory) const {
  // The calculus of voting, R = pB - C + D (Riker and Ordeshook), with p the closeness of the
  // selector's contests and C the channel's, plus workplace mobilisation of dependent employees
  // (Frye, Reuter and Szakonyi) and the habit of those who voted last time.
  const auto& scenario = world_.scenario();
  const spec::TurnoutSpec& turnout = world_.selector_groups()[members_.group(member)].turnout;
  const double closeness = unit_closeness_[contest_unit(members_.branch(member), members_.ppo(member))];
  double utility = turnout.base() + closeness * turnout.benefit - turnout.cost + turnout.duty -
                   scenario.voting.channels[world_.channels()[channel].spec_index].cost;
  if (members_.has(member, kEmployerDependent)) utility += turnout.mobilisation;
  if (members_.has(member, kVotedLastCycle)) utility += turnout.habit;
  if (compulsory) utility += turnout.compulsory_bonus;
  for (const auto& region : scenario.turnout.by_region) {
    if (region.name == scenario.territory.regions[region_].name) utility += region.shift;
  }
  return utility;
}

void RegionModel::schedule_next_first_attempts(sim::LpContext& context) {
  if (next_first_attempt_ >= first_attempts_.size()) {
    first_attempts_ = {};  // every voter has tried: give the memory back
    return;
  }
  context.schedule(first_attempts_[next_first_attempt_].at - context.now(), events::kFirstAttempts);
}

void RegionModel::start_first_attempts(sim::LpContext& context) {
  while (next_first_attempt_ < first_attempts_.size() &&
         first_attempts_[next_first_attempt_].at <= context.now()) {
    const std::size_t slot = next_first_attempt_++;
    arrive(slot, first_attempts_[slot].channel, context);
  }
  schedule_next_first_attempts(context);
}

void RegionModel::index_candidates_by_ppo() {
  // Sorted by (PPO, contest, ballot position), so that a voter's same-PPO positions in a contest
  // come out in ballot order, the order in which the sampler sums their bonus.
  std::vector<std::array<std::uint32_t, 3>> entries;
  auto ppo_count = static_cast<std::uint32_t>(std::max(0, world_.scenario().territory.regions[region_].ppos));
  for (std::size_t k = 0; k < contests_.size(); ++k) {
    const auto& candidates = contests_[k].candidates;
    for (std::size_t position = 0; position < candidates.size(); ++position) {
      const std::uint32_t ppo = pipeline_.candidates()[candidates[position]].ppo;
      ppo_count = std::max(ppo_count, ppo + 1U);
      entries.push_back({ppo, static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(position)});
    }
  }
  std::sort(entries.begin(), entries.end());
  candidates_by_ppo_.clear();
  candidates_by_ppo_start_.assign(std::size_t{ppo_count} + 1U, 0);
  for (const auto& [ppo, contest, position] : entries) {
    ++candidates_by_ppo_start_[ppo + 1U];
    candidates_by_ppo_.push_back({contest, position});
  }
  std::partial_sum(candidates_by_ppo_start_.begin(), candidates_by_ppo_start_.end(),
                   candidates_by_ppo_start_.begin());
}

void RegionModel::prepare_choice_weights() {
  const auto& groups = world_.selector_groups();
  std::vector<double> utilities;
  local_factor_by_group_.clear();
  for (const auto& group : groups)
    local_factor_by_group_.push_back(std::exp(group.choice.local_affinity_weight));
  index_candidates_by_ppo();
  for (auto& contest : contests_) {
    contest.weights.assign(4 * groups.size(), {});
    for (std::size_t kind = 0; kind < contest.weights.size(); ++kind) {
      const spec::ChoiceSpec& choice = groups[kind / 4].choice;
      const bool dependent = (kind % 4) >= 2;
      const bool female = (kind % 2) == 1;
      utilities.clear();
      for (const auto id : contest.candidates) {
        const Candidate& c = pipeline_.candidates()[id];
        double u = choice.valence_weight * c.valence + choice.debate_weight * c.debate_signal;
        if (c.endorsed)
          u += choice.endorsement_weight * (dependent ? choice.dependent_endorsement_multiplier : 1.0);
        if ((c.gender == results::Gender::female) == female) u += choice.demographic_affinity_weight;
        if (c.incumbent) u += choice.incumbency_weight;
        utilities.push_back(u);
      }
      contest.weights[kind] = PreparedWeights::from_utilities(utilities);
    }
  }
}

std::size_t RegionModel::winners_of(const Contest& contest) const {
  const auto& rule = world_.scenario().selection.stages[*world_.vote_stage()].rule;
  const std::size_t running = contest.candidates.size();
  std::size_t winners =
      rule.winners > 0 ? std::min(running, static_cast<std::size_t>(rule.winners)) : running;
  if (const auto places = world_.contest_places(contest.office, region_, contest.unit))
    winners = std::min(running, static_cast<std::size_t>(*places));
  return winners;
}

void RegionModel::estimate_closeness() {
  // A contest is as close as its last winner and first loser are expected to be, in choice
  // probabilities of the first group's typical selector: 1 - (p_k - p_k+1) / (p_k + p_k+1).
  // ASSUMPTION: selectors perceive this expected margin (from the debates and word of mouth).
  unit_closeness_.assign(contests_of_unit_.size(), 0.0);
  std::vector<double> p;
  for (std::size_t u = 0; u < contests_of_unit_.size(); ++u) {
    for (const std::size_t k : contests_of_unit_[u]) {
      const Contest& contest = contests_[k];
      const std::size_t winners = winners_of(contest);
      if (winners == 0 || winners >= contest.candidates.size() || contest.weights.empty()) continue;
      const auto weights = contest.weights.front().weights();
      p.assign(weights.begin(), weights.end());
      const auto kth = p.begin() + static_cast<std::ptrdiff_t>(winners);
      std::nth_element(p.begin(), kth, p.end(), std::greater<>());
      const double first_loser = *kth;
      const double last_winner = *std::min_element(p.begin(), kth);
      const double sum = last_winner + first_loser;
      const double closeness = sum > 0.0 ? 1.0 - (last_winner - first_loser) / sum : 0.0;
      unit_closeness_[u] = std::max(unit_closeness_[u], closeness);
    }
  }
}

void RegionModel::arrive(std::uint64_t slot, std::size_t channel, sim::LpContext& context) {
  // After the tally voters_ is gone: tallied_ must be read first.
  if (tallied_ || voters_[slot].state != VoterState::trying) return;
  const auto& spec_channel = world_.scenario().voting.channels[world_.channels()[channel].spec_index];
  if (context.now() < channel_close_[channel] &&
      voting_stream_.bernoulli(spec_channel.postpone_probability)) {
    come_back_tomorrow(slot, channel, context);
    return;
  }
  attempt(slot, channel, context);
}

void RegionModel::come_back_tomorrow(std::uint64_t slot, std::size_t channel, sim::LpContext& context) {
  // When tomorrow is after the close and no extension came, the voter counts as pending at the
  // close; a fresh day brings fresh patience for retries.
  voters_[slot].attempts = 0;
  const sim::SimTime back = arrivals_[channel].next_day(context.now(), voting_stream_);
  context.schedule(back - context.now(), events::kVoteAttempt, {slot, channel | kNewDay});
}

void RegionModel::attempt(std::uint64_t slot, std::size_t channel, sim::LpContext& context) {
  if (tallied_ || voters_[slot].state != VoterState::trying) return;
  Voter& voter = voters_[slot];
  if (context.now() >= channel_close_[channel]) {
    // Still meaning to vote when the channel closed: a retry or a return came too late.
    voter.state = VoterState::closed_out;
    ++votes_.pending_at_close;
    return;
  }
  ++votes_.attempts;
  ++voter.attempts;
  const auto kind = world_.scenario().voting.channels[world_.channels()[channel].spec_index].kind;
  if (kind == spec::ChannelKind::online) {
    // Some attempts fail whatever the load (verification problems of older voters): the
    // platform counts them with its own failures.
    const auto band = voter.age_band;
    const bool fails = band < failure_by_band_.size() && failure_by_band_[band] > 0.0 &&
                       voting_stream_.bernoulli(failure_by_band_[band]);
    context.send(PrimaryWorld::national_lp(), context.lookahead(), OnlinePlatform::kAttempt,
                 {slot, fails ? OnlinePlatform::kFailsWhateverTheLoad : 0});
  } else {
    cast_ballot(slot, channel, context);
  }
}

void RegionModel::retry_or_give_up(std::uint64_t slot, sim::LpContext& context) {
  if (tallied_ || voters_[slot].state != VoterState::trying) return;
  const std::size_t channel = *world_.online_channel();
  const auto& spec_channel = world_.scenario().voting.channels[world_.channels()[channel].spec_index];
  const bool retries_left = voters_[slot].attempts <= spec_channel.max_retries;
  if (!retries_left || voting_stream_.bernoulli(spec_channel.abandon_probability)) {
    give_up_for_the_day(slot, channel, context);
    return;
  }
  const double backoff =
      voting_stream_.exponential(static_cast<double>(spec_channel.retry_backoff_mean.count()));
  context.schedule(sim::Duration{std::llround(backoff)}, events::kVoteAttempt, {slot, channel});
}

void RegionModel::give_up_for_the_day(std::uint64_t slot, std::size_t channel, sim::LpContext& context) {
  const auto& spec_channel = world_.scenario().voting.channels[world_.channels()[channel].spec_index];
  if (!voting_stream_.bernoulli(spec_channel.return_next_day)) {
    voters_[slot].state = VoterState::gave_up;
    ++votes_.gave_up;
    return;
  }
  come_back_tomorrow(slot, channel, context);
}

void RegionModel::cast_ballot(std::uint64_t slot, std::size_t channel, sim::LpContext& context) {
  if (tallied_ || voters_[slot].state != VoterState::trying) return;
  Voter& voter = voters_[slot];
  voter.state = VoterState::voted;
  ++votes_.votes_by_channel[channel];
  const std::uint8_t group = voter.group();
  ++votes_.votes_by_group[group];
  const auto interval = world_.scenario().output.turnout_interval.count();
  const auto bin = static_cast<std::size_t>(
      std::max<std::int64_t>(0, (context.now() - world_.voting_span().start).count()) /
      std::max<std::int64_t>(1, interval));
  if (votes_.votes_by_interval.size() <= bin) votes_.votes_by_interval.resize(bin + 1, 0);
  ++votes_.votes_by_interval[bin];
}

std::size_t RegionModel::ballot_depth(const spec::ChoiceSpec& choice, const Contest& contest) const {
  return std::min(rule_depth_, choice.ballot_depth > 0 ? static_cast<std::size_t>(choice.ballot_depth)
                                                       : contest.candidates.size());
}

void RegionModel::draw_ballots() {
  // A ballot depends on nothing that happens during the vote (the weights are fixed when it
  // opens), so the ballots are drawn at the count, unit by unit: a unit's contests (weights,
  // ballots) then stay in cache, where votes in the order they are cast scatter across them.
  std::vector<std::uint32_t> unit_start(contests_of_unit_.size() + 1, 0);
  for (const Voter& voter : voters_) {
    if (voter.state == VoterState::voted) ++unit_start[contest_unit(voter.branch, voter.ppo) + 1];
  }
  // Each contest's ballots are known in number now: room for them at once, not by doubling.
  for (std::size_t unit = 0; unit < contests_of_unit_.size(); ++unit) {
    for (const std::size_t k : contests_of_unit_[unit]) {
      Contest& contest = contests_[k];
      std::size_t deepest = 0;
      for (const auto& group : world_.selector_groups())
        deepest = std::max(deepest, ballot_depth(group.choice, contest));
      contest.ballots.reserve(unit_start[unit + 1], unit_start[unit + 1] * deepest);
    }
  }
  std::partial_sum(unit_start.begin(), unit_start.end(), unit_start.begin());
  std::vector<std::uint32_t> by_unit(unit_start.back());
  for (std::size_t slot = 0; slot < voters_.size(); ++slot) {
    const Voter& voter = voters_[slot];
    if (voter.state == VoterState::voted)
      by_unit[unit_start[contest_unit(voter.branch, voter.ppo)]++] = static_cast<std::uint32_t>(slot);
  }
  for (const std::uint32_t slot : by_unit) draw_ballot(voters_[slot]);
}

void RegionModel::draw_ballot(const Voter& voter) {
  const std::uint8_t group = voter.group();
  const spec::ChoiceSpec& choice = world_.selector_groups()[group].choice;
  const std::size_t kind = voter.kind;
  const std::uint32_t ppo = voter.ppo;
  const double local_factor = local_factor_by_group_[group];
  const std::span<const PpoCandidate> ppo_candidates =
      ppo + 1U < candidates_by_ppo_start_.size()
          ? std::span<const PpoCandidate>(candidates_by_ppo_.data() + candidates_by_ppo_start_[ppo],
                                          candidates_by_ppo_.data() + candidates_by_ppo_start_[ppo + 1U])
          : std::span<const PpoCandidate>();
  // One ballot per office contested in the member's unit, each ranking that contest's
  // candidates (a Plackett-Luce draw over their utilities) as deep as ballot_depth says.
  for (const std::size_t k : contests_of_unit_[contest_unit(voter.branch, ppo)]) {
    Contest& contest = contests_[k];
    same_ppo_.clear();
    for (const auto& entry : ppo_candidates) {
      if (entry.contest == k) same_ppo_.push_back(entry.position);
    }
    sampler_.sample_prepared(contest.weights[kind], same_ppo_, local_factor, ballot_stream_, ranking_,
                             ballot_depth(choice, contest));
    ballot_.assign(ranking_.begin(), ranking_.end());
    contest.ballots.add_ranking(ballot_);
  }
}

void RegionModel::tally(sim::LpContext& context) {
  if (tallied_ || !world_.vote_stage()) return;
  tallied_ = true;
  voting_open_ = false;
  for (const Voter& voter : voters_) {
    if (voter.state == VoterState::trying) ++votes_.pending_at_close;
  }
  draw_ballots();
  voters_ = {};  // nothing reads a voter after the count: give the memory back
  const auto& scenario = world_.scenario();
  const std::size_t stage = *world_.vote_stage();
  const auto& rule = scenario.selection.stages[stage].rule;
  for (std::size_t k = 0; k < contests_.size(); ++k) {
    const Contest& contest = contests_[k];
    const std::size_t running = contest.candidates.size();
    // An office filled by its contests takes its places there; the list office's contests send
    // rule.winners nominees each (0: all) to the party centre.
    std::size_t winners = winners_of(contest);
    if (rule.kind == spec::RuleKind::threshold) {
      // As in PASO, the threshold is on the party's share of every party's votes in the contest:
      // a party below it takes no place there, one above it keeps its best candidates. The
      // parties run apart, so the share is the party's support share (ASSUMPTION: each party
      // polls its support in every contest); a lone party always passes.
      const double party_share = scenario.parties.empty() ? 1.0 : scenario.parties.front().support_share;
      if (party_share < rule.threshold) winners = 0;
    }
    std::vector<rules::ListCandidate> groups;
    for (const auto id : contest.candidates) {
      const Candidate& c = pipeline_.candidates()[id];
      groups.push_back({id, c.gender == results::Gender::female, c.age < scenario.candidacy.youth_max_age,
                        rules::ListRoute::primary});
    }
    // Ties are drawn by lot from a stream keyed by the region and the contest.
    const auto tie_break = rules::TieBreak::by_lot(
        context.stream_key((std::uint64_t{region_} << 32U) | k, random_purposes::kContestTie));
    const ContestCount count = count_contest(contest.ballots, groups, rule, winners, tie_break,
                                             {static_cast<std::uint16_t>(stage), contest.office}, warnings_);
    for (std::size_t place = 0; place < running; ++place) {
      const auto position = count.order[place];
      Candidate& c = pipeline_.candidates()[contest.candidates[position]];
      c.contest = static_cast<std::uint32_t>(k + 1);
      c.contest_candidates = static_cast<std::uint32_t>(running);
      c.votes = count.votes[position];
      c.score = count.shares[position];
      c.contest_rank = static_cast<std::uint32_t>(place + 1);
    }
    if (count.winners > 0 && count.winners < running) {
      const Candidate& last = pipeline_.candidates()[contest.candidates[count.order[count.winners - 1]]];
      const Candidate& first_loser = pipeline_.candidates()[contest.candidates[count.order[count.winners]]];
      contest_margins_.push_back({contest.office, last.scaled_share() - first_loser.scaled_share(),
                                  static_cast<double>(running) / static_cast<double>(count.winners)});
    }
    settle(contest, count, context);
  }
}

void RegionModel::settle(const Contest& contest, const ContestCount& count, sim::LpContext& context) {
  const auto& offices = world_.scenario().candidacy.offices;
  const bool for_list = offices[contest.office].contest_level == spec::TerritorialLevel::national;
  for (std::size_t place = 0; place < count.order.size(); ++place) {
    Candidate& c = pipeline_.candidates()[contest.candidates[count.order[place]]];
    if (place >= count.winners) {
      c.outcome = CandidateOutcome::not_selected;
      continue;
    }
    c.reached = Stage::shortlisted;
    if (!for_list) {
      c.reached = Stage::selected;
      c.outcome = CandidateOutcome::selected;
      continue;
    }
    // A nominee for the list: the party centre merges it with the other contests' winners.
    NomineeMessage message;
    message.id = c.id;
    message.region = c.region;
    message.branch = c.branch;
    message.scaled_share = static_cast<float>(c.scaled_share());
    message.contest_rank = static_cast<std::uint16_t>(std::min<std::uint32_t>(c.contest_rank, 0xffff));
    message.age = c.age;
    message.set(c.gender == results::Gender::female, c.incumbent, c.route);
    context.send(PrimaryWorld::national_lp(), context.lookahead(), events::kNominee, message.encode());
  }
}

void RegionModel::finish(sim::LpContext& /*context*/) {
  // Every applicant ends in exactly one terminal state: candidates still in the race when the
  // run ends (no vote was held, or the horizon came first) did not make it.
  for (auto& c : pipeline_.candidates()) {
    if (c.outcome == CandidateOutcome::in_race && c.reached != Stage::shortlisted)
      c.outcome = CandidateOutcome::not_selected;
  }
}

}  // namespace primsim::models
