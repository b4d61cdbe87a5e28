// The arrival rate of voters over a multi-day window: the first day's share, daytime by the
// region's clock, never outside the window, and returns on the next local day.
#include <catch2/catch.hpp>

#include "primsim/models/voting/arrival_profile.hpp"

using namespace primsim;
using namespace primsim::models;

namespace {

constexpr std::int64_t kDay = 86400;

sim::SimTime at(std::int64_t day, std::int64_t hour = 0) { return sim::SimTime{day * kDay + hour * 3600}; }

}  // namespace

TEST_CASE("the first day takes its share of first arrivals and the rest follow daytime", "[models]") {
  // 1 Oct 00:00 - 3 Oct 14:00 on the scenario's clock, in a region on the same clock.
  const spec::TimeWindow window{at(10), at(12, 14)};
  const ArrivalProfile profile(window, 0.6, 10, sim::Duration{0});
  CHECK(profile.share_before(at(11)) == Approx(0.6).margin(1e-12));
  sim::RandomStream stream(sim::StreamKey{7, 0, 1, 2});
  constexpr int kDraws = 200000;
  int first_day = 0;
  int night = 0;  // 00:00 - 06:00 local
  int peak = 0;   // 08:00 - 12:00 local
  int last_day = 0;
  for (int i = 0; i < kDraws; ++i) {
    const sim::SimTime t = profile.sample(stream);
    REQUIRE(t >= window.start);
    REQUIRE(t < window.end);
    const std::int64_t hour = (t.seconds_since_epoch() % kDay) / 3600;
    if (t < at(11)) ++first_day;
    if (t >= at(12)) ++last_day;
    if (hour < 6) ++night;
    if (hour >= 8 && hour < 12) ++peak;
  }
  // Binomial noise at 200,000 draws is about 0.0011 on a share of 0.6: 5 sigma.
  CHECK(static_cast<double>(first_day) / kDraws == Approx(0.6).margin(0.0055));
  // The last day is open until 14:00 only and has the same level as the second: it gets less.
  CHECK(last_day > 0);
  CHECK(last_day < (kDraws - first_day - last_day));
  // Four peak hours draw 2.75 times as many as the six night hours (40.8% against 14.8% of a
  // whole day's arrivals by the daytime rate).
  CHECK(peak > 2.5 * night);
  CHECK(peak < 3.0 * night);
  CHECK(static_cast<double>(profile.share_before(at(12, 14))) == Approx(1.0));
}

TEST_CASE("daytime follows the region's clock, not the scenario's", "[models]") {
  const spec::TimeWindow window{at(10), at(11)};
  // A region five hours ahead: its 10:00 peak is 05:00 on the scenario's clock.
  const ArrivalProfile ahead(window, 1.0, 10, sim::Duration::hours(5));
  const ArrivalProfile same(window, 1.0, 10, sim::Duration{0});
  CHECK(ahead.share_before(at(10, 7)) > 0.5);
  CHECK(same.share_before(at(10, 7)) < 0.25);
  CHECK(ArrivalProfile::daytime_rate(10.0, 10) > 5 * ArrivalProfile::daytime_rate(22.0, 10));
}

TEST_CASE("a voter who comes back does so on the next local day, whatever the window", "[models]") {
  const spec::TimeWindow window{at(10), at(12, 14)};
  const ArrivalProfile profile(window, 0.5, 10, sim::Duration::hours(-1));
  sim::RandomStream stream(sim::StreamKey{7, 0, 1, 3});
  for (int i = 0; i < 10000; ++i) {
    // 23:30 on day 12 on the scenario's clock is 22:30 local: tomorrow is local day 13, which
    // starts at 01:00 on the scenario's clock and lies wholly after the window.
    const sim::SimTime back = profile.next_day(at(12, 23) + sim::Duration::minutes(30), stream);
    REQUIRE(back >= at(13, 1));
    REQUIRE(back < at(14, 1));
  }
}
