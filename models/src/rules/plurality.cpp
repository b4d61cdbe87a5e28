// Plurality with top-k marks and equal sharing within a tied tier.
#include "primsim/models/rules/plurality.hpp"

#include <algorithm>

#include "fractional_tally.hpp"

namespace primsim::models::rules {

TallyResult plurality(const Profile& profile, std::size_t winners, const TieBreak& tie_break,
                      std::size_t marks) {
  const std::size_t n = profile.candidate_count();
  FractionalTally tally(n);
  for (std::size_t b = 0; b < profile.ballot_count(); ++b) {
    const BallotView ballot = profile.ballot(b);
    std::size_t used = 0;
    for (std::size_t begin = 0; begin < ballot.candidates.size() && used < marks;) {
      const std::size_t end = ballot.tier_end(begin);
      const std::size_t size = end - begin;
      const std::size_t given = std::min(size, marks - used);
      for (std::size_t i = begin; i < end; ++i) tally.add(ballot.candidates[i], given * ballot.count, size);
      used += given;
      begin = end;
    }
  }
  return rank_by_score(tally.scores(), winners, tie_break.precedence(n));
}

}  // namespace primsim::models::rules
