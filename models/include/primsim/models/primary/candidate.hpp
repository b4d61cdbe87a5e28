// A candidate as a region's LP tracks it from application to the end of the process.
#pragma once

#include <cstdint>

#include "primsim/models/results/result_codes.hpp"
#include "primsim/sim/sim_time.hpp"

namespace primsim::models {

// Where an applicant's path ends: exactly one of these for every applicant of a finished run.
enum class CandidateOutcome : std::uint8_t {
  in_race,       // not yet ended: never the case after finish()
  removed,       // see removal_reason
  not_selected,  // stood in the vote and lost
  selected,
};

struct Candidate {
  std::uint32_t id = 0;  // index within the region
  std::uint16_t region = 0;
  std::uint16_t branch = 0;
  std::uint32_t ppo = 0;
  std::uint8_t office = 0;  // index into CandidacySpec::offices
  results::Gender gender = results::Gender::female;
  std::uint8_t age = 0;
  results::Route route = results::Route::self_nominated;
  bool incumbent = false;
  bool endorsed = false;  // carries the leadership's endorsement
  double valence = 0.0;
  // Percentile of loyalty to the leadership, ~ Uniform(0, 1); drawn only when the scenario's
  // loyalty screening is enabled (0 otherwise).
  double loyalty = 0.0;
  double debate_signal = 0.0;
  sim::SimTime applied_at;
  results::Stage reached = results::Stage::nominated;
  CandidateOutcome outcome = CandidateOutcome::in_race;
  results::RemovalReason removal_reason = results::RemovalReason::withdrew;
  sim::SimTime removed_at;  // when the candidate left the race, if removed
  // The contest the candidate stood in, once on a ballot: its number in the region (from 1),
  // its size, the rule's score, the share of the contest's points, and the rank (1: best).
  std::uint32_t contest = 0;
  std::uint32_t contest_candidates = 0;
  double votes = 0.0;
  double score = 0.0;
  std::uint32_t contest_rank = 0;
  // score x contest_candidates: a contest's average is 1 whatever its size, so stages that merge
  // contests compare candidates on it (see spec::MergeRule).
  [[nodiscard]] double scaled_share() const { return score * static_cast<double>(contest_candidates); }
};

inline bool in_race(const Candidate& c) { return c.outcome == CandidateOutcome::in_race; }

inline void remove(Candidate& c, results::RemovalReason reason, sim::SimTime at) {
  c.outcome = CandidateOutcome::removed;
  c.removal_reason = reason;
  c.removed_at = at;
}

}  // namespace primsim::models
