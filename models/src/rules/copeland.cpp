// Pairwise counts and Copeland scores.
#include "primsim/models/rules/copeland.hpp"

namespace primsim::models::rules {

std::vector<std::uint64_t> pairwise_preferences(const Profile& profile) {
  const std::size_t n = profile.candidate_count();
  std::vector<std::uint64_t> wins(n * n, 0);
  std::vector<std::size_t> level(n);
  for (std::size_t b = 0; b < profile.ballot_count(); ++b) {
    const BallotView ballot = profile.ballot(b);
    const std::size_t unlisted = ballot.candidates.size() + 1;
    std::fill(level.begin(), level.end(), unlisted);
    std::size_t tier = 0;
    for (std::size_t i = 0; i < ballot.candidates.size(); ++i) {
      tier += ballot.tier_start[i];
      level[ballot.candidates[i]] = tier;
    }
    for (std::size_t a = 0; a < n; ++a) {
      for (std::size_t c = 0; c < n; ++c) {
        if (level[a] < level[c]) wins[a * n + c] += ballot.count;
      }
    }
  }
  return wins;
}

TallyResult copeland(const Profile& profile, std::size_t winners, const TieBreak& tie_break) {
  const std::size_t n = profile.candidate_count();
  const auto wins = pairwise_preferences(profile);
  std::vector<double> scores(n, 0.0);
  for (std::size_t a = 0; a < n; ++a) {
    for (std::size_t c = 0; c < n; ++c) {
      if (a == c) continue;
      if (wins[a * n + c] > wins[c * n + a]) scores[a] += 1.0;
      if (wins[a * n + c] == wins[c * n + a]) scores[a] += 0.5;
    }
  }
  return rank_by_score(std::move(scores), winners, tie_break.precedence(n));
}

}  // namespace primsim::models::rules
