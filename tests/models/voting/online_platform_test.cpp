// The online platform LP against the closed forms of queueing theory: with Poisson arrivals,
// exponential service, c sessions and no retries, the share of failed logins is Erlang B; with
// an unbounded waiting room, the share that waits is Erlang C and the mean wait C / (c mu - lambda).
#include <cmath>
#include <memory>
#include <vector>

#include <boost/math/distributions/students_t.hpp>
#include <catch2/catch.hpp>

#include "primsim/models/voting/online_platform.hpp"
#include "primsim/sim/lp_context.hpp"
#include "primsim/sim/sequential_executor.hpp"
#include "primsim/sim/simulation.hpp"

using namespace primsim;
using models::OnlinePlatform;
using models::OnlinePlatformParameters;

namespace {

// Erlang B by its standard recursion B(0) = 1, B(k) = A B(k-1) / (k + A B(k-1)).
double erlang_b(int servers, double offered_load) {
  double b = 1.0;
  for (int k = 1; k <= servers; ++k) b = offered_load * b / (k + offered_load * b);
  return b;
}

// Erlang C from Erlang B: C = B / (1 - rho (1 - B)), rho = A / c.
double erlang_c(int servers, double offered_load) {
  const double b = erlang_b(servers, offered_load);
  const double rho = offered_load / servers;
  return b / (1.0 - rho * (1.0 - b));
}

// Sends Poisson login attempts to the platform (LP 0) and counts the replies.
class PoissonSource final : public sim::LpModel {
 public:
  static constexpr sim::EventType kArrival = 1;
  PoissonSource(double rate_per_second, std::uint64_t* served, std::uint64_t* rejected)
      : mean_gap_(1.0 / rate_per_second), served_(served), rejected_(rejected) {}

  void init(sim::LpContext& context) override {
    stream_ = context.random(context.self().value(), 7);
    context.schedule(next_gap(), kArrival);
  }
  void handle(const sim::Event& event, sim::LpContext& context) override {
    if (event.type == kArrival) {
      // The last attempts stop short of the end, so that every reply arrives within the run.
      if (context.now() + sim::Duration::minutes(1) >= context.end_time()) return;
      context.send(sim::LpId{0}, context.lookahead(), OnlinePlatform::kAttempt, {next_member_++, 0});
      context.schedule(next_gap(), kArrival);
    } else if (event.type == OnlinePlatform::kServed) {
      ++*served_;
    } else if (event.type == OnlinePlatform::kRejected) {
      ++*rejected_;
    }
  }
  void finish(sim::LpContext& /*context*/) override {}

 private:
  // Gaps are whole seconds; a gap of 0 puts two arrivals in the same second, which the platform
  // handles in their sequence order.
  sim::Duration next_gap() { return sim::Duration{std::llround(stream_.exponential(mean_gap_))}; }

  double mean_gap_;
  std::uint64_t* served_;
  std::uint64_t* rejected_;
  std::uint64_t next_member_ = 0;
  sim::RandomStream stream_{sim::StreamKey{}};
};

struct QueueRun {
  std::vector<models::PlatformMinute> batches;  // the run cut into equal batches of minutes
  std::uint64_t attempts = 0;
  std::uint64_t served = 0;
  std::uint64_t rejected = 0;
};

QueueRun run_queue(int servers, double offered_load, std::size_t waiting_room, std::int64_t minutes,
                   int batch_count) {
  constexpr double kMeanService = 300.0;
  OnlinePlatformParameters parameters;
  parameters.capacity = static_cast<std::size_t>(servers);
  parameters.waiting_room = waiting_room;
  parameters.mean_service_seconds = kMeanService;
  parameters.minute_zero = sim::SimTime{1};  // the lookahead delays every attempt by 1 s

  sim::SimulationConfig config;
  config.lookahead = sim::Duration{1};
  config.end_time = sim::SimTime{minutes * 60};
  config.seed = 2020;
  sim::Simulation simulation(config);
  auto platform_model = std::make_unique<OnlinePlatform>(parameters);
  const OnlinePlatform& platform = *platform_model;
  QueueRun run;
  simulation.add_lp("platform", std::move(platform_model));
  simulation.add_lp("source",
                    std::make_unique<PoissonSource>(offered_load / kMeanService, &run.served, &run.rejected));
  sim::SequentialExecutor executor;
  simulation.run(executor);

  run.attempts = platform.total_attempts();
  const std::int64_t per_batch = minutes / batch_count;
  run.batches.resize(static_cast<std::size_t>(batch_count));
  for (const auto& [minute, counts] : platform.minutes()) {
    const auto batch = static_cast<std::size_t>(std::min<std::int64_t>(minute / per_batch, batch_count - 1));
    auto& b = run.batches[batch];
    b.attempts += counts.attempts;
    b.failures += counts.failures;
    b.queued += counts.queued;
    b.wait_seconds += counts.wait_seconds;
  }
  return run;
}

struct Estimate {
  double mean;
  double half_width;  // of the 99% batch-means confidence interval
};

template <typename Ratio>
Estimate batch_means(const std::vector<models::PlatformMinute>& batches, Ratio ratio) {
  std::vector<double> values;
  for (const auto& b : batches) values.push_back(ratio(b));
  double mean = 0;
  for (const double v : values) mean += v;
  mean /= static_cast<double>(values.size());
  double variance = 0;
  for (const double v : values) variance += (v - mean) * (v - mean);
  variance /= static_cast<double>(values.size() - 1);
  const boost::math::students_t t(static_cast<double>(values.size() - 1));
  const double quantile = boost::math::quantile(t, 0.995);
  return {mean, quantile * std::sqrt(variance / static_cast<double>(values.size()))};
}

}  // namespace

TEST_CASE("without a waiting room the failed-login share matches Erlang B", "[models]") {
  constexpr int kServers = 10;
  constexpr double kLoad = 8.0;  // Erlangs: arrival rate x mean service time
  const QueueRun run = run_queue(kServers, kLoad, 0, 120000, 20);
  REQUIRE(run.attempts > 150000);
  // Every attempt is answered, one way or the other.
  CHECK(run.served + run.rejected == run.attempts);
  const Estimate blocking = batch_means(run.batches, [](const models::PlatformMinute& b) {
    return static_cast<double>(b.failures) / static_cast<double>(b.attempts);
  });
  const double expected = erlang_b(kServers, kLoad);  // 0.1217
  INFO("blocking " << blocking.mean << " +- " << blocking.half_width << ", Erlang B " << expected);
  REQUIRE(blocking.half_width < 0.01);  // the interval is narrow enough to mean something
  CHECK(std::abs(blocking.mean - expected) < blocking.half_width);
}

TEST_CASE("with an unbounded waiting room the waiting share and mean wait match Erlang C", "[models]") {
  constexpr int kServers = 10;
  constexpr double kLoad = 8.0;
  const QueueRun run = run_queue(kServers, kLoad, models::PlatformQueue::kUnboundedWaitingRoom, 120000, 20);
  CHECK(run.rejected == 0);
  const Estimate waiting_share = batch_means(run.batches, [](const models::PlatformMinute& b) {
    return static_cast<double>(b.queued) / static_cast<double>(b.attempts);
  });
  const double expected_share = erlang_c(kServers, kLoad);  // 0.409
  INFO("waiting share " << waiting_share.mean << " +- " << waiting_share.half_width << ", Erlang C "
                        << expected_share);
  REQUIRE(waiting_share.half_width < 0.03);
  CHECK(std::abs(waiting_share.mean - expected_share) < waiting_share.half_width);

  const Estimate mean_wait = batch_means(run.batches, [](const models::PlatformMinute& b) {
    return static_cast<double>(b.wait_seconds) / static_cast<double>(b.attempts);
  });
  // W_q = C / (c mu - lambda) with mu = 1/300 s and lambda = 8/300 s: 150 C seconds.
  const double expected_wait = expected_share / (kServers / 300.0 - kLoad / 300.0);
  INFO("mean wait " << mean_wait.mean << " +- " << mean_wait.half_width << " s, closed form "
                    << expected_wait);
  CHECK(std::abs(mean_wait.mean - expected_wait) < mean_wait.half_width);
}

TEST_CASE("a platform larger than the demand never fails a login", "[models]") {
  const QueueRun run = run_queue(60, 8.0, 0, 20000, 4);
  REQUIRE(run.attempts > 20000);
  CHECK(run.rejected == 0);
  CHECK(run.served == run.attempts);
}
