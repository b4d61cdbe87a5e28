// The party centre: calendar announcements, the platform, extensions, and the list.
#include "primsim/models/primary/national_model.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>

#include "primsim/models/primary/primary_events.hpp"
#include "primsim/sim/lp_context.hpp"

namespace primsim::models {
namespace events = primary_events;

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
  schedule_list(context);
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
      const auto bits = static_cast<std::uint32_t>(a >> 32U);
      float score = 0;
      std::memcpy(&score, &bits, sizeof(score));
      n.score = score;
      nominees_.push_back(n);
      break;
    }
    case events::kFormList: {
      sim::SimTime close = world_.voting_span().end;
      if (platform_) close = std::max(close, online_close_);
      // An extension moved the close after this was scheduled: a later kFormList follows.
      if (context.now() < close + context.lookahead() * 2) break;
      form_list(context);
      break;
    }
    case events::kComplaintToCentre:
    case events::kComplaintReview:
      complaint_desk_.handle(event, context);
      break;
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

Nominee NationalModel::appoint(sim::RandomStream& stream, bool woman, bool young, double score) const {
  const auto& candidacy = world_.scenario().candidacy;
  const std::int32_t min_age = candidacy.offices[*world_.list_office()].min_age;
  Nominee n;
  n.key = (std::uint64_t{kLeadershipRegion} << 32U) | (nominees_.size() + list_.size());
  n.gender = woman ? results::Gender::female : results::Gender::male;
  const std::int32_t low = young ? min_age : std::max(min_age, candidacy.youth_max_age);
  const std::int32_t high = young ? std::max(min_age, candidacy.youth_max_age - 1) : 70;
  n.age = static_cast<std::uint8_t>(low + static_cast<std::int32_t>(stream.uniform_index(
                                              static_cast<std::uint64_t>(std::max(1, high - low + 1)))));
  n.route = results::Route::leadership_quota;
  n.score = score;
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

  std::vector<Nominee> ranked = nominees_;
  std::stable_sort(ranked.begin(), ranked.end(), [](const Nominee& a, const Nominee& b) {
    return a.score > b.score || (a.score == b.score && a.key < b.key);
  });
  const std::size_t from_primaries = std::min(places - reserved, ranked.size());
  std::vector<Nominee> list(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(from_primaries));
  std::vector<Nominee> reserve(ranked.begin() + static_cast<std::ptrdiff_t>(from_primaries), ranked.end());

  // The leadership's places are ranked among the winners at a score drawn between theirs: the
  // congress orders the list as a whole (a modelling assumption; the sources give no order).
  const double low = list.empty() ? 0.0 : list.back().score;
  const double high = list.empty() ? 1.0 : list.front().score;
  for (std::size_t i = 0; i < places - from_primaries; ++i) {
    const bool woman = stream.bernoulli(candidacy.women_share);
    const bool young = stream.bernoulli(candidacy.youth_share);
    list.push_back(appoint(stream, woman, young, low + stream.uniform() * (high - low)));
  }
  std::stable_sort(list.begin(), list.end(),
                   [](const Nominee& a, const Nominee& b) { return a.score > b.score; });

  // Quotas, the strictest of every stage's, by least displacement: while a group is short, its
  // best-ranked member left off the list takes the place of the lowest-placed primary winner
  // whose removal leaves every other quota met. The leadership's reserved places are its own and
  // are never displaced (2020: 49 of 126); it appoints one more only when no nominee is left.
  std::map<spec::QuotaGroup, double> quotas;
  for (const auto& stage : scenario.selection.stages) {
    for (const auto& quota : stage.rule.quotas)
      quotas[quota.group] = std::max(quotas[quota.group], quota.min_share);
  }
  const auto is_young = [&](const Nominee& n) { return n.age < candidacy.youth_max_age; };
  const auto in_group = [&](spec::QuotaGroup group, const Nominee& n) {
    switch (group) {
      case spec::QuotaGroup::women:
        return n.gender == results::Gender::female;
      case spec::QuotaGroup::youth:
        return is_young(n);
      case spec::QuotaGroup::women_or_youth:
        return n.gender == results::Gender::female || is_young(n);
    }
    return false;
  };
  const auto needed = [&](double share) {
    return static_cast<std::size_t>(std::ceil(share * static_cast<double>(list.size()) - 1e-9));
  };
  const auto count = [&](spec::QuotaGroup group) {
    return static_cast<std::size_t>(
        std::count_if(list.begin(), list.end(), [&](const auto& n) { return in_group(group, n); }));
  };
  for (int round = 0; round < 4; ++round) {
    for (const auto& quota : quotas) {
      // A plain variable, not a structured binding: lambdas below capture it.
      const spec::QuotaGroup group = quota.first;
      const double share = quota.second;
      while (count(group) < needed(share)) {
        std::optional<std::size_t> out;
        for (std::size_t i = list.size(); i-- > 0 && !out;) {
          if (in_group(group, list[i]) || list[i].route == results::Route::leadership_quota) continue;
          bool removable = true;
          for (const auto& [other, other_share] : quotas) {
            if (other != group && in_group(other, list[i]) && count(other) <= needed(other_share))
              removable = false;
          }
          if (removable) out = i;
        }
        if (!out) break;
        const auto next =
            std::find_if(reserve.begin(), reserve.end(), [&](const auto& n) { return in_group(group, n); });
        Nominee replacement;
        if (next != reserve.end()) {
          replacement = *next;
          reserve.erase(next);
        } else {
          replacement = appoint(stream, group != spec::QuotaGroup::youth, group == spec::QuotaGroup::youth,
                                list[*out].score);
        }
        list[*out] = replacement;
      }
    }
  }
  list_ = std::move(list);
}

}  // namespace primsim::models
