// Candidacy (Hazan and Rahat's first dimension): who may run, for which office, by which route,
// and how applications arrive during the nomination phase.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "primsim/models/spec/common_spec.hpp"
#include "primsim/sim/sim_time.hpp"

namespace primsim::models::spec {

// An office for which the party selects candidates (Mäjilis, oblast mäslihat, ...).
struct OfficeSpec {
  std::string name;  // unique; the key under candidacy.offices
  // Where this office's contests are held: one contest per unit of this level.
  TerritorialLevel contest_level = TerritorialLevel::district;
  std::int32_t min_age = 18;  // years (2020: 25 for the Mäjilis, 20 for mäslihats)
  // Places on the final list or seats to fill for this office, nationwide.
  std::int32_t places = 1;
  double application_share = 0.0;  // of all applications; offices sum to 1
  // Sitting deputies of this office (persons): the previous list's or seats' holders, of whom
  // candidacy.incumbents_running apply again. The previous list, for turnover.
  std::int32_t incumbents = 0;
};

// How a candidate gets nominated (self-nomination, a PPO, a public association, ...).
struct NominationRouteSpec {
  std::string name;    // unique; the key under candidacy.routes
  double share = 0.0;  // of applications; routes sum to 1 (2020: about 0.70 self-nominated)
};

// A piece of the piecewise-constant application arrival rate inside the nomination phase.
struct ArrivalPieceSpec {
  TimeWindow window;   // inside the nomination phase
  double share = 0.0;  // of all applications arriving in this window; pieces sum to 1
};

struct EligibilitySpec {
  bool members_only = true;              // non-members may not run
  bool non_members_may_join = true;      // ... but may join until registration closes (2020)
  std::int32_t min_residence_years = 0;  // years of residence in the country (2020: 10)
  bool exclude_convictions = true;       // unexpunged conviction or corruption offence bars
  // Applicants who fail the eligibility screening, as a fraction of applications.
  double ineligible_share = 0.0;
  // Applications rejected for a faulty registration (Kyzylorda 2020: 6 of 508).
  double faulty_registration_share = 0.0;
};

// Complaints: filed between registration and the vote, each against a registered candidate or,
// for a share of them, against fraudulent memberships in the candidate's PPO. A complaint is
// routed up the territory from that PPO to the body at `decided_at`, reviewed there and upheld
// with a probability: an upheld complaint removes the candidate or voids the PPO's fraudulent
// memberships (they leave the selectorate).
struct ComplaintsSpec {
  double rate = 0.0;                    // complaints per registered candidate over the campaign
  double membership_fraud_share = 0.0;  // of complaints, against the memberships of a PPO
  TerritorialLevel decided_at = TerritorialLevel::region;
  // A modelling assumption by default: the sources report outcomes, not review times.
  sim::Duration review_time = sim::Duration::days(3);
  double upheld_probability = 0.0;
};

// Withdrawals between registration and the vote, as a hazard (Jacobson and Kernell's strategic
// politicians: a candidate whose chances are poor leaves; and the leadership's pressure on the
// candidates it did not endorse). Once registrations close each registered candidate leaves at
// rate_per_week x exp(chances_weight x (weakness - 1/2) + pressure_weight x pressured) until the
// vote opens, where weakness is the share of the rivals in its contest whose prospect (the
// choice model's valence, endorsement and incumbency terms) is better, and pressured is 1 for a
// candidate without the leadership's endorsement who faces an endorsed rival. A longer gap
// between registration and the vote gives more withdrawals.
struct WithdrawalSpec {
  double rate_per_week = 0.0;  // the hazard of a median candidate under no pressure
  double chances_weight = 0.0;
  double pressure_weight = 0.0;
};

// How entry responds to the rules and the competition (Norris and Lovenduski's supply and
// demand of candidates; Jacobson and Kernell's strategic entry).
struct EntrySpec {
  // The quotas under which women_share and youth_share were observed (the 2020 instruction: 30%
  // women, 20% under 35). Unset: the scenario's own quotas, so that the quotas move nothing.
  std::optional<double> reference_women_quota;
  std::optional<double> reference_youth_quota;
  // Shift of the log-odds of an applicant being a woman (young) per unit of the highest women's
  // (youth) quota of the selection stages above its reference: 0 gives the shares unchanged.
  double quota_response = 0.0;
  // With a first vote open to every voter (selectorate all_voters) and non-members allowed to
  // run, outsiders apply besides the members: this many per member's application, each
  // self-nominated.
  double outsider_applications = 0.0;
  // Probability that a would-be applicant without incumbency or endorsement stays out of a
  // contest where an incumbent or an endorsed candidate has applied already.
  double deterrence = 0.0;
};

// The leadership's pre-screening by loyalty (a mechanism controlled by party leadership, as the
// seed calls the process): each applicant has a loyalty percentile ~ Uniform(0, 1); when enabled,
// at screening an applicant the leadership did not endorse and whose loyalty is below threshold
// is removed with removal_probability (reason loyalty_screening), before the eligibility check.
struct LoyaltyScreeningSpec {
  bool enabled = false;
  double threshold = 0.0;  // loyalty percentile
  double removal_probability = 0.0;
};

struct CandidacySpec {
  std::vector<OfficeSpec> offices;
  std::vector<NominationRouteSpec> routes;
  EligibilitySpec eligibility;
  // Expected would-be applications over the nomination phase, before deterrence (entry) and
  // outsiders (2020: calibrated so that about 10,700 apply).
  std::int64_t expected_applications = 0;
  // Name of the calendar phase of kind nomination during which applications arrive.
  std::string nomination_phase;
  // Empty: a constant rate over the nomination phase.
  std::vector<ArrivalPieceSpec> arrival_profile;
  double women_share = 0.5;         // of applicants (2020: 0.37)
  double youth_share = 0.0;         // of applicants under youth_max_age (2020: 0.29)
  std::int32_t youth_max_age = 35;  // years; "youth" means younger than this
  // Share of each office's sitting deputies who apply to it again.
  double incumbents_running = 1.0;
  // Candidate valence ~ Normal(0, valence_sd) on the choice model's utility scale.
  double valence_sd = 1.0;
  // Probability that a registered candidate skips a mandatory debate (and is removed).
  double debate_skip_probability = 0.0;
  WithdrawalSpec withdrawal;
  EntrySpec entry;
  LoyaltyScreeningSpec loyalty_screening;
  ComplaintsSpec complaints;
};

}  // namespace primsim::models::spec
