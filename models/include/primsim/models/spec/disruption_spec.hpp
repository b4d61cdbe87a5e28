// Scheduled exogenous events: a suspension of every phase (COVID-19, March 2020) that resumes
// with a calendar announced later (4 Jun 2020), and outages of a voting channel.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "primsim/models/spec/common_spec.hpp"
#include "primsim/sim/sim_time.hpp"

namespace primsim::models::spec {

// The new window of one phase, part of the calendar a suspension resumes with.
struct RescheduledPhaseSpec {
  std::string phase;  // a phase of the calendar
  TimeWindow window;  // starts after the announcement
};

struct SuspensionSpec {
  std::string name;
  // Every phase running or scheduled after this instant stops ...
  sim::SimTime at;
  // ... until the party announces a new calendar at this instant (after `at`).
  sim::SimTime announced;
  // Phases not listed keep their window shifted by (announced - at).
  std::vector<RescheduledPhaseSpec> new_calendar;
  // What the delay does besides moving the calendar:
  // members joining (> 0) or lapsing (< 0) over it, as a share of the membership ...
  double membership_change = 0.0;
  // ... channels that do not open under the new calendar (in-person meetings in a pandemic) ...
  std::vector<std::string> closed_channels;
  // ... and the first voting day's share of arrivals under it (turnout.first_day_share).
  std::optional<double> first_day_share;
};

struct OutageSpec {
  std::string name;
  std::string channel;  // a channel of voting
  TimeWindow window;
  // Capacity left during the outage, as a fraction of normal capacity: 0 is a full outage.
  double capacity_factor = 0.0;
};

struct DisruptionsSpec {
  std::vector<SuspensionSpec> suspensions;  // by `at`
  std::vector<OutageSpec> outages;
};

}  // namespace primsim::models::spec
