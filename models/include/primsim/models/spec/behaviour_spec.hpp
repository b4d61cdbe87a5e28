// Parameters of the selectors' behaviour: whether they turn out (calculus of voting, habit,
// workplace mobilisation) and how they rank candidates (conditional logit / Plackett-Luce).
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "primsim/sim/sim_time.hpp"

namespace primsim::models::spec {

// P(vote) = logistic(base_logit + benefit - cost + duty + habit + mobilisation) per selector.
struct TurnoutSpec {
  double base_logit = 0.0;
  double benefit = 0.0;  // p*B of the calculus of voting, on the logit scale
  double cost = 0.0;     // C: effort of voting through the channel
  double duty = 0.0;     // D: civic or party duty
  double habit = 0.0;    // added for members who voted in the last primaries
  // Added for employer-dependent members (workplace mobilisation).
  double mobilisation = 0.0;
  // Share of a voter's first attempts made in the first 24 hours of the window; the rest spread
  // evenly (2020: a rush of 100,000+ simultaneous requests on the first morning).
  double first_day_share = 0.5;
  // Arrival rate peaks at this local hour of the day.
  std::int32_t peak_hour = 10;
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

}  // namespace primsim::models::spec
