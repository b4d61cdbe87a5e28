// The platform's session ends by second: the same count of ended sessions at every query as a
// heap of every end, including sessions of no length, sessions beyond the ring and long gaps.
#include <cstdint>
#include <functional>
#include <queue>
#include <random>
#include <vector>

#include <catch2/catch.hpp>

#include "primsim/models/voting/session_ends.hpp"

using primsim::models::SessionEnds;

TEST_CASE("session ends are counted at the second they end, and a second may be asked twice",
          "[models][platform]") {
  SessionEnds ends;
  ends.add(100, 100);  // a session of no length ends at once
  ends.add(100, 160);
  ends.add(100, 160);
  ends.add(100, 400);
  CHECK(ends.take_ended(100) == 1);
  ends.add(100, 100);  // started and ended in the second already asked about
  CHECK(ends.take_ended(100) == 1);
  CHECK(ends.take_ended(159) == 0);
  CHECK(ends.take_ended(160) == 2);
  CHECK(ends.open() == 1);
  ends.add(200, 200 + 3 * SessionEnds::kSpan);  // beyond the ring
  CHECK(ends.take_ended(399) == 0);
  CHECK(ends.take_ended(100000) == 2);
  CHECK(ends.open() == 0);
}

TEST_CASE("session ends agree with a heap of every end over a long random day", "[models][platform]") {
  // Queries in time order with gaps from none to a night, sessions from none to beyond the ring.
  std::mt19937_64 random(2020);
  std::exponential_distribution<double> service(1.0 / 300.0);
  std::uniform_int_distribution<int> gap_kind(0, 99);
  SessionEnds ends;
  std::priority_queue<std::int64_t, std::vector<std::int64_t>, std::greater<>> reference;
  std::int64_t now = 1'600'000'000;
  std::size_t compared = 0;
  for (int step = 0; step < 200'000; ++step) {
    const int kind = gap_kind(random);
    if (kind < 40) {
      // same second
    } else if (kind < 97) {
      now += static_cast<std::int64_t>(random() % 30);
    } else if (kind < 99) {
      now += static_cast<std::int64_t>(random() % 5000);
    } else {
      now += 10 * 3600 + static_cast<std::int64_t>(random() % 40000);
    }
    std::size_t expected = 0;
    while (!reference.empty() && reference.top() <= now) {
      reference.pop();
      ++expected;
    }
    REQUIRE(ends.take_ended(now) == expected);
    ++compared;
    const auto length = kind == 0   ? std::int64_t{0}
                        : kind == 1 ? SessionEnds::kSpan + static_cast<std::int64_t>(random() % 100000)
                                    : static_cast<std::int64_t>(service(random));
    ends.add(now, now + length);
    reference.push(now + length);
    REQUIRE(ends.open() == reference.size());
  }
  CHECK(compared == 200'000);
}
