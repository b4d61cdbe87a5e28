// The party centre: calendar announcements, the platform, extensions, the conferences of the
// second stage and the complaints desk.
#include "primsim/models/primary/national_model.hpp"

#include <algorithm>

#include "primsim/models/primary/primary_events.hpp"
#include "primsim/sim/lp_context.hpp"

namespace primsim::models {
namespace events = primary_events;

NationalModel::NationalModel(const PrimaryWorld& world)
    : world_(world), complaint_desk_(world), second_stage_(world, online_close_) {
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
  second_stage_.init(context);
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
    case events::kComplaintToCentre:
    case events::kComplaintReview:
      complaint_desk_.handle(event, context);
      break;
    case events::kNominee:
    case events::kConference:
    case events::kFormList:
      second_stage_.handle(event, context);
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
  second_stage_.schedule_list(context);
}

}  // namespace primsim::models
