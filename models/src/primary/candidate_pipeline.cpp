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

}  // namespace

CandidatePipeline::CandidatePipeline(const PrimaryWorld& world, std::size_t region)
    : world_(world), region_(region) {}

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
      add_candidate(context);
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
      withdraw(candidates_[event.payload[0]], voting_open, context);
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
  const std::int64_t count =
      poisson_draw(stream_, static_cast<double>(scenario.candidacy.expected_applications) * region_share);
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
    context.schedule(std::max(sim::Duration{0}, at - context.now()), events::kApplication);
  }
}

void CandidatePipeline::add_candidate(sim::LpContext& context) {
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
  c.route = candidacy.routes.empty()
                ? results::Route::self_nominated
                : route_from_name(candidacy.routes[pick_by_share(candidacy.routes, stream_)].name);
  c.gender = stream_.bernoulli(candidacy.women_share) ? results::Gender::female : results::Gender::male;
  const std::int32_t min_age = candidacy.offices.empty() ? 18 : candidacy.offices[c.office].min_age;
  const bool young = stream_.bernoulli(candidacy.youth_share) && min_age < candidacy.youth_max_age;
  const std::int32_t low = young ? min_age : std::max(min_age, candidacy.youth_max_age);
  const std::int32_t high = young ? candidacy.youth_max_age - 1 : 70;
  c.age = static_cast<std::uint8_t>(low + static_cast<std::int32_t>(stream_.uniform_index(
                                              static_cast<std::uint64_t>(std::max(1, high - low + 1)))));
  c.incumbent = stream_.bernoulli(incumbent_probability(c.office));
  // The leadership backs the candidates that party organisations put forward: a modelling
  // assumption in the absence of published endorsement figures.
  c.endorsed = c.route == results::Route::party_branch;
  c.valence = normal_draw(stream_, candidacy.valence_sd);
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
  if (stream_.bernoulli(candidacy.withdrawal_probability))
    schedule_within(*opens, events::kWithdrawal, c, context);
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

void CandidatePipeline::withdraw(Candidate& c, bool voting_open, sim::LpContext& context) {
  if (in_race(c) && !voting_open) remove(c, RemovalReason::withdrew, context.now());
}

}  // namespace primsim::models
