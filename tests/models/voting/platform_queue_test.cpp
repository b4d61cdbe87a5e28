// The platform queue's admission rules: serve up to capacity, then wait or fail, FIFO hand-over.
#include <catch2/catch.hpp>

#include "primsim/models/voting/platform_queue.hpp"

using namespace primsim::models;

TEST_CASE("a loss platform serves up to its capacity and rejects the rest", "[models]") {
  PlatformQueue queue(2, 0);
  CHECK(queue.admit({1, 0, {}}) == Admission::kServed);
  CHECK(queue.admit({2, 0, {}}) == Admission::kServed);
  CHECK(queue.admit({3, 0, {}}) == Admission::kRejected);
  CHECK(queue.sessions() == 2);
  CHECK_FALSE(queue.release().has_value());
  CHECK(queue.sessions() == 1);
  CHECK(queue.admit({4, 0, {}}) == Admission::kServed);
}

TEST_CASE("a waiting room hands freed sessions over first come, first served", "[models]") {
  PlatformQueue queue(1, 2);
  CHECK(queue.admit({1, 0, {}}) == Admission::kServed);
  CHECK(queue.admit({2, 0, {}}) == Admission::kQueued);
  CHECK(queue.admit({3, 0, {}}) == Admission::kQueued);
  CHECK(queue.admit({4, 0, {}}) == Admission::kRejected);
  const auto first = queue.release();
  REQUIRE(first.has_value());
  CHECK(first->member == 2);
  CHECK(queue.sessions() == 1);
  CHECK(queue.waiting() == 1);
  CHECK(queue.release()->member == 3);
  CHECK_FALSE(queue.release().has_value());
  CHECK(queue.sessions() == 0);
}
