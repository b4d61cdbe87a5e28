// A bare PHOLD hold loop: no LPs, no contexts, no engine; just the heap and the draws.
#include "bare_hold_loop.hpp"

#include <chrono>
#include <functional>
#include <queue>
#include <utility>
#include <vector>

#include "primsim/sim/random_stream.hpp"
#include "primsim/sim/simulation_config.hpp"

namespace primsim::bench {

BareHoldResult run_bare_hold_loop(const sim::PholdParameters& parameters, std::uint64_t seed) {
  const sim::SimulationConfig config = sim::phold_config(parameters, seed);
  const std::int64_t end = config.end_time.seconds_since_epoch();
  // The sequence's low 24 bits carry the LP, so the pair stays (time, sequence).
  constexpr int kLpBits = 24;
  constexpr std::uint64_t kLpMask = (std::uint64_t{1} << kLpBits) - 1;
  using Entry = std::pair<std::int64_t, std::uint64_t>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap;
  std::vector<sim::RandomStream> streams;
  streams.reserve(parameters.lps);
  std::uint64_t sequence = 0;

  const auto start = std::chrono::steady_clock::now();
  for (std::uint32_t lp = 0; lp < parameters.lps; ++lp) {
    streams.emplace_back(sim::StreamKey{seed, 0, lp, sim::PholdModel::kPurpose});
    for (std::uint32_t i = 0; i < parameters.start_events; ++i) {
      heap.emplace(sim::PholdModel::draw_delay(parameters, streams[lp]).count(),
                   (sequence++ << kLpBits) | lp);
    }
  }
  BareHoldResult result;
  while (!heap.empty() && heap.top().first < end) {
    const auto [time, tagged] = heap.top();
    heap.pop();
    auto& stream = streams[tagged & kLpMask];
    std::uint64_t target = tagged & kLpMask;
    if (stream.uniform() < parameters.remote) target = stream.uniform_index(parameters.lps);
    const std::int64_t next = time + sim::PholdModel::draw_delay(parameters, stream).count();
    heap.emplace(next, (sequence++ << kLpBits) | target);
    ++result.events;
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

BareHoldResult time_hold_operations(std::size_t pending, std::uint64_t operations, std::uint64_t seed) {
  using Entry = std::pair<std::int64_t, std::uint64_t>;
  std::vector<Entry> storage;
  storage.reserve(pending + 1);
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap(std::greater<>{}, std::move(storage));
  sim::RandomStream stream(sim::StreamKey{seed, 0, 0, sim::PholdModel::kPurpose});
  constexpr double kMeanDelay = 1e6;
  std::uint64_t sequence = 0;
  for (std::size_t i = 0; i < pending; ++i)
    heap.emplace(static_cast<std::int64_t>(stream.exponential(kMeanDelay)), sequence++);
  BareHoldResult result;
  const auto start = std::chrono::steady_clock::now();
  for (std::uint64_t i = 0; i < operations; ++i) {
    const std::int64_t time = heap.top().first;
    heap.pop();
    heap.emplace(time + static_cast<std::int64_t>(stream.exponential(kMeanDelay)), sequence++);
  }
  result.events = operations;
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // Keeps the loop from being optimised away.
  if (heap.top().first < 0) result.events = 0;
  return result;
}

}  // namespace primsim::bench
