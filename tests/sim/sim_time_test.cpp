// SimTime and Duration: integer arithmetic and saturation at the end of time.
#include <catch2/catch.hpp>

#include "primsim/sim/sim_time.hpp"

using primsim::sim::Duration;
using primsim::sim::SimTime;

TEST_CASE("durations convert units to whole seconds", "[sim]") {
  CHECK(Duration::minutes(90).count() == 5400);
  CHECK(Duration::hours(24).count() == 86400);
  CHECK(Duration::days(10) == Duration::hours(240));
}

TEST_CASE("time plus duration and time differences are exact", "[sim]") {
  const SimTime open{86400};
  const SimTime close = open + Duration::hours(62);
  CHECK(close.seconds_since_epoch() == 86400 + 62 * 3600);
  CHECK(close - open == Duration::hours(62));
  CHECK(open < close);
}

TEST_CASE("saturating_add stops at the end of time instead of overflowing", "[sim]") {
  const SimTime near_end = SimTime::max() - Duration{10};
  CHECK(near_end.saturating_add(Duration::hours(1)) == SimTime::max());
  CHECK(SimTime{5}.saturating_add(Duration{5}) == SimTime{10});
}
