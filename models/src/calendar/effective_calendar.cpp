// Applying suspensions to the scheduled calendar, in the order they happened.
#include "primsim/models/calendar/effective_calendar.hpp"

#include <algorithm>

namespace primsim::models {

EffectiveCalendar::EffectiveCalendar(const spec::CalendarSpec& calendar,
                                     const spec::DisruptionsSpec& disruptions)
    : phases_(calendar.phases) {
  auto suspensions = disruptions.suspensions;
  std::stable_sort(suspensions.begin(), suspensions.end(),
                   [](const auto& a, const auto& b) { return a.at < b.at; });
  for (const auto& suspension : suspensions) {
    const sim::Duration delay = suspension.announced - suspension.at;
    for (auto& phase : phases_) {
      if (phase.window.end <= suspension.at) continue;
      const auto rescheduled = std::find_if(suspension.new_calendar.begin(), suspension.new_calendar.end(),
                                            [&](const auto& r) { return r.phase == phase.name; });
      if (rescheduled != suspension.new_calendar.end()) {
        phase.window = rescheduled->window;
      } else if (phase.window.start < suspension.at) {
        phase.window = {suspension.announced, phase.window.end + delay};
      } else {
        phase.window = {phase.window.start + delay, phase.window.end + delay};
      }
    }
  }
}

std::optional<std::size_t> EffectiveCalendar::find(std::string_view name) const {
  for (std::size_t i = 0; i < phases_.size(); ++i) {
    if (phases_[i].name == name) return i;
  }
  return std::nullopt;
}

std::optional<std::size_t> EffectiveCalendar::first_of(spec::PhaseKind kind) const {
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < phases_.size(); ++i) {
    if (phases_[i].kind != kind) continue;
    if (!best || phases_[i].window.start < phases_[*best].window.start) best = i;
  }
  return best;
}

}  // namespace primsim::models
