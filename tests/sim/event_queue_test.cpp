// EventQueue pops events in the engine's total order whatever order they were pushed in.
#include <algorithm>
#include <vector>

#include <catch2/catch.hpp>

#include "primsim/sim/event_queue.hpp"
#include "primsim/sim/random_stream.hpp"

using namespace primsim::sim;

TEST_CASE("event queue pops in (time, priority, origin, sequence) order", "[sim]") {
  RandomStream stream(StreamKey{7, 0, 0, 0});
  std::vector<Event> events;
  for (std::uint64_t i = 0; i < 5000; ++i) {
    Event e;
    // Few distinct values so that ties on time, priority and origin are common.
    e.time = SimTime{static_cast<std::int64_t>(stream.uniform_index(20))};
    e.priority = static_cast<std::int32_t>(stream.uniform_index(3)) - 1;
    e.origin = LpId{static_cast<std::uint32_t>(stream.uniform_index(4))};
    e.sequence = i;
    events.push_back(e);
  }
  auto sorted = events;
  std::sort(sorted.begin(), sorted.end(), EventBefore{});

  for (int ordering = 0; ordering < 2; ++ordering) {
    if (ordering == 1) std::reverse(events.begin(), events.end());
    EventQueue queue;
    for (const auto& e : events) queue.push(e);
    REQUIRE(queue.size() == events.size());
    for (const auto& expected : sorted) {
      const Event got = queue.pop();
      REQUIRE(got.sequence == expected.sequence);
    }
    CHECK(queue.empty());
    CHECK(queue.next_time() == SimTime::max());
  }
}

TEST_CASE("event queue interleaves pushes and pops like a hold model", "[sim]") {
  EventQueue queue;
  RandomStream stream(StreamKey{11, 0, 0, 0});
  std::uint64_t sequence = 0;
  for (int i = 0; i < 64; ++i) {
    Event e;
    e.time = SimTime{static_cast<std::int64_t>(stream.uniform_index(1000))};
    e.sequence = sequence++;
    queue.push(e);
  }
  SimTime last = SimTime::epoch();
  for (int i = 0; i < 20000; ++i) {
    const Event e = queue.pop();
    REQUIRE(e.time >= last);
    last = e.time;
    Event next;
    next.time = e.time + Duration{static_cast<std::int64_t>(stream.uniform_index(100))};
    next.sequence = sequence++;
    queue.push(next);
  }
  CHECK(queue.size() == 64);
}
