// Two-round system: first-round plurality, outright-win tests, and a runoff read from rankings.
#include "primsim/models/rules/two_round.hpp"

#include <algorithm>
#include <vector>

#include "primsim/models/rules/plurality.hpp"

namespace primsim::models::rules {

TwoRoundResult two_round(const Profile& profile, const TieBreak& tie_break, const TwoRoundOptions& options) {
  const std::size_t n = profile.candidate_count();
  const auto precedence = tie_break.precedence(n);
  TwoRoundResult result;
  result.tally = plurality(profile, 1, tie_break, 1);
  for (TieNote& tie : result.tally.ties) tie.round = 1;
  if (n < 2) return result;
  double valid = 0.0;
  for (const double s : result.tally.scores) valid += s;
  const CandidateIndex first = result.tally.order[0];
  const CandidateIndex second = result.tally.order[1];
  const double first_share = valid > 0.0 ? result.tally.scores[first] / valid : 0.0;
  const double second_share = valid > 0.0 ? result.tally.scores[second] / valid : 0.0;
  const bool outright =
      first_share > options.majority || (options.qualified_share && first_share > *options.qualified_share &&
                                         first_share - second_share >= options.lead);
  if (outright) return result;

  result.runoff_held = true;
  std::vector<std::size_t> place(n);
  std::uint64_t for_first = 0;
  std::uint64_t for_second = 0;
  for (std::size_t b = 0; b < profile.ballot_count(); ++b) {
    const BallotView ballot = profile.ballot(b);
    // A ballot's level for a candidate: its tier number, unlisted below every tier.
    std::size_t level_first = ballot.candidates.size() + 1;
    std::size_t level_second = level_first;
    std::size_t tier = 0;
    for (std::size_t i = 0; i < ballot.candidates.size(); ++i) {
      tier += ballot.tier_start[i];
      if (ballot.candidates[i] == first) level_first = tier;
      if (ballot.candidates[i] == second) level_second = tier;
    }
    if (level_first < level_second) for_first += ballot.count;
    if (level_second < level_first) for_second += ballot.count;
  }
  const bool second_wins =
      for_second > for_first || (for_second == for_first && precedence[second] < precedence[first]);
  const CandidateIndex winner = second_wins ? second : first;
  const CandidateIndex loser = second_wins ? first : second;
  result.runoff_winner_votes = static_cast<double>(second_wins ? for_second : for_first);
  result.runoff_loser_votes = static_cast<double>(second_wins ? for_first : for_second);
  std::vector<CandidateIndex> order{winner, loser};
  for (std::size_t i = 2; i < n; ++i) order.push_back(result.tally.order[i]);
  std::vector<TieNote> ties = std::move(result.tally.ties);
  if (for_first == for_second) ties.push_back({2, {winner, loser}, static_cast<double>(for_first)});
  result.tally = result_from_order(std::move(result.tally.scores), std::move(order), 1);
  result.tally.ties = std::move(ties);
  return result;
}

}  // namespace primsim::models::rules
