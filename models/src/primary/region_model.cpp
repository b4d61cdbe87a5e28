// A region's side of the primary: applications, screening, debates, complaints and the vote.
#include "primsim/models/primary/region_model.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <optional>

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/poisson.hpp>

#include "primsim/models/members/member_generator.hpp"
#include "primsim/models/primary/nominee_message.hpp"
#include "primsim/models/primary/primary_events.hpp"
#include "primsim/models/voting/online_platform.hpp"
#include "primsim/sim/lp_context.hpp"

namespace primsim::models {
namespace events = primary_events;
using results::RemovalReason;
using results::Stage;

namespace {

// Strictly inside (0, 1), for quantile functions that are infinite at the ends.
double open_unit(sim::RandomStream& stream) { return stream.uniform_positive() * (1.0 - 0x1.0p-54); }

double normal_draw(sim::RandomStream& stream, double sd) {
  if (sd <= 0) return 0.0;
  return boost::math::quantile(boost::math::normal(0.0, sd), open_unit(stream));
}

std::int64_t poisson_draw(sim::RandomStream& stream, double mean) {
  if (mean <= 0) return 0;
  return static_cast<std::int64_t>(boost::math::quantile(boost::math::poisson(mean), open_unit(stream)));
}

double share_of(const spec::OfficeSpec& office) { return office.application_share; }
template <typename Item>
double share_of(const Item& item) {
  return item.share;
}

template <typename Items>
std::size_t pick_by_share(const Items& items, sim::RandomStream& stream) {
  double total = 0;
  for (const auto& item : items) total += share_of(item);
  double u = stream.uniform() * total;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (u < share_of(items[i])) return i;
    u -= share_of(items[i]);
  }
  return items.empty() ? 0 : items.size() - 1;
}

results::Route route_from_name(const std::string& name) {
  if (name.find("self") != std::string::npos) return results::Route::self_nominated;
  if (name.find("ppo") != std::string::npos || name.find("branch") != std::string::npos ||
      name.find("party") != std::string::npos) {
    return results::Route::party_branch;
  }
  return results::Route::public_association;
}

bool in_race(const Candidate& c) { return c.outcome == CandidateOutcome::in_race; }

void remove(Candidate& c, RemovalReason reason, sim::SimTime at) {
  c.outcome = CandidateOutcome::removed;
  c.removal_reason = reason;
  c.removed_at = at;
}

double logistic(double x) { return 1.0 / (1.0 + std::exp(-x)); }

}  // namespace

RegionModel::RegionModel(const PrimaryWorld& world, std::size_t region) : world_(world), region_(region) {
  votes_.votes_by_channel.assign(world.channels().size(), 0);
  for (const auto& plan : world.channels())
    channel_close_.push_back(world.window_in_region(plan, region).end);
}

void RegionModel::init(sim::LpContext& context) {
  const auto& scenario = world_.scenario();
  const auto nomination = world_.calendar().first_of(spec::PhaseKind::nomination);
  const sim::SimTime growth_until =
      nomination ? world_.calendar().phases()[*nomination].window.end : sim::SimTime::epoch();
  sim::RandomStream member_stream = context.random(region_, random_purposes::kMembers);
  MemberGenerator(scenario.membership, growth_until)
      .generate(static_cast<std::uint16_t>(region_), scenario.territory.regions[region_],
                world_.members_in(region_), member_stream, members_);
  voter_state_.assign(members_.size(), VoterState::idle);
  voter_attempts_.assign(members_.size(), 0);
  candidate_stream_ = context.random(region_, random_purposes::kCandidates);
  voting_stream_ = context.random(region_, random_purposes::kVoting);
}

void RegionModel::handle(const sim::Event& event, sim::LpContext& context) {
  switch (event.type) {
    case events::kPhaseStart:
      on_phase_start(static_cast<std::size_t>(event.payload[0]), context);
      break;
    case events::kPhaseEnd:
      on_phase_end(static_cast<std::size_t>(event.payload[0]), context);
      break;
    case events::kApplication:
      add_candidate(context);
      break;
    case events::kScreening:
      screen(candidates_[event.payload[0]], context);
      break;
    case events::kRegistration:
      register_candidate(candidates_[event.payload[0]], context);
      break;
    case events::kDebate:
      debate(candidates_[event.payload[0]], context);
      break;
    case events::kWithdrawal:
      withdraw(candidates_[event.payload[0]], context);
      break;
    case events::kComplaint:
      file_complaint(candidates_[event.payload[0]], event.payload[1] != 0, context);
      break;
    case events::kComplaintReviewed:
      // Decided inside the region: by the region's own committee or a branch or PPO below it.
      decide_complaint(static_cast<std::size_t>(event.payload[0]),
                       candidate_stream_.bernoulli(world_.scenario().candidacy.complaints.upheld_probability),
                       context);
      break;
    case events::kComplaintRuling:
      decide_complaint(static_cast<std::size_t>(event.payload[0]), event.payload[1] != 0, context);
      break;
    case events::kVoteAttempt:
      attempt(event.payload[0], static_cast<std::size_t>(event.payload[1]), context);
      break;
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
      context.schedule(final_close() - context.now(), events::kTally);
      break;
    }
    case events::kTally:
      // A tally scheduled at a close that an extension later moved is stale.
      if (context.now() >= final_close()) tally(context);
      break;
    default:
      break;
  }
}

void RegionModel::on_phase_start(std::size_t phase, sim::LpContext& context) {
  const auto& spec_phase = world_.calendar().phases()[phase];
  if (spec_phase.kind == spec::PhaseKind::nomination) schedule_applications(phase, context);
  if (spec_phase.kind == spec::PhaseKind::screening) {
    screening_until_ = spec_phase.window.end;
    for (const auto& c : candidates_) {
      if (in_race(c) && c.reached == Stage::nominated)
        schedule_within(*screening_until_, events::kScreening, c, context);
    }
  }
  if (spec_phase.kind == spec::PhaseKind::debates) {
    debates_until_ = spec_phase.window.end;
    for (const auto& c : candidates_) {
      if (in_race(c) && c.reached == Stage::registered)
        schedule_within(*debates_until_, events::kDebate, c, context);
    }
  }
  const auto& vote_stage = world_.vote_stage();
  if (vote_stage && world_.scenario().selection.stages[*vote_stage].phase == spec_phase.name)
    open_voting(context);
}

void RegionModel::on_phase_end(std::size_t phase, sim::LpContext& /*context*/) {
  const auto kind = world_.calendar().phases()[phase].kind;
  if (kind == spec::PhaseKind::screening) {
    screening_until_.reset();
    screening_over_ = true;
  }
  if (kind == spec::PhaseKind::debates) debates_until_.reset();
}

void RegionModel::schedule_applications(std::size_t phase, sim::LpContext& context) {
  const auto& scenario = world_.scenario();
  const auto& window = world_.calendar().phases()[phase].window;
  const double region_share = world_.total_members() > 0 ? static_cast<double>(world_.members_in(region_)) /
                                                               static_cast<double>(world_.total_members())
                                                         : 0.0;
  const std::int64_t count = poisson_draw(
      candidate_stream_, static_cast<double>(scenario.candidacy.expected_applications) * region_share);
  // Pieces of the arrival profile are written against the phase as scheduled; a rescheduled
  // phase keeps their offsets from its start.
  const auto& scheduled = scenario.calendar.phases;
  const auto original = std::find_if(scheduled.begin(), scheduled.end(), [&](const auto& p) {
    return p.name == world_.calendar().phases()[phase].name;
  });
  const sim::Duration shift = window.start - original->window.start;
  const auto& profile = scenario.candidacy.arrival_profile;
  for (std::int64_t i = 0; i < count; ++i) {
    spec::TimeWindow piece = window;
    if (!profile.empty()) {
      const auto& chosen = profile[pick_by_share(profile, candidate_stream_)].window;
      piece = {chosen.start + shift, chosen.end + shift};
    }
    const auto offset =
        static_cast<std::int64_t>(candidate_stream_.uniform() * static_cast<double>(piece.length().count()));
    const sim::SimTime at = piece.start + sim::Duration{offset};
    context.schedule(std::max(sim::Duration{0}, at - context.now()), events::kApplication);
  }
}

void RegionModel::add_candidate(sim::LpContext& context) {
  const auto& candidacy = world_.scenario().candidacy;
  const auto& region_spec = world_.scenario().territory.regions[region_];
  Candidate c;
  c.id = static_cast<std::uint32_t>(candidates_.size());
  c.region = static_cast<std::uint16_t>(region_);
  c.ppo = static_cast<std::uint32_t>(
      candidate_stream_.uniform_index(static_cast<std::uint64_t>(std::max(1, region_spec.ppos))));
  c.branch =
      static_cast<std::uint16_t>(c.ppo % static_cast<std::uint32_t>(std::max(1, region_spec.branches)));
  c.office = static_cast<std::uint8_t>(pick_by_share(candidacy.offices, candidate_stream_));
  c.route = candidacy.routes.empty()
                ? results::Route::self_nominated
                : route_from_name(candidacy.routes[pick_by_share(candidacy.routes, candidate_stream_)].name);
  c.gender =
      candidate_stream_.bernoulli(candidacy.women_share) ? results::Gender::female : results::Gender::male;
  const std::int32_t min_age = candidacy.offices.empty() ? 18 : candidacy.offices[c.office].min_age;
  const bool young = candidate_stream_.bernoulli(candidacy.youth_share) && min_age < candidacy.youth_max_age;
  const std::int32_t low = young ? min_age : std::max(min_age, candidacy.youth_max_age);
  const std::int32_t high = young ? candidacy.youth_max_age - 1 : 70;
  c.age = static_cast<std::uint8_t>(low + static_cast<std::int32_t>(candidate_stream_.uniform_index(
                                              static_cast<std::uint64_t>(std::max(1, high - low + 1)))));
  c.incumbent = candidate_stream_.bernoulli(incumbent_probability(c.office));
  // The leadership backs the candidates that party organisations put forward: a modelling
  // assumption in the absence of published endorsement figures.
  c.endorsed = c.route == results::Route::party_branch;
  c.valence = normal_draw(candidate_stream_, candidacy.valence_sd);
  c.applied_at = context.now();
  candidates_.push_back(c);
  // Screened within the screening phase; at once when the calendar has none or it is over, and
  // when the phase starts for those who applied before it.
  const bool screening_ahead =
      !screening_until_ && world_.calendar().first_of(spec::PhaseKind::screening) && !screening_over_;
  if (!screening_ahead) {
    schedule_within(screening_until_.value_or(context.now()), events::kScreening, candidates_.back(),
                    context);
  }
}

double RegionModel::incumbent_probability(std::size_t office) const {
  // The office's sitting deputies who run again, spread over its expected applicants: each
  // applicant is one of them with this probability, so their expected number is the scenario's.
  const auto& candidacy = world_.scenario().candidacy;
  if (office >= candidacy.offices.size()) return 0.0;
  const auto& spec_office = candidacy.offices[office];
  const double applicants =
      static_cast<double>(candidacy.expected_applications) * spec_office.application_share;
  if (applicants <= 0) return 0.0;
  return std::min(1.0,
                  static_cast<double>(spec_office.incumbents) * candidacy.incumbents_running / applicants);
}

void RegionModel::schedule_within(sim::SimTime end, sim::EventType type, const Candidate& c,
                                  sim::LpContext& context) {
  const std::int64_t span = std::max<std::int64_t>(0, (end - context.now()).count());
  const auto offset = static_cast<std::int64_t>(candidate_stream_.uniform() * static_cast<double>(span));
  context.schedule(sim::Duration{offset}, type, {c.id, 0});
}

std::optional<sim::SimTime> RegionModel::vote_opens() const {
  if (!world_.vote_stage()) return std::nullopt;
  const auto& phase_name = world_.scenario().selection.stages[*world_.vote_stage()].phase;
  sim::SimTime opens = world_.voting_span().start;
  for (const auto& phase : world_.calendar().phases()) {
    if (phase.name == phase_name) opens = std::min(opens, phase.window.start);
  }
  return opens;
}

void RegionModel::screen(Candidate& c, sim::LpContext& context) {
  if (!in_race(c) || c.reached != Stage::nominated) return;
  if (candidate_stream_.bernoulli(world_.scenario().candidacy.eligibility.ineligible_share)) {
    remove(c, RemovalReason::ineligible, context.now());
    return;
  }
  c.reached = Stage::eligible;
  schedule_within(screening_until_.value_or(context.now()), events::kRegistration, c, context);
}

void RegionModel::register_candidate(Candidate& c, sim::LpContext& context) {
  const auto& candidacy = world_.scenario().candidacy;
  if (!in_race(c) || c.reached != Stage::eligible) return;
  if (candidate_stream_.bernoulli(candidacy.eligibility.faulty_registration_share)) {
    remove(c, RemovalReason::registration_error, context.now());
    return;
  }
  c.reached = Stage::registered;
  if (debates_until_) schedule_within(*debates_until_, events::kDebate, c, context);
  const auto opens = vote_opens();
  if (!opens || *opens <= context.now()) return;
  if (candidate_stream_.bernoulli(candidacy.withdrawal_probability))
    schedule_within(*opens, events::kWithdrawal, c, context);
  // Complaints are filed so that their ruling is in before the vote opens; one routed to the
  // centre also travels there and back, a lookahead each way.
  const auto& complaints = candidacy.complaints;
  sim::SimTime last = *opens - complaints.review_time;
  if (complaints.decided_at == spec::TerritorialLevel::national) last = last - context.lookahead() * 2;
  if (last <= context.now()) return;
  const std::int64_t count = poisson_draw(candidate_stream_, complaints.rate);
  for (std::int64_t i = 0; i < count; ++i) {
    const bool against_membership = candidate_stream_.bernoulli(complaints.membership_fraud_share);
    const auto offset = static_cast<std::int64_t>(candidate_stream_.uniform() *
                                                  static_cast<double>((last - context.now()).count()));
    context.schedule(sim::Duration{offset}, events::kComplaint, {c.id, against_membership ? 1U : 0U});
  }
}

void RegionModel::debate(Candidate& c, sim::LpContext& context) {
  if (!in_race(c) || c.reached != Stage::registered) return;
  if (candidate_stream_.bernoulli(world_.scenario().candidacy.debate_skip_probability)) {
    remove(c, RemovalReason::skipped_debates, context.now());
    return;
  }
  c.reached = Stage::debated;
  c.debate_signal = normal_draw(candidate_stream_, 1.0);
}

void RegionModel::withdraw(Candidate& c, sim::LpContext& context) {
  if (in_race(c) && !voting_open_) remove(c, RemovalReason::withdrew, context.now());
}

void RegionModel::file_complaint(const Candidate& c, bool against_membership, sim::LpContext& context) {
  ++votes_.complaints;
  const Territory& territory = world_.territory();
  Complaint complaint;
  complaint.candidate = c.id;
  complaint.ppo = c.ppo;
  complaint.against_membership = against_membership;
  complaint.filed_at = context.now();
  complaint.decided_by =
      territory.route_up(territory.ppo(region_, c.ppo), world_.scenario().candidacy.complaints.decided_at);
  const std::size_t index = complaints_.size();
  complaints_.push_back(complaint);
  if (territory.node(complaint.decided_by).level == spec::TerritorialLevel::national) {
    context.send(PrimaryWorld::national_lp(), context.lookahead(), events::kComplaintToCentre,
                 {(std::uint64_t{region_} << 32U) | index, 0});
  } else {
    context.schedule(world_.scenario().candidacy.complaints.review_time, events::kComplaintReviewed,
                     {index, 0});
  }
}

void RegionModel::decide_complaint(std::size_t index, bool upheld, sim::LpContext& context) {
  Complaint& complaint = complaints_[index];
  complaint.decided = true;
  complaint.decided_at = context.now();
  complaint.upheld = upheld;
  if (!upheld) return;
  if (complaint.against_membership) {
    complaint.memberships_voided = void_memberships(complaint.ppo);
    return;
  }
  Candidate& c = candidates_[complaint.candidate];
  if (in_race(c) && !voting_open_) {
    remove(c, RemovalReason::complaint_upheld, context.now());
    complaint.removed_candidate = true;
  }
}

std::int64_t RegionModel::void_memberships(std::uint32_t ppo) {
  std::int64_t voided = 0;
  for (std::size_t m = 0; m < members_.size(); ++m) {
    if (members_.ppo(m) != ppo || !members_.has(m, kFraudulent) || members_.has(m, kVoided)) continue;
    members_.set(m, kVoided);
    ++voided;
  }
  return voided;
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

void RegionModel::open_voting(sim::LpContext& context) {
  const auto& scenario = world_.scenario();
  const auto& stage = scenario.selection.stages[*world_.vote_stage()];
  voting_open_ = true;
  const auto& region_spec = scenario.territory.regions[region_];
  const auto units = static_cast<std::size_t>(
      std::max(1, stage.level == spec::TerritorialLevel::ppo ? region_spec.ppos : region_spec.branches));
  contests_.clear();
  contests_of_unit_.assign(units, {});
  for (auto& c : candidates_) {
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
      contests_.push_back(Contest{c.office, unit_index, {}, rules::Profile(1), {}, {}});
    }
    contests_[contest].candidates.push_back(c.id);
  }
  for (auto& contest : contests_) contest.ballots = rules::Profile(contest.candidates.size());

  const std::int32_t youth_max = scenario.candidacy.youth_max_age;
  for (std::size_t m = 0; m < members_.size(); ++m) {
    if (stage.selectorate.registered_share < 1.0 &&
        !voting_stream_.bernoulli(stage.selectorate.registered_share))
      continue;
    if (members_.joined_at(m) + stage.selectorate.min_tenure > context.now()) continue;
    if (members_.has(m, kVoided)) continue;
    ++votes_.eligible;
    if (members_.has(m, kFemale)) ++votes_.eligible_women;
    const auto band = members_.age_band(m);
    if (band < scenario.membership.age_bands.size() &&
        scenario.membership.age_bands[band].max_age < youth_max) {
      ++votes_.eligible_under35;
    }
    if (members_.has(m, kFraudulent)) continue;
    const auto channel = channel_of(m);
    if (!channel) continue;
    if (!voting_stream_.bernoulli(logistic(turnout_utility(m, stage.selectorate.compulsory)))) continue;
    const auto window = world_.window_in_region(world_.channels()[*channel], region_);
    const sim::SimTime at = std::max(context.now(), first_attempt_time(window));
    voter_state_[m] = VoterState::trying;
    first_attempts_.push_back({at, static_cast<std::uint32_t>(m), static_cast<std::uint32_t>(*channel)});
  }
  std::sort(first_attempts_.begin(), first_attempts_.end(), [](const FirstAttempt& a, const FirstAttempt& b) {
    return a.at < b.at || (a.at == b.at && a.member < b.member);
  });
  next_first_attempt_ = 0;
  schedule_next_first_attempts(context);
  prepare_choice_weights();
  context.schedule(std::max(sim::Duration{0}, final_close() - context.now()), events::kTally);
}

std::optional<std::size_t> RegionModel::channel_of(std::size_t member) const {
  // The first of the stage's channels open to the member.
  const auto& channels = world_.scenario().voting.channels;
  const bool remote = members_.has(member, kRemoteSettlement);
  const bool online = members_.has(member, kOnlineAccess);
  for (std::size_t ch = 0; ch < world_.channels().size(); ++ch) {
    if (!world_.serves(world_.channels()[ch], region_)) continue;
    const auto access = channels[world_.channels()[ch].spec_index].access;
    if (access == spec::ChannelAccess::everyone || (access == spec::ChannelAccess::online_access && online) ||
        (access == spec::ChannelAccess::remote_settlements && remote) ||
        (access == spec::ChannelAccess::others && !online && !remote)) {
      return ch;
    }
  }
  return std::nullopt;
}

double RegionModel::turnout_utility(std::size_t member, bool compulsory) const {
  // The calculus of voting, R = pB - C + D (Riker and Ordeshook), plus workplace mobilisation of
  // dependent employees (Frye, Reuter and Szakonyi) and habit.
  const auto& turnout = world_.scenario().turnout;
  double utility = turnout.base_logit + turnout.benefit - turnout.cost + turnout.duty;
  if (members_.has(member, kEmployerDependent)) utility += turnout.mobilisation;
  // Habit: members who were in the party before this cycle have taken part in its life
  // before; those who joined during it have not.
  if (members_.joined_at(member) <= sim::SimTime::epoch()) utility += turnout.habit;
  if (compulsory) utility += 4.0;
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
    const FirstAttempt& first = first_attempts_[next_first_attempt_++];
    attempt(first.member, first.channel, context);
  }
  schedule_next_first_attempts(context);
}

void RegionModel::prepare_choice_weights() {
  const auto& choice = world_.scenario().choice;
  std::vector<double> utilities;
  for (auto& contest : contests_) {
    contest.ppos.clear();
    for (const auto id : contest.candidates) contest.ppos.push_back(candidates_[id].ppo);
    for (std::size_t kind = 0; kind < contest.weights.size(); ++kind) {
      const bool dependent = kind >= 2;
      const bool female = (kind % 2) == 1;
      utilities.clear();
      for (const auto id : contest.candidates) {
        const Candidate& c = candidates_[id];
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

sim::SimTime RegionModel::first_attempt_time(const spec::TimeWindow& window) {
  const auto& turnout = world_.scenario().turnout;
  const std::int64_t length = window.length().count();
  constexpr std::int64_t kDay = 86400;
  if (length <= kDay) {
    return window.start +
           sim::Duration{static_cast<std::int64_t>(voting_stream_.uniform() * static_cast<double>(length))};
  }
  // The day: the first with first_day_share, otherwise one of the rest uniformly.
  std::int64_t day_start = 0;
  std::int64_t day_length = kDay;
  if (!voting_stream_.bernoulli(turnout.first_day_share)) {
    day_start = kDay;
    day_length = length - kDay;
  }
  // Within it, hours near the peak hour are likelier: a rate that falls off as a Gaussian of
  // the distance from the peak, with a floor for the night (rejection sampling on the hour).
  const std::int64_t local_shift =
      (world_.scenario().territory.regions[region_].utc_offset - world_.scenario().calendar.utc_offset)
          .count();
  for (int tries = 0; tries < 64; ++tries) {
    const auto offset =
        day_start + static_cast<std::int64_t>(voting_stream_.uniform() * static_cast<double>(day_length));
    const sim::SimTime t = window.start + sim::Duration{offset};
    const std::int64_t local_seconds = t.seconds_since_epoch() + local_shift;
    const double hour = static_cast<double>(((local_seconds % kDay) + kDay) % kDay) / 3600.0;
    double distance = std::abs(hour - turnout.peak_hour);
    distance = std::min(distance, 24.0 - distance);
    const double rate = 0.15 + std::exp(-0.5 * (distance / 3.0) * (distance / 3.0));
    if (voting_stream_.uniform() * 1.15 < rate) return t;
  }
  return window.start + sim::Duration{day_start};
}

void RegionModel::attempt(std::uint64_t member, std::size_t channel, sim::LpContext& context) {
  if (voter_state_[member] != VoterState::trying) return;
  if (context.now() >= channel_close_[channel]) {
    voter_state_[member] = VoterState::gave_up;
    ++votes_.abandoned;
    return;
  }
  ++votes_.attempts;
  ++voter_attempts_[member];
  const auto kind = world_.scenario().voting.channels[world_.channels()[channel].spec_index].kind;
  if (kind == spec::ChannelKind::online) {
    context.send(PrimaryWorld::national_lp(), context.lookahead(), OnlinePlatform::kAttempt, {member, 0});
  } else {
    cast_ballot(member, channel, context);
  }
}

void RegionModel::retry_or_give_up(std::uint64_t member, sim::LpContext& context) {
  const std::size_t channel = *world_.online_channel();
  const auto& spec_channel = world_.scenario().voting.channels[world_.channels()[channel].spec_index];
  const bool retries_left = voter_attempts_[member] <= spec_channel.max_retries;
  if (!retries_left || voting_stream_.bernoulli(spec_channel.abandon_probability)) {
    voter_state_[member] = VoterState::gave_up;
    ++votes_.abandoned;
    return;
  }
  const double backoff =
      voting_stream_.exponential(static_cast<double>(spec_channel.retry_backoff_mean.count()));
  context.schedule(sim::Duration{std::llround(backoff)}, events::kVoteAttempt, {member, channel});
}

void RegionModel::cast_ballot(std::uint64_t member, std::size_t channel, sim::LpContext& context) {
  if (voter_state_[member] != VoterState::trying || tallied_) return;
  voter_state_[member] = VoterState::voted;
  ++votes_.votes_by_channel[channel];
  const auto interval = world_.scenario().output.turnout_interval.count();
  const auto bin = static_cast<std::size_t>(
      std::max<std::int64_t>(0, (context.now() - world_.voting_span().start).count()) /
      std::max<std::int64_t>(1, interval));
  if (votes_.votes_by_interval.size() <= bin) votes_.votes_by_interval.resize(bin + 1, 0);
  ++votes_.votes_by_interval[bin];

  const auto& choice = world_.scenario().choice;
  const std::size_t kind =
      (members_.has(member, kEmployerDependent) ? 2U : 0U) + (members_.has(member, kFemale) ? 1U : 0U);
  const std::uint32_t ppo = members_.ppo(member);
  const double local_factor = std::exp(choice.local_affinity_weight);
  // One ballot per office contested in the member's unit, each ranking that contest's
  // candidates (a Plackett-Luce draw over their utilities) to the ballot depth.
  for (const std::size_t k : contests_of_unit_[contest_unit(members_.branch(member), members_.ppo(member))]) {
    Contest& contest = contests_[k];
    same_ppo_.clear();
    for (std::size_t i = 0; i < contest.ppos.size(); ++i) {
      if (contest.ppos[i] == ppo) same_ppo_.push_back(static_cast<std::uint32_t>(i));
    }
    const std::size_t depth =
        choice.ballot_depth > 0 ? static_cast<std::size_t>(choice.ballot_depth) : contest.candidates.size();
    sampler_.sample_prepared(contest.weights[kind], same_ppo_, local_factor, voting_stream_, ranking_, depth);
    ballot_.assign(ranking_.begin(), ranking_.end());
    contest.ballots.add_ranking(ballot_);
  }
}

void RegionModel::tally(sim::LpContext& context) {
  if (tallied_ || !world_.vote_stage()) return;
  tallied_ = true;
  voting_open_ = false;
  const auto& scenario = world_.scenario();
  const std::size_t stage = *world_.vote_stage();
  const auto& rule = scenario.selection.stages[stage].rule;
  for (std::size_t k = 0; k < contests_.size(); ++k) {
    const Contest& contest = contests_[k];
    const std::size_t running = contest.candidates.size();
    // An office filled by its contests takes its places there; the list office's contests send
    // rule.winners nominees each (0: all) to the party centre.
    std::size_t winners =
        rule.winners > 0 ? std::min(running, static_cast<std::size_t>(rule.winners)) : running;
    if (const auto places = world_.contest_places(contest.office, region_, contest.unit))
      winners = std::min(running, static_cast<std::size_t>(*places));
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
      const Candidate& c = candidates_[id];
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
      Candidate& c = candidates_[contest.candidates[position]];
      c.contest = static_cast<std::uint32_t>(k + 1);
      c.contest_candidates = static_cast<std::uint32_t>(running);
      c.votes = count.votes[position];
      c.score = count.shares[position];
      c.contest_rank = static_cast<std::uint32_t>(place + 1);
    }
    if (count.winners > 0 && count.winners < running) {
      const Candidate& last = candidates_[contest.candidates[count.order[count.winners - 1]]];
      const Candidate& first_loser = candidates_[contest.candidates[count.order[count.winners]]];
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
    Candidate& c = candidates_[contest.candidates[count.order[place]]];
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
  for (auto& c : candidates_) {
    if (c.outcome == CandidateOutcome::in_race && c.reached != Stage::shortlisted)
      c.outcome = CandidateOutcome::not_selected;
  }
}

}  // namespace primsim::models
