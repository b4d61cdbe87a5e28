// Admission, sessions and per-minute accounting of the online platform LP.
#include "primsim/models/voting/online_platform.hpp"

#include <algorithm>
#include <cmath>

#include "primsim/sim/lp_context.hpp"

namespace primsim::models {

void OnlinePlatform::init(sim::LpContext& context) {
  service_stream_ = context.random(context.self().value(), kServicePurpose);
}

PlatformMinute& OnlinePlatform::minute_at(sim::SimTime time) {
  const std::int64_t seconds = (time - parameters_.minute_zero).count();
  // Floor division, so that a second before minute_zero belongs to minute -1.
  const std::int64_t minute = seconds >= 0 ? seconds / 60 : -((-seconds + 59) / 60);
  if (cached_minute_stats_ == nullptr || minute != cached_minute_) {
    cached_minute_ = minute;
    cached_minute_stats_ = &minutes_[minute];  // std::map never moves its elements
  }
  return *cached_minute_stats_;
}

void OnlinePlatform::release_ended_sessions(sim::SimTime now) {
  for (auto ended = session_ends_.take_ended(now.seconds_since_epoch()); ended > 0; --ended) queue_.release();
}

void OnlinePlatform::set_capacity_factor(double factor) {
  queue_.set_capacity(
      static_cast<std::size_t>(std::floor(static_cast<double>(parameters_.capacity) * factor)));
}

sim::Duration OnlinePlatform::draw_service() {
  double seconds = parameters_.mean_service_seconds;
  if (parameters_.service_shape == ServiceTimeShape::kExponential) {
    seconds = service_stream_.exponential(parameters_.mean_service_seconds);
  }
  return sim::Duration{std::llround(seconds)};
}

void OnlinePlatform::start_session(sim::LpContext& context, std::uint64_t member, sim::LpId reply_to,
                                   sim::Duration waited) {
  PlatformMinute& minute = minute_at(context.now());
  ++minute.served;
  minute.wait_seconds += static_cast<std::uint64_t>(waited.count());
  minute.peak_sessions = std::max<std::uint64_t>(minute.peak_sessions, queue_.sessions());
  const sim::Duration service = draw_service();
  if (parameters_.waiting_room == 0) {
    session_ends_.add(context.now().seconds_since_epoch(), (context.now() + service).seconds_since_epoch());
  } else {
    context.schedule(service, kSessionEnd);
  }
  context.send(reply_to, context.lookahead(), kServed, {member, static_cast<std::uint64_t>(waited.count())});
}

void OnlinePlatform::handle(const sim::Event& event, sim::LpContext& context) {
  switch (event.type) {
    case kAttempt: {
      const std::uint64_t member = event.payload[0];
      PlatformMinute& minute = minute_at(context.now());
      ++minute.attempts;
      ++total_attempts_;
      release_ended_sessions(context.now());
      if (event.payload[1] == kFailsWhateverTheLoad) {
        ++minute.failures;
        ++total_failures_;
        context.send(event.origin, context.lookahead(), kRejected, {member, 0});
        break;
      }
      switch (queue_.admit({member, event.origin.value(), context.now()})) {
        case Admission::kServed:
          start_session(context, member, event.origin, sim::Duration{0});
          break;
        case Admission::kQueued:
          ++minute.queued;
          ++total_queued_;
          break;
        case Admission::kRejected:
          ++minute.failures;
          ++total_failures_;
          context.send(event.origin, context.lookahead(), kRejected, {member, 0});
          break;
      }
      break;
    }
    case kSessionEnd: {
      if (const auto next = queue_.release()) {
        const sim::Duration waited = context.now() - next->arrived;
        total_wait_seconds_ += static_cast<std::uint64_t>(waited.count());
        start_session(context, next->member, sim::LpId{next->reply_to}, waited);
      }
      break;
    }
    default:
      break;
  }
}

}  // namespace primsim::models
