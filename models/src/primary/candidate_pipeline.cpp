// A region's candidates from application to the ballot: arrivals, screening, registration,
// debates and withdrawals, each an event at its own time.
#include "primsim/models/primary/candidate_pipeline.hpp"

#include <algorithm>
#include <cmath>

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/poisson.hpp>

#include "primsim/models/primary/primary_events.hpp"
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

// The highest minimum share any selection stage sets for a group (0 with none).
double highest_quota(const spec::SelectionSpec& selection, spec::QuotaGroup group) {
  double highest = 0.0;
  for (const auto& stage : selection.stages) {
    for (const auto& quota : stage.rule.quotas) {
      if (quota.group == group) highest = std::max(highest, quota.min_share);
    }
  }
  return highest;
}

// Norris and Lovenduski's supply responding to demand: a quota above the one the share was
// observed under shifts the log-odds of entry by quota_response per unit of quota share.
double entry_share(double share, double quota, std::optional<double> reference, double response) {
  if (share <= 0.0 || share >= 1.0 || response == 0.0) return share;
  const double shift = response * (quota - reference.value_or(quota));
  return 1.0 / (1.0 + std::exp(-(std::log(share / (1.0 - share)) + shift)));
}

}  // namespace

CandidatePipeline::CandidatePipeline(const PrimaryWorld& world, std::size_t region)
    : world_(world), region_(region) {
  const auto& scenario = world_.scenario();
  const auto& entry = scenario.candidacy.entry;
  women_share_ =
      entry_share(scenario.candidacy.women_share, highest_quota(scenario.selection, spec::QuotaGroup::women),
                  entry.reference_women_quota, entry.quota_response);
  youth_share_ =
      entry_share(scenario.candidacy.youth_share, highest_quota(scenario.selection, spec::QuotaGroup::youth),
                  entry.reference_youth_quota, entry.quota_response);
}

void CandidatePipeline::init(sim::LpContext& context) {
  stream_ = context.random(region_, random_purposes::kCandidates);
}

void CandidatePipeline::on_phase_start(std::size_t phase, sim::LpContext& context) {
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
}

void CandidatePipeline::on_phase_end(std::size_t phase) {
  const auto kind = world_.calendar().phases()[phase].kind;
  if (kind == spec::PhaseKind::screening) {
    screening_until_.reset();
    screening_over_ = true;
  }
  if (kind == spec::PhaseKind::debates) debates_until_.reset();
}

bool CandidatePipeline::handle(const sim::Event& event, bool voting_open, sim::LpContext& context) {
  switch (event.type) {
    case events::kApplication:
      add_candidate(event.payload[0] == 1, context);
      return true;
    case events::kScreening:
      screen(candidates_[event.payload[0]], context);
      return true;
    case events::kRegistration:
      register_candidate(candidates_[event.payload[0]], context);
      return true;
    case events::kDebate:
      debate(candidates_[event.payload[0]], context);
      return true;
    case events::kWithdrawal:
      if (event.payload[1] == 0) {
        decide_withdrawal(candidates_[event.payload[0]], voting_open, context);
      } else {
        withdraw(candidates_[event.payload[0]], voting_open, context);
      }
      return true;
    default:
      return false;
  }
}

void CandidatePipeline::schedule_applications(std::size_t phase, sim::LpContext& context) {
  const auto& scenario = world_.scenario();
  const auto& window = world_.calendar().phases()[phase].window;
  const double region_share = world_.total_members() > 0 ? static_cast<double>(world_.members_in(region_)) /
                                                               static_cast<double>(world_.total_members())
                                                         : 0.0;
  // Open primaries draw outsiders: non-members who may run apply besides the members.
  const auto& vote = world_.vote_stage();
  const auto& eligibility = scenario.candidacy.eligibility;
  const bool open = vote &&
                    scenario.selection.stages[*vote].selectorate.kind == spec::SelectorateKind::all_voters &&
                    (!eligibility.members_only || eligibility.non_members_may_join);
  const double outsiders = open ? scenario.candidacy.entry.outsider_applications : 0.0;
  const std::int64_t count =
      poisson_draw(stream_, static_cast<double>(scenario.candidacy.expected_applications) * region_share *
                                (1.0 + outsiders));
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
      const auto& chosen = profile[pick_by_share(profile, stream_)].window;
      piece = {chosen.start + shift, chosen.end + shift};
    }
    const auto offset =
        static_cast<std::int64_t>(stream_.uniform() * static_cast<double>(piece.length().count()));
    const sim::SimTime at = piece.start + sim::Duration{offset};
    const bool outsider = outsiders > 0.0 && stream_.bernoulli(outsiders / (1.0 + outsiders));
    context.schedule(std::max(sim::Duration{0}, at - context.now()), events::kApplication,
                     {outsider ? 1U : 0U, 0});
  }
}

void CandidatePipeline::add_candidate(bool outsider, sim::LpContext& context) {
  const auto& candidacy = world_.scenario().candidacy;
  const auto& region_spec = world_.scenario().territory.regions[region_];
  Candidate c;
  c.id = static_cast<std::uint32_t>(candidates_.size());
  c.region = static_cast<std::uint16_t>(region_);
  c.ppo = static_cast<std::uint32_t>(
      stream_.uniform_index(static_cast<std::uint64_t>(std::max(1, region_spec.ppos))));
  c.branch =
      static_cast<std::uint16_t>(c.ppo % static_cast<std::uint32_t>(std::max(1, region_spec.branches)));
  c.office = static_cast<std::uint8_t>(pick_by_share(candidacy.offices, stream_));
  c.route = candidacy.routes.empty() || outsider
                ? results::Route::self_nominated
                : route_from_name(candidacy.routes[pick_by_share(candidacy.routes, stream_)].name);
  c.gender = stream_.bernoulli(women_share_) ? results::Gender::female : results::Gender::male;
  const std::int32_t min_age = candidacy.offices.empty() ? 18 : candidacy.offices[c.office].min_age;
  const bool young = stream_.bernoulli(youth_share_) && min_age < candidacy.youth_max_age;
  const std::int32_t low = young ? min_age : std::max(min_age, candidacy.youth_max_age);
  const std::int32_t high = young ? candidacy.youth_max_age - 1 : 70;
  c.age = static_cast<std::uint8_t>(low + static_cast<std::int32_t>(stream_.uniform_index(
                                              static_cast<std::uint64_t>(std::max(1, high - low + 1)))));
  c.incumbent = !outsider && stream_.bernoulli(incumbent_probability(c.office));
  // The leadership backs the candidates that party organisations put forward: a modelling
  // assumption in the absence of published endorsement figures.
  c.endorsed = c.route == results::Route::party_branch;
  c.valence = normal_draw(stream_, candidacy.valence_sd);
  // Drawn only for the leadership's screening, the one mechanism that reads it.
  if (candidacy.loyalty_screening.enabled) c.loyalty = stream_.uniform();
  c.applied_at = context.now();
  if (deterred(c)) return;
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

bool CandidatePipeline::deterred(const Candidate& c) {
  const double deterrence = world_.scenario().candidacy.entry.deterrence;
  if (deterrence <= 0.0 || !world_.vote_stage()) return false;
  const std::uint64_t key = contest_key(c);
  if (c.incumbent || c.endorsed) {
    guarded_contests_.insert(key);
    return false;
  }
  return guarded_contests_.contains(key) && stream_.bernoulli(deterrence);
}

std::uint64_t CandidatePipeline::contest_key(const Candidate& c) const {
  // As RegionModel::open_voting forms the contests.
  std::uint64_t unit = 0;
  if (world_.vote_stage()) {
    switch (world_.scenario().selection.stages[*world_.vote_stage()].level) {
      case spec::TerritorialLevel::ppo:
        unit = c.ppo;
        break;
      case spec::TerritorialLevel::district:
        unit = c.branch;
        break;
      default:
        break;
    }
  }
  return (std::uint64_t{c.office} << 32U) | unit;
}

double CandidatePipeline::prospect(const Candidate& c) const {
  const auto& choice = world_.scenario().choice;
  return choice.valence_weight * c.valence + (c.endorsed ? choice.endorsement_weight : 0.0) +
         (c.incumbent ? choice.incumbency_weight : 0.0);
}

double CandidatePipeline::incumbent_probability(std::size_t office) const {
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

void CandidatePipeline::schedule_within(sim::SimTime end, sim::EventType type, const Candidate& c,
                                        sim::LpContext& context) {
  const std::int64_t span = std::max<std::int64_t>(0, (end - context.now()).count());
  const auto offset = static_cast<std::int64_t>(stream_.uniform() * static_cast<double>(span));
  context.schedule(sim::Duration{offset}, type, {c.id, 0});
}

std::optional<sim::SimTime> CandidatePipeline::registrations_close() const {
  const auto& calendar = world_.calendar();
  auto phase = calendar.first_of(spec::PhaseKind::screening);
  if (!phase) phase = calendar.first_of(spec::PhaseKind::nomination);
  if (!phase) return std::nullopt;
  return calendar.phases()[*phase].window.end;
}

std::optional<sim::SimTime> CandidatePipeline::vote_opens() const {
  if (!world_.vote_stage()) return std::nullopt;
  const auto& phase_name = world_.scenario().selection.stages[*world_.vote_stage()].phase;
  sim::SimTime opens = world_.voting_span().start;
  for (const auto& phase : world_.calendar().phases()) {
    if (phase.name == phase_name) opens = std::min(opens, phase.window.start);
  }
  return opens;
}

void CandidatePipeline::screen(Candidate& c, sim::LpContext& context) {
  if (!in_race(c) || c.reached != Stage::nominated) return;
  const auto& loyalty = world_.scenario().candidacy.loyalty_screening;
  if (loyalty.enabled && !c.endorsed && c.loyalty < loyalty.threshold &&
      stream_.bernoulli(loyalty.removal_probability)) {
    remove(c, RemovalReason::loyalty_screening, context.now());
    return;
  }
  if (stream_.bernoulli(world_.scenario().candidacy.eligibility.ineligible_share)) {
    remove(c, RemovalReason::ineligible, context.now());
    return;
  }
  c.reached = Stage::eligible;
  schedule_within(screening_until_.value_or(context.now()), events::kRegistration, c, context);
}

void CandidatePipeline::register_candidate(Candidate& c, sim::LpContext& context) {
  const auto& candidacy = world_.scenario().candidacy;
  if (!in_race(c) || c.reached != Stage::eligible) return;
  if (stream_.bernoulli(candidacy.eligibility.faulty_registration_share)) {
    remove(c, RemovalReason::registration_error, context.now());
    return;
  }
  c.reached = Stage::registered;
  if (debates_until_) schedule_within(*debates_until_, events::kDebate, c, context);
  const auto opens = vote_opens();
  if (!opens || *opens <= context.now()) return;
  // The withdrawal hazard is decided once the contest's rivals are known: when registrations close.
  const sim::SimTime decide_at = std::max(context.now(), registrations_close().value_or(context.now()));
  if (candidacy.withdrawal.rate_per_week > 0.0 && decide_at < *opens)
    context.schedule(decide_at - context.now(), events::kWithdrawal, {c.id, 0});
  // Complaints are filed so that their ruling is in before the vote opens; one routed to the
  // centre also travels there and back, a lookahead each way.
  const auto& complaints = candidacy.complaints;
  sim::SimTime last = *opens - complaints.review_time;
  if (complaints.decided_at == spec::TerritorialLevel::national) last = last - context.lookahead() * 2;
  if (last <= context.now()) return;
  const std::int64_t count = poisson_draw(stream_, complaints.rate);
  for (std::int64_t i = 0; i < count; ++i) {
    const bool against_membership = stream_.bernoulli(complaints.membership_fraud_share);
    const auto offset =
        static_cast<std::int64_t>(stream_.uniform() * static_cast<double>((last - context.now()).count()));
    context.schedule(sim::Duration{offset}, events::kComplaint, {c.id, against_membership ? 1U : 0U});
  }
}

void CandidatePipeline::debate(Candidate& c, sim::LpContext& context) {
  if (!in_race(c) || c.reached != Stage::registered) return;
  if (stream_.bernoulli(world_.scenario().candidacy.debate_skip_probability)) {
    remove(c, RemovalReason::skipped_debates, context.now());
    return;
  }
  c.reached = Stage::debated;
  c.debate_signal = normal_draw(stream_, 1.0);
}

void CandidatePipeline::decide_withdrawal(Candidate& c, bool voting_open, sim::LpContext& context) {
  if (!in_race(c) || c.reached < Stage::registered || voting_open) return;
  const auto opens = vote_opens();
  if (!opens || *opens <= context.now()) return;
  const auto& withdrawal = world_.scenario().candidacy.withdrawal;
  const std::uint64_t key = contest_key(c);
  const double own = prospect(c);
  double rivals = 0.0;
  double better = 0.0;
  bool endorsed_rival = false;
  for (const Candidate& rival : candidates_) {
    if (rival.id == c.id || !in_race(rival) || rival.reached < Stage::registered || contest_key(rival) != key)
      continue;
    rivals += 1.0;
    const double theirs = prospect(rival);
    better += theirs > own ? 1.0 : (theirs == own ? 0.5 : 0.0);
    endorsed_rival = endorsed_rival || rival.endorsed;
  }
  const double weakness = rivals > 0.0 ? better / rivals : 0.0;
  const bool pressured = !c.endorsed && endorsed_rival;
  const double per_second =
      withdrawal.rate_per_week / static_cast<double>(sim::Duration::days(7).count()) *
      std::exp(withdrawal.chances_weight * (weakness - 0.5) + (pressured ? withdrawal.pressure_weight : 0.0));
  // The time to withdrawal is exponential under a constant hazard.
  const double wait = -std::log(stream_.uniform_positive()) / per_second;
  if (wait < static_cast<double>((*opens - context.now()).count()))
    context.schedule(sim::Duration{static_cast<std::int64_t>(wait)}, events::kWithdrawal, {c.id, 1});
}

void CandidatePipeline::withdraw(Candidate& c, bool voting_open, sim::LpContext& context) {
  if (in_race(c) && !voting_open) remove(c, RemovalReason::withdrew, context.now());
}

}  // namespace primsim::models
