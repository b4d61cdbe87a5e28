// Scheduling checks shared by every executor: negative delays, unknown targets, the lookahead.
#include "primsim/sim/lp_context.hpp"

#include <fmt/format.h>

#include "primsim/sim/event_router.hpp"
#include "primsim/sim/simulation.hpp"
#include "primsim/sim/simulation_error.hpp"

namespace primsim::sim {

LpId LpContext::self() const { return self_.id(); }
std::size_t LpContext::lp_count() const { return simulation_.lp_count(); }
Duration LpContext::lookahead() const { return simulation_.config().lookahead; }
SimTime LpContext::end_time() const { return simulation_.config().end_time; }

Event LpContext::make_event(LpId target, Duration delay, EventType type, const EventPayload& payload,
                            std::int32_t priority) {
  if (delay < Duration{0}) {
    throw SimulationError(
        fmt::format("LP {} ({}) scheduled event type {} with a negative delay of {} s at t={} s",
                    self_.id().value(), self_.name(), type, delay.count(), now_.seconds_since_epoch()));
  }
  Event event;
  event.time = now_.saturating_add(delay);
  event.sequence = self_.take_sequence();
  event.origin = self_.id();
  event.target = target;
  event.priority = priority;
  event.type = type;
  event.payload = payload;
  return event;
}

void LpContext::schedule(Duration delay, EventType type, EventPayload payload, std::int32_t priority) {
  router_.schedule_local(self_, make_event(self_.id(), delay, type, payload, priority));
}

void LpContext::send(LpId target, Duration delay, EventType type, EventPayload payload,
                     std::int32_t priority) {
  if (target == self_.id()) {
    schedule(delay, type, payload, priority);
    return;
  }
  if (!target.is_valid() || target.value() >= simulation_.lp_count()) {
    throw SimulationError(
        fmt::format("LP {} ({}) sent event type {} to LP {}, but the simulation has only {} LPs",
                    self_.id().value(), self_.name(), type, target.value(), simulation_.lp_count()));
  }
  const Duration lookahead = simulation_.config().lookahead;
  if (delay < lookahead) {
    const auto& to = simulation_.lp(target);
    throw SimulationError(fmt::format(
        "LP {} ({}) sent event type {} to LP {} ({}) at t={} s for t={} s: a delay of {} s is less "
        "than the lookahead of {} s",
        self_.id().value(), self_.name(), type, target.value(), to.name(), now_.seconds_since_epoch(),
        (now_ + delay).seconds_since_epoch(), delay.count(), lookahead.count()));
  }
  router_.send_remote(self_, make_event(target, delay, type, payload, priority));
}

StreamKey LpContext::stream_key(std::uint64_t entity, RandomPurpose purpose) const {
  return simulation_.stream_key(entity, purpose);
}

RandomStream LpContext::random(std::uint64_t entity, RandomPurpose purpose) const {
  return RandomStream(simulation_.stream_key(entity, purpose));
}

}  // namespace primsim::sim
