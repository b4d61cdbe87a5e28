// Parameters of the selectors' behaviour: whether they turn out (calculus of voting, habit,
// workplace mobilisation) and how they rank candidates (conditional logit / Plackett-Luce).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "primsim/sim/sim_time.hpp"

namespace primsim::models::spec {

// A region's own turnout: a shift of every selector's turnout logit there.
struct RegionTurnoutSpec {
  std::string name;  // a region of the territory
  double shift = 0.0;
};

// P(vote) = logistic(base + closeness * benefit - cost - channel cost + duty + habit +
// mobilisation + region shift [+ compulsory_bonus]) per selector: Riker and Ordeshook's
// R = pB - C + D, with p read as the closeness of the selector's contests.
struct TurnoutSpec {
  double base_logit = 0.0;
  // The same as a probability: base_logit = logit(base_share). At most one of the two is given.
  std::optional<double> base_share;
  // B of the calculus of voting on the logit scale, weighted by the expected closeness of the
  // selector's contests in [0, 1] (0: uncontested, 1: the last winner and first loser even).
  double benefit = 0.0;
  double cost = 0.0;  // C: effort of voting at all; each channel adds its own cost
  double duty = 0.0;  // D: civic or party duty
  // Added for members who voted in the previous cycle (membership.voted_last_cycle).
  double habit = 0.0;
  // Added for employer-dependent selectors (workplace mobilisation).
  double mobilisation = 0.0;
  // Added where the stage's selectorate is compulsory (Argentina's PASO).
  double compulsory_bonus = 4.0;
  std::vector<RegionTurnoutSpec> by_region;
  // Share of first attempts made on the first day of the window (scenario clock); the rest spread
  // over the other days by their daytime (2020: a rush of 100,000+ simultaneous requests on the
  // first morning).
  double first_day_share = 0.5;
  // Arrival rate peaks at this local hour of the day.
  std::int32_t peak_hour = 10;

  [[nodiscard]] double base() const;
};

// A selector group's departures from the scenario's turnout; absent keys keep its value.
struct TurnoutAdjustSpec {
  std::optional<double> base_logit;
  std::optional<double> base_share;
  std::optional<double> benefit;
  std::optional<double> cost;
  std::optional<double> duty;
  std::optional<double> habit;
  std::optional<double> mobilisation;

  [[nodiscard]] TurnoutSpec applied_to(TurnoutSpec turnout) const;
};

enum class ChoiceModel { conditional_logit, plackett_luce };

inline constexpr std::array<std::string_view, 2> kChoiceModelNames{"conditional_logit", "plackett_luce"};
constexpr std::span<const std::string_view> names_of(ChoiceModel) { return kChoiceModelNames; }

// Utility of candidate c for selector i: the weighted sum below plus Gumbel noise.
struct ChoiceSpec {
  ChoiceModel model = ChoiceModel::plackett_luce;
  double valence_weight = 1.0;
  double debate_weight = 0.0;       // signal from the candidate's debate performance
  double endorsement_weight = 0.0;  // the leadership's endorsement
  // Multiplies endorsement_weight for employer-dependent selectors.
  double dependent_endorsement_multiplier = 1.0;
  double local_affinity_weight = 0.0;        // candidate from the selector's own PPO
  double demographic_affinity_weight = 0.0;  // same gender or age band
  double incumbency_weight = 0.0;            // a sitting deputy of the office
  // Candidates a ballot ranks or marks; 0: all.
  std::int32_t ballot_depth = 0;
};

// A selector group's departures from the scenario's choice weights; absent keys keep its value.
struct ChoiceAdjustSpec {
  std::optional<double> valence_weight;
  std::optional<double> debate_weight;
  std::optional<double> endorsement_weight;
  std::optional<double> dependent_endorsement_multiplier;
  std::optional<double> local_affinity_weight;
  std::optional<double> demographic_affinity_weight;
  std::optional<double> incumbency_weight;

  [[nodiscard]] ChoiceSpec applied_to(ChoiceSpec choice) const;
};

}  // namespace primsim::models::spec
