// Approval counts from listed candidates.
#include "primsim/models/rules/approval.hpp"

#include <cstdint>
#include <vector>

namespace primsim::models::rules {

TallyResult approval(const Profile& profile, std::size_t winners, const TieBreak& tie_break) {
  const std::size_t n = profile.candidate_count();
  std::vector<std::uint64_t> counts(n, 0);
  for (std::size_t b = 0; b < profile.ballot_count(); ++b) {
    const BallotView ballot = profile.ballot(b);
    std::size_t approved = ballot.candidates.size();
    if (approved == n) {
      while (approved > 0 && ballot.tier_start[approved - 1] == 0) --approved;
      if (approved > 0) --approved;  // the last tier opens here
    }
    for (std::size_t i = 0; i < approved; ++i) counts[ballot.candidates[i]] += ballot.count;
  }
  std::vector<double> scores(counts.begin(), counts.end());
  return rank_by_score(std::move(scores), winners, tie_break.precedence(n));
}

}  // namespace primsim::models::rules
