// Averaged Borda with exact shares for tied and unlisted candidates.
#include "primsim/models/rules/borda.hpp"

#include <vector>

#include "fractional_tally.hpp"

namespace primsim::models::rules {

TallyResult borda(const Profile& profile, std::size_t winners, const TieBreak& tie_break) {
  const std::size_t n = profile.candidate_count();
  FractionalTally tally(n);
  std::vector<std::uint64_t> whole(n, 0);  // the common strict case, without a division table
  for (std::size_t b = 0; b < profile.ballot_count(); ++b) {
    const BallotView ballot = profile.ballot(b);
    const std::size_t size = ballot.candidates.size();
    for (std::size_t begin = 0; begin < size;) {
      const std::size_t end = ballot.tier_end(begin);
      const std::size_t tier = end - begin;
      // Places begin..end-1 carry points n-1-begin down to n-end; their sum is shared.
      if (tier == 1) {
        whole[ballot.candidates[begin]] += (n - 1 - begin) * ballot.count;
      } else {
        const std::size_t points = tier * (2 * n - 1 - begin - end) / 2;
        for (std::size_t i = begin; i < end; ++i)
          tally.add(ballot.candidates[i], points * ballot.count, tier);
      }
      begin = end;
    }
    const std::size_t rest = n - size;
    if (rest > 1) {
      // The unlisted hold places size..n-1, whose points sum to rest*(rest-1)/2.
      const std::size_t points = rest * (rest - 1) / 2;
      tally.add_to_everyone(points * ballot.count, rest);
      for (const CandidateIndex c : ballot.candidates) tally.take_back(c, points * ballot.count, rest);
    }
  }
  std::vector<double> scores = tally.scores();
  for (std::size_t c = 0; c < n; ++c) scores[c] += static_cast<double>(whole[c]);
  return rank_by_score(std::move(scores), winners, tie_break.precedence(n));
}

}  // namespace primsim::models::rules
