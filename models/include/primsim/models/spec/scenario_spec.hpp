// A whole validated scenario, as the loader hands it to the models: plain values only, every
// default filled in, every reference checked, every time in SimTime seconds since the epoch.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "primsim/models/spec/behaviour_spec.hpp"
#include "primsim/models/spec/calendar_spec.hpp"
#include "primsim/models/spec/candidacy_spec.hpp"
#include "primsim/models/spec/disruption_spec.hpp"
#include "primsim/models/spec/ensemble_spec.hpp"
#include "primsim/models/spec/membership_spec.hpp"
#include "primsim/models/spec/selection_spec.hpp"
#include "primsim/models/spec/target_spec.hpp"
#include "primsim/models/spec/territory_spec.hpp"
#include "primsim/models/spec/voting_spec.hpp"

namespace primsim::models::spec {

// A party that holds the primaries. A scenario with several parties (mandatory primaries for
// every party, Argentina's PASO) runs the same process for each under the same rules and
// calendar; the scenario's membership and candidacy figures describe the first party.
struct PartySpec {
  std::string name;
  // Share of the voters who support the party, in [0, 1]: of an all_voters selectorate it is the
  // share who choose this party's ballot, and a threshold counts the party's votes against the
  // votes of every party estimated from it.
  double support_share = 1.0;
  // Lists (slates) the party enters per contest.
  std::int32_t lists = 1;
  // The party's members and applicants relative to the scenario's figures; the checks fill it in
  // when absent: 1 for the first party, support_share over the first party's for the others.
  std::optional<double> scale;
};

struct ScenarioSpec {
  std::string name;
  std::string description;
  std::vector<PartySpec> parties;  // at least one; shares sum to at most 1
  CalendarSpec calendar;
  TerritorySpec territory;
  MembershipSpec membership;
  CandidacySpec candidacy;
  SelectionSpec selection;
  VotingSpec voting;
  DisruptionsSpec disruptions;
  TurnoutSpec turnout;
  ChoiceSpec choice;
  EnsembleSpec ensemble;
  OutputSpec output;
  // Published figures that set a parameter each, and those that set nothing (MODELLING.md rule
  // 1); read only by `primsim validate --model`.
  std::vector<TargetSpec> calibration;
  std::vector<TargetSpec> validation;
};

}  // namespace primsim::models::spec
