// The party centre: calendar announcements, the platform, extensions, the conferences of the
// second stage, and the list.
#include "primsim/models/primary/national_model.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "primsim/models/primary/primary_events.hpp"
#include "primsim/models/rules/list_formation.hpp"
#include "primsim/models/rules/seat_allocation.hpp"
#include "primsim/models/rules/voting_rule.hpp"
#include "primsim/sim/lp_context.hpp"

namespace primsim::models {
namespace events = primary_events;

namespace {

// `total` places among units by weight with largest remainders (Hare), none given more than its
// cap: a capped unit keeps its cap and the rest is shared again among the others.
std::vector<std::uint64_t> apportion_capped(const std::vector<std::uint64_t>& weights,
                                            const std::vector<std::uint64_t>& caps, std::uint64_t total) {
  std::vector<std::uint64_t> given(weights.size(), 0);
  std::vector<bool> open(weights.size(), false);
  std::uint64_t capacity = 0;
  for (std::size_t u = 0; u < caps.size(); ++u) {
    open[u] = caps[u] > 0;
    capacity += caps[u];
  }
  std::uint64_t left = std::min(total, capacity);
  while (left > 0) {
    std::vector<std::uint64_t> votes(weights.size(), 0);
    // A unit with no members but candidates still takes part, with the least weight.
    for (std::size_t u = 0; u < weights.size(); ++u)
      votes[u] = open[u] ? std::max<std::uint64_t>(1, weights[u]) : 0;
    rules::AllocationOptions options;
    options.method = rules::AllocationMethod::hare;
    options.seats = left;
    const auto allocation = rules::allocate_seats(votes, options);
    bool capped = false;
    for (std::size_t u = 0; u < weights.size(); ++u) {
      if (open[u] && allocation.seats[u] >= caps[u]) {
        given[u] = caps[u];
        left -= caps[u];
        open[u] = false;
        capped = true;
      }
    }
    if (capped) continue;
    for (std::size_t u = 0; u < weights.size(); ++u) {
      if (open[u]) given[u] = allocation.seats[u];
    }
    break;
  }
  return given;
}

rules::MinimumShares shares_of(const std::vector<spec::QuotaSpec>& quotas, rules::MinimumShares shares = {}) {
  for (const auto& quota : quotas) {
    double& share = quota.group == spec::QuotaGroup::women   ? shares.women
                    : quota.group == spec::QuotaGroup::youth ? shares.youth
                                                             : shares.women_or_youth;
    share = std::max(share, quota.min_share);
  }
  return shares;
}

}  // namespace

NationalModel::NationalModel(const PrimaryWorld& world) : world_(world), complaint_desk_(world) {
  if (const auto& online = world.online_channel()) {
    const auto& plan = world.channels()[*online];
    const auto& channel = world.scenario().voting.channels[plan.spec_index];
    OnlinePlatformParameters parameters;
    parameters.capacity = static_cast<std::size_t>(channel.capacity);
    parameters.waiting_room = 0;
    parameters.mean_service_seconds = static_cast<double>(channel.mean_session.count());
    parameters.minute_zero = plan.window.start;
    platform_ = std::make_unique<OnlinePlatform>(parameters);
    online_close_ = plan.window.end;
  }
}

void NationalModel::announce_at(sim::SimTime when, sim::EventType type, std::uint64_t argument,
                                sim::LpContext& context) {
  // Regions must hear of a change by the time it happens: the announcement leaves one lookahead
  // earlier (or now, when that is already past).
  const sim::SimTime leave = std::max(context.now(), when - context.lookahead());
  context.schedule(leave - context.now(), events::kAnnounce, {type, argument});
}

void NationalModel::broadcast(sim::EventType type, sim::EventPayload payload, sim::LpContext& context) {
  for (std::size_t r = 0; r < world_.territory().region_count(); ++r) {
    context.send(PrimaryWorld::region_lp(r), context.lookahead(), type, payload);
  }
}

void NationalModel::init(sim::LpContext& context) {
  if (platform_) platform_->init(context);
  complaint_desk_.init(context);
  const auto& phases = world_.calendar().phases();
  for (std::size_t p = 0; p < phases.size(); ++p) {
    announce_at(phases[p].window.start, events::kPhaseStart, p, context);
    announce_at(phases[p].window.end, events::kPhaseEnd, p, context);
  }
  const auto& disruptions = world_.scenario().disruptions;
  for (std::size_t s = 0; s < disruptions.suspensions.size(); ++s) {
    announce_at(disruptions.suspensions[s].at, events::kSuspended, s, context);
    announce_at(disruptions.suspensions[s].announced, events::kCalendarAnnounced, s, context);
  }
  if (platform_) {
    const auto& online_name =
        world_.scenario().voting.channels[world_.channels()[*world_.online_channel()].spec_index].name;
    for (std::size_t o = 0; o < disruptions.outages.size(); ++o) {
      const auto& outage = disruptions.outages[o];
      if (outage.channel != online_name) continue;
      context.schedule(std::max(sim::Duration{0}, outage.window.start - context.now()), events::kOutageStart,
                       {o, 0});
      context.schedule(std::max(sim::Duration{0}, outage.window.end - context.now()), events::kOutageEnd,
                       {o, 0});
    }
    const auto& policy = world_.scenario().voting.extension;
    if (policy.enabled && policy.channel == online_name) {
      context.schedule(
          std::max(sim::Duration{0}, online_close_ - policy.decided_before_close - context.now()),
          events::kExtensionDecision);
    }
  }
  schedule_conferences(context);
  schedule_list(context);
}

sim::SimTime NationalModel::last_nominee_arrival(const sim::LpContext& context) const {
  sim::SimTime close = world_.voting_span().end;
  if (platform_) close = std::max(close, online_close_);
  return close + context.lookahead() * 2;
}

void NationalModel::schedule_conferences(sim::LpContext& context) {
  const auto& stages = world_.conference_stages();
  allotments_.assign(stages.size(), {});
  conferences_pending_.assign(stages.size(), 0);
  deferred_.assign(stages.size(), {});
  for (std::size_t i = 0; i < stages.size(); ++i) {
    // ASSUMPTION: the sources give the conferences' phase, not their days; each conference
    // meets at a time drawn uniformly in it.
    const auto& window = world_.calendar().phases()[*world_.phase_of(stages[i])].window;
    sim::RandomStream stream = context.random(stages[i], kConferenceTimePurpose);
    for (std::size_t c = 0; c < world_.conference_count(stages[i]); ++c) {
      const auto offset =
          static_cast<std::int64_t>(stream.uniform() * static_cast<double>(window.length().count()));
      context.schedule(std::max(sim::Duration{0}, window.start + sim::Duration{offset} - context.now()),
                       events::kConference, {i, c});
      ++conferences_pending_[i];
    }
  }
}

void NationalModel::allot_nominees(std::size_t index) {
  const std::size_t stage_index = world_.conference_stages()[index];
  const auto& stage = world_.scenario().selection.stages[stage_index];
  const std::size_t count = world_.conference_count(stage_index);
  std::vector<std::uint64_t> available(count, 0);
  for (const auto& n : nominees_) {
    if (!n.dropped && n.conferences == index)
      ++available[world_.conference_of(stage_index, n.region(), n.branch)];
  }
  if (stage.nominees > 0) {
    std::vector<std::uint64_t> weights;
    for (std::size_t c = 0; c < count; ++c)
      weights.push_back(
          static_cast<std::uint64_t>(std::max<std::int64_t>(0, world_.conference_members(stage_index, c))));
    allotments_[index] = apportion_capped(weights, available, static_cast<std::uint64_t>(stage.nominees));
  } else if (stage.rule.winners > 0) {
    allotments_[index].assign(count, static_cast<std::uint64_t>(stage.rule.winners));
  } else {
    allotments_[index] = available;
  }
}

void NationalModel::hold_conference(std::size_t index, std::size_t conference, sim::LpContext& context) {
  // A stage's conferences choose among those the previous stage's confirmed: they wait for it.
  if (index > 0 && conferences_pending_[index - 1] > 0) {
    deferred_[index - 1].push_back(conference);
    return;
  }
  const std::size_t stage_index = world_.conference_stages()[index];
  const auto& stage = world_.scenario().selection.stages[stage_index];
  if (allotments_[index].empty()) allot_nominees(index);
  std::vector<std::size_t> present;
  for (std::size_t k = 0; k < nominees_.size(); ++k) {
    const Nominee& n = nominees_[k];
    if (!n.dropped && n.conferences == index &&
        world_.conference_of(stage_index, n.region(), n.branch) == conference) {
      present.push_back(k);
    }
  }
  // The delegates start from the members' verdict (the vote's score), strike whom they veto,
  // reorder by their own vote when the stage votes, and confirm the best their allotment
  // allows, under the stage's quotas.
  std::stable_sort(present.begin(), present.end(), [&](std::size_t a, std::size_t b) {
    return nominees_[a].score > nominees_[b].score ||
           (nominees_[a].score == nominees_[b].score && nominees_[a].key < nominees_[b].key);
  });
  sim::RandomStream stream =
      context.random((std::uint64_t{stage_index} << 32U) | conference, kConferencePurpose);
  std::vector<rules::ListCandidate> ranked;
  for (const std::size_t k : present) {
    Nominee& n = nominees_[k];
    if (stage.can_veto && stream.bernoulli(stage.veto_probability)) {
      n.dropped = true;
      continue;
    }
    ranked.push_back({static_cast<std::uint32_t>(k), n.gender == results::Gender::female,
                      n.age < world_.scenario().candidacy.youth_max_age, rules::ListRoute::primary});
  }
  if (stage.method == spec::SelectionMethod::vote && !ranked.empty()) {
    ranked = delegates_vote(
        stage, ranked, stream,
        context.stream_key((std::uint64_t{stage_index} << 32U) | conference, kConferenceTiePurpose));
  }
  const auto confirmed = rules::enforce_minimum_shares(
      ranked, static_cast<std::size_t>(allotments_[index][conference]), shares_of(stage.rule.quotas),
      rules::QuotaOptions{rules::QuotaMethod::least_displacement, false, true});
  for (const auto& candidate : ranked) nominees_[candidate.id].dropped = true;
  for (const auto& candidate : confirmed) {
    nominees_[candidate.id].dropped = false;
    nominees_[candidate.id].conferences = static_cast<std::uint8_t>(index + 1);
  }

  if (--conferences_pending_[index] == 0) {
    if (index + 1 < deferred_.size()) {
      const auto waiting = std::move(deferred_[index]);
      for (const std::size_t next : waiting) hold_conference(index + 1, next, context);
    }
    const bool all_held = std::all_of(conferences_pending_.begin(), conferences_pending_.end(),
                                      [](std::size_t pending) { return pending == 0; });
    if (all_held && list_waiting_) form_list(context);
  }
}

std::vector<rules::ListCandidate> NationalModel::delegates_vote(
    const spec::StageSpec& stage, const std::vector<rules::ListCandidate>& ranked, sim::RandomStream& stream,
    const sim::StreamKey& tie_key) {
  // ASSUMPTION: each delegate knows the members' verdict and follows it loosely: a Plackett-Luce
  // ranking whose worths are the nominees' shares of their contests. A selectorate of no stated
  // size casts no ballots and leaves that verdict as it is.
  if (stage.selectorate.size <= 0) return ranked;
  utilities_.clear();
  for (const auto& candidate : ranked)
    utilities_.push_back(std::log(std::max(nominees_[candidate.id].score, 1e-9)));
  rules::Profile ballots(ranked.size());
  std::vector<rules::CandidateIndex> ballot;
  for (std::int32_t d = 0; d < stage.selectorate.size; ++d) {
    sampler_.sample(utilities_, stream, ranking_);
    ballot.assign(ranking_.begin(), ranking_.end());
    ballots.add_ranking(ballot);
  }
  // Rules that allocate between lists (threshold, D'Hondt) rank one party's nominees by plurality.
  std::string name(spec::name_of(stage.rule.kind));
  std::replace(name.begin(), name.end(), '_', '-');
  rules::VotingRule rule = rules::VotingRule::plurality;
  const auto& known = rules::all_voting_rules();
  for (const auto candidate_rule : known) {
    if (rules::rule_name(candidate_rule) == name) rule = candidate_rule;
  }
  const auto result = rules::tally(ballots, rule, ranked.size(), rules::TieBreak::by_lot(tie_key));
  std::vector<rules::ListCandidate> reordered;
  for (const auto index : result.order) reordered.push_back(ranked[index]);
  return reordered;
}

void NationalModel::schedule_list(sim::LpContext& context) {
  if (!world_.list_office() || !world_.list_phase()) return;
  // After the list phase starts and after every nominee can have arrived from the regions.
  sim::SimTime at = world_.calendar().phases()[*world_.list_phase()].window.start;
  sim::SimTime close = world_.voting_span().end;
  if (platform_) close = std::max(close, online_close_);
  at = std::max(at, close + context.lookahead() * 3);
  context.schedule(std::max(sim::Duration{0}, at - context.now()), events::kFormList);
}

void NationalModel::handle(const sim::Event& event, sim::LpContext& context) {
  switch (event.type) {
    case events::kAnnounce:
      broadcast(static_cast<sim::EventType>(event.payload[0]), {event.payload[1], 0}, context);
      break;
    case OnlinePlatform::kAttempt:
    case OnlinePlatform::kSessionEnd:
      platform_->handle(event, context);
      break;
    case events::kOutageStart:
      platform_->set_capacity_factor(world_.scenario().disruptions.outages[event.payload[0]].capacity_factor);
      break;
    case events::kOutageEnd:
      platform_->set_capacity_factor(1.0);
      break;
    case events::kExtensionDecision:
      decide_extension(context);
      break;
    case events::kNominee: {
      Nominee n;
      n.key = event.payload[0];
      const std::uint64_t a = event.payload[1];
      n.gender = static_cast<results::Gender>(a & 1U);
      n.age = static_cast<std::uint8_t>((a >> 1U) & 0x7fU);
      n.route = static_cast<results::Route>((a >> 8U) & 0x7U);
      n.incumbent = ((a >> 11U) & 1U) != 0;
      n.branch = static_cast<std::uint16_t>((a >> 12U) & 0xffffU);
      const auto bits = static_cast<std::uint32_t>(a >> 32U);
      float score = 0;
      std::memcpy(&score, &bits, sizeof(score));
      n.score = score;
      nominees_.push_back(n);
      break;
    }
    case events::kFormList: {
      // An extension moved the close after this was scheduled: a later kFormList follows.
      if (context.now() < last_nominee_arrival(context)) break;
      const bool all_held = std::all_of(conferences_pending_.begin(), conferences_pending_.end(),
                                        [](std::size_t pending) { return pending == 0; });
      if (!all_held) {
        list_waiting_ = true;
        break;
      }
      form_list(context);
      break;
    }
    case events::kComplaintToCentre:
    case events::kComplaintReview:
      complaint_desk_.handle(event, context);
      break;
    case events::kConference: {
      // Conferences choose among every primary winner, so they meet after the last can arrive.
      const sim::SimTime ready = last_nominee_arrival(context);
      if (context.now() < ready) {
        context.schedule(ready + context.lookahead() - context.now(), events::kConference, event.payload);
        break;
      }
      hold_conference(static_cast<std::size_t>(event.payload[0]), static_cast<std::size_t>(event.payload[1]),
                      context);
      break;
    }
    default:
      break;
  }
}

void NationalModel::decide_extension(sim::LpContext& context) {
  const auto& policy = world_.scenario().voting.extension;
  const auto attempts = platform_->total_attempts();
  const auto failures = platform_->total_failures();
  const bool share_exceeded =
      attempts > 0 &&
      static_cast<double>(failures) > policy.failed_share_threshold * static_cast<double>(attempts);
  const bool count_exceeded = policy.failed_attempts_threshold > 0 &&
                              failures > static_cast<std::uint64_t>(policy.failed_attempts_threshold);
  if (!share_exceeded && !count_exceeded) return;
  online_close_ = online_close_ + policy.extension;
  ++extensions_;
  extension_hours_ += static_cast<double>(policy.extension.count()) / 3600.0;
  broadcast(events::kVotingExtended,
            {*world_.online_channel(), static_cast<std::uint64_t>(online_close_.seconds_since_epoch())},
            context);
  if (extensions_ < policy.max_extensions) {
    context.schedule(std::max(sim::Duration{0}, online_close_ - policy.decided_before_close - context.now()),
                     events::kExtensionDecision);
  }
  schedule_list(context);
}

Nominee NationalModel::appoint(sim::RandomStream& stream, bool woman, bool young) {
  const auto& candidacy = world_.scenario().candidacy;
  const std::int32_t min_age = candidacy.offices[*world_.list_office()].min_age;
  Nominee n;
  n.key = (std::uint64_t{kLeadershipRegion} << 32U) | appointees_++;
  n.gender = woman ? results::Gender::female : results::Gender::male;
  const std::int32_t low = young ? min_age : std::max(min_age, candidacy.youth_max_age);
  const std::int32_t high = young ? std::max(min_age, candidacy.youth_max_age - 1) : 70;
  n.age = static_cast<std::uint8_t>(low + static_cast<std::int32_t>(stream.uniform_index(
                                              static_cast<std::uint64_t>(std::max(1, high - low + 1)))));
  n.route = results::Route::leadership_quota;
  return n;
}

void NationalModel::form_list(sim::LpContext& context) {
  if (list_formed_) return;
  list_formed_ = true;
  const auto& scenario = world_.scenario();
  const auto& candidacy = scenario.candidacy;
  const auto places = static_cast<std::size_t>(std::max(0, candidacy.offices[*world_.list_office()].places));
  const auto reserved = std::min(places, static_cast<std::size_t>(std::max(0, world_.reserved_places())));
  sim::RandomStream stream = context.random(0, kListPurpose);

  // The nominees every conference stage confirmed.
  std::vector<Nominee> ranked;
  for (const Nominee& n : nominees_) {
    if (!n.dropped && n.conferences == world_.conference_stages().size()) ranked.push_back(n);
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const Nominee& a, const Nominee& b) {
    return a.score > b.score || (a.score == b.score && a.key < b.key);
  });
  // A congress that may veto (Rahat's veto agency) strikes each nominee with its probability.
  const auto& stages = scenario.selection.stages;
  for (std::size_t s = 0; s < stages.size(); ++s) {
    if (!stages[s].can_veto || world_.phase_of(s) != world_.list_phase()) continue;
    std::vector<Nominee> kept;
    for (const Nominee& n : ranked) {
      if (!stream.bernoulli(stages[s].veto_probability)) kept.push_back(n);
    }
    ranked = std::move(kept);
  }
  const std::size_t from_primaries = std::min(places - reserved, ranked.size());

  // Every name the congress may place, indexed by the rules library's candidate id.
  std::vector<Nominee> people = ranked;
  const auto as_candidate = [&](std::size_t index) {
    const Nominee& n = people[index];
    return rules::ListCandidate{static_cast<std::uint32_t>(index), n.gender == results::Gender::female,
                                n.age < candidacy.youth_max_age,
                                n.route == results::Route::leadership_quota ? rules::ListRoute::leadership
                                                                            : rules::ListRoute::primary};
  };
  std::vector<rules::ListCandidate> primary;
  for (std::size_t i = 0; i < from_primaries; ++i) primary.push_back(as_candidate(i));
  // The leadership's places, and more when the primaries sent too few nominees. The sources give
  // no order of the list beyond its composition; ASSUMPTION: the congress spreads the
  // leadership's places evenly down the list.
  std::vector<rules::ListCandidate> leadership;
  for (std::size_t i = from_primaries; i < places; ++i) {
    const bool woman = stream.bernoulli(candidacy.women_share);
    const bool young = stream.bernoulli(candidacy.youth_share);
    people.push_back(appoint(stream, woman, young));
    leadership.push_back(as_candidate(people.size() - 1));
  }
  std::vector<rules::ListCandidate> pool =
      rules::merge_leadership_places(primary, leadership, rules::LeadershipPlacement::interleaved);
  // Below them, in the order they may come in: the nominees left off, then appointees on standby
  // for each quota group, whom the leadership names only when no nominee of the group is left.
  for (std::size_t i = from_primaries; i < ranked.size(); ++i) pool.push_back(as_candidate(i));

  // The strictest of every stage's quotas. The leadership's reserved places are its own and are
  // never displaced (2020: 49 of 126): swaps take primary winners' places.
  rules::MinimumShares shares;
  for (const auto& stage : scenario.selection.stages) shares = shares_of(stage.rule.quotas, shares);
  const auto standby = [&](double share, bool woman, bool young) {
    const auto count = static_cast<std::size_t>(std::ceil(share * static_cast<double>(places)));
    for (std::size_t i = 0; i < count; ++i) {
      people.push_back(appoint(stream, woman, young));
      pool.push_back(as_candidate(people.size() - 1));
    }
  };
  standby(std::max(shares.women, shares.women_or_youth), true, false);
  standby(shares.youth, false, true);

  const auto list = rules::enforce_minimum_shares(
      pool, places, shares, rules::QuotaOptions{rules::QuotaMethod::least_displacement, true, true});
  list_.clear();
  for (const auto& candidate : list) list_.push_back(people[candidate.id]);
}

}  // namespace primsim::models
