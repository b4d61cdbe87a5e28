// The logical process of the national online voting platform. Members live in regional LPs and
// send their login attempts here; the platform admits, queues or rejects each one and replies,
// so contention is national while regions still run in parallel (every reply carries the
// lookahead, as any event between LPs must).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <vector>

#include "primsim/models/voting/platform_queue.hpp"
#include "primsim/models/voting/session_ends.hpp"
#include "primsim/sim/lp_model.hpp"
#include "primsim/sim/random_stream.hpp"
#include "primsim/sim/sim_time.hpp"

namespace primsim::models {

enum class ServiceTimeShape : std::uint8_t { kExponential, kDeterministic };

struct OnlinePlatformParameters {
  std::size_t capacity = 1;      // concurrent sessions the platform can hold
  std::size_t waiting_room = 0;  // 0: an attempt above capacity fails at once (a failed login)
  ServiceTimeShape service_shape = ServiceTimeShape::kExponential;
  double mean_service_seconds = 300.0;  // how long a member's session holds its slot
  sim::SimTime minute_zero;             // the start of the per-minute statistics (the voting window opens)
};

// What the platform saw in one minute of simulated time.
struct PlatformMinute {
  std::uint64_t attempts = 0;
  std::uint64_t failures = 0;
  std::uint64_t served = 0;
  std::uint64_t queued = 0;
  std::uint64_t peak_sessions = 0;
  std::uint64_t wait_seconds = 0;  // summed over sessions that started this minute
};

class OnlinePlatform final : public sim::LpModel {
 public:
  // Events the platform receives.
  // payload[0]: the voter, as the sending LP numbers it (only echoed back: the platform serves in
  // arrival order, never by this number); payload[1]: kFailsWhateverTheLoad for an attempt that
  // fails for the voter's own reasons (verification, connection), counted with the platform's failures.
  static constexpr sim::EventType kAttempt = 100;
  static constexpr std::uint64_t kFailsWhateverTheLoad = 1;
  static constexpr sim::EventType kSessionEnd = 101;  // local
  // Replies, sent to the attempt's origin LP. payload[0]: the attempt's voter; payload[1]: seconds waited.
  static constexpr sim::EventType kServed = 102;
  static constexpr sim::EventType kRejected = 103;
  static constexpr sim::RandomPurpose kServicePurpose = 0x504c4154ULL;  // "PLAT"

  explicit OnlinePlatform(const OnlinePlatformParameters& parameters)
      : parameters_(parameters), queue_(parameters.capacity, parameters.waiting_room) {}

  void init(sim::LpContext& context) override;
  void handle(const sim::Event& event, sim::LpContext& context) override;
  void finish(sim::LpContext& /*context*/) override {}

  // During an outage the platform serves only this fraction of its capacity (0: none).
  void set_capacity_factor(double factor);

  // Minute index (from minute_zero) -> statistics; minutes without attempts are absent.
  [[nodiscard]] const std::map<std::int64_t, PlatformMinute>& minutes() const { return minutes_; }
  [[nodiscard]] std::uint64_t total_attempts() const { return total_attempts_; }
  [[nodiscard]] std::uint64_t total_failures() const { return total_failures_; }
  [[nodiscard]] std::uint64_t total_queued() const { return total_queued_; }
  // Sum over queued requests of the seconds they waited for a session.
  [[nodiscard]] std::uint64_t total_wait_seconds() const { return total_wait_seconds_; }

 private:
  PlatformMinute& minute_at(sim::SimTime time);
  // Sessions that ended by `now` give their slots back (the loss system's lazy release).
  void release_ended_sessions(sim::SimTime now);
  void start_session(sim::LpContext& context, std::uint64_t member, sim::LpId reply_to, sim::Duration waited);
  sim::Duration draw_service();

  OnlinePlatformParameters parameters_;
  PlatformQueue queue_;
  std::map<std::int64_t, PlatformMinute> minutes_;
  // Attempts arrive in time order: the minute of the last one is usually the next one's too.
  std::int64_t cached_minute_ = 0;
  PlatformMinute* cached_minute_stats_ = nullptr;
  // Without a waiting room a session's end only frees its slot, so the ends wait here (seconds
  // since the epoch) and are applied before the next attempt instead of each passing through the
  // event queue: a quarter of a full 2020 replicate's events. A slot freed at t is free for an
  // attempt at t, as the session-end event would have made it.
  SessionEnds session_ends_;
  sim::RandomStream service_stream_{sim::StreamKey{}};
  std::uint64_t total_attempts_ = 0;
  std::uint64_t total_failures_ = 0;
  std::uint64_t total_queued_ = 0;
  std::uint64_t total_wait_seconds_ = 0;
};

}  // namespace primsim::models
