// The scenario's clock and calendar: the epoch every SimTime counts from, the time zone of local
// dates, and the phases of the process (nomination, debates, voting, ...) with their windows.
#pragma once

#include <array>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "primsim/models/spec/common_spec.hpp"
#include "primsim/sim/sim_time.hpp"

namespace primsim::models::spec {

// What happens in a phase; the models attach behaviour to the kind, the name is for people.
enum class PhaseKind {
  nomination,   // applications arrive (time-varying Poisson, candidacy.arrival_profile)
  screening,    // eligibility checks and registration decisions
  preparation,  // between registration and the campaign
  campaign,     // candidates campaign; debates may run inside it
  debates,      // mandatory debates; a candidate who skips is removed
  complaints,   // complaints reviewed, candidates disqualified
  voting,       // a selectorate votes through the channels of a stage
  conferences,  // district/city/region conferences adopt lists
  congress,     // the national congress adopts the final list
  other
};

inline constexpr std::array<std::string_view, 10> kPhaseKindNames{
    "nomination", "screening", "preparation", "campaign", "debates",
    "complaints", "voting",    "conferences", "congress", "other"};
constexpr std::span<const std::string_view> names_of(PhaseKind) { return kPhaseKindNames; }

struct PhaseSpec {
  std::string name;  // unique within the calendar; stages and disruptions refer to it
  PhaseKind kind = PhaseKind::other;
  TimeWindow window;  // as first scheduled; a suspension may replace it (DisruptionsSpec)
};

struct CalendarSpec {
  // The scenario's epoch as written (ISO local date-time in the scenario's zone), kept for the
  // output's `epoch` attribute. SimTime 0 is this instant.
  std::string epoch_iso;
  // UTC offset of the scenario's local times (Kazakhstan 2020: +06:00 for most regions).
  sim::Duration utc_offset = sim::Duration::hours(0);
  // The simulation stops here; every window must end at or before it.
  sim::SimTime horizon;
  // Ordered by window start (ties by name).
  std::vector<PhaseSpec> phases;
};

}  // namespace primsim::models::spec
