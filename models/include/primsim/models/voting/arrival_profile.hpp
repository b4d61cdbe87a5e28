// When selectors who mean to vote come to a channel: a rate that follows local daytime over the
// whole window, with a level per voting day (the first day's rush), and the time of a return on
// the next local day by a voter who gave up for the day.
#pragma once

#include <cstdint>
#include <vector>

#include "primsim/models/spec/common_spec.hpp"
#include "primsim/sim/random_stream.hpp"
#include "primsim/sim/sim_time.hpp"

namespace primsim::models {

class ArrivalProfile {
 public:
  // `first_day_share` of first arrivals fall on the window's first day of the scenario's clock
  // (simulation time 0 is a midnight of it); the rest spread over the other days in proportion to
  // their daytime. Within a day the rate follows the hour of the region's clock, `local_shift`
  // ahead of the scenario's, peaking at `peak_hour`.
  ArrivalProfile(spec::TimeWindow window, double first_day_share, std::int32_t peak_hour,
                 sim::Duration local_shift);

  // A first arrival inside the window.
  [[nodiscard]] sim::SimTime sample(sim::RandomStream& stream) const;
  // A time on the local day after the one that contains `after`, drawn by the daytime rate
  // alone: it may fall after the window closes, when only an extension lets the voter in.
  [[nodiscard]] sim::SimTime next_day(sim::SimTime after, sim::RandomStream& stream) const;
  // Share of first arrivals before `t`.
  [[nodiscard]] double share_before(sim::SimTime t) const;

  // Relative arrival rate at a local hour in [0, 24): a Gaussian bump around the peak with a floor
  // for the night (a third of the day's arrivals fall between 20:00 and 06:00 with a 10:00 peak).
  [[nodiscard]] static double daytime_rate(double local_hour, std::int32_t peak_hour);

 private:
  [[nodiscard]] sim::SimTime draw_in_slot(std::size_t slot, sim::RandomStream& stream) const;

  sim::Duration local_shift_;
  // The window cut at every local hour; cumulative_[i] is the share of arrivals before the end of
  // slot i.
  std::vector<sim::SimTime> slot_start_;
  std::vector<sim::SimTime> slot_end_;
  std::vector<double> cumulative_;
  // Per local hour of a whole day, the cumulative share of a day's returns.
  std::vector<double> day_cumulative_;
};

}  // namespace primsim::models
