// A selector group's turnout and choice: the scenario's, with the group's own keys laid over.
#include "primsim/models/spec/behaviour_spec.hpp"

#include <cmath>

namespace primsim::models::spec {

double TurnoutSpec::base() const {
  if (!base_share) return base_logit;
  return std::log(*base_share / (1.0 - *base_share));
}

TurnoutSpec TurnoutAdjustSpec::applied_to(TurnoutSpec turnout) const {
  if (base_logit) {
    turnout.base_logit = *base_logit;
    turnout.base_share.reset();
  }
  if (base_share) turnout.base_share = *base_share;
  if (benefit) turnout.benefit = *benefit;
  if (cost) turnout.cost = *cost;
  if (duty) turnout.duty = *duty;
  if (habit) turnout.habit = *habit;
  if (mobilisation) turnout.mobilisation = *mobilisation;
  return turnout;
}

ChoiceSpec ChoiceAdjustSpec::applied_to(ChoiceSpec choice) const {
  if (valence_weight) choice.valence_weight = *valence_weight;
  if (debate_weight) choice.debate_weight = *debate_weight;
  if (endorsement_weight) choice.endorsement_weight = *endorsement_weight;
  if (dependent_endorsement_multiplier)
    choice.dependent_endorsement_multiplier = *dependent_endorsement_multiplier;
  if (local_affinity_weight) choice.local_affinity_weight = *local_affinity_weight;
  if (demographic_affinity_weight) choice.demographic_affinity_weight = *demographic_affinity_weight;
  if (incumbency_weight) choice.incumbency_weight = *incumbency_weight;
  return choice;
}

}  // namespace primsim::models::spec
