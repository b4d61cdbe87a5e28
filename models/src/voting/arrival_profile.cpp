// Piecewise-constant arrival rates by local hour, sampled by inverting their cumulative shares.
#include "primsim/models/voting/arrival_profile.hpp"

#include <algorithm>
#include <cmath>

namespace primsim::models {
namespace {

constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kDay = 86400;

std::int64_t floor_div(std::int64_t a, std::int64_t b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }

double local_hour(sim::SimTime t, sim::Duration offset) {
  const std::int64_t local = t.seconds_since_epoch() + offset.count();
  return static_cast<double>(local - floor_div(local, kDay) * kDay) / 3600.0;
}

std::size_t slot_of(const std::vector<double>& cumulative, double u) {
  const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), u * cumulative.back());
  return std::min<std::size_t>(static_cast<std::size_t>(it - cumulative.begin()), cumulative.size() - 1);
}

}  // namespace

double ArrivalProfile::daytime_rate(double local_hour, std::int32_t peak_hour) {
  double distance = std::abs(local_hour - static_cast<double>(peak_hour));
  distance = std::min(distance, 24.0 - distance);
  return 0.15 + std::exp(-0.5 * (distance / 3.0) * (distance / 3.0));
}

ArrivalProfile::ArrivalProfile(spec::TimeWindow window, double first_day_share, std::int32_t peak_hour,
                               sim::Duration local_shift)
    : local_shift_(local_shift) {
  // Slots end at every local hour boundary; the daytime rate is taken at a slot's middle.
  std::vector<double> mass;
  std::vector<std::int64_t> day;
  const std::int64_t first_day = floor_div(window.start.seconds_since_epoch(), kDay);
  for (sim::SimTime t = window.start; t < window.end;) {
    const std::int64_t local = t.seconds_since_epoch() + local_shift.count();
    const sim::SimTime hour_end{(floor_div(local, kHour) + 1) * kHour - local_shift.count()};
    const sim::SimTime end = std::min(hour_end, window.end);
    const sim::SimTime middle = t + sim::Duration{(end - t).count() / 2};
    slot_start_.push_back(t);
    slot_end_.push_back(end);
    mass.push_back(daytime_rate(local_hour(middle, local_shift), peak_hour) *
                   static_cast<double>((end - t).count()));
    day.push_back(floor_div(t.seconds_since_epoch(), kDay) - first_day);
    t = end;
  }
  double first_mass = 0.0;
  double rest_mass = 0.0;
  for (std::size_t i = 0; i < mass.size(); ++i) (day[i] == 0 ? first_mass : rest_mass) += mass[i];
  // One day only, or a first day with no time in the window: the daytime rate alone.
  const bool levelled = first_mass > 0.0 && rest_mass > 0.0;
  double running = 0.0;
  for (std::size_t i = 0; i < mass.size(); ++i) {
    const double level = !levelled     ? 1.0
                         : day[i] == 0 ? first_day_share / first_mass
                                       : (1.0 - first_day_share) / rest_mass;
    cumulative_.push_back(running += level * mass[i]);
  }
  if (cumulative_.empty() || running <= 0.0) {
    slot_start_.assign(1, window.start);
    slot_end_.assign(1, std::max(window.end, window.start + sim::Duration{1}));
    cumulative_.assign(1, 1.0);
  }
  running = 0.0;
  for (int h = 0; h < 24; ++h) day_cumulative_.push_back(running += daytime_rate(h + 0.5, peak_hour));
}

sim::SimTime ArrivalProfile::draw_in_slot(std::size_t slot, sim::RandomStream& stream) const {
  const auto length = static_cast<double>((slot_end_[slot] - slot_start_[slot]).count());
  return slot_start_[slot] + sim::Duration{static_cast<std::int64_t>(stream.uniform() * length)};
}

sim::SimTime ArrivalProfile::sample(sim::RandomStream& stream) const {
  return draw_in_slot(slot_of(cumulative_, stream.uniform()), stream);
}

sim::SimTime ArrivalProfile::next_day(sim::SimTime after, sim::RandomStream& stream) const {
  const std::int64_t local = after.seconds_since_epoch() + local_shift_.count();
  const std::int64_t next_midnight = (floor_div(local, kDay) + 1) * kDay - local_shift_.count();
  const auto hour = static_cast<std::int64_t>(slot_of(day_cumulative_, stream.uniform()));
  const auto within = static_cast<std::int64_t>(stream.uniform() * static_cast<double>(kHour));
  return sim::SimTime{next_midnight + hour * kHour + within};
}

double ArrivalProfile::share_before(sim::SimTime t) const {
  double before = 0.0;
  for (std::size_t i = 0; i < slot_start_.size(); ++i) {
    const double previous = i == 0 ? 0.0 : cumulative_[i - 1];
    if (slot_end_[i] <= t) {
      before = cumulative_[i];
    } else if (slot_start_[i] < t) {
      const double fraction = static_cast<double>((t - slot_start_[i]).count()) /
                              static_cast<double>((slot_end_[i] - slot_start_[i]).count());
      before = previous + fraction * (cumulative_[i] - previous);
    }
  }
  return before / cumulative_.back();
}

}  // namespace primsim::models
